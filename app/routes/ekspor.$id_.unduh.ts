import fs from "node:fs";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { exportFileName, mayViewExportJob } from "~/domain/export-jobs";
import { exportFilePath } from "~/services/export-jobs.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findExportJob } from "~db/queries/export-jobs.server";

const NOT_FOUND = "Ekspor tidak ditemukan.";
const CONTENT_TYPES = { pdf: "application/pdf", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } as const;

// GET /ekspor/:id/unduh: the finished file of the caller's own job (an admin's: anyone's), streamed from exports/.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const job = findExportJob(getDb(), idParam(params.id, NOT_FOUND));
  if (!job || !mayViewExportJob(user, job)) throw new Response(NOT_FOUND, { status: 404 });
  if (job.status !== "selesai")
    throw new Response("Ekspor ini belum selesai; tunggu sampai halaman ekspor menampilkan tautan unduhan.", { status: 409 });
  const file = exportFilePath(job);
  let size: number;
  try {
    size = (await fs.promises.stat(file)).size;
  } catch {
    throw new Response("Berkas ekspor ini sudah dihapus; buat ekspor baru dari halaman penetapan atau unit.", { status: 410 });
  }
  return new Response(createReadableStreamFromReadable(fs.createReadStream(file)), {
    headers: {
      "Content-Type": CONTENT_TYPES[job.format],
      "Content-Length": String(size),
      // one user's file, behind their session: no cache may keep it
      "Cache-Control": "private, no-store",
      "Content-Disposition": `attachment; filename="${exportFileName(job.title, job.format)}"`,
    },
  });
}
