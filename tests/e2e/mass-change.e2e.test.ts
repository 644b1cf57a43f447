import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectNoSeriousViolations } from "./axe";
import { logIn, useBrowser, visit } from "./browser";

// three positions of the Bagian Kelembagaan that no other browser test drafts; two positions share the name
// "Analis Sumber Daya Manusia Aparatur Ahli Muda", so each is found by its code
const UNIT = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN";
const POSITIONS = [
  { code: `${UNIT}.SUBBAG-ANJAB.PTK`, name: "Penelaah Teknis Kebijakan" },
  { code: `${UNIT}.ASDMA-MADYA`, name: "Analis Sumber Daya Manusia Aparatur Ahli Madya" },
  { code: `${UNIT}.ASDMA-MUDA`, name: "Analis Sumber Daya Manusia Aparatur Ahli Muda" },
];
const NOTE = "Perubahan massal: tambah Analisis Jabatan (T.ANJAB) level 3";

/** Opens the position from the register filtered to its unit and starts its SKJ with "Susun SKJ". */
async function startDraftOf(page: Page, code: string) {
  await visit(page, `/jabatan?unit=${UNIT}`);
  const register = page.getByRole("table", { name: "Daftar jabatan" });
  await register
    .locator("tbody tr", { has: page.getByText(code, { exact: true }) })
    .getByRole("link")
    .click();
  await page.getByRole("table", { name: "Identitas jabatan" }).waitFor();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByRole("button", { name: "Susun SKJ" }).click();
  await page.waitForURL("**/skj");
  await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
}

describe("changing many drafts at once", () => {
  const browser = useBrowser();

  it("an analyst ticks three open drafts, adds a technical competency to all of them, and reads it in a draft's history", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    for (const { code } of POSITIONS) await startDraftOf(page, code);

    // the list of open drafts, narrowed to the unit
    await visit(page, "/skj");
    await page.getByLabel("Cari nama atau kode jabatan").fill(UNIT);
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === UNIT);
    const open = page.getByRole("table", { name: "Draf terbuka" });
    for (const { code, name } of POSITIONS) await open.getByRole("checkbox", { name: `Pilih ${name} (${code})` }).check();
    await page.getByRole("button", { name: "Ubah draf yang dicentang" }).click();

    await page.getByRole("heading", { name: "Ubah banyak draf sekaligus" }).waitFor();
    const chosen = page.getByRole("table", { name: "Draf yang dipilih" });
    expect((await chosen.locator("tbody .unit-code").allInnerTexts()).sort()).toEqual(POSITIONS.map((p) => p.code).sort());

    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByLabel("Jenis perubahan").selectOption({ label: "Tambah kompetensi teknis" });
    await page.getByLabel("Kompetensi teknis dari kamus").fill("analisis jabatan");
    await page
      .getByRole("list", { name: "Hasil pencarian: Kompetensi teknis dari kamus" })
      .getByRole("button", { name: /T\.ANJAB/ })
      .click();
    await page.getByRole("status").filter({ hasText: "Dipilih: Analisis Jabatan" }).waitFor();
    await page.getByLabel("Level").selectOption("3");
    await page.getByRole("button", { name: "Pratinjau perubahan" }).click();

    await page
      .getByRole("status")
      .filter({ hasText: `${NOTE}. 3 draf akan diubah, 0 dilewati.` })
      .waitFor();
    const preview = page.getByRole("table", { name: "Pratinjau perubahan" });
    expect(await preview.getByRole("cell", { name: "Akan diubah", exact: true }).count()).toBe(3);
    await expectNoSeriousViolations(page, "mass change preview");
    await page.getByRole("button", { name: "Terapkan ke 3 draf" }).click();

    await page
      .getByRole("status")
      .filter({ hasText: `${NOTE}: 3 draf diubah, 0 dilewati.` })
      .waitFor();
    const results = page.getByRole("table", { name: "Hasil perubahan" });
    expect(await results.getByRole("cell", { name: /^Diubah: revisi \d+$/ }).count()).toBe(3);

    await results.getByRole("link", { name: `Riwayat draf ${POSITIONS[0]!.name}` }).click();
    await page.getByRole("heading", { name: `Riwayat draf: ${POSITIONS[0]!.name}` }).waitFor();
    const newest = page.getByRole("list", { name: "Revisi draf" }).locator(":scope > li").first();
    await expect.poll(() => newest.innerText()).toContain(NOTE);
    expect(await newest.innerText()).toContain("Analis Demo");
    expect(await newest.innerText()).toContain("T.ANJAB Analisis Jabatan: — → ditambahkan, level 3");
    await expectNoSeriousViolations(page, "draft history");

    // the editor shows the competency too
    await page.getByRole("link", { name: `← Draf SKJ ${POSITIONS[0]!.name}` }).click();
    await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
    expect(await page.getByRole("table", { name: "Kompetensi Teknis" }).getByText("Analisis Jabatan").count()).toBeGreaterThan(0);
  });
});
