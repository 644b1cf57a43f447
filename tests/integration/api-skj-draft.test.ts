// GET /api/v1/skj/{code}/draft (contract §7.6): what the server holds of a position's open draft.
import { describe, expect, it } from "vitest";
import type { Scope } from "~/domain/api-tokens";
import { action as workflowAction, loader as skjLoader } from "~/routes/api.v1.skj.$";
import { action as draftsAction } from "~/routes/api.v1.skj.drafts";
import { action as validateAction } from "~/routes/api.v1.skj.validate";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { findPositionByCode } from "~db/queries/register.server";
import { findUserByEmail } from "~db/queries/users.server";
import { BASE, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const POSITION = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";

function tokenFor(db: Db, email: string, scopes: Scope[]) {
  return createApiToken(db, { userId: findUserByEmail(db, email)!.id, name: `uji ${scopes.join(" ")}`, scopes }, null).token;
}

const auth = (token?: string): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});

async function call(handler: (args: never) => unknown, request: Request, splat?: string) {
  const res = await run(handler, request, splat === undefined ? {} : { "*": splat });
  return { status: res.status, headers: res.headers, json: JSON.parse(res.body as string) as Record<string, unknown> };
}

const getDraft = (code: string, token?: string) =>
  call(skjLoader as never, new Request(`${BASE}/api/v1/skj/${code}/draft`, { headers: auth(token) }), `${code}/draft`);

const postJson = (handler: (args: never) => unknown, path: string, body: unknown, token: string, splat?: string) =>
  call(
    handler,
    new Request(BASE + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...auth(token) },
      body: JSON.stringify(body),
    }),
    splat,
  );

/** The prefilled draft without requirements: it breaks rules, so the results are not empty. */
const incompleteDocument = (db: Db) => newDraftDocument(db, findPositionByCode(db, POSITION)!.id).document;

describe("GET /api/v1/skj/{code}/draft", () => {
  it("answers the open draft with its state, revision, document and the results validate gives", async () => {
    const db = await useTestDatabase("demo");
    const writer = tokenFor(db, "analis@demo.go.id", ["skj:write"]);
    const document = incompleteDocument(db);
    const pushed = await postJson(draftsAction as never, "/api/v1/skj/drafts", document, writer);
    expect(pushed.status).toBe(201);

    const res = await getDraft(POSITION, writer);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(Object.keys(res.json).sort()).toEqual(["document", "draftRevision", "positionCode", "results", "state"]);
    expect(res.json).toMatchObject({ positionCode: POSITION, state: "draf", draftRevision: pushed.json.draftRevision });
    expect(res.json.document).toEqual(JSON.parse(JSON.stringify(document)));

    const validated = await postJson(validateAction as never, "/api/v1/skj/validate", res.json.document, writer);
    expect((res.json.results as unknown[]).length).toBeGreaterThan(0);
    expect(res.json.results).toEqual(validated.json.results);

    // a second push is a new revision, and the draft API reads it back
    const changed = { ...document, position: { ...document.position, summary: "Ikhtisar yang diperbarui melalui API." } };
    const replaced = await postJson(draftsAction as never, "/api/v1/skj/drafts", changed, writer);
    const again = await getDraft(POSITION, writer);
    expect(again.json.draftRevision).toBe(replaced.json.draftRevision);
    expect(again.json.draftRevision).not.toBe(res.json.draftRevision);
    expect((again.json.document as typeof document).position.summary).toBe("Ikhtisar yang diperbarui melalui API.");
  });

  it("tells the state of a draft under review", async () => {
    const db = await useTestDatabase("demo");
    const writer = tokenFor(db, "analis@demo.go.id", ["skj:write"]);
    const code = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-KELEMBAGAAN.KASUBBAG";
    const { document } = newDraftDocument(db, findPositionByCode(db, code)!.id);
    const complete = {
      ...document,
      competencies: [...document.competencies, { code: "T.KELEMBAGAAN", level: 2 }, { code: "T.ANJAB", level: 2 }],
      requirements: {
        rank: "III/c",
        education: [{ level: "S-1", fields: ["Administrasi Negara"] }],
        training: { managerial: ["Pelatihan Kepemimpinan Pengawas"], technical: [], functional: [] },
        experience: [{ description: "Pelaksana di bidang kelembagaan", minYears: 4 }],
        performanceIndicators: ["Persentase rekomendasi kelembagaan yang ditindaklanjuti"],
      },
    };
    expect((await postJson(draftsAction as never, "/api/v1/skj/drafts", complete, writer)).status).toBe(201);
    const submitted = await postJson(workflowAction as never, `/api/v1/skj/${code}/submit`, {}, writer, `${code}/submit`);
    expect(submitted.status).toBe(200);
    expect((await getDraft(code, writer)).json).toMatchObject({ positionCode: code, state: "diajukan" });
  });

  it("answers 404 with the error body when the position has no open draft or does not exist", async () => {
    const db = await useTestDatabase("demo");
    const writer = tokenFor(db, "analis@demo.go.id", ["skj:write"]);
    const none = await getDraft(POSITION, writer);
    expect(none.status).toBe(404);
    expect(none.json).toEqual({ error: "not_found", message: `Jabatan ${POSITION} tidak memiliki draf SKJ terbuka.` });
    const unknown = await getDraft("TIDAK.ADA", writer);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: "not_found", message: 'Jabatan dengan kode "TIDAK.ADA" tidak terdaftar.' });
  });

  it("answers 401 without a token and 403 without skj:write or a role that may write", async () => {
    const db = await useTestDatabase("demo");
    await postJson(draftsAction as never, "/api/v1/skj/drafts", incompleteDocument(db), tokenFor(db, "analis@demo.go.id", ["skj:write"]));

    const anonymous = await getDraft(POSITION);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("WWW-Authenticate")).toBe("Bearer");
    expect(anonymous.json.error).toBe("unauthorized");

    const readOnly = await getDraft(POSITION, tokenFor(db, "analis@demo.go.id", ["skj:read", "skj:review"]));
    expect(readOnly.status).toBe(403);
    expect(readOnly.json).toEqual({ error: "forbidden", message: "Token API ini tidak memiliki cakupan skj:write yang diperlukan." });

    const viewer = await getDraft(POSITION, tokenFor(db, "viewer@demo.go.id", ["skj:write"]));
    expect(viewer.status).toBe(403);
    expect(viewer.json.error).toBe("forbidden");
  });
});
