// The analyst's daily habit (issue 15): export the register, fix one name in Excel, import the file back,
// see exactly that change before it is applied, apply it, find the new name in the register.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./axe";
import { heading, logIn, useBrowser, visit } from "./browser";

// a unit and position no other browser test touches, so the export holds nothing another test changes
const UNIT = "DINKES.UPT-RSKP.SEKSI-YANKEP";
const CODE = "DINKES.UPT-RSKP.SEKSI-YANKEP.OLK";
const OLD_NAME = "Operator Layanan Kesehatan";
const NEW_NAME = "Operator Layanan Kesehatan Rawat Inap";

describe("register export → edit → import", () => {
  const browser = useBrowser();

  it("an analyst renames one position in the exported workbook and the import shows and applies exactly that change", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await visit(page, `/jabatan?unit=${encodeURIComponent(UNIT)}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ekspor XLSX" }).click()]);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "skj-roundtrip-"));
    const file = path.join(folder, "register-jabatan.xlsx");
    await download.saveAs(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet("Jabatan")!;
    let renamed = 0;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === CODE) {
        expect(row.getCell(2).value).toBe(OLD_NAME);
        row.getCell(2).value = NEW_NAME;
        renamed++;
      }
    });
    expect(renamed).toBe(1);
    await workbook.xlsx.writeFile(file);

    await visit(page, "/struktur/impor");
    await page.getByLabel("Berkas SOTK (CSV atau XLSX, boleh beberapa)").setInputFiles(file);
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    const changes = page.getByRole("table", { name: "Perubahan per kolom" });
    await changes.waitFor();
    expect(await changes.locator("tbody tr").allInnerTexts()).toEqual([
      `Jabatan\t${CODE}\t${NEW_NAME}\tNama Jabatan\t${OLD_NAME}\t${NEW_NAME}`,
    ]);
    const summary = page.getByRole("table", { name: "Ringkasan impor" });
    expect(await summary.locator("tbody tr").nth(1).innerText()).toMatch(/^Jabatan\t0\t1\t\d+$/);
    expect(await page.getByRole("table", { name: "Data baru" }).count()).toBe(0);
    await expectNoSeriousViolations(page, "SOTK import check with a field-level change");

    await page.getByRole("button", { name: "Impor sekarang" }).click();
    await page.getByRole("heading", { name: "Impor selesai" }).waitFor();
    await page.getByRole("link", { name: "Lihat register jabatan" }).click();
    await expect.poll(() => heading(page)).toMatch(/Jabatan/);
    await visit(page, `/jabatan?unit=${encodeURIComponent(UNIT)}`);
    const register = page.getByRole("table", { name: "Daftar jabatan" });
    await register.getByRole("link", { name: NEW_NAME }).waitFor();
    expect(await register.getByRole("link", { name: OLD_NAME, exact: true }).count()).toBe(0);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
