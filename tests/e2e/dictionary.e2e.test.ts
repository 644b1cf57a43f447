import { describe, expect, it } from "vitest";
import { heading, logIn, useBrowser, visit } from "./browser";

describe("competency dictionary", () => {
  const browser = useBrowser();

  it("an analyst writes a technical competency with five levels, a reviewer publishes it, and it is found by a word of one indicator", async () => {
    const analis = await browser.newPage();
    await logIn(analis, "analis@demo.go.id");
    await analis.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Kamus Kompetensi" }).click();
    await analis.getByRole("link", { name: "Kompetensi teknis baru" }).click();
    await expect.poll(() => heading(analis)).toBe("Kompetensi teknis baru");

    await analis.getByLabel("Kode kompetensi").fill("T.PERPUSTAKAAN");
    await analis.getByLabel("Nama kompetensi").fill("Pengelolaan Perpustakaan Daerah");
    await analis.getByLabel("Kategori").fill("Perpustakaan");
    await analis.getByRole("textbox", { name: "Definisi" }).click();
    await analis.keyboard.type("Kemampuan mengelola layanan dan koleksi perpustakaan daerah.");
    // saving too early shows what is missing, at the fields, before anything is sent
    await analis.getByRole("button", { name: "Simpan draf" }).click();
    await expect.poll(() => analis.locator(".field-error").count()).toBeGreaterThan(5);
    expect(new URL(analis.url()).pathname).toBe("/kamus/baru");

    for (const level of [1, 2, 3, 4, 5]) {
      await analis.getByLabel(`Deskripsi level ${level}`).fill(`Mampu mengelola perpustakaan pada tingkat ${level}.`);
      await analis.getByLabel(`Indikator ${level}.1`, { exact: true }).fill(`Menata koleksi tingkat ${level}.`);
    }
    await analis.getByRole("button", { name: "+ Indikator level 3" }).click();
    await analis.getByLabel("Indikator 3.2", { exact: true }).fill("Menerapkan katalogisasi bibliografis manuskrip.");
    await analis.getByRole("button", { name: "+ Indikator level 3" }).click();
    await analis.getByLabel("Indikator 3.3", { exact: true }).fill("Indikator yang akan dinaikkan.");
    await analis.getByRole("button", { name: "Naikkan indikator 3.3" }).click();
    expect(await analis.getByLabel("Indikator 3.2", { exact: true }).inputValue()).toBe("Indikator yang akan dinaikkan.");
    await analis.getByRole("button", { name: "Hapus indikator 3.2" }).click();
    expect(await analis.getByLabel("Indikator 3.2", { exact: true }).inputValue()).toBe("Menerapkan katalogisasi bibliografis manuskrip.");

    await analis.getByRole("button", { name: "Simpan draf" }).click();
    await analis.waitForURL("**/kamus/entri/T.PERPUSTAKAAN?notice=*");
    const levels = analis.getByRole("table", { name: "Level kompetensi T.PERPUSTAKAAN" });
    expect(await levels.getByRole("row").nth(3).innerText()).toContain("3.2 Menerapkan katalogisasi bibliografis manuskrip.");
    await analis.getByRole("button", { name: "Ajukan revisi 1" }).click();
    await analis.getByRole("status").filter({ hasText: "diajukan" }).waitFor();
    expect(await analis.getByRole("button", { name: "Terbitkan revisi 1" }).count()).toBe(0);

    const reviewer = await browser.newPage();
    await logIn(reviewer, "reviewer@demo.go.id");
    await visit(reviewer, "/kamus?status=diajukan");
    await reviewer.getByRole("link", { name: "Pengelolaan Perpustakaan Daerah" }).click();
    await reviewer.getByRole("button", { name: "Terbitkan revisi 1" }).click();
    await reviewer.getByRole("status").filter({ hasText: "diterbitkan" }).waitFor();

    await reviewer.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Kamus Kompetensi" }).click();
    await reviewer.getByLabel("Cari kode, nama, definisi, level, indikator, kata kunci").fill("katalogisasi");
    await reviewer.getByRole("button", { name: "Cari" }).click();
    await reviewer.waitForURL("**/kamus?q=katalogisasi*");
    const results = reviewer.getByRole("table", { name: "Daftar kompetensi" });
    await expect.poll(() => results.locator("tbody tr").count()).toBe(1);
    expect(await results.locator("tbody tr").innerText()).toContain("T.PERPUSTAKAAN");
    expect(await results.locator("mark").first().innerText()).toMatch(/katalogisasi/i);
    expect(await results.locator("tbody tr").innerText()).toContain("Diterbitkan");
  });

  it("shows regulation entries read-only with their source", async () => {
    const page = await browser.newPage();
    await logIn(page, "admin@demo.go.id");
    await visit(page, "/kamus/entri/M.01");
    expect(await heading(page)).toBe("M.01 Integritas");
    expect(await page.getByText("Permenpan RB Nomor 38 Tahun 2017").first().isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: /Buat revisi baru|Ubah draf/ }).count()).toBe(0);
    const response = await page.goto("/kamus/ubah/M.01");
    expect(response?.status()).toBe(403);
  });
});
