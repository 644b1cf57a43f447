// An analyst brings in an SKJ book the instansi already has (contract §7.5, issue 16): the book's positions
// first come into the register through the SOTK import, as they would on the first day, then the book is
// uploaded and read in the background, its rows checked, one match changed, one left out, and the drafts of the others opened in the editor.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./axe";
import { heading, logIn, useBrowser, visit } from "./browser";

const fixture = (name: string) => path.resolve("tests/fixtures/legacy-skj", name);

describe("legacy SKJ import", () => {
  const browser = useBrowser();

  it("an analyst uploads a Word book, changes one match, leaves one SKJ out, imports the others as drafts and opens one", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    // the book's own SOTK (a kabupaten the demo register does not hold)
    await visit(page, "/struktur/impor");
    await page
      .getByLabel("Berkas SOTK (CSV atau XLSX, boleh beberapa)")
      .setInputFiles([fixture("sotk-units.csv"), fixture("sotk-positions.csv")]);
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    await page.getByRole("button", { name: "Impor sekarang" }).click();
    await page.getByRole("heading", { name: "Impor selesai" }).waitFor();

    await visit(page, "/skj");
    await page.getByRole("link", { name: "Impor SKJ lama" }).click();
    await expect.poll(() => heading(page)).toBe("Impor SKJ lama");
    await page.getByLabel("Berkas SKJ (boleh beberapa)").setInputFiles(fixture("a1-bordered.docx"));
    await page.getByRole("button", { name: "Periksa berkas" }).click();

    // the book is read in the background: its page shows the bar, then what was found, then the rows
    const bar = page.getByRole("progressbar", { name: "Kemajuan pemeriksaan berkas" });
    await bar.waitFor();
    await expect.poll(() => bar.getAttribute("value"), { timeout: 60_000 }).toBe("100");
    await page.getByRole("status").filter({ hasText: "100% — 3 SKJ ditemukan di a1-bordered.docx" }).waitFor();
    const rows = page.getByRole("table", { name: "SKJ yang ditemukan" });
    await rows.waitFor();
    expect(await rows.locator("tbody tr td:nth-child(3)").allInnerTexts()).toEqual([
      "Kepala Dinas Pendidikan",
      "Kepala Subbagian Umum dan Kepegawaian",
      "Analis Kebijakan Ahli Muda",
    ]);
    for (const source of await rows.locator("tbody tr td:nth-child(2)").allInnerTexts()) expect(source).toMatch(/^a1-bordered\.docx/);
    // the Kasubbag's name is in three units; the one the book prints under is chosen, the others offered
    const kasubbag = rows.getByRole("combobox", { name: /^Jabatan untuk Kepala Subbagian Umum dan Kepegawaian/ });
    expect(await kasubbag.locator("option:checked").innerText()).toMatch(/LPM\.DISDIK\.UMPEG\.KASUBBAG/);
    expect(await kasubbag.locator("option").count()).toBeGreaterThan(1);
    await expectNoSeriousViolations(page, "legacy SKJ import: the rows found");

    // the analyst knows better than the book: this SKJ belongs to the Dinas Kesehatan's Kasubbag
    await kasubbag.selectOption("LPM.DINKES.UMPEG.KASUBBAG");
    await page.getByRole("button", { name: "Impor 3 draf" }).waitFor();
    await rows.getByRole("checkbox", { name: /^Impor Analis Kebijakan Ahli Muda/ }).uncheck();
    await page.getByRole("button", { name: "Impor 2 draf" }).click();

    const result = page.getByRole("table", { name: "Hasil impor" });
    await result.waitFor();
    expect(await result.locator("tbody tr").allInnerTexts()).toEqual([
      expect.stringMatching(/\tLPM\.DISDIK\.KADIS\tDraf dibuat$/),
      expect.stringMatching(/\tLPM\.DINKES\.UMPEG\.KASUBBAG\tDraf dibuat$/),
      expect.stringMatching(/\t—\tDilewati$/),
    ]);
    await result.getByRole("link", { name: "LPM.DISDIK.KADIS" }).click();
    await page.waitForURL("**/skj");
    await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
    expect(await page.getByText("Pengelolaan Pendidikan Dasar").count()).toBeGreaterThan(0);
  });
});
