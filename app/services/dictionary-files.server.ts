// Turns technical dictionary files (CSV, XLSX sheet `Kompetensi`, JSON; contract §6) into the sources that
// app/domain/dictionary-import validates, and writes the exports in that same format so they re-import unchanged.
import ExcelJS from "exceljs";
import {
  DICTIONARY_COLUMNS,
  DICTIONARY_SHEET_NAME,
  toJsonEntries,
  toSheetRows,
  type DictionaryExportEntry,
  type DictionarySheet,
  type DictionarySource,
} from "~/domain/dictionary-import";
import { decodeUtf8, headerAndRows, readCsvGrid, readWorkbookSheets, semicolonError, type GridRow } from "./spreadsheet.server";

export type DictionaryReadResult = DictionarySource[] | { error: string };

export async function readDictionaryFile(fileName: string, bytes: Uint8Array): Promise<DictionaryReadResult> {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (bytes.length === 0) return { error: `Berkas ${fileName} kosong.` };
  if (ext === "csv") return readCsv(fileName, bytes);
  if (ext === "xlsx") return readXlsx(fileName, bytes);
  if (ext === "json") return readJsonFile(fileName, bytes);
  if (ext === "xls")
    return { error: `Berkas ${fileName} berformat .xls lama yang tidak didukung; simpan ulang sebagai .xlsx atau CSV UTF-8.` };
  return { error: `Jenis berkas ${fileName} tidak dikenal; gunakan .csv (UTF-8), .xlsx (lembar ${DICTIONARY_SHEET_NAME}) atau .json.` };
}

function toSheet(fileName: string, sheetName: string | undefined, grid: GridRow[]): DictionarySheet {
  return { format: "sheet", fileName, ...(sheetName ? { sheetName } : {}), ...headerAndRows(grid) };
}

function readCsv(fileName: string, bytes: Uint8Array): DictionaryReadResult {
  const grid = readCsvGrid(fileName, bytes, 'simpan ulang sebagai "CSV UTF-8"');
  if (!Array.isArray(grid)) return grid;
  return semicolonError(fileName, grid) ?? [toSheet(fileName, undefined, grid)];
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<DictionaryReadResult> {
  const workbook = await readWorkbookSheets(fileName, bytes);
  if ("error" in workbook) return workbook;
  const wanted = DICTIONARY_SHEET_NAME.toLowerCase();
  const ws = workbook.sheets.find((w) => w.name.trim().toLowerCase() === wanted);
  if (!ws) {
    const names = workbook.sheets.map((w) => w.name).join(", ") || "tidak ada";
    return { error: `Berkas ${fileName} tidak memiliki lembar "${DICTIONARY_SHEET_NAME}" (lembar yang ada: ${names}).` };
  }
  const grid = ws.grid;
  if (grid.length === 0) return { error: `Berkas ${fileName}: lembar ${ws.name} kosong.` };
  if (grid[0]!.rowNumber !== 1) return { error: `Berkas ${fileName}: baris 1 lembar ${ws.name} harus berisi judul kolom.` };
  return [toSheet(fileName, ws.name, grid)];
}

/** A JSON upload parsed, or the reason it cannot be, with the line an editor shows; shared by the JSON imports. */
export function readJsonFile(
  fileName: string,
  bytes: Uint8Array,
): [{ format: "json"; fileName: string; value: unknown }] | { error: string } {
  const text = decodeUtf8(fileName, bytes, "simpan ulang sebagai JSON UTF-8");
  if (typeof text !== "string") return text;
  try {
    return [{ format: "json", fileName, value: JSON.parse(text) as unknown }];
  } catch (e) {
    // V8 names the offset ("at position 12"); a line number is what an editor shows
    const position = /position (\d+)/.exec(String((e as Error).message))?.[1];
    const line = position === undefined ? null : text.slice(0, Number(position)).split("\n").length;
    return {
      error: `Berkas ${fileName} bukan JSON yang valid${line ? ` (sekitar baris ${line})` : ""}; periksa tanda kurung, koma dan tanda kutip.`,
    };
  }
}

// ---------------------------------------------------------------- export

const WIDTHS: Record<string, number> = { kode: 26, nama: 36, definisi: 60, sumber: 40, level: 8, deskripsi_level: 60, indikator: 80 };
const WRAPPED = new Set(["definisi", "deskripsi_level", "indikator"]);

/** The `Kompetensi` sheet, one row per level, in exactly the columns the import reads. */
export async function dictionaryToXlsx(entries: readonly DictionaryExportEntry[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SKJ Studio";
  const ws = workbook.addWorksheet(DICTIONARY_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = DICTIONARY_COLUMNS.map((c) => ({
    header: c.name,
    key: c.name,
    width: WIDTHS[c.name] ?? 20,
    // text format keeps codes such as "1.10" from being turned into numbers or dates when edited
    style:
      c.name === "level"
        ? {}
        : { numFmt: "@", ...(WRAPPED.has(c.name) ? { alignment: { wrapText: true, vertical: "top" as const } } : {}) },
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of toSheetRows(entries)) ws.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** The contract's JSON array (plus `type`, `revision`, `status`), indented for reading and diffing. */
export function dictionaryToJson(entries: readonly DictionaryExportEntry[]): string {
  return `${JSON.stringify(toJsonEntries(entries), null, 2)}\n`;
}
