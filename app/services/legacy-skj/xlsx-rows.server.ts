// An Excel book (.xlsx) as the neutral rows of the legacy reader: each worksheet row in order, merged cells
// as one cell spanning its columns, the rows below a vertical merge marked as its continuation.
import ExcelJS from "exceljs";
import type { LegacyCell, LegacyRow } from "~/domain/legacy-skj/source";
import { LegacyFileError } from "./errors.server";

export async function xlsxRows(bytes: Uint8Array): Promise<LegacyRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new LegacyFileError("Berkas Excel ini rusak atau terkunci kata sandi; buka dan simpan ulang sebagai .xlsx tanpa kata sandi.");
  }
  return workbook.worksheets.filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden").flatMap(sheetRows);
}

function sheetRows(ws: ExcelJS.Worksheet): LegacyRow[] {
  // master cell address → last column and last row of its merge
  const merges = new Map<string, { right: number; bottom: number }>();
  for (const range of (ws.model as unknown as { merges?: string[] }).merges ?? []) {
    const [from, to] = range.split(":");
    if (!from || !to) continue;
    const a = ws.getCell(from);
    const b = ws.getCell(to);
    merges.set(a.address, { right: Number(b.col), bottom: Number(b.row) });
  }
  const rows: LegacyRow[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: LegacyCell[] = [];
    for (let c = 1; c <= Math.max(ws.columnCount, row.cellCount); c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) {
        // below the master: a continuation; beside it: covered by the master's span
        if (Number(cell.master.row) !== r && Number(cell.master.col) === c)
          cells.push({ text: "", col: c - 1, span: (merges.get(cell.master.address)?.right ?? c) - c + 1, continued: true });
        continue;
      }
      const text = cellText(cell);
      const merge = merges.get(cell.address);
      if (text === "" && !merge) continue;
      cells.push({ text, col: c - 1, span: merge ? merge.right - c + 1 : 1 });
    }
    if (cells.some((c) => c.text.trim() !== "" || c.continued)) rows.push({ cells, table: null, page: null, sheet: ws.name });
  }
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return (cell.text ?? "").replace(/\r\n?/g, "\n");
  } catch {
    return String(cell.value ?? "");
  }
}
