import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addTwoTechnicalCompetencies, logIn, publishFirstSkj, useBrowser, visit } from "./browser";

// the Inspektorat's four positions: no other browser test drafts them
const UNIT_FILTER = "/jabatan?unit=INSPEKTORAT";
const SOURCE = "Inspektur";
const TARGETS = ["Auditor Ahli Muda", "Inspektur Pembantu Wilayah I", "Pengadministrasi Perkantoran"];

describe("drafts in bulk", () => {
  const browser = useBrowser();

  it("an analyst ticks positions in the register, drafts them from a similar SKJ, and opens one", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    // the similar SKJ: the Inspektur's draft with two technical competencies from the dictionary
    await visit(page, UNIT_FILTER);
    await page.getByRole("table", { name: "Daftar jabatan" }).getByRole("link", { name: SOURCE, exact: true }).click();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Susun SKJ" }).click();
    await page.waitForURL("**/skj");
    await addTwoTechnicalCompetencies(page);
    await expect.poll(() => page.locator(".save-status").innerText(), { timeout: 15_000 }).toMatch(/^Tersimpan/);

    await visit(page, UNIT_FILTER);
    const register = page.getByRole("table", { name: "Daftar jabatan" });
    await register.waitFor();
    for (const name of TARGETS) await register.getByRole("checkbox", { name: new RegExp(`^Pilih ${name} \\(`) }).check();
    await page.getByRole("button", { name: "Buat draf SKJ untuk yang dicentang" }).click();

    await page.getByRole("heading", { name: "Buat draf SKJ sekaligus" }).waitFor();
    const chosen = () => page.getByRole("table", { name: "Jabatan yang dipilih" });
    expect((await chosen().locator("tbody td:first-child").allInnerTexts()).sort()).toEqual([...TARGETS].sort());

    await page.getByLabel("Cari jabatan sumber").fill(SOURCE);
    await page.getByRole("button", { name: "Cari" }).click();
    await page.getByRole("link", { name: `Pakai ${SOURCE}`, exact: true }).click();
    await page.getByText(`Diisi dari ${SOURCE} (draf terbuka)`).waitFor();
    // the selection survives choosing the source
    expect((await chosen().locator("tbody td:first-child").allInnerTexts()).sort()).toEqual([...TARGETS].sort());
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByLabel("Ikhtisar jabatan").uncheck();
    await page.getByRole("button", { name: "Buat 3 draf SKJ" }).click();

    await page.getByRole("progressbar", { name: "Kemajuan pembuatan draf" }).waitFor();
    await page.getByRole("status").filter({ hasText: "3 draf SKJ dibuat, 0 dilewati." }).waitFor();
    await page.getByRole("table", { name: "Hasil pembuatan draf" }).getByRole("link", { name: "INSPEKTORAT.IRBAN-I.AUDITOR-MUDA" }).click();
    await page.waitForURL("**/skj");
    await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
    for (const name of ["Analisis Jabatan", "Penataan Kelembagaan Perangkat Daerah"])
      expect(await page.getByText(name).count()).toBeGreaterThan(0);

    // every position of the filter has its draft now: "all matching" would make none and says so
    await visit(page, UNIT_FILTER);
    await page.getByRole("link", { name: "Buat draf SKJ untuk semua 4 jabatan yang cocok" }).click();
    await page.getByRole("heading", { name: "Buat draf SKJ sekaligus" }).waitFor();
    expect(await chosen().getByText("Sudah ada draf terbuka — dilewati").count()).toBe(4);
    expect(await page.getByRole("button", { name: "Buat 0 draf SKJ" }).isDisabled()).toBe(true);
  });

  it("an analyst takes a whole new unit of 22 positions, drafts them from a published SKJ, watches the progress bar, and opens one", async () => {
    // the unit and its positions come in through the SOTK import, as on the first day; nobody else uses them
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "skj-e2e-massal-"));
    const basis = "Peraturan Gubernur Nomor 77 Tahun 2026";
    fs.writeFileSync(
      path.join(folder, "unit.csv"),
      [
        "kode_unit,nama_unit,jenis_unit,eselon,kode_unit_induk,dasar_hukum",
        `UJI-MASSAL,Badan Uji Draf Massal,badan,II.a,,${basis}`,
        `UJI-MASSAL.TU,Subbagian Tata Usaha Badan Uji Draf Massal,subbagian,IV.a,UJI-MASSAL,${basis}`,
      ].join("\n"),
    );
    const targets = Array.from({ length: 22 }, (_, i) => `UJI-MASSAL.TU.PENGADM-${String(i + 1).padStart(2, "0")}`);
    fs.writeFileSync(
      path.join(folder, "jabatan.csv"),
      [
        "kode_jabatan,nama_jabatan,kelompok_jabatan,jenjang,kode_unit,urusan_pemerintahan,ikhtisar_jabatan,kebutuhan",
        "UJI-MASSAL.TU.KASUBBAG,Kepala Subbagian Tata Usaha Badan Uji Draf Massal,pengawas,,UJI-MASSAL.TU,Pemerintahan Umum,Melakukan penyiapan bahan dan pengendalian urusan ketatausahaan dan kepegawaian badan.,1",
        ...targets.map(
          (code, i) =>
            `${code},Pengadministrasi Umum Uji Massal ${i + 1},pelaksana,,UJI-MASSAL.TU,Pemerintahan Umum,Melakukan pengadministrasian surat dan arsip subbagian.,1`,
        ),
      ].join("\n"),
    );
    const analis = await browser.newPage();
    const reviewer = await browser.newPage();
    const admin = await browser.newPage();
    await logIn(analis, "analis@demo.go.id");
    await logIn(reviewer, "reviewer@demo.go.id");
    await logIn(admin, "admin@demo.go.id");
    await visit(analis, "/struktur/impor");
    await analis
      .getByLabel("Berkas SOTK (CSV atau XLSX, boleh beberapa)")
      .setInputFiles([path.join(folder, "unit.csv"), path.join(folder, "jabatan.csv")]);
    await analis.getByRole("button", { name: "Periksa berkas" }).click();
    await analis.getByRole("button", { name: "Impor sekarang" }).click();
    await analis.getByRole("heading", { name: "Impor selesai" }).waitFor();

    const source = "Kepala Subbagian Tata Usaha Badan Uji Draf Massal";
    await publishFirstSkj({ analis, reviewer, publisher: admin }, source, {
      number: "77",
      title: "Standar Kompetensi Jabatan Badan Uji Draf Massal",
    });

    // every position of the unit without an SKJ, through the register's "all matching"
    await visit(analis, "/jabatan?unit=UJI-MASSAL.TU&status=belum_ada");
    await analis.getByRole("link", { name: "Buat draf SKJ untuk semua 22 jabatan yang cocok" }).click();
    await analis.getByRole("heading", { name: "Buat draf SKJ sekaligus" }).waitFor();
    await analis.getByLabel("Cari jabatan sumber").fill("Tata Usaha Badan Uji");
    await analis.getByRole("button", { name: "Cari" }).click();
    await analis.getByRole("link", { name: `Pakai ${source}`, exact: true }).click();
    await analis.getByText(`Diisi dari ${source} (versi 1 yang berlaku)`).waitFor();
    await analis.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await analis.getByRole("button", { name: "Buat 22 draf SKJ" }).click();

    // the job's page: its bar, filled to 100 % when the drafts are made, then one row per position
    const bar = analis.getByRole("progressbar", { name: "Kemajuan pembuatan draf" });
    await bar.waitFor();
    await expect.poll(() => bar.getAttribute("value"), { timeout: 60_000 }).toBe("100");
    await analis.getByRole("status").filter({ hasText: "22 draf SKJ dibuat, 0 dilewati." }).waitFor();
    const results = analis.getByRole("table", { name: "Hasil pembuatan draf" });
    expect((await results.locator("tbody td:first-child").allInnerTexts()).sort()).toEqual(targets);
    await results.getByRole("link", { name: targets[0] }).click();
    await analis.waitForURL("**/skj");
    await analis.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
    // the published SKJ's technical competencies came with it
    for (const name of ["Analisis Jabatan", "Penataan Kelembagaan Perangkat Daerah"])
      expect(await analis.getByText(name).count()).toBeGreaterThan(0);
  });
});
