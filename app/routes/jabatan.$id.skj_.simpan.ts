import type { ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import type { SaveReply } from "~/components/skj-editor/skj-editor";
import { SkjDocumentSchema } from "~/domain/skj-document";
import { parseRichText } from "~/services/richtext.server";
import { readJsonObject } from "~/services/request-body.server";
import { saveConflict, withRegisterIdentity } from "~/services/skj-editor.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findPositionById } from "~db/queries/register.server";
import { findOpenDraft, saveDraft } from "~db/queries/skj-drafts.server";

// The SKJ editor's autosave. A resource route answering plain JSON, so the editor reads every outcome
// itself (offline, 409, 5xx) instead of a failed save replacing the page with the error screen.

const reply = (body: SaveReply, status = 200) => Response.json(body, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "skj:write");
  const db = getDb();
  const position = findPositionById(db, idParam(params.id, "Jabatan tidak ditemukan."));
  if (!position) return reply({ ok: false, message: "Jabatan tidak ditemukan." }, 404);
  const body = await readJsonObject(request);
  if (!body) return reply({ ok: false, message: "Data tidak terbaca; muat ulang halaman." }, 400);
  const draft = findOpenDraft(db, position.id);
  if (!draft)
    return reply({ ok: false, message: "Draf tidak ditemukan: mungkin sudah diajukan atau ditetapkan. Muat ulang halaman." }, 404);
  const parsed = SkjDocumentSchema.safeParse(body.document);
  const summary = parseRichText(body.summaryJson, "Ikhtisar jabatan");
  if (!parsed.success || !summary.ok || typeof body.baseRevision !== "number") {
    // the schema's and the rich-text parser's messages name the field (e.g. a list over its limit)
    const reason = parsed.error?.issues[0]?.message ?? (summary.ok ? null : summary.message);
    return reply(
      {
        ok: false,
        message: `Isi draf tidak sesuai format SKJ${reason ? ` (${reason.replace(/\.$/, "")})` : ""}; tidak ada yang disimpan.`,
      },
      422,
    );
  }
  const document = withRegisterIdentity(db, position.id, parsed.data);
  const refreshCodes = new Set(
    Array.isArray(body.refreshCodes) ? body.refreshCodes.filter((c): c is string => typeof c === "string").slice(0, 50) : [],
  );
  const result = saveDraft(db, {
    draftId: draft.id,
    baseRevision: body.baseRevision,
    document,
    summaryJson: summary.doc,
    actorId: user.id,
    refreshCodes,
  });
  if (result.ok) return reply({ ok: true, revision: result.draft.revision, savedAt: result.draft.updatedAt });
  if (result.reason === "conflict")
    return reply({ ok: false, conflict: saveConflict(db, result.current, body.baseRevision, user.id) }, 409);
  return reply({ ok: false, message: "Draf sedang ditinjau atau sudah ditutup, sehingga tidak dapat diubah." }, 409);
}
