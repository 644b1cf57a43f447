// Uses minimumEducationByGroup for the stored change and restores it, so the other browser tests, which share
// this server's database, still see the seeded tables (and their "belum diverifikasi" state).
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { logIn, useBrowser, visit } from "./browser";

const EDUCATION_LABEL = "Pendidikan minimum per kelompok jabatan";
const VERIFIED = "Tabel ini sudah dicocokkan dengan peraturan resmi (terverifikasi)";

const rowOf = (page: Page, label: string) => page.getByRole("row", { name: new RegExp(label) });
// the source notes themselves may say "belum diverifikasi", so read the status column only
const statusOf = (page: Page, label: string) => rowOf(page, label).getByRole("cell").nth(1).innerText();

async function save(page: Page) {
  await page.getByRole("button", { name: "Simpan pengaturan" }).click();
  await page.waitForURL("**/admin/settings?notice=*");
}

describe("rule settings", () => {
  const browser = useBrowser();

  it("an admin sets a minimum education, marks the table verified, sees it in the list and the audit log, then restores it", async () => {
    const page = await browser.newPage();
    await logIn(page, "admin@demo.go.id");
    await visit(page, "/admin");
    await page.getByRole("link", { name: "Pengaturan aturan" }).click();
    await page.waitForURL("**/admin/settings");
    expect(await statusOf(page, EDUCATION_LABEL)).toBe("Belum diverifikasi");

    await page.getByRole("link", { name: `Ubah ${EDUCATION_LABEL}` }).click();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const note = page.getByLabel("Catatan sumber");
    const originalNote = await note.inputValue();
    expect(await page.getByLabel("Pendidikan minimum Pelaksana").inputValue()).toBe("");
    expect(await page.getByLabel("Pendidikan minimum Pengawas").inputValue()).toBe("D-III");

    // checked in the browser with the same schema: nothing is sent while the note is empty
    await note.fill("");
    await page.getByRole("button", { name: "Simpan pengaturan" }).click();
    await expect.poll(() => page.locator(".field-error").allInnerTexts()).toEqual(["Catatan sumber wajib diisi."]);
    expect(new URL(page.url()).pathname).toBe("/admin/settings/minimumEducationByGroup");

    await note.fill(`${originalNote} Dicek terhadap peraturan (uji).`);
    await expect.poll(() => page.locator(".field-error").count()).toBe(0);
    await page.getByLabel("Pendidikan minimum Pelaksana").selectOption("SMA");
    await page.getByLabel(VERIFIED).check();
    await save(page);
    expect(await page.getByRole("status").filter({ hasText: "disimpan" }).innerText()).toBe(`Pengaturan "${EDUCATION_LABEL}" disimpan.`);
    expect(await statusOf(page, EDUCATION_LABEL)).toBe("Terverifikasi");
    expect(await rowOf(page, EDUCATION_LABEL).getByRole("cell").nth(3).innerText()).toContain("Admin Demo");

    await visit(page, "/admin/audit?action=settings.update");
    expect(await page.getByRole("table", { name: "Catatan audit" }).innerText()).toContain(
      "minimumEducationByGroup.pelaksana: — → SMA; verified: tidak → ya; catatan sumber diubah",
    );

    // back to the seeded table, so the other browser tests keep their expectations
    await visit(page, "/admin/settings/minimumEducationByGroup");
    expect(await page.getByLabel("Pendidikan minimum Pelaksana").inputValue()).toBe("SMA");
    await page.getByLabel("Pendidikan minimum Pelaksana").selectOption("");
    await page.getByLabel(VERIFIED).uncheck();
    await page.getByLabel("Catatan sumber").fill(originalNote);
    await save(page);
    expect(await statusOf(page, EDUCATION_LABEL)).toBe("Belum diverifikasi");
  });

  it("the standard-level grid names a wrong cell at the cell and sends nothing", async () => {
    const page = await browser.newPage();
    await logIn(page, "admin@demo.go.id");
    await visit(page, "/admin/settings/standardLevels");
    const grid = page.getByRole("table", { name: "Standar level per kelompok jabatan" });
    expect(await grid.getByRole("row").count()).toBe(15);
    const cell = page.getByLabel("Standar level JF Ahli Muda, Integritas (M.01)");
    expect(await cell.inputValue()).toBe("3");
    expect(await page.getByLabel("Standar level Administrator, Integritas (M.01)").inputValue()).toBe("3");

    await cell.fill("7");
    await page.getByRole("button", { name: "Simpan pengaturan" }).click();
    await expect
      .poll(() => page.getByRole("alert").innerText())
      .toContain("Standar level JF Ahli Muda, Integritas (M.01): harus bilangan bulat 1–5.");
    expect(await cell.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".field-error").allInnerTexts()).toHaveLength(1);
    expect(new URL(page.url()).pathname).toBe("/admin/settings/standardLevels");

    await cell.fill("3");
    await expect.poll(() => page.locator(".field-error").count()).toBe(0);
    // the form was typed in: leaving asks first, and the admin leaves without saving
    await page.getByRole("link", { name: "Batal" }).click();
    await page.getByRole("button", { name: "Tinggalkan tanpa menyimpan" }).click();
    await page.waitForURL("**/admin/settings");
    expect(await statusOf(page, "Standar level kompetensi")).toBe("Belum diverifikasi");
  });

  it("the minimum-experience setting shows each group's years beside the article and its quoted text", async () => {
    const page = await browser.newPage();
    await logIn(page, "admin@demo.go.id");
    await visit(page, "/admin/settings");
    await page.getByRole("link", { name: "Ubah Pengalaman jabatan minimum (PP 11/2017 jo. PP 17/2020)" }).click();
    await page.getByRole("table", { name: "Pengalaman minimum per kelompok jabatan" }).waitFor();
    expect(await page.getByLabel("Pengalaman minimum JPT Pratama").inputValue()).toBe("5");
    expect(await page.getByLabel("Dasar (pasal) JPT Pratama").inputValue()).toBe(
      "PP 11/2017 Pasal 107 ayat (1) huruf c sebagaimana diubah PP 17/2020",
    );
    expect(await page.getByLabel("Teks pasal JPT Pratama").inputValue()).toContain("secara kumulatif paling kurang selama 5 (lima) tahun");
    // JPT madya's article text was not found: the field is empty rather than filled with a paraphrase
    expect(await page.getByLabel("Teks pasal JPT Madya").inputValue()).toBe("");
    expect(await page.locator(".page-header .tag").innerText()).toBe("Belum diverifikasi");
  });
});
