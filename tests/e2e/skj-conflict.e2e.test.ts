// Two tabs (or two people) on one SKJ draft (issue 12 item 2): edits of different fields are merged with no
// prompt; an edit of the same field asks, per field, which version to keep, and stores the side picked.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, useBrowser, visit } from "./browser";

const POSITION = "Kepala Seksi Keamanan Informasi";
const RANK = "Pangkat / golongan ruang minimal";
const INDICATORS = "Indikator kinerja jabatan";
const RANK_FIELD = "C. Persyaratan — Pangkat/golongan ruang minimal";

let editorPath = "";

/** Opens the position's draft (creating it the first time) and waits until the editor runs. */
async function openEditor(page: Page) {
  if (!editorPath) {
    await visit(page, "/jabatan?q=keamanan+informasi");
    await page.getByRole("table", { name: "Daftar jabatan" }).getByRole("link", { name: POSITION }).click();
    await page.getByRole("button", { name: "Susun SKJ" }).click();
    await page.waitForURL("**/skj");
    editorPath = new URL(page.url()).pathname;
  }
  await visit(page, editorPath);
  await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
}

const saved = (page: Page) => expect.poll(() => page.locator(".save-status").innerText(), { timeout: 15_000 }).toMatch(/^Tersimpan/);
const indicators = (page: Page) => page.getByLabel(INDICATORS, { exact: true });

async function reloaded(page: Page) {
  await openEditor(page);
  return {
    rank: await page.getByLabel(RANK).inputValue(),
    indicators: await indicators(page).inputValue(),
    technicalTraining: await page.getByLabel("Pelatihan teknis").inputValue(),
  };
}

describe("SKJ editor conflicts", () => {
  const browser = useBrowser();
  /** The analyst's draft open in two tabs of one signed-in browser. */
  async function twoTabs(): Promise<[Page, Page]> {
    const first = await browser.newPage();
    await logIn(first, "analis@demo.go.id");
    await openEditor(first);
    const second = await first.context().newPage();
    await openEditor(second);
    return [first, second];
  }

  it("two tabs of the same user edit different fields: both edits are kept with no prompt", async () => {
    const [first, second] = await twoTabs();

    await first.getByLabel(RANK).selectOption("III/d");
    await saved(first);
    await indicators(second).fill("Persentase insiden keamanan informasi yang ditangani");
    await expect
      .poll(() => second.getByRole("status").filter({ hasText: "Digabung" }).innerText(), { timeout: 15_000 })
      .toMatch(/^Digabung dengan perubahan dari tab lain/);
    await saved(second);
    expect(await second.getByRole("dialog").count()).toBe(0);
    // the other tab's edit is on screen at once, not only after a reload
    expect(await second.getByLabel(RANK).inputValue()).toBe("III/d");

    expect(await reloaded(first)).toMatchObject({ rank: "III/d", indicators: "Persentase insiden keamanan informasi yang ditangani" });
  });

  it("two tabs make the same change: saved with no prompt", async () => {
    const [first, second] = await twoTabs();

    await first.getByLabel(RANK).selectOption("III/c");
    await saved(first);
    // the other tab already holds exactly this content: the refused save counts as saved, with nothing to merge
    await second.getByLabel(RANK).selectOption("III/c");
    await saved(second);
    expect(await second.getByRole("dialog").count()).toBe(0);
    expect(await reloaded(first)).toMatchObject({ rank: "III/c" });
  });

  it("two people edit different fields: both edits are kept with no prompt, and the note names the other person", async () => {
    const analis = await browser.newPage();
    await logIn(analis, "analis@demo.go.id");
    await openEditor(analis);
    const reviewer = await browser.newPage();
    await logIn(reviewer, "reviewer@demo.go.id");
    await openEditor(reviewer);

    await analis.getByLabel("Pelatihan teknis").fill("Pelatihan Keamanan Informasi");
    await saved(analis);
    await reviewer.getByLabel(RANK).selectOption("IV/a");
    await expect
      .poll(() => reviewer.getByRole("status").filter({ hasText: "Digabung" }).innerText(), { timeout: 15_000 })
      .toMatch(/^Digabung dengan perubahan dari Analis Demo/);
    await saved(reviewer);
    expect(await reviewer.getByRole("dialog").count()).toBe(0);

    expect(await reloaded(analis)).toMatchObject({ rank: "IV/a", technicalTraining: "Pelatihan Keamanan Informasi" });
  });

  it("two tabs change the same field: only that field is asked about, in view, and each side picked is the one stored", async () => {
    const [first, second] = await twoTabs();

    await first.getByLabel(RANK).selectOption("IV/b");
    await first.getByLabel("Pelatihan teknis").fill("Pelatihan Tanggap Insiden");
    await saved(first);
    await indicators(second).fill("Indeks keamanan informasi");
    await second.getByLabel(RANK).selectOption("IV/c");

    const dialog = second.getByRole("dialog");
    await dialog.waitFor({ timeout: 15_000 });
    expect(await dialog.getByRole("heading").innerText()).toBe("Draf ini juga diubah oleh Anda, di tab lain");
    expect(await dialog.getByRole("group").allInnerTexts()).toHaveLength(1);
    const rankChoice = dialog.getByRole("group", { name: RANK_FIELD });
    expect(await rankChoice.innerText()).toMatch(
      /Pakai milik saya\s+Pembina Utama Muda \(IV\/c\)\s+Pakai versi lain\s+Pembina Tingkat I \(IV\/b\)/,
    );
    // the analyst was scrolled down at the requirements: the dialog is on screen, not at the top of the page
    expect(
      await dialog.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= window.innerHeight),
    ).toBe(true);

    // no side is preselected: saving before choosing names the field and stores nothing
    await dialog.getByRole("button", { name: "Simpan pilihan" }).click();
    expect(await dialog.getByRole("alert").innerText()).toBe("Pilih versi untuk: Pangkat/golongan ruang minimal.");
    await rankChoice.getByLabel("Pakai versi lain").check();
    await dialog.getByRole("button", { name: "Simpan pilihan" }).click();
    await saved(second);
    expect(await second.getByLabel(RANK).inputValue()).toBe("IV/b");
    expect(await reloaded(second)).toMatchObject({
      rank: "IV/b",
      indicators: "Indeks keamanan informasi",
      technicalTraining: "Pelatihan Tanggap Insiden",
    });

    // now the first tab is the stale one, and keeps its own value
    await second.getByLabel(RANK).selectOption("IV/c");
    await saved(second);
    await first.getByLabel(RANK).selectOption("IV/d");
    await first.getByRole("dialog").waitFor({ timeout: 15_000 });
    await first.getByRole("dialog").getByRole("group", { name: RANK_FIELD }).getByLabel("Pakai milik saya").check();
    await first.getByRole("dialog").getByRole("button", { name: "Simpan pilihan" }).click();
    await saved(first);
    expect(await reloaded(second)).toMatchObject({ rank: "IV/d", indicators: "Indeks keamanan informasi" });
  });
});
