// Drafts in bulk (issue 17 item 1, contract §7.6): the use case and POST /api/v1/skj/drafts/bulk.
import { describe, expect, it } from "vitest";
import type { Scope } from "~/domain/api-tokens";
import { isRegulationCode } from "~/domain/dictionary";
import { action as bulkAction, loader as bulkLoader } from "~/routes/api.v1.skj.drafts_.bulk";
import { createDraftsInBulk } from "~/services/skj-bulk.server";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { findPositionByCode } from "~db/queries/register.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { BASE, run } from "../setup/requests";
import { seedDemoSkj } from "~seeds/demo-skj.server";
import { useTestDatabase } from "../setup/test-db";

// a published administrator SKJ of the demo, and targets of three other groups with no SKJ yet
const SOURCE = "SETDA.BIRO-ORG.BAG-RBAK.KABAG";
const ADMINISTRATOR = "BKD.BID-PKA.KABID";
const PENGAWAS = "BKD.SEKRETARIAT.SUBBAG-UMPEG.KASUBBAG";
const PELAKSANA = "INSPEKTORAT.SEKRETARIAT.PENGADM";
// submitted for review by the demo seed: its open draft must stay as it is
const IN_REVIEW = "INSPEKTORAT.IRBAN-I.AUDITOR-MUDA";

async function demoWithSkj(): Promise<Db> {
  const db = await useTestDatabase("demo");
  seedDemoSkj(db);
  return db;
}

const analisId = (db: Db) => findUserByEmail(db, "analis@demo.go.id")!.id;
const draftOf = (db: Db, code: string) => findOpenDraft(db, findPositionByCode(db, code)!.id);
const technicalOf = (codes: { code: string; level: number }[]) => codes.filter((c) => !isRegulationCode(c.code));
const managerialOf = (codes: { code: string; level: number }[]) => codes.filter((c) => isRegulationCode(c.code));

describe("drafts in bulk", () => {
  it("fills each new draft from the source, with the managerial levels of each position's own group", async () => {
    const db = await demoWithSkj();
    const source = draftOf(db, SOURCE) ?? null;
    expect(source).toBeNull(); // the source is read from its live version
    const targets = [ADMINISTRATOR, PENGAWAS, PELAKSANA];
    const expectedManagerial = new Map(
      targets.map((code) => [code, managerialOf(newDraftDocument(db, findPositionByCode(db, code)!.id).document.competencies)]),
    );
    // the groups differ, so do their standard levels: a copy of the source's levels would be caught
    expect(new Set(targets.map((code) => JSON.stringify(expectedManagerial.get(code)))).size).toBe(3);

    const outcome = createDraftsInBulk(db, { positionCodes: targets, fromPositionCode: SOURCE, actorId: analisId(db), via: "ui" });
    expect(outcome).toEqual({ ok: true, results: targets.map((positionCode) => ({ positionCode, status: "created" })) });

    const live = JSON.parse(
      db.$client
        .prepare(
          "select snapshot from skj_versions v join positions p on p.id = v.position_id where p.code = ? order by version_number desc",
        )
        .pluck()
        .get(SOURCE) as string,
    );
    for (const code of targets) {
      const draft = draftOf(db, code)!;
      expect(draft.state).toBe("draf");
      expect(draft.revision).toBe(1);
      expect(draft.document.position.code).toBe(code);
      expect(managerialOf(draft.document.competencies)).toEqual(expectedManagerial.get(code));
      expect(technicalOf(draft.document.competencies)).toEqual(
        technicalOf(live.competencies).map((c: { code: string; level: number }) => ({ code: c.code, level: c.level })),
      );
      expect(draft.document.requirements).toEqual(live.requirements);
      expect(draft.document.position.summary).toBe(live.position.summary);
    }
  });

  it("skips a position with an open draft and leaves that draft untouched, also one in review", async () => {
    const db = await demoWithSkj();
    const before = draftOf(db, IN_REVIEW)!;
    expect(before.state).toBe("diajukan");
    const first = createDraftsInBulk(db, { positionCodes: [PENGAWAS], actorId: analisId(db), via: "ui" });
    expect(first.ok).toBe(true);
    const pengawasDraft = draftOf(db, PENGAWAS)!;

    const outcome = createDraftsInBulk(db, {
      positionCodes: [PENGAWAS, IN_REVIEW, PELAKSANA, "TIDAK.ADA"],
      fromPositionCode: SOURCE,
      actorId: analisId(db),
      via: "ui",
    });
    expect(outcome.ok && outcome.results.map((r) => [r.positionCode, r.status])).toEqual([
      [PENGAWAS, "skipped"],
      [IN_REVIEW, "skipped"],
      [PELAKSANA, "created"],
      ["TIDAK.ADA", "skipped"],
    ]);
    expect(outcome.ok && outcome.results[0]!.reason).toMatch(/sudah mempunyai draf SKJ yang terbuka/);
    expect(outcome.ok && outcome.results[3]!.reason).toMatch(/tidak terdaftar/);
    expect(draftOf(db, PENGAWAS)).toEqual(pengawasDraft);
    expect(draftOf(db, IN_REVIEW)).toEqual(before);
  });

  it("without a source makes the same draft as 'Susun SKJ' does, and refuses an unknown source whole", async () => {
    const db = await demoWithSkj();
    const fresh = newDraftDocument(db, findPositionByCode(db, ADMINISTRATOR)!.id).document;
    const refused = createDraftsInBulk(db, {
      positionCodes: [ADMINISTRATOR],
      fromPositionCode: "TIDAK.ADA",
      actorId: analisId(db),
      via: "ui",
    });
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('Jabatan sumber "TIDAK.ADA"') });
    expect(draftOf(db, ADMINISTRATOR)).toBeUndefined();

    createDraftsInBulk(db, { positionCodes: [ADMINISTRATOR, ADMINISTRATOR], actorId: analisId(db), via: "ui" });
    expect(draftOf(db, ADMINISTRATOR)!.document).toEqual(fresh);
    expect(
      db.$client
        .prepare("select count(*) from skj_drafts d join positions p on p.id = d.position_id where p.code = ?")
        .pluck()
        .get(ADMINISTRATOR),
    ).toBe(1);
  });
});

describe("POST /api/v1/skj/drafts/bulk", () => {
  const tokenFor = (db: Db, email: string, scopes: Scope[]) =>
    createApiToken(db, { userId: findUserByEmail(db, email)!.id, name: `uji ${scopes.join(" ")}`, scopes }, null).token;
  const post = async (body: unknown, token: string) => {
    const request = new Request(`${BASE}/api/v1/skj/drafts/bulk`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const res = await run(bulkAction as (args: never) => unknown, request);
    return { status: res.status, json: JSON.parse(res.body as string) as Record<string, unknown> };
  };

  it("answers one result per position, created or skipped with a reason", async () => {
    const db = await demoWithSkj();
    const token = tokenFor(db, "analis@demo.go.id", ["skj:write"]);
    const res = await post({ positionCodes: [PELAKSANA, IN_REVIEW], fromPositionCode: SOURCE }, token);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      results: [
        { positionCode: PELAKSANA, status: "created" },
        { positionCode: IN_REVIEW, status: "skipped", reason: expect.any(String) },
      ],
    });
    const audit = db.$client
      .prepare("select token_id from audit_log where action = 'skj.draft.create' order by id desc limit 1")
      .pluck()
      .get();
    expect(audit).not.toBeNull();
  });

  it("refuses a malformed body, more than 1,000 positions, a token without skj:write and a viewer's token, creating nothing", async () => {
    const db = await demoWithSkj();
    const writer = tokenFor(db, "analis@demo.go.id", ["skj:write"]);
    const count = () => db.$client.prepare("select count(*) from skj_drafts").pluck().get();
    const before = count();
    for (const [body, path] of [
      [{ positionCodes: "X" }, "positionCodes"],
      [{ positionCodes: [] }, "positionCodes"],
      [{ positionCodes: [PELAKSANA], extra: 1 }, "kolom tidak dikenal: extra"],
      [{ positionCodes: Array.from({ length: 1001 }, (_, i) => `P.${i}`) }, "paling banyak 1000"],
      [{ positionCodes: [PELAKSANA], fromPositionCode: "TIDAK.ADA" }, "TIDAK.ADA"],
    ] as const) {
      const res = await post(body, writer);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(res.json.message).toContain(path);
      expect(res.json.message).toContain("Tidak ada draf yang dibuat.");
    }
    expect((await post({ positionCodes: [PELAKSANA] }, tokenFor(db, "analis@demo.go.id", ["skj:read"]))).status).toBe(403);
    expect((await post({ positionCodes: [PELAKSANA] }, tokenFor(db, "viewer@demo.go.id", ["skj:read", "skj:write"]))).status).toBe(403);
    expect(count()).toBe(before);
    const get = await run(bulkLoader as (args: never) => unknown, new Request(`${BASE}/api/v1/skj/drafts/bulk`));
    expect(get.status).toBe(405);
  });
});
