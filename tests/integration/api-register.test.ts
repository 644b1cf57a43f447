import { describe, expect, it } from "vitest";
import type { Scope } from "~/domain/api-tokens";
import { encodeCursor } from "~/domain/pagination";
import { loader as positionsLoader } from "~/routes/api.v1.positions";
import { loader as unitsLoader } from "~/routes/api.v1.units";
import type { Db } from "~db/client.server";
import { createApiToken, findActiveToken, hashApiToken, listApiTokens, revokeApiToken } from "~db/queries/api-tokens.server";
import { findUserByEmail } from "~db/queries/users.server";
import { BASE, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

interface Unit {
  code: string;
  name: string;
  kind: string;
  echelon: string | null;
  parentCode: string | null;
  path: string[];
}
interface Position {
  code: string;
  name: string;
  group: string;
  functionalLevel: string | null;
  unitCode: string;
  governmentAffair: string | null;
  summary: string;
  skjStatus: string;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

function tokenFor(db: Db, email: string, scopes: Scope[]): string {
  const user = findUserByEmail(db, email)!;
  return createApiToken(db, { userId: user.id, name: `uji ${scopes.join(" ")}`, scopes }, null).token;
}

function api(pathname: string, token?: string): Request {
  return new Request(BASE + pathname, { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
}

async function call<T>(loader: typeof unitsLoader | typeof positionsLoader, pathname: string, token?: string) {
  const response = await run(loader, api(pathname, token));
  return { ...response, json: JSON.parse(response.body as string) as T };
}

async function walk<T>(
  loader: typeof unitsLoader | typeof positionsLoader,
  pathname: string,
  token: string,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = pathname.includes("?") ? "&" : "?";
    const page: { status: number; json: Page<T> } = await call<Page<T>>(
      loader,
      `${pathname}${cursor ? `${sep}cursor=${cursor}` : ""}`,
      token,
    );
    expect(page.status).toBe(200);
    items.push(...page.json.items);
    cursor = page.json.nextCursor;
    pages++;
    if (pages > 100) throw new Error("pagination does not end");
  } while (cursor);
  return { items, pages };
}

describe("API authentication", () => {
  it("answers 401 with WWW-Authenticate without a token, with a malformed or unknown one", async () => {
    const db = await useTestDatabase("demo");
    const valid = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const cases: [string, RequestInit["headers"]][] = [
      ["no header", {}],
      ["basic auth", { Authorization: "Basic dXNlcjpwYXNz" }],
      ["bearer without token", { Authorization: "Bearer " }],
      ["malformed token", { Authorization: "Bearer bukan-token" }],
      ["unknown well-formed token", { Authorization: `Bearer skj_${"A".repeat(43)}` }],
      ["token with a changed character", { Authorization: `Bearer ${valid.slice(0, -1)}${valid.endsWith("A") ? "B" : "A"}` }],
    ];
    for (const [label, headers] of cases) {
      for (const loader of [unitsLoader, positionsLoader]) {
        const response = await run(loader, new Request(`${BASE}/api/v1/units`, { headers }));
        expect(response.status, label).toBe(401);
        expect(response.headers.get("WWW-Authenticate"), label).toBe("Bearer");
        expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
        const body = JSON.parse(response.body as string);
        expect(body.error, label).toBe("unauthorized");
        expect(body.message, label).toMatch(/Token API/);
      }
    }
    expect((await call(unitsLoader, "/api/v1/units", valid)).status).toBe(200);
  });

  it("reads the token from a Bearer header as clients write it, and nothing else", async () => {
    const db = await useTestDatabase("demo");
    const valid = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const status = async (authorization: string) =>
      (await run(unitsLoader, new Request(`${BASE}/api/v1/units`, { headers: { Authorization: authorization } }))).status;
    for (const accepted of [`Bearer ${valid}`, `bearer ${valid}`, `Bearer  \t${valid} `])
      expect(await status(accepted), accepted).toBe(200);
    for (const refused of [`XBearer ${valid}`, `Bearer ${valid} extra`, `Bearer ${valid}x`, `Bearer${valid}`])
      expect(await status(refused), refused).toBe(401);
  });

  it("marks every answer as not to be cached, since it is bound to the token", async () => {
    const db = await useTestDatabase("demo");
    const valid = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    expect((await call(unitsLoader, "/api/v1/units", valid)).headers.get("Cache-Control")).toBe("no-store");
    expect((await call(unitsLoader, "/api/v1/units")).headers.get("Cache-Control")).toBe("no-store");
  });

  it("answers 401 for a revoked token and for the token of a deactivated user", async () => {
    const db = await useTestDatabase("demo");
    const revoked = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    expect((await call(unitsLoader, "/api/v1/units", revoked)).status).toBe(200);
    const id = findActiveToken(db, revoked)!.tokenId;
    expect(revokeApiToken(db, id, findUserByEmail(db, "admin@demo.go.id")!.id)).toBe(true);
    expect(revokeApiToken(db, id, null)).toBe(false);
    expect((await call(unitsLoader, "/api/v1/units", revoked)).status).toBe(401);

    const analis = tokenFor(db, "analis@demo.go.id", ["skj:read"]);
    expect((await call(positionsLoader, "/api/v1/positions", analis)).status).toBe(200);
    db.$client.prepare("update users set active = 0 where email = 'analis@demo.go.id'").run();
    const denied = await call<{ error: string }>(positionsLoader, "/api/v1/positions", analis);
    expect(denied.status).toBe(401);
    expect(denied.json.error).toBe("unauthorized");
  });

  it("answers 403 forbidden to a token without skj:read", async () => {
    const db = await useTestDatabase("demo");
    const writer = tokenFor(db, "analis@demo.go.id", ["skj:write", "skj:review"]);
    for (const loader of [unitsLoader, positionsLoader]) {
      const response = await call<{ error: string; message: string }>(loader, "/api/v1/units", writer);
      expect(response.status).toBe(403);
      expect(response.json).toEqual({ error: "forbidden", message: "Token API ini tidak memiliki cakupan skj:read yang diperlukan." });
    }
  });

  it("stores only the hash, audits without the secret and records use at most once a minute", async () => {
    const db = await useTestDatabase("demo");
    const admin = findUserByEmail(db, "admin@demo.go.id")!;
    const { id, token } = createApiToken(db, { userId: admin.id, name: "mesin pemetaan", scopes: ["skj:read"] }, admin.id);
    expect(token).toMatch(/^skj_[A-Za-z0-9_-]{43}$/);
    const stored = db.$client.prepare("select token_hash, scopes from api_tokens where id = ?").get(id) as {
      token_hash: string;
      scopes: string;
    };
    expect(stored).toEqual({ token_hash: hashApiToken(token), scopes: '["skj:read"]' });
    const audit = db.$client.prepare("select * from audit_log where action = 'token.create' and entity_id = ?").all(String(id));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(token.slice(4));
    expect(JSON.stringify(audit)).not.toContain(stored.token_hash);
    expect(JSON.stringify(listApiTokens(db))).not.toContain(stored.token_hash);

    const lastUsed = () => (db.$client.prepare("select last_used_at v from api_tokens where id = ?").get(id) as { v: string | null }).v;
    expect(lastUsed()).toBeNull();
    findActiveToken(db, token, new Date("2026-03-01T08:00:00.000Z"));
    findActiveToken(db, token, new Date("2026-03-01T08:00:59.000Z"));
    expect(lastUsed()).toBe("2026-03-01T08:00:00.000Z");
    findActiveToken(db, token, new Date("2026-03-01T08:01:00.000Z"));
    expect(lastUsed()).toBe("2026-03-01T08:01:00.000Z");
  });
});

describe("GET /api/v1/units", () => {
  it("lists every active unit exactly once, in id order, across pages of 7", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const { items, pages } = await walk<Unit>(unitsLoader, "/api/v1/units?limit=7", token);
    const expected = db.$client.prepare("select code from org_units where active = 1 order by id").pluck().all() as string[];
    expect(expected).toHaveLength(39);
    expect(items.map((u) => u.code)).toEqual(expected);
    expect(pages).toBe(Math.ceil(39 / 7));

    const first = await call<Page<Unit>>(unitsLoader, "/api/v1/units", token);
    expect(first.json.items).toHaveLength(39);
    expect(first.json.nextCursor).toBeNull();
  });

  it("answers the contract's shape, with the path from the perangkat daerah down to the unit", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const { json } = await call<Page<Unit>>(unitsLoader, "/api/v1/units?limit=1000", token);
    const deep = json.items.find((u) => u.code === "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB")!;
    expect(deep).toEqual({
      code: "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB",
      name: expect.any(String),
      kind: "subbagian",
      echelon: "IV.a",
      parentCode: "SETDA.BIRO-ORG.BAG-KELEMBAGAAN",
      path: ["SETDA", "SETDA.BIRO-ORG", "SETDA.BIRO-ORG.BAG-KELEMBAGAAN", "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB"],
    });
    expect(json.items.find((u) => u.code === "SETDA")).toMatchObject({ kind: "perangkat_daerah", parentCode: null, path: ["SETDA"] });
    for (const unit of json.items) {
      expect(unit.path.at(-1)).toBe(unit.code);
      expect(unit.path.at(-2) ?? null).toBe(unit.parentCode);
    }
  });

  it("leaves out inactive units", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    db.$client.prepare("update org_units set active = 0 where code = 'INSPEKTORAT.IRBAN-II'").run();
    const { json } = await call<Page<Unit>>(unitsLoader, "/api/v1/units?limit=1000", token);
    expect(json.items).toHaveLength(38);
    expect(json.items.map((u) => u.code)).not.toContain("INSPEKTORAT.IRBAN-II");
  });

  it("refuses a limit above 1000, below 1 or not an integer, and a forged cursor", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    for (const limit of ["1001", "0", "abc", "5.5"]) {
      const response = await call<{ error: string; message: string }>(unitsLoader, `/api/v1/units?limit=${limit}`, token);
      expect(response.status, limit).toBe(400);
      expect(response.json.error, limit).toBe("invalid_limit");
      expect(response.json.message).toMatch(/limit/);
    }
    const forged = await call<{ error: string }>(unitsLoader, "/api/v1/units?cursor=***", token);
    expect(forged.status).toBe(400);
    expect(forged.json.error).toBe("invalid_cursor");
  });
});

describe("GET /api/v1/positions", () => {
  it("answers the contract's shape with plain-text summaries and the SKJ status", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const { status, json, headers } = await call<Page<Position>>(positionsLoader, "/api/v1/positions", token);
    expect(status).toBe(200);
    expect(headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(json.items).toHaveLength(44);
    expect(json.nextCursor).toBeNull();
    const kasubbag = json.items.find((p) => p.code === "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB.KASUBBAG")!;
    expect(Object.keys(kasubbag).sort()).toEqual([
      "code",
      "functionalLevel",
      "governmentAffair",
      "group",
      "name",
      "skjStatus",
      "summary",
      "unitCode",
    ]);
    expect(kasubbag).toMatchObject({ group: "pengawas", functionalLevel: null, unitCode: "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB" });
    expect(kasubbag.summary).toMatch(/^Melakukan penyiapan bahan dan pengendalian pelaksanaan analisis jabatan/);
    expect(json.items.find((p) => p.group === "fungsional")!.functionalLevel).toMatch(/^ahli_|^mahir|^terampil|^penyelia/);
    for (const p of json.items) expect(["belum_ada", "draf", "diajukan", "disetujui", "ditetapkan"]).toContain(p.skjStatus);
  });

  it("filters by unitCode over the unit's whole subtree, and answers an unknown unit with nothing", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const { items } = await walk<Position>(positionsLoader, "/api/v1/positions?unitCode=SETDA.BIRO-ORG&limit=5", token);
    const units = new Set(items.map((p) => p.unitCode));
    expect(units).toContain("SETDA.BIRO-ORG");
    expect(units).toContain("SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB");
    expect(items).toHaveLength(16);
    for (const p of items) expect(p.unitCode === "SETDA.BIRO-ORG" || p.unitCode.startsWith("SETDA.BIRO-ORG.")).toBe(true);

    const unknown = await call<Page<Position>>(positionsLoader, "/api/v1/positions?unitCode=TIDAK-ADA", token);
    expect(unknown.status).toBe(200);
    expect(unknown.json).toEqual({ items: [], nextCursor: null });
  });

  it("finds a position by a word that only its summary holds", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const { json } = await call<Page<Position>>(positionsLoader, "/api/v1/positions?q=paripurna", token);
    expect(json.items.map((p) => p.code)).toEqual(["DINKES.UPT-RSKP.KEPALA"]);
    expect(json.items[0]!.name.toLowerCase()).not.toContain("paripurna");
    expect(json.items[0]!.summary).toContain("paripurna");
  });

  it("filters by group and refuses an unknown group", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const { json } = await call<Page<Position>>(positionsLoader, "/api/v1/positions?group=fungsional&unitCode=DISKOMINFO", token);
    expect(json.items.map((p) => p.code).sort()).toEqual([
      "DISKOMINFO.BID-APTIKA.PRAKOM-MAHIR",
      "DISKOMINFO.BID-APTIKA.PRAKOM-PERTAMA",
      "DISKOMINFO.BID-PERSANDIAN.SANDIMAN-MUDA",
    ]);
    const bad = await call<{ error: string; message: string }>(positionsLoader, "/api/v1/positions?group=eselon_2", token);
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe("invalid_group");
    expect(bad.json.message).toContain("eselon_2");
  });

  it("keeps a cursor valid while positions are added, and walks pages without repeats", async () => {
    const db = await useTestDatabase("demo");
    const token = tokenFor(db, "viewer@demo.go.id", ["skj:read"]);
    const first = await call<Page<Position>>(positionsLoader, "/api/v1/positions?limit=10", token);
    expect(first.json.nextCursor).toBe(encodeCursor(10));
    const setda = db.$client.prepare("select id from org_units where code = 'SETDA'").pluck().get();
    db.$client
      .prepare(
        "insert into positions (code, name, \"group\", unit_id, summary_text) values ('SETDA.BARU', 'Jabatan Baru', 'pelaksana', ?, 'baru')",
      )
      .run(setda);
    const seen = [...first.json.items];
    let cursor = first.json.nextCursor;
    while (cursor) {
      const page = await call<Page<Position>>(positionsLoader, `/api/v1/positions?limit=10&cursor=${cursor}`, token);
      seen.push(...page.json.items);
      cursor = page.json.nextCursor;
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen.map((p) => p.code)).size).toBe(45);
    expect(seen.at(-1)!.code).toBe("SETDA.BARU");
  });
});
