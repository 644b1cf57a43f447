import { describe, expect, it } from "vitest";
import { addTwoTechnicalCompetencies, logIn, useBrowser, visit } from "./browser";

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

    await page.getByRole("status").filter({ hasText: "3 draf SKJ dibuat, 0 dilewati." }).waitFor();
    await page.getByRole("table", { name: "Hasil pembuatan draf" }).getByRole("link", { name: "INSPEKTORAT.IRBAN-I.AUDITOR-MUDA" }).click();
    await page.waitForURL("**/skj");
    await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
    for (const name of ["Analisis Jabatan", "Penataan Kelembagaan Perangkat Daerah"]) expect(await page.getByText(name).count()).toBeGreaterThan(0);

    // every position of the filter has its draft now: "all matching" would make none and says so
    await visit(page, UNIT_FILTER);
    await page.getByRole("link", { name: "Buat draf SKJ untuk semua 4 jabatan yang cocok" }).click();
    await page.getByRole("heading", { name: "Buat draf SKJ sekaligus" }).waitFor();
    expect(await chosen().getByText("Sudah ada draf terbuka — dilewati").count()).toBe(4);
    expect(await page.getByRole("button", { name: "Buat 0 draf SKJ" }).isDisabled()).toBe(true);
  });
});

