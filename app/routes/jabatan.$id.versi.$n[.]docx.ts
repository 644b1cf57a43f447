import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { etagMatches, printedFileEtag, REVALIDATE_EVERY_TIME } from "~/domain/http-cache";
import { instanceFingerprint } from "~/domain/instance";
import { currentBuildId } from "~/services/build-id.server";
import { refuseWithoutInstance } from "~/services/instance.server";
import { DOCX_TYPE, docxFileName, skjDocx } from "~/services/skj-docx.server";
import { publishedPrintModel } from "~/services/skj-pdf.server";
import { idParam, strictId } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findPositionById } from "~db/queries/register.server";
import { publishedVersionRef } from "~db/queries/skj-read.server";

// GET /jabatan/:id/versi/:n.docx: published version n as Word with its lampiran header and signature block.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const db = getDb();
  const instance = refuseWithoutInstance(db);
  const position = findPositionById(db, idParam(params.id, "Jabatan tidak ditemukan."));
  if (!position) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  const n = strictId(params.n);
  const ref = n === null ? undefined : publishedVersionRef(db, position.code, n);
  if (n === null || !ref) throw new Response(`Versi ${params.n ?? ""} SKJ jabatan ini tidak ditemukan.`, { status: 404 });
  const etag = printedFileEtag("docx", ref.contentHash, instanceFingerprint(instance), currentBuildId());
  if (etagMatches(request.headers.get("If-None-Match"), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": REVALIDATE_EVERY_TIME } });
  }
  const model = publishedPrintModel(db, position.code, n);
  if (!model) throw new Response(`Versi ${n} SKJ jabatan ini tidak ditemukan.`, { status: 404 });
  const bytes = await skjDocx(model);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": DOCX_TYPE,
      "Content-Length": String(bytes.length),
      ETag: etag,
      "Cache-Control": REVALIDATE_EVERY_TIME,
      "Content-Disposition": `attachment; filename="${docxFileName(position.code, n)}"`,
    },
  });
}
