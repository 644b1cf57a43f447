// Property-based checks of the JSON API (issue 8, abuse): arbitrary bodies to the write endpoints never
// answer 500 or throw, always answer the contract's error shape, and a refused draft stores nothing.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "~/domain/api-tokens";
import { action as skjAction } from "~/routes/api.v1.skj.$";
import { action as draftsAction } from "~/routes/api.v1.skj.drafts";
import { action as validateAction } from "~/routes/api.v1.skj.validate";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { findUserByEmail } from "~db/queries/users.server";
import { FUZZ, mutatedDocument, skjDocument } from "../fixtures/skj-arbitraries";
import { BASE, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const POSITION = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";
const RUNS = { ...FUZZ, numRuns: 100 };
const TABLES = ["skj_drafts", "skj_draft_revisions", "skj_decisions", "skj_versions", "penetapan", "events", "audit_log"];
const rowCounts = (db: Db) => TABLES.map((t) => (db.$client.prepare(`select count(*) n from ${t}`).get() as { n: number }).n);

/** Bodies as a client might send them: any JSON, near-documents, documents of a real position, and non-JSON text. */
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  mutatedDocument.map((v) => JSON.stringify(v)),
  skjDocument.map((d) => JSON.stringify({ ...d, position: { ...d.position, code: POSITION } })),
  fc.string({ unit: "binary", maxLength: 60 }),
);

let db: Db;
let writer: string;
let reviewer: string;
beforeAll(async () => {
  db = await useTestDatabase("demo");
  const token = (email: string, scopes: Scope[]) =>
    createApiToken(db, { userId: findUserByEmail(db, email)!.id, name: "uji fuzz", scopes }, null).token;
  writer = token("analis@demo.go.id", ["skj:read", "skj:write"]);
  reviewer = token("reviewer@demo.go.id", ["skj:read", "skj:review"]);
});

const request = (path: string, text: string, bearer: string) =>
  new Request(BASE + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer}` },
    body: text,
  });

async function answer(handler: (args: never) => unknown, path: string, text: string, bearer: string, params: Record<string, string> = {}) {
  const response = await run(handler, request(path, text, bearer), params);
  expect(response.status, `${path} ${text.slice(0, 200)}`).toBeLessThan(500);
  const json = JSON.parse(response.body as string) as Record<string, unknown>;
  if (response.status >= 400) {
    expect(typeof json.error).toBe("string");
    expect(json.message).toMatch(/\S/);
  }
  return { status: response.status, json };
}

describe("the API under arbitrary bodies", () => {
  it("POST /api/v1/skj/validate answers 200 with results or 400 invalid_json, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const { status, json } = await answer(validateAction as never, "/api/v1/skj/validate", text, writer);
        expect([200, 400]).toContain(status);
        if (status === 200) expect(typeof json.valid).toBe("boolean");
        else expect(json.error).toBe("invalid_json");
      }),
      RUNS,
    );
  });

  it("POST /api/v1/skj/drafts never answers 5xx, and stores nothing whenever it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const before = rowCounts(db);
        const { status } = await answer(draftsAction as never, "/api/v1/skj/drafts", text, writer);
        expect([200, 201, 400, 404, 409, 422]).toContain(status);
        if (status >= 400) expect(rowCounts(db)).toEqual(before);
      }),
      RUNS,
    );
  });

  it("POST /api/v1/skj/{code}/submit, review and publish never answer 5xx, and store nothing whenever they refuse", async () => {
    const step = fc.tuple(fc.constantFrom("submit", "review", "publish"), fc.constantFrom(POSITION, "TIDAK.ADA"), body);
    await fc.assert(
      fc.asyncProperty(step, async ([verb, code, text]) => {
        const before = rowCounts(db);
        const bearer = verb === "submit" ? writer : reviewer;
        const { status } = await answer(skjAction as never, `/api/v1/skj/${code}/${verb}`, text, bearer, { "*": `${code}/${verb}` });
        if (status >= 400) expect(rowCounts(db)).toEqual(before);
      }),
      RUNS,
    );
  });
});
