// The dictionary import from files (CLI `import:dictionary`): read here, stored by db/queries.
import type { Db } from "~db/client.server";
import { importDictionarySources, type DictionaryImportOptions, type DictionaryImportResult } from "~db/queries/dictionary-import.server";
import { readDictionaryFile } from "./dictionary-files.server";
import { readImportFiles, type UploadedFile } from "./import-files.server";

/**
 * Reads, validates and (unless `dryRun`) stores technical dictionary files. Any error in any file means
 * nothing is stored and every error is returned with its file, row and column.
 */
export async function importDictionaryFiles(
  db: Db,
  files: readonly UploadedFile[],
  actorId: number | null,
  options: DictionaryImportOptions = {},
): Promise<DictionaryImportResult> {
  const sources = await readImportFiles(files, readDictionaryFile);
  if (!sources.ok) return sources;
  return importDictionarySources(db, sources.read, actorId, options);
}
