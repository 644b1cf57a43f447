// Reading CSV and XLSX files into header and rows, shared by the SOTK and dictionary importers so that
// both treat a spreadsheet the same way and give the same messages for the same problems.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { ParsedRow } from "~/domain/sotk-import";
import { readZipDirectory, workbookSizeProblem } from "~/domain/workbook-limits";
import { runInThread } from "./thread.server";

/** One spreadsheet row as cell texts; `rowNumber` is the row the spreadsheet shows (1 = header). */
export type GridRow = { rowNumber: number; cells: string[] };

/** `advice` ends the message, e.g. `simpan ulang sebagai JSON UTF-8`, so each reader names its own format. */
export function decodeUtf8(fileName: string, bytes: Uint8Array, advice: string): string | { error: string } {
  try {
    // TextDecoder drops one leading BOM itself; a doubled one would otherwise end up in the first header cell
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { error: `Berkas ${fileName} bukan teks UTF-8; ${advice}.` };
  }
}

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "ada tanda kutip pembuka yang tidak ditutup",
  CSV_INVALID_CLOSING_QUOTE: "ada tanda kutip penutup yang langsung diikuti karakter lain",
};

/** `utf8Advice` as for `decodeUtf8`. */
export function readCsvGrid(fileName: string, bytes: Uint8Array, utf8Advice: string): GridRow[] | { error: string } {
  const text = decodeUtf8(fileName, bytes, utf8Advice);
  if (typeof text !== "string") return text;
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      // empty lines are kept so that record index + 1 stays the row a spreadsheet shows
      skip_empty_lines: false,
      // mixed line endings happen when rows are pasted from different editors
      record_delimiter: ["\r\n", "\n", "\r"],
    }) as string[][];
  } catch (e) {
    const err = e as { code?: string; lines?: number };
    const why = (err.code && CSV_ERRORS[err.code]) || "formatnya tidak valid";
    return { error: `Berkas ${fileName} tidak dapat dibaca sebagai CSV${err.lines ? ` (sekitar baris ${err.lines})` : ""}: ${why}.` };
  }
  return records.map((cells, i) => ({ rowNumber: i + 1, cells }));
}

/**
 * Indonesian-locale spreadsheets save CSV with semicolons; saying so beats a puzzling header error.
 * Undefined when the header does not look semicolon-separated.
 */
export function semicolonError(fileName: string, grid: readonly GridRow[]): { error: string } | undefined {
  const header = grid[0]?.cells ?? [];
  if (header.length === 1 && (header[0] ?? "").includes(";")) {
    return { error: `Berkas ${fileName} memakai titik koma sebagai pemisah; CSV impor harus dipisah koma.` };
  }
  return undefined;
}

export type WorkbookSheet = { name: string; grid: GridRow[] };
export type WorkbookReply = { sheets: WorkbookSheet[] } | { error: string };

const unreadableWorkbook = (fileName: string) => ({
  error: `Berkas ${fileName} tidak dapat dibaca sebagai workbook XLSX; pastikan berkas tidak rusak dan disimpan sebagai .xlsx.`,
});

// far above what the size limits let through (a 100 MB workbook takes about 550 MB to parse), so it only
// stops what the limits did not foresee, and it stops the thread rather than the server
const THREAD_HEAP_MB = 1024;

/**
 * Every sheet of an XLSX workbook as a grid. The sizes the zip declares are checked before anything is
 * inflated, and the workbook is read in a worker thread so that the server keeps answering meanwhile.
 */
export async function readWorkbookSheets(fileName: string, bytes: Uint8Array): Promise<WorkbookReply> {
  const entries = readZipDirectory(bytes);
  if (!entries) return unreadableWorkbook(fileName);
  const problem = workbookSizeProblem(fileName, entries);
  if (problem) return { error: problem };
  try {
    return await runInThread<WorkbookReply>(
      "app/services/workbook-thread-entry.server.ts",
      { fileName, bytes, entries },
      { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } },
    );
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
      return {
        error: `Berkas ${fileName} terlalu besar setelah dibuka: membacanya memerlukan lebih dari ${THREAD_HEAP_MB.toLocaleString("id-ID")} MB memori; tidak ada yang dibaca.`,
      };
    }
    throw error;
  }
}

/** The parsing itself, in the worker thread; call readWorkbookSheets instead. */
export async function parseWorkbook(fileName: string, bytes: Uint8Array): Promise<WorkbookReply> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return unreadableWorkbook(fileName);
  }
  return { sheets: workbook.worksheets.map((ws) => ({ name: ws.name, grid: worksheetGrid(ws) })) };
}

type CellValue = ExcelJS.CellValue;

/** Plain text of a cell as a user sees it: numbers unformatted, rich text joined, formulas by their result. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ("hyperlink" in value) return cellText((value as { text?: CellValue }).text ?? null);
  if ("error" in value) return String(value.error);
  return "";
}

/** Empty rows are left out, so the first row's `rowNumber` tells whether row 1 holds the header. */
function worksheetGrid(ws: ExcelJS.Worksheet): GridRow[] {
  const grid: GridRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells[c - 1] = cellText(row.getCell(c).value);
    grid.push({ rowNumber: row.number, cells });
  });
  return grid;
}

/**
 * Splits a grid whose first row is the header. Columns without a title and without data are dropped:
 * spreadsheets often carry such trailing columns.
 */
export function headerAndRows(grid: readonly GridRow[]): { header: string[]; rows: ParsedRow[] } {
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
  return { header, rows };
}
