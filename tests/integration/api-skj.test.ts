import { describe, expect, it } from "vitest";
import type { Scope } from "~/domain/api-tokens";
import { plainTextToDoc } from "~/domain/richtext";
import type { SkjDocument } from "~/domain/skj-document";
import { action as draftsAction, loader as draftsLoader } from "~/routes/api.v1.skj.drafts";
import { JSON_BODY_MAX_BYTES } from "~/auth/api-body.server";
import { action as validateAction, loader as validateLoader } from "~/routes/api.v1.skj.validate";
import { newDraftDocument, validateDocument } from "~/services/skj.server";
import { closeSharedDb, getDb, type Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { findPositionByCode } from "~db/queries/register.server";
import { findOpenDraft, saveDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { BASE, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

// a demo administrator position (eselon III.a) in the Biro Organisasi
const POSITION = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";
const TECHNICAL = ["T.OTDA", "T.ANJAB", "T.KELEMBAGAAN"];

interface ApiResult {
  rule: string;
  severity: "error" | "warning";
  path: string;
  message: string;
  citation: string;
}
interface ValidateBody {
  valid: boolean;
  results: ApiResult[];
}
interface DraftBody {
  positionCode: string;
  draftRevision: number;
  results: ApiResult[];
}
interface ErrorBody {
  error: string;
  message: string;
  results?: ApiResult[];
}

function tokenFor(db: Db, email: string, scopes: Scope[]): string {
  const user = findUserByEmail(db, email)!;
  return createApiToken(db, { userId: user.id, name: `uji ${scopes.join(" ")}`, scopes }, null).token;
}

function postJson(pathname: string, body: unknown, token?: string, headers: Record<string, string> = {}): Request {
  return new Request(BASE + pathname, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

type Handler = typeof validateAction | typeof draftsAction | typeof validateLoader;

async function call<T>(handler: Handler, request: Request) {
  const response = await run(handler as (args: never) => unknown, request);
  return { status: response.status, headers: response.headers, json: JSON.parse(response.body as string) as T };
}

const validate = <T = ValidateBody>(body: unknown, token?: string, headers?: Record<string, string>) =>
  call<T>(validateAction, postJson("/api/v1/skj/validate", body, token, headers));
const pushDraft = <T = DraftBody>(body: unknown, token?: string) => call<T>(draftsAction, postJson("/api/v1/skj/drafts", body, token));

/** The complete SKJ of the demo position: the prefilled draft plus everything an analyst adds. */
function completeDocument(db: Db): SkjDocument {
  const { document } = newDraftDocument(db, findPositionByCode(db, POSITION)!.id);
  return {
    ...document,
    // the draft may start from a published version that already lists some of them
    competencies: [...document.competencies.filter((c) => !TECHNICAL.includes(c.code)), ...TECHNICAL.map((code) => ({ code, level: 3 }))],
    requirements: {
      rank: "IV/a",
      education: [{ level: "S-1", fields: ["Ilmu Pemerintahan", "Administrasi Negara"] }],
      training: { managerial: ["Pelatihan Kepemimpinan Administrator (PKA)"], technical: ["Analisis Jabatan"], functional: [] },
      experience: [{ description: "Jabatan Pengawas di bidang kelembagaan", minYears: 3 }],
      performanceIndicators: ["Persentase perangkat daerah yang memiliki SKJ yang ditetapkan"],
    },
  };
}

const count = (db: Db, table: string) => (db.$client.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
const rulesOf = (results: ApiResult[]) => [...new Set(results.map((r) => r.rule))];

describe("POST /api/v1/skj/validate", () => {
  it("answers 401 without a token and 405 to other methods", async () => {
    const db = await useTestDatabase("demo");
    const missing = await validate<ErrorBody>(completeDocument(db));
    expect(missing.status).toBe(401);
    expect(missing.json.error).toBe("unauthorized");
    expect(missing.headers.get("WWW-Authenticate")).toBe("Bearer");

    const get = await call<ErrorBody>(validateLoader, new Request(`${BASE}/api/v1/skj/validate`));
    expect(get.status).toBe(405);
    expect(get.headers.get("Allow")).toBe("POST");
    expect(get.json.error).toBe("method_not_allowed");
    const put = await call<ErrorBody>(validateAction, new Request(`${BASE}/api/v1/skj/validate`, { method: "PUT", body: "{}" }));
    expect(put.status).toBe(405);
  });

  it("answers 400 invalid_json for a malformed, empty or non-UTF-8 body", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    for (const body of ['{"schemaVersion": 1,', "", "bukan json"]) {
      const response = await validate<ErrorBody>(body, token);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error).toBe("invalid_json");
      expect(response.json.message).toMatch(/^Isi permintaan/);
    }
    const latin1 = new Request(`${BASE}/api/v1/skj/validate`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
      body: new Uint8Array([0x22, 0xe9, 0x22]),
    });
    expect((await call<ErrorBody>(validateAction, latin1)).json.error).toBe("invalid_json");
  });

  it("answers 413 for a body over 2 MB, declared or not", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const declared = await validate<ErrorBody>("{}", token, { "Content-Length": String(JSON_BODY_MAX_BYTES + 1) });
    expect(declared.status).toBe(413);
    expect(declared.json.error).toBe("payload_too_large");
    // a constructed Request carries no Content-Length, so this one is caught while reading
    const big = JSON.stringify({ padding: "x".repeat(JSON_BODY_MAX_BYTES) });
    const undeclared = await validate<ErrorBody>(big, token);
    expect(undeclared.status).toBe(413);
    expect(undeclared.json.error).toBe("payload_too_large");
  });

  it("answers valid:true without errors for the complete SKJ of a demo administrator position, to a token of any scope", async () => {
    const db = await useTestDatabase("demo");
    const document = completeDocument(db);
    for (const scopes of [["skj:read"], ["skj:write"], ["skj:review"]] as Scope[][]) {
      const response = await validate(document, tokenFor(db, "viewer@demo.go.id", scopes));
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      expect(response.json.results.filter((r) => r.severity === "error")).toEqual([]);
      expect(response.json.valid).toBe(true);
      expect(response.json.results).toEqual([]);
    }
  });

  it("answers valid:false with the rules that fire, each with the contract's keys plus citation", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const complete = completeDocument(db);
    const bad: SkjDocument = {
      ...complete,
      position: { ...complete.position, summary: "  " },
      competencies: complete.competencies
        .filter((c) => c.code !== "M.08" && c.code !== "T.ANJAB" && c.code !== "T.KELEMBAGAAN")
        .map((c) => (c.code === "M.01" ? { ...c, level: 7 } : c))
        .concat({ code: "T.TIDAK-ADA", level: 3 }),
      requirements: { ...complete.requirements, rank: "III/a", experience: [] },
    };
    const response = await validate(bad, token);
    expect(response.status).toBe(200);
    expect(response.json.valid).toBe(false);
    expect(rulesOf(response.json.results)).toEqual(
      expect.arrayContaining([
        "SKJ-KOMPETENSI-TIDAK-DIKENAL",
        "SKJ-LEVEL-RENTANG",
        "SKJ-MANAJERIAL-LENGKAP",
        "SKJ-TEKNIS-MIN",
        "SKJ-IDENTITAS",
        "SKJ-PANGKAT-MIN",
        "SKJ-PENGALAMAN",
      ]),
    );
    const m01 = bad.competencies.findIndex((c) => c.code === "M.01");
    expect(response.json.results).toContainEqual(
      expect.objectContaining({ rule: "SKJ-LEVEL-RENTANG", severity: "error", path: `competencies[${m01}].level` }),
    );
    expect(response.json.results).toContainEqual(
      expect.objectContaining({ rule: "SKJ-PANGKAT-MIN", severity: "warning", path: "requirements.rank" }),
    );
    for (const r of response.json.results) {
      expect(Object.keys(r)).toEqual(["rule", "severity", "path", "message", "citation"]);
      expect(r.message.length).toBeGreaterThan(0);
    }
    // the API answers what the service computes, in its order
    expect(response.json.results.map((r) => r.rule)).toEqual(validateDocument(db, bad).map((r) => r.rule));
  });

  it("answers a document of the wrong shape with per-path SKJ-SCHEMA results", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const response = await validate([1, 2], token);
    expect(response.status).toBe(200);
    expect(response.json.valid).toBe(false);
    expect(response.json.results).toEqual([expect.objectContaining({ rule: "SKJ-SCHEMA", path: "" })]);
  });
});

describe("POST /api/v1/skj/drafts", () => {
  it("answers 401 without a token, 403 without skj:write and 403 to a viewer's token that has it", async () => {
    const db = await useTestDatabase("demo");
    const document = completeDocument(db);
    expect((await pushDraft<ErrorBody>(document)).status).toBe(401);

    const reader = await pushDraft<ErrorBody>(document, tokenFor(db, "analis@demo.go.id", ["skj:read"]));
    expect(reader.status).toBe(403);
    expect(reader.json).toEqual({ error: "forbidden", message: "Token API ini tidak memiliki cakupan skj:write yang diperlukan." });

    const viewer = await pushDraft<ErrorBody>(document, tokenFor(db, "viewer@demo.go.id", ["skj:read", "skj:write"]));
    expect(viewer.status).toBe(403);
    expect(viewer.json.error).toBe("forbidden");
    expect(viewer.json.message).toContain("Pembaca");
    expect(count(db, "skj_drafts")).toBe(0);

    const get = await call<ErrorBody>(draftsLoader, new Request(`${BASE}/api/v1/skj/drafts`));
    expect(get.status).toBe(405);
  });

  it("answers 400 for malformed JSON and 422 with per-path SKJ-SCHEMA results for a bad shape, storing nothing", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "analis@demo.go.id", ["skj:write"]);
    const before = { drafts: count(db, "skj_drafts"), revisions: count(db, "skj_draft_revisions"), audit: count(db, "audit_log") };

    const malformed = await pushDraft<ErrorBody>("{", token);
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toBe("invalid_json");

    const complete = completeDocument(db);
    const { rank: _rank, ...requirementsWithoutRank } = complete.requirements;
    const bad = {
      ...complete,
      position: { ...complete.position, group: "eselon_3" },
      competencies: [{ code: "M.01", level: "tiga" }, ...complete.competencies.slice(1)],
      requirements: { ...requirementsWithoutRank, perfomanceIndicators: [] },
    };
    const response = await pushDraft<ErrorBody>(bad, token);
    expect(response.status).toBe(422);
    expect(response.json.error).toBe("invalid_document");
    expect(response.json.message).toMatch(/tidak ada yang disimpan/i);
    const results = response.json.results!;
    expect(new Set(results.map((r) => r.rule))).toEqual(new Set(["SKJ-SCHEMA"]));
    expect(results.map((r) => r.path).sort()).toEqual(
      ["competencies[0].level", "position.group", "requirements.perfomanceIndicators", "requirements.rank"].sort(),
    );
    expect(results.every((r) => r.severity === "error" && r.message.length > 0)).toBe(true);

    expect({ drafts: count(db, "skj_drafts"), revisions: count(db, "skj_draft_revisions"), audit: count(db, "audit_log") }).toEqual(before);
  });

  it("answers 422 with an SKJ-IDENTITAS result at position.code for a position outside the register, storing nothing", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "analis@demo.go.id", ["skj:write"]);
    const complete = completeDocument(db);
    const response = await pushDraft<ErrorBody>({ ...complete, position: { ...complete.position, code: "TIDAK.TERDAFTAR" } }, token);
    expect(response.status).toBe(422);
    expect(response.json.error).toBe("invalid_document");
    expect(response.json.results![0]).toEqual(expect.objectContaining({ rule: "SKJ-IDENTITAS", severity: "error", path: "position.code" }));
    expect(response.json.results![0]!.message).toContain("TIDAK.TERDAFTAR");

    db.$client.prepare("update positions set active = 0 where code = ?").run(POSITION);
    const inactive = await pushDraft<ErrorBody>(complete, token);
    expect(inactive.status).toBe(422);
    expect(inactive.json.results![0]).toEqual(expect.objectContaining({ rule: "SKJ-IDENTITAS", path: "position.code" }));
    expect(count(db, "skj_drafts")).toBe(0);
  });

  it("creates the open draft (201), replaces it over its current revision (200, revision 2), and audits both", async () => {
    const db = await useTestDatabase("demo");
    const analis = findUserByEmail(db, "analis@demo.go.id")!;
    const token = tokenFor(db, analis.email, ["skj:write"]);
    const complete = completeDocument(db);
    // an unfinished first push is stored too: only the shape must be right
    const first = { ...complete, competencies: complete.competencies.filter((c) => c.code !== "T.KELEMBAGAAN") };

    const created = await pushDraft(first, token);
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ positionCode: POSITION, draftRevision: 1, results: expect.any(Array) });
    expect(rulesOf(created.json.results)).toEqual(["SKJ-TEKNIS-MIN"]);

    const summary = "Memimpin penyiapan bahan kebijakan kelembagaan.\n\nMengoordinasikan analisis jabatan.";
    const second = { ...complete, position: { ...complete.position, summary } };
    const replaced = await pushDraft(second, token);
    expect(replaced.status).toBe(200);
    expect(replaced.json).toEqual({ positionCode: POSITION, draftRevision: 2, results: [] });

    const draft = findOpenDraft(db, findPositionByCode(db, POSITION)!.id)!;
    expect(draft.revision).toBe(2);
    expect(draft.state).toBe("draf");
    expect(draft.document).toEqual(second);
    expect(draft.summaryJson).toEqual(plainTextToDoc(summary));
    expect(draft.lastEditedBy).toBe(analis.id);
    expect(count(db, "skj_drafts")).toBe(1);
    expect(
      db.$client.prepare("select revision from skj_draft_revisions where draft_id = ? order by revision").pluck().all(draft.id),
    ).toEqual([1, 2]);

    const audit = db.$client
      .prepare("select action, actor_id actorId, entity_id entityId, summary from audit_log where entity_type = 'skj_draft' order by id")
      .all() as {
      action: string;
      actorId: number;
      entityId: string;
      summary: string;
    }[];
    expect(audit.map((a) => [a.action, a.actorId, a.entityId])).toEqual([
      ["skj.draft.create", analis.id, String(draft.id)],
      ["skj.draft.replace", analis.id, String(draft.id)],
    ]);
    expect(audit[0]!.summary).toContain("melalui API");
    expect(audit[1]!.summary).toContain("melalui API");
  });

  it("stores the printed Kode Jabatan and the importance choices as sent (§7.2), and refuses bad ones at their path", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "analis@demo.go.id", ["skj:write"]);
    const complete = completeDocument(db);
    const bad = {
      ...complete,
      position: { ...complete.position, jobCode: "8".repeat(101) },
      requirements: { ...complete.requirements, importance: { rank: "sangat penting" } },
    };
    const refused = await pushDraft<ErrorBody>(bad, token);
    expect(refused.status).toBe(422);
    expect(refused.json.results!.map((r) => [r.rule, r.path])).toEqual([
      ["SKJ-SCHEMA", "position.jobCode"],
      ["SKJ-SCHEMA", "requirements.importance.rank"],
    ]);
    expect(count(db, "skj_drafts")).toBe(0);

    const good = {
      ...complete,
      position: { ...complete.position, jobCode: "800.1.3.2 Bagian Kelembagaan" },
      requirements: {
        ...complete.requirements,
        importance: { educationLevel: "mutlak", trainingTechnical: "penting", experience: "perlu" },
      },
    };
    expect((await pushDraft(good, token)).status).toBe(201);
    expect(findOpenDraft(db, findPositionByCode(db, POSITION)!.id)!.document).toEqual(good);
  });

  it("answers 409 draft_locked while the draft is submitted or approved, changing nothing", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "reviewer@demo.go.id", ["skj:write"]);
    const document = completeDocument(db);
    expect((await pushDraft(document, token)).status).toBe(201);
    for (const state of ["diajukan", "disetujui"]) {
      db.$client.prepare("update skj_drafts set state = ?").run(state);
      const response = await pushDraft<ErrorBody>({ ...document, requirements: { ...document.requirements, rank: "IV/b" } }, token);
      expect(response.status, state).toBe(409);
      expect(response.json.error).toBe("draft_locked");
      expect(response.json.message).toContain(POSITION);
    }
    const draft = findOpenDraft(db, findPositionByCode(db, POSITION)!.id)!;
    expect(draft.revision).toBe(1);
    expect(draft.document.requirements.rank).toBe("IV/a");

    // returned to the analyst, it can be replaced again (with a change: an identical push is no edit)
    db.$client.prepare("update skj_drafts set state = 'dikembalikan'").run();
    expect((await pushDraft({ ...document, requirements: { ...document.requirements, rank: "IV/c" } }, token)).json.draftRevision).toBe(2);
  });
});

describe("draft storage", () => {
  it("of two saves on the same revision exactly one wins and the other is a conflict (409)", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "analis@demo.go.id", ["skj:write"]);
    const document = completeDocument(db);
    await pushDraft(document, token);
    const draft = findOpenDraft(db, findPositionByCode(db, POSITION)!.id)!;
    const edit = (rank: "IV/b" | "IV/c") =>
      saveDraft(db, {
        draftId: draft.id,
        baseRevision: draft.revision,
        document: { ...document, requirements: { ...document.requirements, rank } },
        summaryJson: null,
        actorId: null,
      });
    const outcomes = [edit("IV/b"), edit("IV/c")];
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ ok: false, reason: "conflict", current: { revision: 2 } });
    const stored = findOpenDraft(db, draft.positionId)!;
    expect(stored.revision).toBe(2);
    expect(stored.document.requirements.rank).toBe("IV/b");
  });

  it("a draft survives a server restart", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "analis@demo.go.id", ["skj:write"]);
    const document = completeDocument(db);
    await pushDraft(document, token);
    const changed = { ...document, requirements: { ...document.requirements, rank: "IV/b" as const } };
    expect((await pushDraft(changed, token)).json.draftRevision).toBe(2);
    const file = process.env.DATABASE_PATH!;

    closeSharedDb();
    expect(db.$client.open).toBe(false);
    const reopened = getDb();
    expect(reopened).not.toBe(db);
    expect(reopened.$client.name).toBe(file);
    const draft = findOpenDraft(reopened, findPositionByCode(reopened, POSITION)!.id)!;
    expect(draft.revision).toBe(2);
    expect(draft.document).toEqual(changed);
    // and the token and the API keep working against the reopened database (an identical push is no edit)
    expect((await pushDraft(changed, token)).json.draftRevision).toBe(2);
    expect((await pushDraft(document, token)).json.draftRevision).toBe(3);
  });
});
