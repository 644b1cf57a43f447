import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { refuseWithoutInstance } from "~/services/instance.server";
import { DOCX_TYPE, docxFileName, skjDocx } from "~/services/skj-docx.server";
import { draftPrintModel } from "~/services/skj-pdf.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findPositionById } from "~db/queries/register.server";

// GET /jabatan/:id/skj/docx: the open draft as Word, from the preview's print model, marked DRAFT.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const db = getDb();
  refuseWithoutInstance(db);
  const position = findPositionById(db, idParam(params.id, "Jabatan tidak ditemukan."));
  if (!position) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  const model = draftPrintModel(db, position.id);
  if (!model) throw new Response("Jabatan ini belum memiliki draf SKJ.", { status: 404 });
  const bytes = await skjDocx(model);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": DOCX_TYPE,
      "Content-Length": String(bytes.length),
      // a draft changes with every save: never kept
      "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="${docxFileName(position.code, "draf")}"`,
    },
  });
}
