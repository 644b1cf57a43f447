// Files are read here, above the data layer, and only their rows go down to db/queries (ADR 037).
import type { ImportError } from "~/domain/sotk-import";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** What a reader makes of one file: its sheets or sources, or why it cannot be read (placed when it can be). */
export type FileReadResult<T> = T[] | { error: string; at?: { sheet?: string; row: number; column: string } };

/**
 * Every file read, or every file that cannot be: rows of the readable files would only add "not found" noise
 * for what the unreadable ones hold, so one unreadable file stops the import before anything is checked.
 */
export async function readImportFiles<T>(
  files: readonly UploadedFile[],
  read: (fileName: string, bytes: Uint8Array) => Promise<FileReadResult<T>>,
): Promise<{ ok: true; read: T[] } | { ok: false; errors: ImportError[] }> {
  if (files.length === 0) {
    return { ok: false, errors: [{ file: "-", row: 0, column: "berkas", message: "Tidak ada berkas yang diimpor." }] };
  }
  const found: T[] = [];
  const errors: ImportError[] = [];
  for (const file of files) {
    const result = await read(file.name, file.bytes);
    if ("error" in result) errors.push({ file: file.name, ...(result.at ?? { row: 0, column: "berkas" }), message: result.error });
    else found.push(...result);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, read: found };
}
