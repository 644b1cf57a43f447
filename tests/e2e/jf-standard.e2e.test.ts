// National JF standards (issue 17 item 4): an analyst imports the standards of a JF from a file, then the SKJ of
// a nurse starts from its standard (levels, technical competencies, the act cited), and removing one of the
// standard's technical competencies shows the warning. Uses only Perawat Penyelia of the demo register.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./axe";
import { heading, logIn, startDraft, useBrowser, visit } from "./browser";

const FIXTURE = path.resolve("tests/fixtures/jf-standard/perawat-contoh.json");
const BASIS = "Peraturan Contoh Nomor 1 Tahun 2026";

describe("national JF standards", () => {
  const browser = useBrowser();

  it("an analyst imports a standard file, and the SKJ of a Perawat Penyelia starts from it and warns when one of its competencies is removed", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await visit(page, "/kamus");
    await page.getByRole("link", { name: "Standar nasional JF" }).click();
    await page.getByRole("link", { name: "Impor standar" }).click();
    await expect.poll(() => heading(page)).toBe("Impor standar nasional JF");
    await page.getByLabel("Berkas standar (JSON, XLSX, atau buku SKJ lama; boleh beberapa)").setInputFiles(FIXTURE);
    await page.getByRole("button", { name: "Periksa berkas" }).click();

    const preview = page.getByRole("table", { name: "Standar dalam berkas" });
    await preview.waitFor();
    expect(await preview.locator("tbody tr").allInnerTexts()).toEqual([
      expect.stringMatching(/^Perawat Penyelia\takan ditambahkan/),
      expect.stringMatching(/^Perawat Terampil\takan ditambahkan/),
    ]);
    await expectNoSeriousViolations(page, "national JF standard import: the preview");
    await page.getByRole("button", { name: "Impor sekarang" }).click();
    await page.getByRole("heading", { name: /^Impor selesai — 2 baru/ }).waitFor();

    await page.getByRole("link", { name: "Lihat standar nasional JF" }).click();
    await page.getByRole("link", { name: "Perawat Penyelia" }).click();
    await expect.poll(() => heading(page)).toBe("Standar nasional JF Perawat Penyelia");
    expect(await page.getByText(BASIS).count()).toBeGreaterThan(0);
    expect(await page.getByText("CONTOH — bukan teks resmi").count()).toBeGreaterThan(0);
    await page.getByRole("heading", { name: "Jabatan di register (1)" }).waitFor();

    await startDraft(page, "Perawat Penyelia");
    const notice = page.getByLabel("Standar nasional JF", { exact: true });
    expect(await notice.innerText()).toMatch(/Standar nasional JF Perawat Penyelia, dasar hukum: Peraturan Contoh Nomor 1 Tahun 2026\./);
    expect(await notice.innerText()).toMatch(/CONTOH — bukan teks resmi/);
    // the standard's levels, not the group table's 3 for every JF Penyelia
    expect(await page.getByLabel("Level M.01", { exact: true }).inputValue()).toBe("4");
    expect(await page.getByLabel("Level M.05", { exact: true }).inputValue()).toBe("4");
    expect(await page.getByLabel("Level T.ASUHAN-KEPERAWATAN", { exact: true }).inputValue()).toBe("4");
    expect(await page.getByLabel("Level T.PENGEMBANGAN-KOMPETENSI", { exact: true }).inputValue()).toBe("2");
    expect(await page.getByLabel("Level T.OTDA", { exact: true }).count()).toBe(1);

    // a managerial level off the standard: the rule cites the standard's act
    await page.getByLabel("Level M.05", { exact: true }).selectOption("3");
    const results = page.getByRole("list", { name: "Hasil pemeriksaan" });
    const levelRule = results.getByRole("listitem").filter({ hasText: "SKJ-MANAJERIAL-LEVEL" });
    await levelRule.waitFor();
    expect(await levelRule.innerText()).toMatch(/harus 4, standar nasional JF Perawat Penyelia \(Peraturan Contoh Nomor 1 Tahun 2026\)/);
    expect(await levelRule.locator(".rule-citation").innerText()).toBe(
      `Standar nasional JF Perawat Penyelia: ${BASIS} (CONTOH — bukan teks resmi; belum diverifikasi)`,
    );
    await page.getByLabel("Level M.05", { exact: true }).selectOption("4");
    await levelRule.waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Hapus T.MUTU-LAYANAN-KESEHATAN" }).click();
    const warning = results.getByRole("listitem").filter({ hasText: "SKJ-STANDAR-JF" });
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(
      /Manajemen Mutu Pelayanan Kesehatan \(T\.MUTU-LAYANAN-KESEHATAN\) level 3 ditetapkan standar nasional JF Perawat Penyelia/,
    );
    await page.getByText(/^Tersimpan/).waitFor();
  });
});
