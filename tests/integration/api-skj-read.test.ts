// The lean read API in server/api/skj-read.ts (contract §5, issue 6), over real HTTP: an express app holding
// only that middleware, with a stand-in for the Remix handler behind it to prove what falls through.
import crypto from "node:crypto";
import http, { type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Scope } from "~/domain/api-tokens";
import { openDatabase, type Db } from "~db/client.server";
import { createApiToken, findActiveToken, revokeApiToken } from "~db/queries/api-tokens.server";
import { findUserByEmail } from "~db/queries/users.server";
import { skjReadApi, withSkjReadApi } from "../../server/api/skj-read";
import { useTestDatabase } from "../setup/test-db";

let server: Server;
let base: string;

// what the Remix handler stands behind in server/index.ts, reduced to a marker
function remixStandIn() {
  const app = express();
  app.use((req, res) => res.status(418).json({ fellThrough: `${req.method} ${req.originalUrl}` }));
  return app;
}

function listen(listener: RequestListener): Promise<Server> {
  return new Promise((resolve) => {
    const s = http.createServer(listener).listen(0, "127.0.0.1", () => resolve(s));
  });
}

const baseOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

beforeAll(async () => {
  // as server/index.ts serves: the reads ahead of express
  server = await listen(withSkjReadApi(remixStandIn()));
  base = baseOf(server);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// ------------------------------------------------------------------ fixtures in SQL

let db: Db;
let adminId: number;
let reader: string;

function tokenFor(email: string, scopes: Scope[]): string {
  return createApiToken(db, { userId: findUserByEmail(db, email)!.id, name: `uji ${scopes.join(" ")}`, scopes }, null).token;
}

function addUnit(code: string, parentCode: string | null) {
  db.$client
    .prepare("insert into org_units (code, name, kind, parent_id) values (?, ?, 'bidang', ?)")
    .run(code, `Unit ${code}`, parentCode ? unitId(parentCode) : null);
}

const unitId = (code: string) => (db.$client.prepare("select id from org_units where code = ?").get(code) as { id: number }).id;

function addPosition(code: string, unitCode: string) {
  db.$client
    .prepare("insert into positions (code, name, \"group\", unit_id) values (?, ?, 'pelaksana', ?)")
    .run(code, `Jabatan ${code}`, unitId(unitCode));
}

/**
 * Deliberately not what JSON.stringify would write (an escaped é, a trailing zero, a space), so a route that
 * parses and re-serializes a snapshot changes its bytes; a raw é and an em dash make it multi-byte too.
 */
function snapshotOf(code: string, version: number): { bytes: string; contentHash: string } {
  const body = `{"position":{"code":${JSON.stringify(code)},"name":"Analis Kebijakan \\u00e9 — é"},"version":${version}, "weight":1.50`;
  const contentHash = `sha256:${crypto.createHash("sha256").update(body).digest("hex")}`;
  return { bytes: `${body},"contentHash":"${contentHash}"}`, contentHash };
}

interface Published {
  id: number;
  code: string;
  version: number;
  bytes: string;
  contentHash: string;
}

/** What publishing writes: a closed draft, the immutable version row and its feed event. */
function publish(code: string, version: number): Published {
  const positionId = (db.$client.prepare("select id from positions where code = ?").get(code) as { id: number }).id;
  const draftId = db.$client
    .prepare(
      "insert into skj_drafts (position_id, state, document, closed_at, closed_reason) values (?, 'disetujui', '{}', '2026-01-02T03:04:05.000Z', 'ditetapkan')",
    )
    .run(positionId).lastInsertRowid;
  const { bytes, contentHash } = snapshotOf(code, version);
  const id = Number(
    db.$client
      .prepare(
        "insert into skj_versions (position_id, version_number, draft_id, snapshot, content_hash, published_at, published_by) values (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(positionId, version, draftId, bytes, contentHash, "2026-01-02T03:04:05.000Z", adminId).lastInsertRowid,
  );
  if (version > 1) {
    const previous = db.$client
      .prepare("select v.id from skj_versions v where v.position_id = ? and v.version_number = ?")
      .get(positionId, version - 1) as { id: number };
    db.$client
      .prepare("insert into skj_version_ends (version_id, kind, replaced_by_version_id, actor_id) values (?, 'diganti', ?, ?)")
      .run(previous.id, id, adminId);
  }
  addEvent("skj.published", code, version);
  return { id, code, version, bytes, contentHash };
}

function withdraw(p: Published) {
  db.$client
    .prepare("insert into skj_version_ends (version_id, kind, reason, actor_id) values (?, 'dicabut', 'uji', ?)")
    .run(p.id, adminId);
  addEvent("skj.withdrawn", p.code, p.version);
}

function addEvent(type: string, code: string, version: number): number {
  return Number(
    db.$client
      .prepare("insert into events (type, position_code, version, occurred_at) values (?, ?, ?, '2026-01-02T03:04:05.000Z')")
      .run(type, code, version).lastInsertRowid,
  );
}

const maxEventId = () => (db.$client.prepare("select coalesce(max(id), 0) n from events").get() as { n: number }).n;

// UJI ⊃ UJI.SUB, and LAIN beside it; codes unlike the demo's, so a demo that publishes its own SKJ changes nothing here
const SLASHED = "UJI/ANALIS/01";
let fixture: { v1: Published; v2: Published; slashed: Published; lain: Published; withdrawn: Published };

beforeEach(async () => {
  db = await useTestDatabase("demo");
  adminId = findUserByEmail(db, "admin@demo.go.id")!.id;
  reader = tokenFor("viewer@demo.go.id", ["skj:read"]);
  addUnit("UJI", null);
  addUnit("UJI.SUB", "UJI");
  addUnit("LAIN", null);
  addPosition("UJI.KABID", "UJI");
  addPosition(SLASHED, "UJI.SUB");
  addPosition("UJI.DICABUT", "UJI.SUB");
  addPosition("UJI.BELUM", "UJI");
  addPosition("LAIN.KABID", "LAIN");
  const v1 = publish("UJI.KABID", 1);
  const slashed = publish(SLASHED, 1);
  const lain = publish("LAIN.KABID", 1);
  const withdrawn = publish("UJI.DICABUT", 1);
  const v2 = publish("UJI.KABID", 2);
  withdraw(withdrawn);
  fixture = { v1, v2, slashed, lain, withdrawn };
});

// ------------------------------------------------------------------ client

async function get(pathname: string, token: string | null = reader, headers: Record<string, string> = {}) {
  const res = await fetch(base + pathname, { headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...headers } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    text: bytes.toString("utf8"),
    json: () => JSON.parse(bytes.toString("utf8")) as Record<string, unknown>,
  };
}

interface Feed {
  events: { id: number; type: string; positionCode: string; version: number; occurredAt: string; href: string }[];
  nextCursor: string | null;
}

const READ_PATHS = ["/api/v1/skj", "/api/v1/skj/UJI.KABID", "/api/v1/skj/UJI.KABID/versions/1", "/api/v1/changes"];

// ------------------------------------------------------------------ tests

describe("authentication", () => {
  it("answers 401 with WWW-Authenticate and the contract's error body without a valid token", async () => {
    const cases: [string, Record<string, string>][] = [
      ["no header", {}],
      ["basic auth", { Authorization: "Basic dXNlcjpwYXNz" }],
      ["malformed token", { Authorization: "Bearer bukan-token" }],
      ["unknown well-formed token", { Authorization: `Bearer skj_${"A".repeat(43)}` }],
    ];
    for (const path of READ_PATHS) {
      for (const [label, headers] of cases) {
        const res = await get(path, null, headers);
        expect(res.status, `${label} ${path}`).toBe(401);
        expect(res.headers.get("www-authenticate")).toBe("Bearer");
        expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(res.json()).toEqual({ error: "unauthorized", message: expect.stringMatching(/^Token API /) });
      }
    }
  });

  it("answers 403 to a token without skj:read and 200 to one with it", async () => {
    const writer = tokenFor("analis@demo.go.id", ["skj:write", "skj:review"]);
    for (const path of READ_PATHS) {
      const denied = await get(path, writer);
      expect(denied.status, path).toBe(403);
      expect(denied.json()).toEqual({ error: "forbidden", message: "Token API ini tidak memiliki cakupan skj:read yang diperlukan." });
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it("refuses a revoked token at once, even for a version already served", async () => {
    const path = "/api/v1/skj/UJI.KABID/versions/1";
    for (let i = 0; i < 3; i++) expect((await get(path)).status).toBe(200);
    expect(revokeApiToken(db, findActiveToken(db, reader)!.tokenId, adminId)).toBe(true);
    expect((await get(path)).status).toBe(401);
  });

  it("refuses a token at once when another connection (the CLI) revokes it or deactivates its user", async () => {
    const other = openDatabase(process.env.DATABASE_PATH!);
    try {
      const path = "/api/v1/skj/UJI.KABID/versions/2";
      // three reads: the first records last_used_at, so only the later ones can be answered from memory
      for (let i = 0; i < 3; i++) expect((await get(path)).status).toBe(200);
      expect(revokeApiToken(other, findActiveToken(other, reader)!.tokenId, adminId)).toBe(true);
      expect((await get(path)).status).toBe(401);

      const analis = tokenFor("analis@demo.go.id", ["skj:read"]);
      for (let i = 0; i < 3; i++) expect((await get(path, analis)).status).toBe(200);
      other.$client.prepare("update users set active = 0 where email = 'analis@demo.go.id'").run();
      expect((await get(path, analis)).status).toBe(401);
    } finally {
      other.$client.close();
    }
  });
});

describe("GET /api/v1/skj/{code}/versions/{n}", () => {
  it("sends the stored snapshot byte for byte with its hash as a quoted ETag", async () => {
    for (const p of [fixture.v1, fixture.v2, fixture.withdrawn]) {
      const res = await get(`/api/v1/skj/${p.code}/versions/${p.version}`);
      expect(res.status).toBe(200);
      expect(res.bytes.equals(Buffer.from(p.bytes, "utf8"))).toBe(true);
      expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(p.bytes)));
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(res.headers.get("etag")).toBe(`"${p.contentHash}"`);
      expect(res.headers.get("cache-control")).toBe("private, max-age=0, must-revalidate");
      // the headers of server/middleware.ts, although express never sees this request
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    // a second read comes from the kept bytes: still the same
    const again = await get(`/api/v1/skj/UJI.KABID/versions/1`);
    expect(again.text).toBe(fixture.v1.bytes);
  });

  it("answers 304 without a body when If-None-Match names the version's ETag", async () => {
    const path = "/api/v1/skj/UJI.KABID/versions/1";
    const etag = `"${fixture.v1.contentHash}"`;
    for (const header of [etag, `"sha256:lain", ${etag}`, `W/${etag}`, "*"]) {
      const res = await get(path, reader, { "If-None-Match": header });
      expect(res.status, header).toBe(304);
      expect(res.bytes.length).toBe(0);
      expect(res.headers.get("etag")).toBe(etag);
    }
    const other = await get(path, reader, { "If-None-Match": `"${fixture.v2.contentHash}"` });
    expect(other.status).toBe(200);
    expect(other.text).toBe(fixture.v1.bytes);
    // the ETag does not stand in for the token
    expect((await get(path, null, { "If-None-Match": etag })).status).toBe(401);
  });

  it("answers 404 not_found for a version, a position or a number that does not exist", async () => {
    for (const path of [
      "/api/v1/skj/UJI.KABID/versions/3",
      "/api/v1/skj/UJI.KABID/versions/0",
      "/api/v1/skj/UJI.KABID/versions/01",
      "/api/v1/skj/UJI.KABID/versions/satu",
      "/api/v1/skj/UJI.BELUM/versions/1",
      "/api/v1/skj/TIDAK.ADA/versions/1",
      "/api/v1/skj/UJI%20KABID/versions/1",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.json(), path).toEqual({ error: "not_found", message: expect.stringMatching(/tidak ditemukan/) });
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("serves a code containing slashes, written literally or as %2F", async () => {
    for (const path of [`/api/v1/skj/${SLASHED}/versions/1`, `/api/v1/skj/${encodeURIComponent(SLASHED)}/versions/1`]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.text).toBe(fixture.slashed.bytes);
    }
  });

  it("follows a renamed position at once, although its versions were read before", async () => {
    for (let i = 0; i < 3; i++) expect((await get("/api/v1/skj/LAIN.KABID/versions/1")).status).toBe(200);
    db.$client.prepare("update positions set code = 'LAIN.KEPALA' where code = 'LAIN.KABID'").run();
    expect((await get("/api/v1/skj/LAIN.KABID/versions/1")).status).toBe(404);
    expect((await get("/api/v1/skj/LAIN.KEPALA/versions/1")).text).toBe(fixture.lain.bytes);
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await fetch(`${base}/api/v1/skj/UJI.KABID/versions/2`, { method: "HEAD", headers: { Authorization: `Bearer ${reader}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${fixture.v2.contentHash}"`);
    expect(await res.text()).toBe("");
  });
});

describe("GET /api/v1/skj/{code}", () => {
  it("sends the live version, byte-identical to its versions route", async () => {
    for (const [path, p] of [
      ["/api/v1/skj/UJI.KABID", fixture.v2],
      [`/api/v1/skj/${SLASHED}`, fixture.slashed],
      [`/api/v1/skj/${encodeURIComponent(SLASHED)}`, fixture.slashed],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const version = await get(`/api/v1/skj/${p.code}/versions/${p.version}`);
      expect(res.bytes.equals(version.bytes), path).toBe(true);
      expect(res.text).toBe(p.bytes);
    }
  });

  it("answers 404 for a withdrawn SKJ and for a position never published", async () => {
    for (const code of ["UJI.DICABUT", "UJI.BELUM", "TIDAK.ADA"]) {
      const res = await get(`/api/v1/skj/${code}`);
      expect(res.status, code).toBe(404);
      expect(res.json()).toEqual({ error: "not_found", message: `SKJ yang ditetapkan untuk jabatan ${code} tidak ditemukan.` });
    }
  });

  it("leaves the POST endpoints, the open draft and other paths to Remix", async () => {
    for (const path of [
      "/api/v1/skj/UJI.KABID/versions/1/other",
      "/api/v1/skj/validate",
      "/api/v1/skj/drafts",
      "/api/v1/skj/UJI.KABID/submit",
      "/api/v1/skj/UJI.KABID/draft",
      "/api/v1/units",
      "/api/v1/skjx",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(418);
      expect(res.json()).toEqual({ fellThrough: `GET ${path}` });
    }
    const post = await fetch(`${base}/api/v1/skj/UJI.KABID`, { method: "POST", headers: { Authorization: `Bearer ${reader}` } });
    expect(post.status).toBe(418);
  });

  it("answers the same as express middleware, handing on what is not its own", async () => {
    const inner = express();
    inner.use(skjReadApi);
    inner.use(remixStandIn());
    const mounted = await listen(inner);
    try {
      const version = await fetch(`${baseOf(mounted)}/api/v1/skj/UJI.KABID/versions/2`, { headers: { Authorization: `Bearer ${reader}` } });
      expect([version.status, await version.text()]).toEqual([200, fixture.v2.bytes]);
      expect((await fetch(`${baseOf(mounted)}/api/v1/units`)).status).toBe(418);
    } finally {
      await new Promise((resolve) => mounted.close(resolve));
    }
  });
});

describe("GET /api/v1/skj", () => {
  it("lists exactly the live versions as their stored bytes, in id order", async () => {
    const res = await get("/api/v1/skj?limit=1000");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const live = db.$client
      .prepare(
        "select v.snapshot from skj_versions v where not exists (select 1 from skj_version_ends e where e.version_id = v.id) order by v.id",
      )
      .pluck()
      .all() as string[];
    expect(res.text).toBe(`{"items":[${live.join(",")}],"nextCursor":null}`);
    const items = (res.json().items as { position: { code: string }; version: number }[]).map((d) => `${d.position.code}@${d.version}`);
    expect(items).toEqual(expect.arrayContaining(["UJI.KABID@2", `${SLASHED}@1`, "LAIN.KABID@1"]));
    expect(items).not.toContain("UJI.KABID@1");
    expect(items).not.toContain("UJI.DICABUT@1");
  });

  it("filters by a unit's whole subtree and pages with a cursor", async () => {
    const first = await get("/api/v1/skj?unitCode=UJI&limit=1");
    expect(first.status).toBe(200);
    // a slashed code inside the item proves the bytes were written, not re-encoded
    expect(first.text).toMatch(new RegExp(`^\\{"items":\\[${escapeRegExp(fixture.slashed.bytes)}\\],"nextCursor":"[A-Za-z0-9_-]+"\\}$`));
    const cursor = first.json().nextCursor as string;
    const second = await get(`/api/v1/skj?unitCode=UJI&limit=1&cursor=${cursor}`);
    expect(second.text).toBe(`{"items":[${fixture.v2.bytes}],"nextCursor":null}`);

    const sub = await get("/api/v1/skj?unitCode=UJI.SUB");
    expect(sub.text).toBe(`{"items":[${fixture.slashed.bytes}],"nextCursor":null}`);
    const lain = await get("/api/v1/skj?unitCode=LAIN");
    expect(lain.text).toBe(`{"items":[${fixture.lain.bytes}],"nextCursor":null}`);
    expect((await get("/api/v1/skj?unitCode=TIDAK-ADA")).json()).toEqual({ items: [], nextCursor: null });
  });

  it("answers 400 to a bad limit or cursor", async () => {
    for (const [query, error] of [
      ["limit=0", "invalid_limit"],
      ["limit=1001", "invalid_limit"],
      ["limit=abc", "invalid_limit"],
      ["cursor=!!", "invalid_cursor"],
      ["cursor=MQ", "ok"],
    ] as const) {
      const res = await get(`/api/v1/skj?${query}`);
      if (error === "ok") expect(res.status, query).toBe(200);
      else expect([res.status, res.json().error], query).toEqual([400, error]);
    }
  });
});

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

describe("GET /api/v1/changes", () => {
  it("pages the feed with strictly increasing ids and hrefs that resolve", async () => {
    const before = maxEventId() - 6;
    const seen: Feed["events"] = [];
    let after = String(before);
    let pages = 0;
    for (;;) {
      const res = await get(`/api/v1/changes?after=${after}&limit=2`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const page = res.json() as unknown as Feed;
      seen.push(...page.events);
      pages++;
      if (!page.nextCursor) break;
      expect(page.events).toHaveLength(2);
      expect(page.nextCursor).toBe(String(page.events.at(-1)!.id));
      after = page.nextCursor;
    }
    expect(pages).toBe(3);
    expect(seen.map((e) => `${e.type} ${e.positionCode}@${e.version}`)).toEqual([
      "skj.published UJI.KABID@1",
      `skj.published ${SLASHED}@1`,
      "skj.published LAIN.KABID@1",
      "skj.published UJI.DICABUT@1",
      "skj.published UJI.KABID@2",
      "skj.withdrawn UJI.DICABUT@1",
    ]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.id).toBeGreaterThan(seen[i - 1]!.id);
    expect(seen[0]).toEqual({
      id: before + 1,
      type: "skj.published",
      positionCode: "UJI.KABID",
      version: 1,
      occurredAt: "2026-01-02T03:04:05.000Z",
      href: "/api/v1/skj/UJI.KABID/versions/1",
    });
    expect(seen[1]!.href).toBe(`/api/v1/skj/${SLASHED}/versions/1`);
    for (const e of seen) {
      const doc = await get(e.href);
      expect(doc.status, e.href).toBe(200);
      expect(JSON.parse(doc.text).version).toBe(e.version);
    }
    expect((await get(`/api/v1/changes?after=${maxEventId()}`)).json()).toEqual({ events: [], nextCursor: null });
  });

  it("answers 100 events by default and at most 1,000", async () => {
    const start = maxEventId();
    const insert = db.$client.transaction(() => {
      for (let i = 0; i < 1_050; i++) addEvent("skj.published", "UJI.KABID", 2);
    });
    insert();
    const byDefault = (await get(`/api/v1/changes?after=${start}`)).json() as unknown as Feed;
    expect(byDefault.events).toHaveLength(100);
    expect(byDefault.nextCursor).toBe(String(start + 100));
    const most = (await get(`/api/v1/changes?after=${start}&limit=1000`)).json() as unknown as Feed;
    expect(most.events).toHaveLength(1_000);
    expect(most.events[999]!.id).toBe(start + 1_000);
    const rest = (await get(`/api/v1/changes?after=${most.nextCursor}&limit=1000`)).json() as unknown as Feed;
    expect([rest.events.length, rest.nextCursor]).toEqual([50, null]);
  });

  it("answers 400 to an after that is not a non-negative integer, and to a bad limit", async () => {
    for (const [query, error] of [
      ["after=-1", "invalid_after"],
      ["after=abc", "invalid_after"],
      ["after=1.5", "invalid_after"],
      ["after=1e3", "invalid_after"],
      ["after=0&limit=0", "invalid_limit"],
      ["limit=1001", "invalid_limit"],
      ["limit=dua", "invalid_limit"],
    ] as const) {
      const res = await get(`/api/v1/changes?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.json(), query).toEqual({ error, message: expect.any(String) });
    }
    for (const query of ["", "after=", "after=0", "after=0&limit=1000"])
      expect((await get(`/api/v1/changes?${query}`)).status, query).toBe(200);
  });
});

describe("GET /api/v1/schema/skj-published.json", () => {
  it("answers the JSON Schema of the published document without a token", async () => {
    const res = await get("/api/v1/schema/skj-published.json", null);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const schema = res.json() as { type?: string; properties?: Record<string, unknown>; required?: string[] };
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(["position", "competencies", "version", "contentHash", "legalBasis", "unit"]),
    );
    expect(schema.required).toContain("contentHash");
  });
});
