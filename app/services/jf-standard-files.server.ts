// Turns national JF standard files (JSON array, or an XLSX workbook with the sheet `Standar JF`) into the sources
// that app/domain/jf-standard-import validates.
import { JF_STANDARD_SHEET_NAME, type JfStandardSource } from "~/domain/jf-standard-import";
import { readJsonFile } from "./dictionary-files.server";
import { headerAndRows, readWorkbookSheets } from "./spreadsheet.server";

export type JfStandardReadResult = JfStandardSource[] | { error: string };

export async function readJfStandardFile(fileName: string, bytes: Uint8Array): Promise<JfStandardReadResult> {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (bytes.length === 0) return { error: `Berkas ${fileName} kosong.` };
  if (ext === "json") return readJsonFile(fileName, bytes);
  if (ext !== "xlsx")
    return { error: `Jenis berkas ${fileName} tidak dikenal; gunakan .json atau .xlsx (lembar ${JF_STANDARD_SHEET_NAME}).` };
  const workbook = await readWorkbookSheets(fileName, bytes);
  if ("error" in workbook) return workbook;
  const ws = workbook.sheets.find((w) => w.name.trim().toLowerCase() === JF_STANDARD_SHEET_NAME.toLowerCase());
  if (!ws) {
    const names = workbook.sheets.map((w) => w.name).join(", ") || "tidak ada";
    return { error: `Berkas ${fileName} tidak memiliki lembar "${JF_STANDARD_SHEET_NAME}" (lembar yang ada: ${names}).` };
  }
  if (ws.grid.length === 0) return { error: `Berkas ${fileName}: lembar ${ws.name} kosong.` };
  if (ws.grid[0]!.rowNumber !== 1) return { error: `Berkas ${fileName}: baris 1 lembar ${ws.name} harus berisi judul kolom.` };
  return [{ format: "sheet", fileName, sheetName: ws.name, ...headerAndRows(ws.grid) }];
}

/** Every uploaded file read; the first file that cannot be read stops the import with its reason. */
export async function readJfStandardFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<JfStandardReadResult> {
  const sources: JfStandardSource[] = [];
  for (const file of files) {
    const read = await readJfStandardFile(file.name, file.bytes);
    if ("error" in read) return read;
    sources.push(...read);
  }
  return sources;
}
