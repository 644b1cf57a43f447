import path from "node:path";
import { describe, expect, it } from "vitest";
import { heading, logIn, useBrowser, visit } from "./browser";

const fixture = (name: string) => path.resolve("tests/fixtures/sotk", name);

describe("SOTK register", () => {
  const browser = useBrowser();

  it("an analyst imports SOTK files, fixes a bad row, finds the new position by search and sees its identity block", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await page.getByRole("link", { name: "Struktur Organisasi" }).click();
    await page.getByRole("link", { name: "Impor SOTK" }).click();
    await expect.poll(() => heading(page)).toBe("Impor SOTK");

    await page
      .getByLabel("Berkas SOTK (CSV atau XLSX, boleh beberapa)")
      .setInputFiles([fixture("e2e-units.csv"), fixture("e2e-positions-bad.csv")]);
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    const errors = page.getByRole("table", { name: "Kesalahan impor" });
    await errors.waitFor();
    expect(await page.getByRole("heading", { name: /kesalahan ditemukan/ }).innerText()).toBe(
      "1 kesalahan ditemukan — tidak ada yang disimpan",
    );
    const cells = await errors.locator("tbody tr").first().locator("td").allInnerTexts();
    expect(cells.slice(0, 4)).toEqual(["e2e-positions-bad.csv", "—", "3", "jenjang"]);
    expect(cells[4]).toMatch(/jenjang/i);

    await page
      .getByLabel("Berkas SOTK (CSV atau XLSX, boleh beberapa)")
      .setInputFiles([fixture("e2e-units.csv"), fixture("e2e-positions.csv")]);
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    const preview = page.getByRole("table", { name: "Ringkasan impor" });
    await preview.waitFor();
    expect(await preview.locator("tbody tr").allInnerTexts()).toEqual(["Unit\t2\t0\t0", "Jabatan\t2\t0\t0"]);
    await page.getByRole("button", { name: "Impor sekarang" }).click();
    await page.getByRole("heading", { name: "Impor selesai" }).waitFor();

    await page.getByRole("link", { name: "Lihat register jabatan" }).click();
    await page.getByLabel("Cari nama atau ikhtisar").fill("naskah kuno");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForURL("**/jabatan?*q=naskah*");
    const results = page.getByRole("table", { name: "Daftar jabatan" });
    await expect.poll(() => results.locator("tbody tr").count()).toBe(1);
    await results.getByRole("link", { name: "Kepala Bidang Pengelolaan Arsip" }).click();
    await expect.poll(() => heading(page)).toBe("Kepala Bidang Pengelolaan Arsip");
    const identity = page.getByRole("table", { name: "Identitas jabatan" });
    const row = (label: string) =>
      identity
        .getByRole("row", { name: new RegExp(`^${label}`) })
        .locator("td")
        .innerText();
    expect(await row("Nama Jabatan")).toBe("Kepala Bidang Pengelolaan Arsip");
    expect(await row("Kelompok Jabatan")).toBe("Jabatan Administrator");
    expect(await row("Unit Kerja")).toBe("Dinas Perpustakaan dan Kearsipan — Bidang Pengelolaan Arsip");
    expect(await row("Eselon")).toBe("III.b");
    expect(await row("Urusan Pemerintahan")).toBe("Kearsipan");
    expect(await row("Kode Jabatan")).toBe("DISPUSIP.KABID-ARSIP");
    expect(await row("Ikhtisar Jabatan")).toBe("Memimpin pengelolaan arsip statis dan preservasi naskah kuno daerah.");
  });

  it("a viewer reads the register but gets no write actions and a 403 on the import page", async () => {
    const page = await browser.newPage();
    await logIn(page, "viewer@demo.go.id");
    await visit(page, "/jabatan");
    expect(await page.getByRole("link", { name: "Impor SOTK" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Tambah jabatan" }).count()).toBe(0);
    const response = await visit(page, "/struktur/impor").catch(() => page.goto("/struktur/impor"));
    expect(response?.status()).toBe(403);
  });

  it("an analyst edits a position summary in the rich-text editor and moves on to its page", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await visit(page, "/jabatan?q=pengadministrasi");
    await page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody").getByRole("link").first().click();
    await page.getByRole("link", { name: "Ubah jabatan" }).click();
    const editor = page.getByRole("textbox", { name: "Ikhtisar jabatan" });
    await editor.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Mengelola surat masuk dan keluar serta arsip dinamis.");
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.getByRole("table", { name: "Identitas jabatan" }).waitFor();
    expect(
      await page
        .getByRole("table", { name: "Identitas jabatan" })
        .getByRole("row", { name: /^Ikhtisar/ })
        .locator("td")
        .innerText(),
    ).toBe("Mengelola surat masuk dan keluar serta arsip dinamis.");
  });
});
