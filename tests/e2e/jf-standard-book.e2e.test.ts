// National JF standards from a legacy SKJ book (issue 17 item 4, docs/decisions/036): an analyst uploads a Word
// book holding the SKJ of a JF and of a structural position, types the act the book does not print, checks the
// preview (one standard, one SKJ skipped), imports it and finds the standard. Arsiparis is no demo position, so
// no other browser test's draft is judged by this standard.
import { describe, expect, it } from "vitest";
import { arsipBook } from "../fixtures/jf-standard/book";
import { expectNoSeriousViolations } from "./axe";
import { heading, logIn, useBrowser, visit } from "./browser";

const BASIS = "Peraturan Contoh Nomor 3 Tahun 2026";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("national JF standards from a legacy SKJ book", () => {
  const browser = useBrowser();

  it("an analyst uploads an SKJ book, sees the JF standard it holds and the SKJ it skips, imports it and opens the standard", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await visit(page, "/kamus/standar-jf/impor");
    await expect.poll(() => heading(page)).toBe("Impor standar nasional JF");
    await page
      .getByLabel("Berkas standar (JSON, XLSX, atau buku SKJ lama; boleh beberapa)")
      .setInputFiles({ name: "buku-skj-kearsipan.docx", mimeType: DOCX, buffer: Buffer.from(await arsipBook()) });

    // the book prints no act: asked for before anything is read into a standard
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    await page.getByRole("alert").filter({ hasText: "Dasar hukum wajib diisi." }).waitFor();
    await page.getByLabel("Dasar hukum standar").fill(BASIS);
    await page.getByLabel("Instansi pembina").fill("Arsip Nasional Republik Indonesia");
    await page.getByRole("button", { name: "Periksa berkas" }).click();

    const preview = page.getByRole("table", { name: "Standar dalam berkas" });
    await preview.waitFor();
    expect(await preview.locator("tbody tr").allInnerTexts()).toEqual([expect.stringMatching(/^Arsiparis Ahli Pertama\takan ditambahkan/)]);
    const skipped = page.getByText("1 SKJ di buku dilewati (bukan standar jabatan fungsional)");
    await skipped.click();
    await page
      .getByText(/^Kepala Subbagian Umum dan Kepegawaian \(buku-skj-kearsipan\.docx.*\): Jabatan Pengawas, bukan jabatan fungsional$/)
      .waitFor();
    await expectNoSeriousViolations(page, "national JF standard import: the preview of a legacy SKJ book");

    await page.getByRole("button", { name: "Impor sekarang" }).click();
    await page.getByRole("heading", { name: /^Impor selesai — 1 baru/ }).waitFor();
    await page.getByRole("link", { name: "Lihat standar nasional JF" }).click();
    await page.getByRole("link", { name: "Arsiparis Ahli Pertama" }).click();
    await expect.poll(() => heading(page)).toBe("Standar nasional JF Arsiparis Ahli Pertama");
    expect(await page.getByText(BASIS).count()).toBeGreaterThan(0);
    expect(await page.getByText("belum diverifikasi").count()).toBeGreaterThan(0);
    const technical = page.getByRole("table", { name: "Kompetensi teknis" });
    expect(await technical.locator("tbody tr").allInnerTexts()).toEqual([
      "T.ARSIP\tPengelolaan Kearsipan\t2",
      "T.SPBE\tSistem Pemerintahan Berbasis Elektronik\t3",
    ]);
  });
});
