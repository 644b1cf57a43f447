// POST /api/v1/skj/{code}/submit | review | publish (contract §5) and GET /api/v1/skj/{code}/draft (§7.6).
// Codes may hold "/", so the action is the last path segment. Reads of published versions are served by the
// lean router in server/api.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, requireApiToken } from "~/auth/api.server";
import { apiResults, methodNotAllowed, readJsonBody } from "~/auth/api-body.server";
import { can } from "~/domain/permissions";
import { validateDocument } from "~/services/skj.server";
import { getDb } from "~db/client.server";
import { findPositionByCode } from "~db/queries/register.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";
import { publishSingle } from "~db/queries/skj-publish.server";
import { moveDraft } from "~db/queries/skj-review.server";

const ACTIONS = ["submit", "review", "publish"] as const;

const DRAFT_SUFFIX = "/draft";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const splat = params["*"] ?? "";
  if (!splat.endsWith(DRAFT_SUFFIX) || splat.length === DRAFT_SUFFIX.length) return apiError(404, "not_found", "Alamat API tidak dikenal.");
  const principal = await requireApiToken(request, "skj:write");
  // a token acts as its user: a draft is read by those who may write it
  if (!can(principal.user.role, "skj:write"))
    return apiError(403, "forbidden", "Peran pengguna token ini tidak berwenang membaca draf SKJ.");
  const db = getDb();
  const code = splat.slice(0, -DRAFT_SUFFIX.length);
  const position = findPositionByCode(db, code);
  if (!position) return apiError(404, "not_found", `Jabatan dengan kode "${code}" tidak terdaftar.`);
  const draft = findOpenDraft(db, position.id);
  if (!draft) return apiError(404, "not_found", `Jabatan ${position.code} tidak memiliki draf SKJ terbuka.`);
  return apiJson({
    positionCode: position.code,
    state: draft.state,
    draftRevision: draft.revision,
    document: draft.document,
    results: apiResults(validateDocument(db, draft.document)),
  });
}

const field = (body: unknown, key: string): unknown =>
  body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined;

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const splat = params["*"] ?? "";
  const cut = splat.lastIndexOf("/");
  const verb = splat.slice(cut + 1) as (typeof ACTIONS)[number];
  const code = splat.slice(0, Math.max(0, cut));
  if (cut < 0 || !ACTIONS.includes(verb)) return apiError(404, "not_found", "Alamat API tidak dikenal.");
  const principal = await requireApiToken(request, verb === "submit" ? "skj:write" : "skj:review");
  // a token acts as its user: the role must allow the action too
  const actor = { id: principal.user.id, role: principal.user.role, tokenId: principal.tokenId };
  if (!can(actor.role, verb === "submit" ? "skj:write" : verb === "review" ? "skj:review" : "skj:publish")) {
    return apiError(403, "forbidden", "Peran pengguna token ini tidak berwenang melakukan tindakan tersebut.");
  }
  const body = await readJsonBody(request);
  const db = getDb();
  const position = findPositionByCode(db, code);
  if (!position) return apiError(404, "not_found", `Jabatan dengan kode "${code}" tidak terdaftar.`);

  if (verb === "publish") {
    const result = publishSingle(
      db,
      position.code,
      { legalBasis: field(body, "legalBasis"), effectiveDate: (field(body, "effectiveDate") as string | null | undefined) ?? null },
      actor,
    );
    if (!result.ok)
      return apiError(
        result.status,
        result.status === 403 ? "forbidden" : result.status === 409 ? "not_approved" : "invalid_request",
        result.message,
      );
    // the stored bytes, as every later read of this version will serve them
    return new Response(result.snapshot, {
      status: 201,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
    });
  }

  const draft = findOpenDraft(db, position.id);
  if (!draft) return apiError(404, "not_found", `Jabatan ${position.code} tidak memiliki draf SKJ terbuka.`);
  if (verb === "submit") {
    const results = validateDocument(db, draft.document);
    const justification = field(body, "justification");
    const moved = moveDraft(db, {
      draftId: draft.id,
      transition: "submit",
      actor,
      results,
      justification: typeof justification === "string" ? justification : null,
    });
    if (!moved.ok)
      return apiJson(
        { error: moved.status === 403 ? "forbidden" : "not_submittable", message: moved.message, results: apiResults(results) },
        { status: moved.status },
      );
    return apiJson({ positionCode: position.code, state: "diajukan", results: apiResults(results) });
  }
  const decision = field(body, "decision");
  if (decision !== "approve" && decision !== "reject")
    return apiError(422, "invalid_decision", 'Kolom "decision" harus "approve" atau "reject".');
  const comment = field(body, "comment");
  const moved = moveDraft(db, {
    draftId: draft.id,
    transition: decision === "approve" ? "approve" : "return",
    actor,
    comment: typeof comment === "string" ? comment : null,
  });
  if (!moved.ok) return apiError(moved.status, moved.status === 403 ? "forbidden" : "invalid_transition", moved.message);
  return apiJson({ positionCode: position.code, state: decision === "approve" ? "disetujui" : "dikembalikan" });
}
