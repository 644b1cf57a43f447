// Turns national JF standard files (JSON array, an XLSX workbook with the sheet `Standar JF`, or a legacy SKJ book:
// Word, PDF, or an XLSX without that sheet) into the sources that app/domain/jf-standard-import validates.
import { JfStandardSchema } from "~/domain/jf-standard";
import { jfStandardBook, type BookSkj } from "~/domain/jf-standard-book";
import { JF_STANDARD_SHEET_NAME, type JfStandardSource } from "~/domain/jf-standard-import";
import type { DbOrTx } from "~db/client.server";
import { readJsonFile } from "./dictionary-files.server";
import { LegacyFileError } from "./legacy-skj/errors.server";
import { dictionaryForMatching } from "./legacy-skj/import.server";
import { readLegacyFile } from "./legacy-skj/read-file.server";
import { headerAndRows, readWorkbookSheets } from "./spreadsheet.server";

/** `legacyBook`: the file is no standard file, but may be a legacy SKJ book (readJfStandardFiles reads those). */
export type JfStandardReadResult = JfStandardSource[] | { error: string; legacyBook?: true };

/** What the form says of the standards in a legacy SKJ book, which never prints them (docs/decisions/036). */
export const JfBookActSchema = JfStandardSchema.pick({ legalBasis: true, instansiPembina: true });

export async function readJfStandardFile(fileName: string, bytes: Uint8Array): Promise<JfStandardReadResult> {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (bytes.length === 0) return { error: `Berkas ${fileName} kosong.` };
  if (ext === "json") return readJsonFile(fileName, bytes);
  if (ext === "docx" || ext === "pdf") return { error: `Berkas ${fileName} adalah buku SKJ lama, bukan berkas standar.`, legacyBook: true };
  if (ext !== "xlsx")
    return {
      error: `Jenis berkas ${fileName} tidak dikenal; gunakan .json, .xlsx (lembar ${JF_STANDARD_SHEET_NAME}), atau buku SKJ lama (.docx, .pdf, .xlsx).`,
    };
  const workbook = await readWorkbookSheets(fileName, bytes);
  if ("error" in workbook) return workbook;
  const ws = workbook.sheets.find((w) => w.name.trim().toLowerCase() === JF_STANDARD_SHEET_NAME.toLowerCase());
  if (!ws) {
    const names = workbook.sheets.map((w) => w.name).join(", ") || "tidak ada";
    return { error: `Berkas ${fileName} tidak memiliki lembar "${JF_STANDARD_SHEET_NAME}" (lembar yang ada: ${names}).`, legacyBook: true };
  }
  if (ws.grid.length === 0) return { error: `Berkas ${fileName}: lembar ${ws.name} kosong.` };
  if (ws.grid[0]!.rowNumber !== 1) return { error: `Berkas ${fileName}: baris 1 lembar ${ws.name} harus berisi judul kolom.` };
  return [{ format: "sheet", fileName, sheetName: ws.name, ...headerAndRows(ws.grid) }];
}

/**
 * Every uploaded file read; the first file that cannot be read stops the import with its reason. A legacy SKJ
 * book is read by the legacy reader, and its JF SKJ become standards with the act typed on the form (`act`).
 */
export async function readJfStandardFiles(
  db: DbOrTx,
  files: readonly { name: string; bytes: Uint8Array }[],
  act: { legalBasis: unknown; instansiPembina: unknown },
): Promise<JfStandardReadResult> {
  const sources: JfStandardSource[] = [];
  const books: { name: string; skjs: BookSkj[] }[] = [];
  for (const file of files) {
    const read = await readJfStandardFile(file.name, file.bytes);
    if (!("error" in read)) sources.push(...read);
    else if (!read.legacyBook) return read;
    else {
      const book = await readBook(file.name, file.bytes, read.error);
      if ("error" in book) return book;
      books.push({ name: file.name, skjs: book });
    }
  }
  if (books.length === 0) return sources;
  const typed = JfBookActSchema.safeParse(act);
  if (!typed.success)
    return {
      error: `${books.map((b) => b.name).join(", ")}: standar dari buku SKJ lama memerlukan isian di formulir. ${typed.error.issues.map((i) => i.message).join(" ")}`,
    };
  const dictionary = dictionaryForMatching(db);
  return [...sources, ...books.map((b) => jfStandardBook(b.name, b.skjs, dictionary, typed.data))];
}

async function readBook(name: string, bytes: Uint8Array, notAStandardFile: string): Promise<BookSkj[] | { error: string }> {
  try {
    return await readLegacyFile(name, bytes);
  } catch (error) {
    if (!(error instanceof LegacyFileError)) throw error;
    // an XLSX that is neither: both reasons, since either may be what the user meant
    return {
      error: name.toLowerCase().endsWith(".xlsx") ? `${notAStandardFile} Dibaca sebagai buku SKJ lama — ${error.message}` : error.message,
    };
  }
}
