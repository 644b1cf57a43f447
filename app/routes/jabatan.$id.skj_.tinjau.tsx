import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AnchorSelect, NewCommentForm } from "~/components/new-comment-form";
import { ReviewComments } from "~/components/review-comments";
import { SkjDocumentView } from "~/components/skj-document/skj-document-view";
import { anchorOptions, anchorProblem } from "~/domain/comment-anchors";
import { can } from "~/domain/permissions";
import { diffSkjDocuments } from "~/domain/skj-diff";
import { skjPrintModel } from "~/domain/skj-print";
import { availableTransitions } from "~/domain/skj-workflow";
import { handleCommentIntent } from "~/services/skj-comments.server";
import { catalogFor } from "~/services/skj-editor.server";
import { validateDocument } from "~/services/skj.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { positionDetail } from "~db/queries/register.server";
import { draftContributors, draftPins, findOpenDraft } from "~db/queries/skj-drafts.server";
import { addComment, commentThreads, draftDecisions, moveDraft } from "~db/queries/skj-review.server";
import { currentPublishedDocument } from "~/services/skj-history.server";
import { DECISION_LABELS, DRAFT_STATE_LABELS } from "~/domain/labels";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Tinjau SKJ — SKJ Studio" }];

function load(id: string | undefined) {
  const db = getDb();
  const detail = positionDetail(db, idParam(id, "Jabatan tidak ditemukan."));
  if (!detail) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  const draft = findOpenDraft(db, detail.position.id);
  if (!draft) throw new Response("Tidak ada draf SKJ untuk ditinjau pada jabatan ini.", { status: 404 });
  return { db, detail, draft };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const { db, detail, draft } = load(params.id);
  const pins = new Map(draftPins(db, draft.id).map((p) => [p.code, p.pinnedRevisionId]));
  const catalog = catalogFor(
    db,
    draft.document.competencies.map((c) => c.code),
    pins,
  );
  const names = new Map(catalog.map((c) => [c.code, c.name]));
  const published = currentPublishedDocument(db, detail.position.id);
  const facts = { state: draft.state, submittedBy: draft.submittedBy, contributors: draftContributors(db, [draft.id]).get(draft.id)! };
  return {
    position: { id: detail.position.id, name: detail.position.name },
    draft: { state: draft.state, revision: draft.revision, justification: draft.justification },
    model: skjPrintModel(draft.document, new Map(catalog.map((c) => [c.code, c])), detail.path.map((u) => u.name).join(" — "), true),
    results: validateDocument(db, draft.document),
    diff: published
      ? { version: published.version, changes: diffSkjDocuments(published.document, draft.document, (c) => names.get(c) ?? c) }
      : null,
    comments: commentThreads(db, draft.id),
    decisions: draftDecisions(db, draft.id),
    anchors: anchorOptions(
      draft.document.competencies.map((c) => c.code),
      (code) => names.get(code),
    ),
    transitions: availableTransitions(facts, user).filter((t) => t === "approve" || t === "return"),
    fourEyesBlocked:
      can(user.role, "skj:review") && draft.state === "diajukan" && (facts.submittedBy === user.id || facts.contributors.includes(user.id)),
    canComment: can(user.role, "skj:review") || can(user.role, "skj:write"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "skj:write");
  const { db, detail, draft } = load(params.id);
  const form = await readFormBody(request);
  const intent = form.get("intent");
  const commented = handleCommentIntent(db, draft.id, form, user.id);
  if (commented) return commented;
  if (intent === "approve" || intent === "return") {
    await requirePermission(request, "skj:review");
    const comment = String(form.get("comment") ?? "");
    const anchor = String(form.get("anchor") ?? "");
    // a return's note joins the threads, so it must say where it points: never a guessed section
    const anchorRefusal = intent === "return" ? anchorProblem(anchor) : null;
    if (anchorRefusal) return data({ error: anchorRefusal }, { status: 422 });
    const result = moveDraft(db, { draftId: draft.id, transition: intent, actor: user, comment });
    if (!result.ok) return data({ error: result.message }, { status: result.status });
    // a return comment also goes into the thread, anchored where the reviewer pointed
    if (intent === "return" && comment.trim())
      addComment(db, { draftId: draft.id, anchor, body: comment, parentId: null, actorId: user.id });
    const word = intent === "approve" ? "disetujui" : "dikembalikan ke analis";
    throw redirect(`/skj?notice=${encodeURIComponent(`SKJ ${detail.position.name} ${word}.`)}`);
  }
  return data({ error: "Tindakan tidak dikenal." }, { status: 400 });
}

export default function ReviewPage() {
  const { position, draft, model, results, diff, comments, decisions, anchors, transitions, fourEyesBlocked, canComment } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as { error?: string } | undefined;
  const busy = useNavigation().state === "submitting";
  const warnings = results.filter((r) => r.severity === "warning");
  const commentAction = `/jabatan/${position.id}/skj/tinjau`;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`/jabatan/${position.id}`}>← {position.name}</Link>
          </p>
          <h1>Tinjau SKJ: {position.name}</h1>
          <p>
            Status: {DRAFT_STATE_LABELS[draft.state]} · draf revisi {draft.revision}
          </p>
        </div>
      </div>
      {reply?.error ? (
        <p className="form-error" role="alert">
          {reply.error}
        </p>
      ) : null}
      {fourEyesBlocked ? (
        <p className="warning">Prinsip empat mata: SKJ ini Anda ajukan atau ikut Anda ubah, sehingga harus disetujui reviewer lain.</p>
      ) : null}
      <div className="skj-editor">
        <div className="skj-main">
          <section className="card" aria-labelledby="aturan">
            <h2 id="aturan" style={{ marginTop: 0 }}>
              Hasil pemeriksaan aturan
            </h2>
            {results.length === 0 ? <p className="rules-ok">Semua aturan terpenuhi.</p> : null}
            <ul>
              {results.map((r, i) => (
                <li key={i}>
                  <code>{r.rule}</code> ({r.severity === "error" ? "kesalahan" : "peringatan"}): {r.message}
                </li>
              ))}
            </ul>
            {warnings.length > 0 ? (
              <p>
                <strong>Alasan analis:</strong> {draft.justification || <span className="muted">tidak ada</span>}
              </p>
            ) : null}
          </section>
          <section className="card" aria-labelledby="beda">
            <h2 id="beda" style={{ marginTop: 0 }}>
              {diff ? `Perubahan terhadap versi ${diff.version} yang berlaku` : "SKJ baru (belum ada versi yang ditetapkan)"}
            </h2>
            {diff && diff.changes.length === 0 ? <p className="muted">Tidak ada perubahan isi.</p> : null}
            {diff && diff.changes.length > 0 ? (
              <table className="data" aria-label="Perubahan terhadap versi berlaku">
                <thead>
                  <tr>
                    <th scope="col">Bagian</th>
                    <th scope="col">Sebelumnya</th>
                    <th scope="col">Sekarang</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.changes.map((c, i) => (
                    <tr key={i}>
                      <th scope="row">{c.label}</th>
                      <td className="diff-removed">{c.before}</td>
                      <td className="diff-added">{c.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
          <div className="card preview-sheet">
            <SkjDocumentView model={model} />
          </div>
        </div>
        <aside className="rules-panel card" aria-labelledby="keputusan">
          <h2 id="keputusan" style={{ marginTop: 0 }}>
            Keputusan
          </h2>
          {transitions.length > 0 ? (
            <Form method="post" className="stacked">
              <div className="field">
                <label htmlFor="anchor">Bagian yang dimaksud (wajib bila dikembalikan)</label>
                <AnchorSelect id="anchor" anchors={anchors} />
              </div>
              <div className="field">
                <label htmlFor="comment">Catatan (wajib bila dikembalikan)</label>
                <textarea id="comment" name="comment" rows={4} />
              </div>
              <div className="actions">
                {transitions.includes("approve") ? (
                  <button type="submit" name="intent" value="approve" className="button" disabled={busy}>
                    Setujui
                  </button>
                ) : null}
                {transitions.includes("return") ? (
                  <button type="submit" name="intent" value="return" className="button button-secondary" disabled={busy}>
                    Kembalikan
                  </button>
                ) : null}
              </div>
            </Form>
          ) : (
            <p className="muted">Tidak ada keputusan yang dapat Anda ambil pada status ini.</p>
          )}
          {canComment ? <NewCommentForm action={commentAction} anchors={anchors} /> : null}
          <h3>Riwayat keputusan</h3>
          <ul>
            {decisions.map((d) => (
              <li key={d.id}>
                {DECISION_LABELS[d.action]} — {d.actorName}
                {d.comment ? `: ${d.comment}` : ""}
              </li>
            ))}
          </ul>
        </aside>
      </div>
      <ReviewComments comments={comments} anchors={anchors} action={canComment ? commentAction : undefined} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
