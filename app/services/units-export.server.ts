// The unit list as an XLSX workbook in the import's own shape (sheet `Unit`, the template's column labels),
// so that exporting, editing in Excel and importing back changes only what was edited (contract §7.4).
import ExcelJS from "exceljs";
import { unitKindText } from "~/domain/import-words";
import { formatLegalBasis } from "~/domain/sotk-changes";
import { UNIT_COLUMNS } from "~/domain/sotk-import";
import type { DbOrTx } from "~db/client.server";
import { orgUnits } from "~db/schema";
import { SHEET_NAMES } from "./sotk-files.server";

const WIDTHS: Record<string, number> = { kode_unit: 30, nama_unit: 50, jenis_unit: 26, eselon: 10, kode_unit_induk: 30, dasar_hukum: 50 };

/** Every unit, active or not, ordered by code; a parent later in the list is fine for the import. */
export async function unitsXlsx(db: DbOrTx): Promise<Uint8Array> {
  const units = db.select().from(orgUnits).orderBy(orgUnits.code).all();
  const codeById = new Map(units.map((u) => [u.id, u.code]));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SKJ Studio";
  const sheet = workbook.addWorksheet(SHEET_NAMES.unit, { views: [{ state: "frozen", ySplit: 1 }] });
  // text format keeps codes such as "1.10" and "IV.a" from being turned into numbers or dates when edited
  sheet.columns = UNIT_COLUMNS.map((c) => ({ header: c.label, key: c.name, width: WIDTHS[c.name] ?? 20, style: { numFmt: "@" } }));
  sheet.getRow(1).font = { bold: true };
  for (const u of units) {
    const complete = u.legalBasisKind !== null && u.legalBasisNumber !== null && u.legalBasisYear !== null;
    sheet.addRow({
      kode_unit: u.code,
      nama_unit: u.name,
      jenis_unit: unitKindText(u.kind, u.kindLabel),
      eselon: u.echelon ?? "",
      kode_unit_induk: u.parentId === null ? "" : (codeById.get(u.parentId) ?? ""),
      dasar_hukum: complete ? formatLegalBasis({ kind: u.legalBasisKind!, number: u.legalBasisNumber!, year: u.legalBasisYear! }) : "",
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
