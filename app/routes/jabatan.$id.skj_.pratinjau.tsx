import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SkjDocumentView } from "~/components/skj-document/skj-document-view";
import { skjPrintModel } from "~/domain/skj-print";
import { catalogFor } from "~/services/skj-editor.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { positionDetail } from "~db/queries/register.server";
import { draftPins, findOpenDraft } from "~db/queries/skj-drafts.server";

export const meta: MetaFunction = () => [{ title: "Pratinjau SKJ — SKJ Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const db = getDb();
  const detail = positionDetail(db, idParam(params.id, "Jabatan tidak ditemukan."));
  if (!detail) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  const draft = findOpenDraft(db, detail.position.id);
  if (!draft) throw new Response("Jabatan ini belum memiliki draf SKJ.", { status: 404 });
  const pins = new Map(draftPins(db, draft.id).map((p) => [p.code, p.pinnedRevisionId]));
  const catalog = catalogFor(
    db,
    draft.document.competencies.map((c) => c.code),
    pins,
  );
  const model = skjPrintModel(draft.document, new Map(catalog.map((c) => [c.code, c])), detail.path.map((u) => u.name).join(" — "), true);
  return { position: { id: detail.position.id, name: detail.position.name }, revision: draft.revision, model };
}

export default function SkjPreviewPage() {
  const { position, revision, model } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`/jabatan/${position.id}/skj`}>← Kembali ke penyusunan SKJ</Link>
          </p>
          <h1>Pratinjau cetak: {position.name}</h1>
          <p>Draf revisi {revision}. Tanda DRAFT tampil sampai SKJ ditetapkan.</p>
        </div>
        <div className="actions">
          {/* a plain link: the PDF is a file to download, not a page for the client router */}
          <a className="button" href={`/jabatan/${position.id}/skj/pdf`} download>
            Unduh PDF
          </a>
          <a className="button button-secondary" href={`/jabatan/${position.id}/skj/docx`} download>
            Unduh Word
          </a>
        </div>
      </div>
      <div className="card preview-sheet">
        <SkjDocumentView model={model} />
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
