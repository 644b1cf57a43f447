import { describe, expect, it } from "vitest";
import type { Scope } from "~/domain/api-tokens";
import { action as draftsAction } from "~/routes/api.v1.skj.drafts";
import { action as workflowAction } from "~/routes/api.v1.skj.$";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { findPositionByCode } from "~db/queries/register.server";
import { findUserByEmail } from "~db/queries/users.server";
import { BASE, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

// a pengawas position the other API tests leave alone
const POSITION = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-KELEMBAGAAN.KASUBBAG";

function token(db: Db, email: string, scopes: Scope[]) {
  return createApiToken(db, { userId: findUserByEmail(db, email)!.id, name: `uji ${email}`, scopes }, null).token;
}

async function post(path: string, body: unknown, bearer: string, handler: (args: never) => unknown = workflowAction as never) {
  const request = new Request(BASE + path, {
    method: "POST",
    headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const splat = path.replace(/^\/api\/v1\/skj\//, "");
  const res = await run(handler, request, { "*": splat });
  return { status: res.status, json: JSON.parse(res.body as string) as Record<string, unknown> };
}

function completeDocument(db: Db, code: string) {
  const { document } = newDraftDocument(db, findPositionByCode(db, code)!.id);
  return {
    ...document,
    competencies: [
      ...document.competencies.filter((c) => !c.code.startsWith("T.") || c.code === "T.OTDA"),
      { code: "T.KELEMBAGAAN", level: 2 },
      { code: "T.ANJAB", level: 2 },
    ],
    requirements: {
      rank: "III/c",
      education: [{ level: "S-1", fields: ["Administrasi Negara"] }],
      training: { managerial: ["Pelatihan Kepemimpinan Pengawas"], technical: [], functional: [] },
      experience: [{ description: "Pelaksana di bidang kelembagaan", minYears: 4 }],
      performanceIndicators: ["Persentase rekomendasi kelembagaan yang ditindaklanjuti"],
    },
  };
}

describe("SKJ workflow API", () => {
  it("submits, refuses four-eyes violations, approves and publishes, answering the published document", async () => {
    const db = await useTestDatabase("demo");
    const code = findPositionByCode(db, POSITION)?.code;
    expect(code).toBe(POSITION);
    const analis = token(db, "analis@demo.go.id", ["skj:write"]);
    const reviewer = token(db, "reviewer@demo.go.id", ["skj:review", "skj:write"]);
    const reviewer2 = token(db, "reviewer2@demo.go.id", ["skj:review"]);

    const pushed = await post("/api/v1/skj/drafts", completeDocument(db, POSITION), analis, draftsAction as never);
    expect(pushed.status).toBe(201);
    expect((await post(`/api/v1/skj/${POSITION}/submit`, {}, analis)).status).toBe(200);
    // the analyst's token lacks skj:review; a reviewer may not approve what they pushed
    expect((await post(`/api/v1/skj/${POSITION}/review`, { decision: "approve" }, analis)).status).toBe(403);
    expect((await post(`/api/v1/skj/${POSITION}/publish`, { legalBasis: "Peraturan Gubernur Nomor 5 Tahun 2026" }, reviewer2)).status).toBe(
      409,
    );
    const approved = await post(`/api/v1/skj/${POSITION}/review`, { decision: "approve", comment: "Sesuai." }, reviewer);
    expect(approved).toEqual({ status: 200, json: { positionCode: POSITION, state: "disetujui" } });
    const published = await post(
      `/api/v1/skj/${POSITION}/publish`,
      { legalBasis: "Peraturan Gubernur Nomor 5 Tahun 2026", effectiveDate: "2026-06-01" },
      reviewer2,
    );
    expect(published.status).toBe(201);
    expect(published.json).toMatchObject({
      version: 1,
      status: "ditetapkan",
      effectiveDate: "2026-06-01",
      legalBasis: { kind: "Peraturan Gubernur", number: "5", year: 2026 },
    });
    expect(String(published.json.contentHash)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(db.$client.prepare("select type, position_code, version from events order by id desc limit 1").get()).toEqual({
      type: "skj.published",
      position_code: POSITION,
      version: 1,
    });
  });

  it("refuses to publish with the reviewer who approved it when they also last edited, and rejects with a comment", async () => {
    const db = await useTestDatabase("demo");
    const reviewer = token(db, "reviewer@demo.go.id", ["skj:review", "skj:write"]);
    expect((await post("/api/v1/skj/drafts", completeDocument(db, POSITION), reviewer, draftsAction as never)).status).toBe(201);
    expect((await post(`/api/v1/skj/${POSITION}/submit`, {}, reviewer)).status).toBe(200);
    expect((await post(`/api/v1/skj/${POSITION}/review`, { decision: "approve" }, reviewer)).status).toBe(403);
    expect((await post(`/api/v1/skj/${POSITION}/review`, { decision: "reject" }, reviewer)).status).toBe(422);
    const rejected = await post(
      `/api/v1/skj/${POSITION}/review`,
      { decision: "reject", comment: "Perbaiki level T.ANJAB." },
      token(db, "reviewer2@demo.go.id", ["skj:review"]),
    );
    expect(rejected).toEqual({ status: 200, json: { positionCode: POSITION, state: "dikembalikan" } });
    expect((await post(`/api/v1/skj/${POSITION}/nope`, {}, reviewer)).status).toBe(404);
  });
});
