import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CommentMarkers, showAnchor } from "~/components/comment-markers";
import { NewCommentForm } from "~/components/new-comment-form";
import { ReviewComments } from "~/components/review-comments";
import { UnverifiedNotice } from "~/components/unverified-notice";
import { DraftHistory } from "~/components/skj-editor/draft-history";
import { SkjEditor } from "~/components/skj-editor/skj-editor";
import type { DraftContent } from "~/components/skj-editor/use-draft-autosave";
import { Recoverable } from "~/components/unsaved/recovery";
import { anchorOptions } from "~/domain/comment-anchors";
import { can } from "~/domain/permissions";
import type { RichTextNode } from "~/domain/richtext";
import type { SkjDocument } from "~/domain/skj-document";
import { handleCommentIntent } from "~/services/skj-comments.server";
import { findUndoableCopy } from "~/services/skj-copy-into.server";
import { editorData } from "~/services/skj-editor.server";
import { draftRevisionNotes } from "~db/queries/skj-draft-history.server";
import { currentPublishedDocument } from "~/services/skj-history.server";
import { openDraftForPosition, validateDocument } from "~/services/skj.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findPositionById } from "~db/queries/register.server";
import { unverifiedSettings } from "~db/queries/settings.server";
import { EDITABLE_STATES, findOpenDraft } from "~db/queries/skj-drafts.server";
import { commentThreads, draftDecisions, moveDraft } from "~db/queries/skj-review.server";
import { DRAFT_STATE_LABELS } from "~/domain/labels";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `SKJ ${d?.position.name ?? ""} — SKJ Studio` }];

const NOT_FOUND = "Jabatan tidak ditemukan.";

function positionOf(id: string | undefined) {
  const position = findPositionById(getDb(), idParam(id, NOT_FOUND));
  if (!position) throw new Response(NOT_FOUND, { status: 404 });
  return position;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const position = positionOf(params.id);
  const db = getDb();
  const draft = findOpenDraft(db, position.id);
  // without a draft, the SKJ to read is the one in force
  const live = draft ? null : currentPublishedDocument(db, position.id);
  if (live) throw redirect(`/jabatan/${position.id}/versi/${live.version}`);
  const canWrite = can(user.role, "skj:write");
  const editable = Boolean(draft && canWrite && EDITABLE_STATES.includes(draft.state));
  const editor = draft ? editorData(db, position.id, draft) : null;
  const names = new Map(editor?.catalog.map((c) => [c.code, c.name]));
  return {
    position: { id: position.id, name: position.name, code: position.code },
    canWrite,
    draft: draft
      ? {
          revision: draft.revision,
          state: draft.state,
          document: draft.document,
          summaryJson: draft.summaryJson,
          updatedAt: draft.updatedAt,
          lastEditorName: draft.lastEditorName,
        }
      : null,
    editable,
    editor,
    // "Urungkan salinan" survives a reload: it is read from the history, not kept in the page
    undoableCopy: draft && editable ? findUndoableCopy(db, draft) : null,
    comments: draft ? commentThreads(db, draft.id) : [],
    anchors: draft
      ? anchorOptions(
          draft.document.competencies.map((c) => c.code),
          (code) => names.get(code),
        )
      : [],
    unverified: unverifiedSettings(db),
    decisions: draft ? draftDecisions(db, draft.id) : [],
    // the latest revisions; the history page (/skj/riwayat) has them all with their differences
    history: draft ? draftRevisionNotes(db, draft.id, 15) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "skj:write");
  const position = positionOf(params.id);
  const db = getDb();
  // the editor's autosave has its own route (jabatan.$id.skj_.simpan); here only the page's forms post
  const form = await readFormBody(request);
  // whoever may edit the draft answers its review comments, in any state the draft is open in
  if (form.get("intent") === "comment" || form.get("intent") === "resolve") {
    const draft = findOpenDraft(db, position.id);
    if (!draft) return data({ commentError: "Draf tidak ditemukan: mungkin sudah ditetapkan. Muat ulang halaman." }, { status: 404 });
    return handleCommentIntent(db, draft.id, form, user.id)!;
  }
  if (form.get("intent") === "submit") {
    const draft = findOpenDraft(db, position.id);
    if (!draft) return data({ submitError: "Draf tidak ditemukan." }, { status: 404 });
    const result = moveDraft(db, {
      draftId: draft.id,
      transition: "submit",
      actor: user,
      results: validateDocument(db, draft.document),
      justification: String(form.get("justification") ?? ""),
    });
    if (!result.ok) return data({ submitError: result.message }, { status: result.status });
    throw redirect(`/jabatan/${position.id}?notice=${encodeURIComponent("SKJ diajukan untuk ditinjau.")}`);
  }
  // the "Susun SKJ" button: open the draft, creating it when there is none
  openDraftForPosition(db, position.id, user.id);
  throw redirect(`/jabatan/${position.id}/skj`);
}

export default function SkjEditorPage() {
  const { position, draft, editable, editor, undoableCopy, canWrite, comments, anchors, decisions, unverified, history } =
    useLoaderData<typeof loader>();
  const commentAction = `/jabatan/${position.id}/skj`;
  const reply = useActionData<typeof action>() as { submitError?: string } | undefined;
  const lastReturn = decisions.find((d) => d.action === "dikembalikan");
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`/jabatan/${position.id}`}>← {position.name}</Link>
          </p>
          <h1>Standar Kompetensi Jabatan: {position.name}</h1>
          {draft ? (
            <p>
              Draf revisi {draft.revision} · {DRAFT_STATE_LABELS[draft.state]}
              {draft.lastEditorName ? ` · terakhir diubah oleh ${draft.lastEditorName}` : ""} ·{" "}
              <Link to={`/jabatan/${position.id}/skj/pratinjau`}>Pratinjau cetak</Link> ·{" "}
              <Link to={`/jabatan/${position.id}/skj/riwayat`}>Riwayat draf</Link>
            </p>
          ) : null}
        </div>
      </div>
      {!draft || !editor ? (
        <section className="empty">
          <p>Jabatan ini belum memiliki draf SKJ.</p>
          {canWrite ? (
            <Form method="post">
              <button type="submit" className="button">
                Susun SKJ
              </button>
            </Form>
          ) : null}
        </section>
      ) : (
        <>
          {draft.state === "dikembalikan" && lastReturn ? (
            <p className="warning" role="note">
              Dikembalikan oleh {lastReturn.actorName}: {lastReturn.comment}
            </p>
          ) : null}
          {draft.state === "diajukan" || draft.state === "disetujui" ? (
            <p className="notice" role="note">
              SKJ ini {draft.state === "diajukan" ? "sedang ditinjau" : "sudah disetujui dan menunggu penetapan"}; draf terkunci sampai
              dikembalikan atau ditetapkan.
            </p>
          ) : null}
          <UnverifiedNotice settings={unverified} />
          <CommentMarkers threads={comments}>
            <Recoverable<DraftContent>
              storageKey={`skj:${position.id}`}
              server={{ document: draft.document as SkjDocument, summaryJson: draft.summaryJson as RichTextNode | null }}
              base={String(draft.revision)}
              disabled={!editable}
            >
              {({ restored, backup }) => (
                <SkjEditor
                  // a restored copy is saved on the revision it was typed on, so a change made since is a conflict, never overwritten
                  draft={
                    restored
                      ? {
                          ...draft,
                          revision: Number(restored.base),
                          document: restored.value.document,
                          summaryJson: restored.value.summaryJson,
                        }
                      : draft
                  }
                  identity={editor.identity}
                  catalog={editor.catalog}
                  ruleContext={editor.ruleContext}
                  editable={editable}
                  saveUrl={`/jabatan/${position.id}/skj/simpan`}
                  copyUrl={`/jabatan/${position.id}/skj/salin`}
                  undoableCopy={undoableCopy}
                  suggestionsUrl={`/jabatan/${position.id}/skj/saran`}
                  backup={backup}
                  restored={Boolean(restored)}
                  aside={
                    <ReviewComments
                      comments={comments}
                      anchors={anchors}
                      action={canWrite ? commentAction : undefined}
                      onShowAnchor={showAnchor}
                    >
                      {canWrite ? <NewCommentForm action={commentAction} anchors={anchors} /> : null}
                    </ReviewComments>
                  }
                  footer={
                    <>
                      <DraftHistory entries={history} />
                      {editable ? (
                        <section className="card" aria-labelledby="ajukan">
                          <h2 id="ajukan" style={{ marginTop: 0 }}>
                            Ajukan untuk ditinjau
                          </h2>
                          <p className="muted">
                            Kesalahan aturan harus diperbaiki dahulu. Bila ada peringatan, tuliskan alasannya; alasan disimpan bersama versi
                            SKJ.
                          </p>
                          {reply?.submitError ? (
                            <p className="form-error" role="alert">
                              {reply.submitError}
                            </p>
                          ) : null}
                          <Form method="post" className="stacked">
                            <input type="hidden" name="intent" value="submit" />
                            <div className="field">
                              <label htmlFor="justification">Alasan atas peringatan (bila ada)</label>
                              <textarea id="justification" name="justification" rows={3} />
                            </div>
                            <button type="submit" className="button">
                              Ajukan SKJ
                            </button>
                          </Form>
                        </section>
                      ) : null}
                    </>
                  }
                />
              )}
            </Recoverable>
          </CommentMarkers>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
