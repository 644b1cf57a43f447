import { describe, expect, it } from "vitest";
import { heading, logIn, useBrowser, visit } from "./browser";

// Its own demo position, which no other browser test opens: this test leaves a draft behind.
const POSITION = "Penata Layanan Operasional";

describe("the SKJ editor's competency picker", () => {
  const browser = useBrowser();

  it("offers an entry by a word found only in one of its indicators, or by a word with affixes, and says where it matched", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    // the register finds the position by the root of "pelayanan" too
    await visit(page, "/jabatan?q=pelayanan+operasional");
    await page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody").getByRole("link", { name: POSITION }).click();
    await page.getByRole("table", { name: "Identitas jabatan" }).waitFor();
    await page.getByRole("button", { name: "Susun SKJ" }).click();
    await page.waitForURL("**/skj");
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
    expect(await heading(page)).toBe(`Standar Kompetensi Jabatan: ${POSITION}`);

    const picker = page.getByLabel("Tambah kompetensi teknis dari kamus");
    const results = page.getByRole("list", { name: "Hasil pencarian kompetensi teknis" });

    // "wawancara" is written only in one indicator of Analisis Jabatan
    await picker.fill("wawancara");
    // the list first shows every entry (empty search), then only what the typed word finds
    await expect.poll(() => results.getByRole("button").allInnerTexts()).toEqual(["T.ANJAB Analisis Jabatan"]);
    const anjab = results.getByRole("listitem").filter({ has: page.getByRole("button", { name: /T\.ANJAB/ }) });
    expect(await anjab.innerText()).toContain("Indikator perilaku:");
    expect(await anjab.locator("mark").allInnerTexts()).toEqual(["wawancara"]);

    // "pengarsipan" is in no text of the dictionary, but its root "arsip" is: Pengelolaan Kearsipan
    await picker.fill("pengarsipan");
    await expect.poll(() => results.getByRole("button").allInnerTexts()).toContain("T.ARSIP Pengelolaan Kearsipan");

    await picker.fill("wawancara");
    await results.getByRole("button", { name: /T\.ANJAB/ }).click();
    await expect.poll(() => page.getByRole("table", { name: "Kompetensi Teknis" }).innerText()).toContain("T.ANJAB");
  });
});
