import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { heading, logIn, useBrowser, visit } from "./browser";

const POSITION_SEARCH = "/jabatan?q=kepala+bagian+kelembagaan+analisis";

async function openEditor(page: Page, create: boolean) {
  await visit(page, POSITION_SEARCH);
  await page
    .getByRole("table", { name: "Daftar jabatan" })
    .locator("tbody")
    .getByRole("link", { name: "Kepala Bagian Kelembagaan dan Analisis Jabatan" })
    .click();
  await page.getByRole("table", { name: "Identitas jabatan" }).waitFor();
  if (create) await page.getByRole("button", { name: "Susun SKJ" }).click();
  else await page.goto(`${page.url()}/skj`);
  await page.waitForURL("**/skj");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
}

const summaryText = (page: Page) => page.locator(".rules-summary").innerText();
const saved = (page: Page) =>
  expect.poll(() => page.locator(".save-status").innerText(), { timeout: 15_000 }).toMatch(/^Tersimpan \d{2}\.\d{2} WIB$/);

async function pickTechnical(page: Page, query: string, code: string) {
  await page.getByLabel("Tambah kompetensi teknis dari kamus").fill(query);
  await page
    .getByRole("list", { name: "Hasil pencarian kompetensi teknis" })
    .getByRole("button", { name: new RegExp(code.replace(".", "\\.")) })
    .click();
}

describe("SKJ editor", () => {
  const browser = useBrowser();

  it("an analyst writes the complete SKJ of an administrator position from an empty draft, and finds every field after a reload", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await openEditor(page, true);
    expect(await heading(page)).toBe("Standar Kompetensi Jabatan: Kepala Bagian Kelembagaan dan Analisis Jabatan");
    // the eight managerial rows and Perekat Bangsa start at the administrator standard level, T.OTDA is there
    expect(await page.getByRole("table", { name: "Kompetensi Manajerial" }).locator("tbody tr").count()).toBe(8);
    expect(await page.getByLabel("Level M.01").inputValue()).toBe("3");
    expect(await page.getByRole("table", { name: "Kompetensi Teknis" }).innerText()).toContain("T.OTDA");
    expect(await summaryText(page)).toMatch(/^1 kesalahan/);
    expect(await page.getByRole("list", { name: "Hasil pemeriksaan" }).innerText()).toContain("SKJ-TEKNIS-MIN");

    await pickTechnical(page, "analisis jabatan", "T.ANJAB");
    await pickTechnical(page, "kelembagaan", "T.KELEMBAGAAN");
    await page.getByLabel("Level T.ANJAB").selectOption("4");
    // SKJ-PANGKAT-MIN, -PENDIDIKAN-MIN, -PELATIHAN-MANAJERIAL, -PENGALAMAN, -PENGALAMAN-PP, -INDIKATOR-KINERJA
    await expect.poll(() => summaryText(page)).toMatch(/^Valid dengan 6 peringatan/);

    // a managerial level off the standard is an error; clicking the result jumps to the field
    await page.getByLabel("Level M.03").selectOption("2");
    await expect.poll(() => summaryText(page)).toMatch(/^1 kesalahan/);
    await page
      .getByRole("list", { name: "Hasil pemeriksaan" })
      .getByRole("button", { name: /Komunikasi \(M\.03\)/ })
      .click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("level-M.03");
    await page.getByLabel("Level M.03").selectOption("3");

    await page.getByLabel("Pangkat / golongan ruang minimal").selectOption("IV/a");
    await page.getByRole("button", { name: "+ Pendidikan" }).click();
    await page.getByLabel("Jenjang pendidikan 1").selectOption("S-1");
    await page.getByLabel("Bidang ilmu 1").fill("Ilmu Pemerintahan, Administrasi Negara");
    // the name of the training as SKJ books of 2010 wrote it satisfies the PKA requirement
    await page.getByLabel("Pelatihan manajerial").fill("Diklat PIM Tk. III");
    await page.getByLabel("Pelatihan teknis").fill("Analisis Jabatan\nAnalisis Beban Kerja");
    expect(await page.locator("#pengalaman-minimum").innerText()).toMatch(
      /^Syarat Jabatan Administrator menurut PP 11\/2017 jo\. PP 17\/2020: pengalaman paling singkat 3 tahun/,
    );
    await page.getByRole("button", { name: "+ Pengalaman kerja" }).click();
    await page.getByLabel("Uraian pengalaman 1").fill("Jabatan Pengawas di bidang kelembagaan");
    await page.getByLabel("Minimal (tahun)").fill("2");
    await expect.poll(() => page.getByRole("list", { name: "Hasil pemeriksaan" }).innerText()).toContain("SKJ-PENGALAMAN-PP");
    await page.getByLabel("Minimal (tahun)").fill("3");
    await page
      .getByLabel("Indikator kinerja jabatan", { exact: true })
      .fill("Persentase perangkat daerah yang memiliki SKJ yang ditetapkan");
    await page.getByRole("textbox", { name: "Ikhtisar jabatan" }).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Termasuk penyusunan SKJ.");
    await expect.poll(() => summaryText(page)).toBe("Valid: semua aturan terpenuhi.");
    await saved(page);

    await page.reload();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
    expect(await summaryText(page)).toBe("Valid: semua aturan terpenuhi.");
    expect(await page.getByLabel("Level T.ANJAB").inputValue()).toBe("4");
    expect(await page.getByRole("table", { name: "Kompetensi Teknis" }).innerText()).toContain("T.KELEMBAGAAN");
    expect(await page.getByLabel("Pangkat / golongan ruang minimal").inputValue()).toBe("IV/a");
    expect(await page.getByLabel("Jenjang pendidikan 1").inputValue()).toBe("S-1");
    expect(await page.getByLabel("Bidang ilmu 1").inputValue()).toBe("Ilmu Pemerintahan, Administrasi Negara");
    expect(await page.getByLabel("Pelatihan manajerial").inputValue()).toBe("Diklat PIM Tk. III");
    expect(await page.getByLabel("Pelatihan teknis").inputValue()).toBe("Analisis Jabatan\nAnalisis Beban Kerja");
    expect(await page.getByLabel("Uraian pengalaman 1").inputValue()).toBe("Jabatan Pengawas di bidang kelembagaan");
    expect(await page.getByLabel("Minimal (tahun)").inputValue()).toBe("3");
    expect(await page.getByLabel("Indikator kinerja jabatan", { exact: true }).inputValue()).toBe(
      "Persentase perangkat daerah yang memiliki SKJ yang ditetapkan",
    );
    expect(await page.getByRole("textbox", { name: "Ikhtisar jabatan" }).innerText()).toMatch(/Termasuk penyusunan SKJ\.$/);

    await page.getByRole("link", { name: "Pratinjau cetak" }).click();
    const doc = page.getByRole("article", { name: "Dokumen SKJ" });
    await doc.waitFor();
    expect(await doc.getByRole("table", { name: "Standar kompetensi (cetak)" }).innerText()).toContain("Analisis Jabatan");
    expect(await doc.getByRole("table", { name: "Persyaratan jabatan (cetak)" }).innerText()).toContain("Pembina (IV/a)");
  });

  it("a second person changing the same field gets the per-field choice, naming the other person, and keeps their own edit", async () => {
    const first = await browser.newPage();
    await logIn(first, "analis@demo.go.id");
    await openEditor(first, false);
    const second = await browser.newPage();
    await logIn(second, "reviewer@demo.go.id");
    await openEditor(second, false);

    await first.getByLabel("Pangkat / golongan ruang minimal").selectOption("IV/b");
    await saved(first);

    await second.getByLabel("Pangkat / golongan ruang minimal").selectOption("IV/c");
    const dialog = second.getByRole("dialog");
    await dialog.waitFor({ timeout: 15_000 });
    expect(await dialog.getByRole("heading").innerText()).toBe("Draf ini juga diubah oleh Analis Demo");
    const rank = dialog.getByRole("group", { name: "C. Persyaratan — Pangkat/golongan ruang minimal" });
    expect(await rank.innerText()).toMatch(
      /Pakai milik saya\s+Pembina Utama Muda \(IV\/c\)\s+Pakai versi lain\s+Pembina Tingkat I \(IV\/b\)/,
    );
    await rank.getByLabel("Pakai milik saya").check();
    await dialog.getByRole("button", { name: "Simpan pilihan" }).click();
    await saved(second);

    await first.reload();
    await first.locator("html[data-hydrated]").waitFor({ state: "attached" });
    expect(await first.getByLabel("Pangkat / golongan ruang minimal").inputValue()).toBe("IV/c");
  });
});
