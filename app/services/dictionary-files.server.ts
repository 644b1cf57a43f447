// Turns technical dictionary files (CSV, XLSX sheet `Kompetensi`, JSON; contract §6) into the sources that
// app/domain/dictionary-import validates, and writes the exports in that same format so they re-import unchanged.
import { parse } from "csv-parse/sync";
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
import type { ParsedRow } from "~/domain/sotk-import";
import { cellText } from "./sotk-files.server";

export type DictionaryReadResult = DictionarySource[] | { error: string };

export async function readDictionaryFile(fileName: string, bytes: Uint8Array): Promise<DictionaryReadResult> {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (bytes.length === 0) return { error: `Berkas ${fileName} kosong.` };
  if (ext === "csv") return readCsv(fileName, bytes);
  if (ext === "xlsx") return readXlsx(fileName, bytes);
  if (ext === "json") return readJson(fileName, bytes);
  if (ext === "xls") return { error: `Berkas ${fileName} berformat .xls lama yang tidak didukung; simpan ulang sebagai .xlsx atau CSV UTF-8.` };
  return { error: `Jenis berkas ${fileName} tidak dikenal; gunakan .csv (UTF-8), .xlsx (lembar ${DICTIONARY_SHEET_NAME}) atau .json.` };
}

function decodeUtf8(fileName: string, bytes: Uint8Array, what: string): string | { error: string } {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { error: `Berkas ${fileName} bukan teks UTF-8; simpan ulang sebagai ${what} UTF-8.` };
  }
}

/**
 * Builds a sheet from rows of cell text where `grid[0]` is the header. Columns without a title and without
 * data are dropped: spreadsheets often carry such trailing columns. Same rules as the SOTK reader.
 */
function toSheet(fileName: string, sheetName: string | undefined, grid: { rowNumber: number; cells: string[] }[]): DictionarySheet {
  const [head, ...body] = grid;
  const width = Math.max(0, ...grid.map((r) => r.cells.length));
  const headerCells = Array.from({ length: width }, (_, i) => (head?.cells[i] ?? "").trim());
  const header: string[] = [];
  const index: number[] = [];
  headerCells.forEach((h, i) => {
    if (h !== "" || body.some((r) => (r.cells[i] ?? "").trim() !== "")) {
      header.push(h);
      index.push(i);
    }
  });
  const rows: ParsedRow[] = body.map((r) => {
    const values: Record<string, string> = {};
    index.forEach((col, k) => {
      const name = header[k]!;
      // the first of two same-named columns wins here; the domain reports the duplicate header
      if (!(name in values)) values[name] = r.cells[col] ?? "";
    });
    return { rowNumber: r.rowNumber, values };
  });
  return { format: "sheet", fileName, ...(sheetName ? { sheetName } : {}), header, rows };
}

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "ada tanda kutip pembuka yang tidak ditutup",
  CSV_INVALID_CLOSING_QUOTE: "ada tanda kutip penutup yang langsung diikuti karakter lain",
};

function readCsv(fileName: string, bytes: Uint8Array): DictionaryReadResult {
  const text = decodeUtf8(fileName, bytes, '"CSV UTF-8"');
  if (typeof text !== "string") return text;
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      // empty lines are kept so that record index + 1 stays the row a spreadsheet shows
      skip_empty_lines: false,
      record_delimiter: ["\r\n", "\n", "\r"],
    }) as string[][];
  } catch (e) {
    const err = e as { code?: string; lines?: number };
    const why = (err.code && CSV_ERRORS[err.code]) || "formatnya tidak valid";
    return { error: `Berkas ${fileName} tidak dapat dibaca sebagai CSV${err.lines ? ` (sekitar baris ${err.lines})` : ""}: ${why}.` };
  }
  const grid = records.map((cells, i) => ({ rowNumber: i + 1, cells }));
  const header = grid[0]?.cells ?? [];
  // Indonesian-locale spreadsheets save CSV with semicolons; say so instead of a puzzling header error
  if (header.length === 1 && (header[0] ?? "").includes(";")) {
    return { error: `Berkas ${fileName} memakai titik koma sebagai pemisah; CSV impor harus dipisah koma.` };
  }
  return [toSheet(fileName, undefined, grid)];
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<DictionaryReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { error: `Berkas ${fileName} tidak dapat dibaca sebagai workbook XLSX; pastikan berkas tidak rusak dan disimpan sebagai .xlsx.` };
  }
  const wanted = DICTIONARY_SHEET_NAME.toLowerCase();
  const ws = workbook.worksheets.find((w) => w.name.trim().toLowerCase() === wanted);
  if (!ws) {
    const names = workbook.worksheets.map((w) => w.name).join(", ") || "tidak ada";
    return { error: `Berkas ${fileName} tidak memiliki lembar "${DICTIONARY_SHEET_NAME}" (lembar yang ada: ${names}).` };
  }
  const grid: { rowNumber: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells[c - 1] = cellText(row.getCell(c).value);
    grid.push({ rowNumber: row.number, cells });
  });
  if (grid.length === 0) return { error: `Berkas ${fileName}: lembar ${ws.name} kosong.` };
  if (grid[0]!.rowNumber !== 1) return { error: `Berkas ${fileName}: baris 1 lembar ${ws.name} harus berisi judul kolom.` };
  return [toSheet(fileName, ws.name, grid)];
}

function readJson(fileName: string, bytes: Uint8Array): DictionaryReadResult {
  const text = decodeUtf8(fileName, bytes, "JSON");
  if (typeof text !== "string") return text;
  try {
    return [{ format: "json", fileName, value: JSON.parse(text) as unknown }];
  } catch (e) {
    // V8 names the offset ("at position 12"); a line number is what an editor shows
    const position = /position (\d+)/.exec(String((e as Error).message))?.[1];
    const line = position === undefined ? null : text.slice(0, Number(position)).split("\n").length;
    return { error: `Berkas ${fileName} bukan JSON yang valid${line ? ` (sekitar baris ${line})` : ""}; periksa tanda kurung, koma dan tanda kutip.` };
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
    style: c.name === "level" ? {} : { numFmt: "@", ...(WRAPPED.has(c.name) ? { alignment: { wrapText: true, vertical: "top" as const } } : {}) },
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
