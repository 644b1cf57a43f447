// Turns SOTK import files (CSV or XLSX, contract §6) into the sheets that app/domain/sotk-import validates,
// and builds the XLSX template that the import page offers for download.
import ExcelJS from "exceljs";
import { FUNCTIONAL_LEVEL_CHOICES, POSITION_GROUP_CHOICES, UNIT_KIND_CHOICES } from "~/domain/import-words";
import { ECHELONS } from "~/domain/sotk";
import { COLUMNS, detectSheetKind, EXAMPLE_CODE_PREFIX, type ColumnSpec, type ParsedSheet, type SheetKind } from "~/domain/sotk-import";
import { headerAndRows, readCsvGrid, readWorkbookSheets, semicolonError, type GridRow } from "./spreadsheet.server";

export const SHEET_NAMES: Record<SheetKind, string> = { unit: "Unit", jabatan: "Jabatan" };

/** A file-level problem; `at` places it when it is one sheet's header row rather than the file as a whole. */
export type ReadResult = ParsedSheet[] | { error: string; at?: { sheet?: string; row: number; column: string } };

export async function readSotkFile(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (bytes.length === 0) return { error: `Berkas ${fileName} kosong.` };
  if (ext === "csv") return readCsv(fileName, bytes);
  if (ext === "xlsx") return readXlsx(fileName, bytes);
  if (ext === "xls")
    return { error: `Berkas ${fileName} berformat .xls lama yang tidak didukung; simpan ulang sebagai .xlsx atau CSV UTF-8.` };
  return { error: `Jenis berkas ${fileName} tidak dikenal; gunakan .csv (UTF-8) atau .xlsx.` };
}

function toSheet(fileName: string, sheetName: string | undefined, kind: SheetKind, grid: GridRow[]): ParsedSheet {
  return { fileName, ...(sheetName ? { sheetName } : {}), kind, ...headerAndRows(grid) };
}

function readCsv(fileName: string, bytes: Uint8Array): ReadResult {
  const grid = readCsvGrid(fileName, bytes, 'simpan ulang dari spreadsheet sebagai "CSV UTF-8"');
  if (!Array.isArray(grid)) return grid;
  const kind = detectSheetKind(grid[0]?.cells ?? []);
  if (!kind) {
    return (
      semicolonError(fileName, grid) ?? {
        error: `Berkas ${fileName}: jenis data tidak dapat ditentukan dari baris judul. Berkas unit harus memiliki kolom kode_unit dan nama_unit; berkas jabatan harus memiliki kolom kode_jabatan.`,
        at: { row: 1, column: "judul kolom" },
      }
    );
  }
  return [toSheet(fileName, undefined, kind, grid)];
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  const workbook = await readWorkbookSheets(fileName, bytes);
  if ("error" in workbook) return workbook;
  const sheets: ParsedSheet[] = [];
  for (const kind of ["unit", "jabatan"] as const) {
    const wanted = SHEET_NAMES[kind].toLowerCase();
    const ws = workbook.sheets.find((w) => w.name.trim().toLowerCase() === wanted);
    if (!ws) continue;
    const grid = ws.grid;
    if (grid.length === 0) continue; // an untouched sheet is not an attempt to import that kind
    if (grid[0]!.rowNumber !== 1) {
      return {
        error: `Berkas ${fileName}: baris 1 lembar ${ws.name} harus berisi judul kolom.`,
        at: { sheet: ws.name, row: 1, column: "judul kolom" },
      };
    }
    sheets.push(toSheet(fileName, ws.name, kind, grid));
  }
  if (sheets.length === 0) {
    const names = workbook.sheets.map((w) => w.name).join(", ") || "tidak ada";
    return { error: `Berkas ${fileName} tidak memiliki lembar "Unit" atau "Jabatan" yang berisi data (lembar yang ada: ${names}).` };
  }
  return sheets;
}

// suggestions only: the import also reads codes and other spellings ("III/a", "JPT Pratama"), so Excel
// must not refuse them
const LISTS: Record<string, readonly string[]> = {
  jenis_unit: UNIT_KIND_CHOICES,
  eselon: ECHELONS,
  kelompok_jabatan: POSITION_GROUP_CHOICES,
  jenjang: FUNCTIONAL_LEVEL_CHOICES,
};
const TEMPLATE_ROWS = 1000;
/** The sheets with the example rows; the import reads only the sheets named in SHEET_NAMES. */
export const EXAMPLE_SHEET_NAMES: Record<SheetKind, string> = { unit: "Contoh Unit", jabatan: "Contoh Jabatan" };

function addSheet(workbook: ExcelJS.Workbook, name: string, specs: readonly ColumnSpec[]) {
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = specs.map((c) => ({
    header: c.label,
    key: c.name,
    width: c.name === "ikhtisar_jabatan" ? 60 : Math.max(16, c.label.length + 4, Math.min(40, c.example.length + 2)),
    // text format keeps codes such as "1.10" and "IV.a" from being turned into numbers or dates
    style: { numFmt: "@" },
  }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

function addDataSheet(workbook: ExcelJS.Workbook, kind: SheetKind) {
  const specs: readonly ColumnSpec[] = COLUMNS[kind];
  const ws = addSheet(workbook, SHEET_NAMES[kind], specs);
  specs.forEach((c, i) => {
    const list = LISTS[c.name];
    if (!list) return;
    for (let r = 2; r <= TEMPLATE_ROWS; r++) {
      ws.getCell(r, i + 1).dataValidation = { type: "list", allowBlank: true, formulae: [`"${list.join(",")}"`], showErrorMessage: false };
    }
  });
}

function addExampleSheet(workbook: ExcelJS.Workbook, kind: SheetKind) {
  const specs: readonly ColumnSpec[] = COLUMNS[kind];
  addSheet(workbook, EXAMPLE_SHEET_NAMES[kind], specs).addRow(Object.fromEntries(specs.map((c) => [c.name, c.example])));
}

export async function sotkTemplateXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SKJ Studio";
  addDataSheet(workbook, "unit");
  addDataSheet(workbook, "jabatan");
  addExampleSheet(workbook, "unit");
  addExampleSheet(workbook, "jabatan");

  const guide = workbook.addWorksheet("Petunjuk");
  guide.columns = [
    { header: "Lembar", key: "sheet", width: 12 },
    { header: "Kolom", key: "column", width: 22 },
    { header: "Nama kolom lain", key: "name", width: 22 },
    { header: "Wajib", key: "required", width: 10 },
    { header: "Keterangan", key: "description", width: 100 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const kind of ["unit", "jabatan"] as const) {
    for (const c of COLUMNS[kind]) {
      const row = guide.addRow({
        sheet: SHEET_NAMES[kind],
        column: c.label,
        name: c.name,
        required: c.required ? "ya" : "tidak",
        description: c.description,
      });
      row.getCell("description").alignment = { wrapText: true, vertical: "top" };
    }
  }
  guide.addRow({});
  const notes = [
    "Baris 1 setiap lembar adalah judul kolom; urutan kolom bebas, huruf besar/kecil, spasi, dan garis bawah pada judul diabaikan, tetapi kolom yang tidak dikenal ditolak.",
    `Isi lembar ${SHEET_NAMES.unit} dan ${SHEET_NAMES.jabatan}. Lembar ${EXAMPLE_SHEET_NAMES.unit} dan ${EXAMPLE_SHEET_NAMES.jabatan} hanya contoh dan tidak pernah dibaca; kode yang diawali ${EXAMPLE_CODE_PREFIX} ditolak bila disalin ke lembar data.`,
    "Berkas ekspor register jabatan (XLSX) dapat langsung diimpor kembali; kolom Unit dan Status SKJ di dalamnya hanya informasi dan tidak dibaca.",
    "Kolom yang tidak wajib boleh dihapus: data unit atau jabatan yang sudah ada untuk kolom itu tidak diubah.",
    "Impor bersifat semua-atau-tidak-sama-sekali: bila ada satu baris yang salah, tidak ada data yang disimpan dan setiap kesalahan ditampilkan dengan nomor baris dan kolomnya.",
    "Unit dan jabatan dicocokkan dengan kode: kode yang sudah ada diperbarui, kode baru ditambahkan, dan data yang tidak ada di berkas tidak dihapus.",
    "Unit induk boleh berada di baris mana pun dalam lembar Unit atau sudah ada di aplikasi.",
  ];
  for (const note of notes) {
    const row = guide.addRow({ description: note });
    row.getCell("description").alignment = { wrapText: true, vertical: "top" };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}
