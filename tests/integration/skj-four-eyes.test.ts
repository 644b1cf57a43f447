// Issue 13, findings 5 and 6 for SKJ: four-eyes against everyone who changed the draft (a save without a
// change is no edit), review tokens only by their owner, every audit row made with a token naming it, tokens
// ended with their user's access; with the guards the mutation audit found masked or untested.
import { describe, expect, it } from "vitest";
import type { Scope } from "~/domain/api-tokens";
import { action as tokensAction } from "~/routes/admin.tokens";
import { action as ownTokensAction } from "~/routes/akun.token";
import { action as workflowAction } from "~/routes/api.v1.skj.$";
import { action as draftsAction } from "~/routes/api.v1.skj.drafts";
import { action as editorAction } from "~/routes/jabatan.$id.skj_.simpan";
import { action as reviewAction } from "~/routes/jabatan.$id.skj_.tinjau";
import { newDraftDocument } from "~/services/skj.server";
import { updateAccount } from "~/services/users.server";
import type { Db } from "~db/client.server";
import { createApiToken, findActiveToken } from "~db/queries/api-tokens.server";
import { findPositionByCode } from "~db/queries/register.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";
import { moveDraft } from "~db/queries/skj-review.server";
import { findUserByEmail } from "~db/queries/users.server";
import { BASE, cookieFor, post as formPost, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const POSITION = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-KELEMBAGAAN.KASUBBAG";

const user = (db: Db, email: string) => {
  const u = findUserByEmail(db, email)!;
  return { id: u.id, role: u.role };
};

function token(db: Db, email: string, scopes: Scope[]) {
  const owner = user(db, email);
  return createApiToken(db, { userId: owner.id, name: `uji ${email} ${scopes.join(" ")}`, scopes }, owner.id);
}

async function api(path: string, body: unknown, bearer: string, handler: (args: never) => unknown = workflowAction as never) {
  const request = new Request(BASE + path, {
    method: "POST",
    headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const res = await run(handler, request, { "*": path.replace(/^\/api\/v1\/skj\//, "") });
  return { status: res.status, json: JSON.parse(res.body as string) as Record<string, unknown> };
}

function completeDocument(db: Db) {
  const { document } = newDraftDocument(db, findPositionByCode(db, POSITION)!.id);
  return {
    ...document,
    competencies: [
      ...document.competencies.filter((c) => !c.code.startsWith("T.") || c.code === "T.OTDA"),
      { code: "T.KELEMBAGAAN", level: 2 },
      { code: "T.ANJAB", level: 2 },
    ],
    requirements: {
      rank: "III/c" as const,
      education: [{ level: "S-1" as const, fields: ["Administrasi Negara"] }],
      training: { managerial: ["Pelatihan Kepemimpinan Pengawas"], technical: [], functional: [] },
      experience: [{ description: "Pelaksana di bidang kelembagaan", minYears: 2 }],
      performanceIndicators: ["Persentase rekomendasi kelembagaan yang ditindaklanjuti"],
    },
  };
}

/** The editor's autosave, posted to the route as the browser does (with the summary it loaded). */
async function editorSave(db: Db, cookie: string, document: unknown, baseRevision: number) {
  const summaryJson = findOpenDraft(db, findPositionByCode(db, POSITION)!.id)?.summaryJson ?? null;
  const position = findPositionByCode(db, POSITION)!;
  const request = new Request(`${BASE}/jabatan/${position.id}/skj/simpan`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({ document, summaryJson, baseRevision }),
  });
  const answer = await run(editorAction, request, { id: String(position.id) });
  return { ...answer, body: JSON.parse(answer.body as string) as unknown };
}

const auditRows = (db: Db, action: string) =>
  db.$client.prepare("select actor_id as actorId, token_id as tokenId from audit_log where action = ? order by id").all(action) as {
    actorId: number;
    tokenId: number | null;
  }[];

describe("SKJ four-eyes counts everyone who changed the draft", () => {
  it("a reviewer who wrote the whole draft cannot approve it after an analyst saves it unchanged in the editor", async () => {
    const db = await useTestDatabase("demo");
    const reviewerToken = token(db, "reviewer@demo.go.id", ["skj:write", "skj:review"]).token;
    expect((await api("/api/v1/skj/drafts", completeDocument(db), reviewerToken, draftsAction as never)).status).toBe(201);
    const draft = findOpenDraft(db, findPositionByCode(db, POSITION)!.id)!;

    // the analyst re-saves exactly what is stored: no new revision, and the analyst is not its last editor
    const saved = await editorSave(db, await cookieFor("analis@demo.go.id"), draft.document, draft.revision);
    expect(saved).toMatchObject({ status: 200, body: { ok: true, revision: draft.revision } });
    const after = findOpenDraft(db, draft.positionId)!;
    expect(after).toMatchObject({ revision: draft.revision, lastEditedBy: user(db, "reviewer@demo.go.id").id, updatedAt: draft.updatedAt });

    expect(
      moveDraft(db, {
        draftId: draft.id,
        transition: "submit",
        actor: user(db, "analis@demo.go.id"),
        results: [],
        justification: "Sudah diperiksa bersama.",
      }).ok,
    ).toBe(true);
    const approve = await api(`/api/v1/skj/${POSITION}/review`, { decision: "approve" }, reviewerToken);
    expect(approve).toMatchObject({ status: 403, json: { message: expect.stringContaining("empat mata") } });
  });

  it("a reviewer who changed the draft once, before an analyst finished it, can neither approve nor publish it", async () => {
    const db = await useTestDatabase("demo");
    const analisCookie = await cookieFor("analis@demo.go.id");
    const reviewerCookie = await cookieFor("reviewer@demo.go.id");
    const analisToken = token(db, "analis@demo.go.id", ["skj:write"]).token;
    const document = completeDocument(db);
    expect((await api("/api/v1/skj/drafts", document, analisToken, draftsAction as never)).status).toBe(201);
    const first = findOpenDraft(db, findPositionByCode(db, POSITION)!.id)!;
    const byReviewer = { ...document, requirements: { ...document.requirements, performanceIndicators: ["Indikator dari reviewer"] } };
    expect((await editorSave(db, reviewerCookie, byReviewer, first.revision)).status).toBe(200);
    const byAnalis = { ...document, requirements: { ...document.requirements, performanceIndicators: ["Indikator akhir analis"] } };
    expect((await editorSave(db, analisCookie, byAnalis, first.revision + 1)).status).toBe(200);
    expect(findOpenDraft(db, first.positionId)!.lastEditedBy).toBe(user(db, "analis@demo.go.id").id);

    moveDraft(db, {
      draftId: first.id,
      transition: "submit",
      actor: user(db, "analis@demo.go.id"),
      results: [],
      justification: "Sudah diperiksa bersama.",
    });
    const position = String(first.positionId);
    const refused = await run(reviewAction, formPost(`/jabatan/${position}/skj/tinjau`, { intent: "approve" }, reviewerCookie), {
      id: position,
    });
    expect(refused.status).toBe(403);
    expect(findOpenDraft(db, first.positionId)!.state).toBe("diajukan");
    // another reviewer approves; the contributing reviewer still may not publish it
    expect(moveDraft(db, { draftId: first.id, transition: "approve", actor: user(db, "reviewer2@demo.go.id") }).ok).toBe(true);
    const publish = await api(
      `/api/v1/skj/${POSITION}/publish`,
      { legalBasis: "Peraturan Gubernur Nomor 7 Tahun 2026" },
      token(db, "reviewer@demo.go.id", ["skj:review"]).token,
    );
    expect(publish).toMatchObject({ status: 403, json: { message: expect.stringContaining("empat mata") } });
  });

  it("guard: the editor's save route honours the client's base revision — a stale save is 409 and changes nothing", async () => {
    const db = await useTestDatabase("demo");
    const analisToken = token(db, "analis@demo.go.id", ["skj:write"]).token;
    const document = completeDocument(db);
    await api("/api/v1/skj/drafts", document, analisToken, draftsAction as never);
    const draft = findOpenDraft(db, findPositionByCode(db, POSITION)!.id)!;
    const cookie = await cookieFor("analis@demo.go.id");
    const one = { ...document, requirements: { ...document.requirements, performanceIndicators: ["Simpanan pertama"] } };
    const two = { ...document, requirements: { ...document.requirements, performanceIndicators: ["Simpanan kedua dari tab lama"] } };
    expect(await editorSave(db, cookie, one, draft.revision)).toMatchObject({
      status: 200,
      body: { ok: true, revision: draft.revision + 1 },
    });
    // the second tab still names the revision it opened: refused, the first save stays
    const stale = await editorSave(db, cookie, two, draft.revision);
    expect(stale).toMatchObject({ status: 409, body: { ok: false, conflict: { current: { revision: draft.revision + 1 } } } });
    const stored = findOpenDraft(db, draft.positionId)!;
    expect(stored.revision).toBe(draft.revision + 1);
    expect(stored.document.requirements.performanceIndicators).toEqual(["Simpanan pertama"]);
  });
});

describe("API tokens and four-eyes", () => {
  it("an admin cannot create a skj:review token for another user on the web; for themselves, and the operator's CLI, still can", async () => {
    const db = await useTestDatabase("demo");
    const admin = await cookieFor("admin@demo.go.id");
    const reviewer = user(db, "reviewer@demo.go.id");
    const body = new URLSearchParams({ intent: "create", userId: String(reviewer.id), name: "token peninjau", scopes: "skj:review" });
    const request = new Request(`${BASE}/admin/tokens`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: admin },
      body,
    });
    const refused = await run(tokensAction, request);
    expect(refused.status).toBe(422);
    expect((refused.body as { errors: Record<string, string> }).errors.scopes).toMatch(
      /^Token dengan cakupan skj:review hanya dapat dibuat oleh pemiliknya sendiri/,
    );
    expect(db.$client.prepare("select count(*) as n from api_tokens").get()).toEqual({ n: 0 });
    expect(() =>
      createApiToken(db, { userId: reviewer.id, name: "lewat kode", scopes: ["skj:review"] }, user(db, "admin@demo.go.id").id),
    ).toThrow(/skj:review/);

    // the reviewer makes their own on /akun/token; the token records who made it
    const own = await run(
      ownTokensAction,
      formPost("/akun/token", { intent: "create", name: "token saya", scopes: "skj:review" }, await cookieFor("reviewer@demo.go.id")),
    );
    expect(own.status).toBe(200);
    const operator = createApiToken(db, { userId: reviewer.id, name: "dari CLI", scopes: ["skj:review"] }, null);
    expect(db.$client.prepare("select name, created_by as createdBy from api_tokens order by id").all()).toEqual([
      { name: "token saya", createdBy: reviewer.id },
      { name: "dari CLI", createdBy: null },
    ]);
    expect(findActiveToken(db, operator.token)?.user.id).toBe(reviewer.id);
    // a viewer cannot give their own token a scope their role cannot use
    const viewer = await run(
      ownTokensAction,
      formPost("/akun/token", { intent: "create", name: "coba", scopes: "skj:review" }, await cookieFor("viewer@demo.go.id")),
    );
    expect(viewer.status).toBe(422);
  });

  it("names the token in every audit row of a change made with it: draft, submission, approval, publication", async () => {
    const db = await useTestDatabase("demo");
    const analis = token(db, "analis@demo.go.id", ["skj:write"]);
    const reviewer = token(db, "reviewer@demo.go.id", ["skj:review"]);
    const reviewer2 = token(db, "reviewer2@demo.go.id", ["skj:review"]);
    expect((await api("/api/v1/skj/drafts", completeDocument(db), analis.token, draftsAction as never)).status).toBe(201);
    expect((await api(`/api/v1/skj/${POSITION}/submit`, { justification: "Peringatan sudah dipertimbangkan." }, analis.token)).status).toBe(
      200,
    );
    expect((await api(`/api/v1/skj/${POSITION}/review`, { decision: "approve" }, reviewer.token)).status).toBe(200);
    expect(
      (await api(`/api/v1/skj/${POSITION}/publish`, { legalBasis: "Peraturan Gubernur Nomor 8 Tahun 2026" }, reviewer2.token)).status,
    ).toBe(201);
    expect(auditRows(db, "skj.draft.create")).toEqual([{ actorId: user(db, "analis@demo.go.id").id, tokenId: analis.id }]);
    expect(auditRows(db, "skj.submit")).toEqual([{ actorId: user(db, "analis@demo.go.id").id, tokenId: analis.id }]);
    expect(auditRows(db, "skj.approve")).toEqual([{ actorId: user(db, "reviewer@demo.go.id").id, tokenId: reviewer.id }]);
    expect(auditRows(db, "skj.publish")).toEqual([{ actorId: user(db, "reviewer2@demo.go.id").id, tokenId: reviewer2.id }]);
  });

  it("guard: a reviewer's token without skj:review gets 403 on review and publish, though the role allows both", async () => {
    const db = await useTestDatabase("demo");
    const analis = token(db, "analis@demo.go.id", ["skj:write"]).token;
    await api("/api/v1/skj/drafts", completeDocument(db), analis, draftsAction as never);
    await api(`/api/v1/skj/${POSITION}/submit`, { justification: "Peringatan sudah dipertimbangkan." }, analis);
    const writeOnly = token(db, "reviewer@demo.go.id", ["skj:read", "skj:write"]).token;
    const review = await api(`/api/v1/skj/${POSITION}/review`, { decision: "approve" }, writeOnly);
    expect(review).toEqual({
      status: 403,
      json: { error: "forbidden", message: "Token API ini tidak memiliki cakupan skj:review yang diperlukan." },
    });
    expect(findOpenDraft(db, findPositionByCode(db, POSITION)!.id)!.state).toBe("diajukan");
    moveDraft(db, {
      draftId: findOpenDraft(db, findPositionByCode(db, POSITION)!.id)!.id,
      transition: "approve",
      actor: user(db, "reviewer2@demo.go.id"),
    });
    const publish = await api(`/api/v1/skj/${POSITION}/publish`, { legalBasis: "Peraturan Gubernur Nomor 9 Tahun 2026" }, writeOnly);
    expect(publish).toEqual({
      status: 403,
      json: { error: "forbidden", message: "Token API ini tidak memiliki cakupan skj:review yang diperlukan." },
    });
    expect(
      db.$client
        .prepare("select count(*) as n from skj_versions v join positions p on p.id = v.position_id where p.code = ?")
        .get(POSITION),
    ).toEqual({ n: 0 });
  });

  it("revokes a user's tokens when the user is deactivated or their password changes; reactivation brings none back", async () => {
    const db = await useTestDatabase("demo");
    const admin = user(db, "admin@demo.go.id");
    const analis = findUserByEmail(db, "analis@demo.go.id")!;
    const first = token(db, "analis@demo.go.id", ["skj:read"]);
    await updateAccount(db, analis.id, { name: analis.name, role: analis.role, active: false, password: "" }, admin.id);
    await updateAccount(db, analis.id, { name: analis.name, role: analis.role, active: true, password: "" }, admin.id);
    expect(findActiveToken(db, first.token)).toBeUndefined();

    const second = token(db, "analis@demo.go.id", ["skj:read"]);
    expect(findActiveToken(db, second.token)).toBeDefined();
    await updateAccount(
      db,
      analis.id,
      { name: analis.name, role: analis.role, active: true, password: "kata-sandi-baru-yang-panjang" },
      admin.id,
    );
    expect(findActiveToken(db, second.token)).toBeUndefined();
    expect(db.$client.prepare("select summary from audit_log where action = 'user.update' order by id desc limit 1").get()).toEqual({
      summary: expect.stringContaining("1 token API dicabut"),
    });
  });
});
