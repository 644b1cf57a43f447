import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { refuseWithoutInstance } from "~/services/instance.server";
import { draftPdf, pdfFileName } from "~/services/skj-pdf.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findPositionById } from "~db/queries/register.server";

// GET /jabatan/:id/skj/pdf: the open draft as PDF, watermarked DRAFT, printed from the preview's markup.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const db = getDb();
  refuseWithoutInstance(db);
  const position = findPositionById(db, idParam(params.id, "Jabatan tidak ditemukan."));
  if (!position) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  const bytes = await draftPdf(db, position.id);
  if (!bytes) throw new Response("Jabatan ini belum memiliki draf SKJ.", { status: 404 });
  return new Response(bytes, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      // a draft changes with every save: never kept
      "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="${pdfFileName(position.code, "draf")}"`,
    },
  });
}
