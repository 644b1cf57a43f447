import ExcelJS from "exceljs";
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS, SKJ_STATUS_LABELS } from "~/domain/labels";
import type { RegisterQuery } from "~/domain/register-filter";
import type { Db } from "~db/client.server";
import { searchRegister } from "~db/queries/register.server";
import { registerFilterOf } from "./register.server";
export const EXPORT_MAX_ROWS = 100_000;

/** The register as filtered on screen, every page, as an XLSX workbook. */
export async function registerXlsx(db: Db, query: RegisterQuery): Promise<Uint8Array> {
  const filter = registerFilterOf(db, { ...query, page: 1 }, EXPORT_MAX_ROWS);
  const rows = filter ? searchRegister(db, filter).rows : [];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SKJ Studio";
  const sheet = workbook.addWorksheet("Jabatan", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Kode Jabatan", key: "code", width: 34 },
    { header: "Nama Jabatan", key: "name", width: 48 },
    { header: "Kelompok Jabatan", key: "group", width: 30 },
    { header: "Jenjang", key: "level", width: 14 },
    { header: "Kode Unit", key: "unitCode", width: 34 },
    { header: "Unit", key: "unitName", width: 44 },
    { header: "Urusan Pemerintahan", key: "affair", width: 28 },
    { header: "Kebutuhan", key: "headcount", width: 11 },
    { header: "Status SKJ", key: "status", width: 14 },
    { header: "Ikhtisar Jabatan", key: "summary", width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow({
      code: r.code,
      name: r.name,
      group: GROUP_LABELS[r.group],
      level: r.functionalLevel ? FUNCTIONAL_LEVEL_LABELS[r.functionalLevel] : "",
      unitCode: r.unitCode,
      unitName: r.unitName,
      affair: r.governmentAffair ?? "",
      headcount: r.requiredHeadcount ?? "",
      status: SKJ_STATUS_LABELS[r.skjStatus],
      summary: r.summaryText,
    });
  }
  sheet.autoFilter = { from: "A1", to: "J1" };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
