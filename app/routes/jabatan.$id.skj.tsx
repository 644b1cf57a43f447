import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReviewComments } from "~/components/review-comments";
import { UnverifiedNotice } from "~/components/unverified-notice";
import { SkjEditor, type SaveReply } from "~/components/skj-editor/skj-editor";
import { can } from "~/domain/permissions";
import type { RichTextNode } from "~/domain/richtext";
import { SkjDocumentSchema } from "~/domain/skj-document";
import { parseRichText } from "~/services/richtext.server";
import { editorData, withRegisterIdentity } from "~/services/skj-editor.server";
import { openDraftForPosition, validateDocument } from "~/services/skj.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findPositionById } from "~db/queries/register.server";
import { unverifiedSettings } from "~db/queries/settings.server";
import { EDITABLE_STATES, findOpenDraft, saveDraft } from "~db/queries/skj-drafts.server";
import { commentThreads, draftDecisions, moveDraft } from "~db/queries/skj-review.server";
import { isJsonBody, readFormBody, readJsonObject } from "~/services/request-body.server";

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
  const canWrite = can(user.role, "skj:write");
  return {
    position: { id: position.id, name: position.name, code: position.code },
    canWrite,
    draft: draft ? { revision: draft.revision, state: draft.state, document: draft.document, summaryJson: draft.summaryJson, updatedAt: draft.updatedAt, lastEditorName: draft.lastEditorName } : null,
    editable: Boolean(draft && canWrite && EDITABLE_STATES.includes(draft.state)),
    editor: draft ? editorData(db, position.id, draft) : null,
    comments: draft ? commentThreads(db, draft.id) : [],
    unverified: unverifiedSettings(db),
    decisions: draft ? draftDecisions(db, draft.id) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "skj:write");
  const position = positionOf(params.id);
  const db = getDb();
  if (!isJsonBody(request)) {
    const form = await readFormBody(request);
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
  const body = await readJsonObject(request);
  if (!body) return data<SaveReply>({ ok: false, message: "Data tidak terbaca; muat ulang halaman." }, { status: 400 });
  const draft = findOpenDraft(db, position.id);
  if (!draft) return data<SaveReply>({ ok: false, message: "Draf tidak ditemukan: mungkin sudah diajukan atau ditetapkan. Muat ulang halaman." }, { status: 404 });
  const parsed = SkjDocumentSchema.safeParse(body.document);
  const summary = parseRichText(body.summaryJson, "Ikhtisar jabatan");
  if (!parsed.success || !summary.ok || typeof body.baseRevision !== "number") {
    // the schema's and the rich-text parser's messages name the field (e.g. a list over its limit)
    const reason = parsed.error?.issues[0]?.message ?? (summary.ok ? null : summary.message);
    return data<SaveReply>({ ok: false, message: `Isi draf tidak sesuai format SKJ${reason ? ` (${reason.replace(/\.$/, "")})` : ""}; tidak ada yang disimpan.` }, { status: 422 });
  }
  const document = withRegisterIdentity(db, position.id, parsed.data);
  const refreshCodes = new Set(Array.isArray(body.refreshCodes) ? body.refreshCodes.filter((c): c is string => typeof c === "string").slice(0, 50) : []);
  const result = saveDraft(db, { draftId: draft.id, baseRevision: body.baseRevision, document, summaryJson: summary.doc, actorId: user.id, refreshCodes });
  if (result.ok) return { ok: true, revision: result.draft.revision, savedAt: result.draft.updatedAt, results: validateDocument(db, document) };
  if (result.reason === "conflict") {
    const c = result.current;
    return data<SaveReply>(
      { ok: false, conflict: { revision: c.revision, document: c.document, summaryJson: c.summaryJson as RichTextNode | null, lastEditorName: c.lastEditorName, updatedAt: c.updatedAt } },
      { status: 409 },
    );
  }
  return data<SaveReply>({ ok: false, message: "Draf sedang ditinjau atau sudah ditutup, sehingga tidak dapat diubah." }, { status: 409 });
}

// An autosave must not reload the page's data: the editor keeps its own state (and the cursor) while typing.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formEncType, defaultShouldRevalidate }) =>
  formEncType === "application/json" ? false : defaultShouldRevalidate;

export default function SkjEditorPage() {
  const { position, draft, editable, editor, canWrite, comments, decisions, unverified } = useLoaderData<typeof loader>();
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
              Draf revisi {draft.revision} · status {draft.state}
              {draft.lastEditorName ? ` · terakhir diubah oleh ${draft.lastEditorName}` : ""} · <Link to={`/jabatan/${position.id}/skj/pratinjau`}>Pratinjau cetak</Link>
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
            SKJ ini {draft.state === "diajukan" ? "sedang ditinjau" : "sudah disetujui dan menunggu penetapan"}; draf terkunci sampai dikembalikan atau ditetapkan.
          </p>
        ) : null}
        <UnverifiedNotice settings={unverified} />
        <ReviewComments comments={comments} />
        <SkjEditor draft={draft} identity={editor.identity} catalog={editor.catalog} ruleContext={editor.ruleContext} editable={editable} />
        {editable ? (
          <section className="card" aria-labelledby="ajukan">
            <h2 id="ajukan" style={{ marginTop: 0 }}>
              Ajukan untuk ditinjau
            </h2>
            <p className="muted">Kesalahan aturan harus diperbaiki dahulu. Bila ada peringatan, tuliskan alasannya; alasan disimpan bersama versi SKJ.</p>
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
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
