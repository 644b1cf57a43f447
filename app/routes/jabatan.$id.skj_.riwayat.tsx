// The history of the open draft: every saved revision, newest first, with who saved it, the note of a mass
// change that made it, and what it changed against the revision before.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatTanggalWaktu } from "~/domain/format-date";
import { DRAFT_STATE_LABELS } from "~/domain/labels";
import { diffSkjDocuments } from "~/domain/skj-diff";
import { catalogFor } from "~/services/skj-editor.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findPositionById } from "~db/queries/register.server";
import { draftRevisionLog } from "~db/queries/skj-draft-history.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `Riwayat draf ${d?.position.name ?? ""} — SKJ Studio` }];

const SHOWN = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const db = getDb();
  const position = findPositionById(db, idParam(params.id, "Jabatan tidak ditemukan."));
  if (!position) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  const draft = findOpenDraft(db, position.id);
  if (!draft) throw new Response("Jabatan ini tidak mempunyai draf SKJ yang terbuka.", { status: 404 });
  // one more than shown, so the oldest shown revision is compared with the one before it
  const log = draftRevisionLog(db, draft.id, SHOWN + 1);
  const codes = new Set(log.flatMap((r) => r.document.competencies.map((c) => c.code)));
  const names = new Map(catalogFor(db, [...codes]).map((c) => [c.code, c.name]));
  return {
    position: { id: position.id, name: position.name },
    draft: { revision: draft.revision, state: draft.state },
    revisions: log.slice(0, SHOWN).map((r, i) => ({
      revision: r.revision,
      savedAt: r.savedAt,
      savedBy: r.savedBy,
      note: r.note,
      changes: log[i + 1] ? diffSkjDocuments(log[i + 1]!.document, r.document, (code) => names.get(code) ?? code) : null,
    })),
  };
}

export default function DraftHistory() {
  const { position, draft, revisions } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`/jabatan/${position.id}/skj`}>← Draf SKJ {position.name}</Link>
          </p>
          <h1>Riwayat draf: {position.name}</h1>
          <p>
            Revisi {draft.revision} · {DRAFT_STATE_LABELS[draft.state]}
          </p>
        </div>
      </div>
      <ol className="timeline card" aria-label="Revisi draf">
        {revisions.map((r) => (
          <li key={r.revision}>
            <strong>Revisi {r.revision}</strong> · {r.savedBy ?? "Sistem"} · {formatTanggalWaktu(r.savedAt)}
            {r.note ? <div>{r.note}</div> : null}
            {r.changes === null ? (
              <div className="muted">Draf dibuat.</div>
            ) : r.changes.length === 0 ? (
              <div className="muted">Isi dokumen tidak berubah (mis. hanya format ikhtisar atau pembaruan teks kamus).</div>
            ) : (
              <ul className="muted">
                {r.changes.map((c, i) => (
                  <li key={i}>{`${c.label}: ${c.before} → ${c.after}`}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
