// The SOTK import from files, for the import page, the CLI and the bench: read here, stored by db/queries.
import type { Db } from "~db/client.server";
import { importSotkSheets, type SotkImportResult } from "~db/queries/sotk-import.server";
import { readImportFiles, type UploadedFile } from "./import-files.server";
import { readSotkFile } from "./sotk-files.server";

/**
 * Reads, validates and (unless `dryRun`) stores a set of SOTK files. Any error in any file means
 * nothing is stored and every error is returned with its file, row and column.
 */
export async function importSotkFiles(
  db: Db,
  files: readonly UploadedFile[],
  actorId: number | null,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<SotkImportResult> {
  const sheets = await readImportFiles(files, readSotkFile);
  if (!sheets.ok) return sheets;
  return importSotkSheets(db, sheets.read, actorId, { dryRun, files: files.map((f) => f.name) });
}
