import fs from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { heading, logIn, publishFirstSkj, useBrowser, visit } from "./browser";

// a position no other browser test writes an SKJ for
const POSITION = "Kepala Subbagian Tata Usaha Biro";
const ACT = "Peraturan Gubernur Nomor 88 Tahun 2026 tentang Standar Kompetensi Jabatan Subbagian Tata Usaha Biro";

describe("SKJ bundle", () => {
  const browser = useBrowser();

  it("a reader downloads the lampiran of a penetapan as one PDF, made in the background with a progress bar", async () => {
    const [analis, reviewer, admin, viewer] = [
      await browser.newPage(),
      await browser.newPage(),
      await browser.newPage(),
      await browser.newPage(),
    ];
    await logIn(analis, "analis@demo.go.id");
    await logIn(reviewer, "reviewer@demo.go.id");
    await logIn(admin, "admin@demo.go.id");
    await logIn(viewer, "viewer@demo.go.id");
    await publishFirstSkj({ analis, reviewer, publisher: admin }, POSITION, {
      number: "88",
      title: "Standar Kompetensi Jabatan Subbagian Tata Usaha Biro",
    });

    await viewer.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Penetapan" }).click();
    await viewer.getByRole("link", { name: "Standar Kompetensi Jabatan Subbagian Tata Usaha Biro" }).click();
    await expect.poll(() => heading(viewer)).toBe(ACT);
    await viewer.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await viewer.getByRole("button", { name: "Unduh lampiran (PDF)" }).click();

    await viewer.waitForURL(/\/ekspor\/\d+$/);
    await expect.poll(() => heading(viewer)).toBe("Lampiran Peraturan Gubernur Nomor 88 Tahun 2026");
    const progress = viewer.getByRole("progressbar", { name: "Kemajuan ekspor" });
    await progress.waitFor();
    expect(await progress.getAttribute("max")).toBe("1");
    expect(
      await viewer
        .getByRole("status")
        .filter({ hasText: /dari 1 SKJ$/ })
        .count(),
    ).toBe(1);

    // the page refreshes itself until the file is ready
    const link = viewer.getByRole("link", { name: "Unduh Lampiran-Peraturan-Gubernur-Nomor-88-Tahun-2026.pdf" });
    await link.waitFor({ timeout: 60_000 });
    expect(await viewer.getByRole("status").filter({ hasText: "1 dari 1 SKJ" }).count()).toBe(1);
    const [download] = await Promise.all([viewer.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("Lampiran-Peraturan-Gubernur-Nomor-88-Tahun-2026.pdf");
    const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: false });
    expect(text[0]).toContain("NOMOR 88 TAHUN 2026");
    expect(text[1]).toContain("DAFTAR ISI");
    const skj = text.slice(2).join("\n");
    // the register key is no Kode Jabatan (contract §7.2): the SKJ reads by its identity lines
    expect(skj).toContain("Nama Jabatan");
    expect(skj).toContain(POSITION);
    expect(text.at(-1)).toContain(`Halaman ${text.length} dari ${text.length}`);

    const href = (await link.getAttribute("href"))!;
    const res = await viewer.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["content-disposition"]).toBe('attachment; filename="Lampiran-Peraturan-Gubernur-Nomor-88-Tahun-2026.pdf"');

    // the job is the viewer's: another user is told it does not exist
    expect((await analis.request.get(href)).status()).toBe(404);
    // and it is listed under "Ekspor saya"
    await visit(viewer, "/ekspor");
    expect(await viewer.getByRole("table", { name: "Daftar ekspor" }).innerText()).toContain(
      "Lampiran Peraturan Gubernur Nomor 88 Tahun 2026",
    );
  }, 180_000);
});
