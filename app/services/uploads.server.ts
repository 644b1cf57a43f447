import { data, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { ImportReply } from "~/domain/import-reply";
import type { UploadedFile } from "./import-files.server";

export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** A request that is not a file upload at all (no multipart body): a client error, never a 500. */
export class NotAnUploadError extends Error {
  constructor() {
    super("Kirim berkas melalui formulir unggah (multipart/form-data).");
  }
}

export class UploadTooLargeError extends Error {
  constructor() {
    super(`Berkas terlalu besar: paling banyak ${UPLOAD_MAX_BYTES / 1024 / 1024} MB sekali unggah.`);
  }
}

/** The uploaded files of a multipart form, held in memory and bounded in size. */
export async function readUploadedFiles(
  request: Request,
  field: string,
): Promise<{ form: FormData; files: { name: string; bytes: Uint8Array }[] }> {
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) throw new NotAnUploadError();
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > UPLOAD_MAX_BYTES) throw new UploadTooLargeError();
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: UPLOAD_MAX_BYTES }));
  } catch (error) {
    if (error instanceof Error && /exceeded|too large/i.test(error.message)) throw new UploadTooLargeError();
    throw error;
  }
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const entry of form.getAll(field)) {
    if (typeof entry === "string" || entry.size === 0) continue;
    files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  return { form, files };
}

/** The answer to an upload that was refused before it was read: too large (413) or no upload at all (415). */
export function uploadRefusal(error: unknown): { status: 413 | 415; message: string } | null {
  if (error instanceof UploadTooLargeError) return { status: 413, message: error.message };
  if (error instanceof NotAnUploadError) return { status: 415, message: error.message };
  return null;
}

/**
 * The files of an import page's form and whether it only asks for a preview ("Periksa berkas") or to store
 * ("Impor sekarang"); or the reply that refuses the upload: too large, not an upload, or no file chosen.
 */
export async function readImportUpload(
  request: Request,
  noFileMessage: string,
): Promise<{ form: FormData; files: UploadedFile[]; dryRun: boolean } | { refused: ReturnType<typeof importRefusal> }> {
  let upload: Awaited<ReturnType<typeof readUploadedFiles>>;
  try {
    upload = await readUploadedFiles(request, "files");
  } catch (error) {
    const refusal = uploadRefusal(error);
    if (!refusal) throw error;
    return { refused: importRefusal(refusal.message, refusal.status) };
  }
  if (upload.files.length === 0) return { refused: importRefusal(noFileMessage, 400) };
  return { ...upload, dryRun: upload.form.get("intent") !== "apply" };
}

const importRefusal = (message: string, status: number) => data<ImportReply<never>>({ kind: "message", message }, { status });
