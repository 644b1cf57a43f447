import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Scope } from "~/domain/api-tokens";
import { formatImportError } from "~/domain/dictionary-import";
import { loader } from "~/routes/api.v1.competencies";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { importDictionaryFiles } from "~/services/dictionary-import.server";
import { findUserByEmail } from "~db/queries/users.server";
import { BASE, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

interface Item {
  code: string;
  type: string;
  name: string;
  definition: string;
  revision: number;
  levels: { level: number; description: string; indicators: string[] }[];
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

let db: Db;
let token: string;
beforeEach(async () => {
  db = await useTestDatabase("demo");
  token = tokenFor(["skj:read"]);
});

function tokenFor(scopes: Scope[]): string {
  const user = findUserByEmail(db, "viewer@demo.go.id")!;
  return createApiToken(db, { userId: user.id, name: `uji ${scopes.join(" ")}`, scopes }, null).token;
}

/** `bearer` null sends no Authorization header at all. */
async function call<T = Page>(pathname: string, bearer: string | null = token) {
  const response = await run(
    loader,
    new Request(BASE + pathname, { headers: bearer === null ? {} : { Authorization: `Bearer ${bearer}` } }),
  );
  return { ...response, json: JSON.parse(response.body as string) as T };
}

async function walk(pathname: string): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = pathname.includes("?") ? "&" : "?";
    const page: { status: number; json: Page } = await call(`${pathname}${cursor ? `${sep}cursor=${cursor}` : ""}`);
    expect(page.status).toBe(200);
    items.push(...page.json.items);
    cursor = page.json.nextCursor;
    if (++pages > 100) throw new Error("pagination does not end");
  } while (cursor);
  return { items, pages };
}

const published = () =>
  db.$client
    .prepare(
      "select c.code from competencies c where exists (select 1 from competency_revisions r where r.competency_id = c.id and r.status = 'diterbitkan') order by c.id",
    )
    .pluck()
    .all() as string[];

async function importFixture(publish: boolean, text?: string) {
  const bytes =
    text === undefined
      ? new Uint8Array(fs.readFileSync(path.resolve("tests/fixtures/dictionary/kamus.csv")))
      : new TextEncoder().encode(text);
  const result = await importDictionaryFiles(db, [{ name: "kamus.csv", bytes }], null, { publish });
  if (!result.ok) throw new Error(result.errors.map(formatImportError).join("\n"));
}

describe("GET /api/v1/competencies", () => {
  it("answers 401 without a valid token and 403 without skj:read", async () => {
    for (const bearer of [null, "bukan-token", `skj_${"A".repeat(43)}`]) {
      const response = await call<{ error: string }>("/api/v1/competencies", bearer);
      expect(response.status).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
      expect(response.json.error).toBe("unauthorized");
    }
    const writer = await call<{ error: string }>("/api/v1/competencies", tokenFor(["skj:write"]));
    expect(writer.status).toBe(403);
    expect(writer.json.error).toBe("forbidden");
  });

  it("answers the contract's shape, each entry at its published revision with five levels", async () => {
    const { status, json, headers } = await call("/api/v1/competencies");
    expect(status).toBe(200);
    expect(headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(Object.keys(json).sort()).toEqual(["items", "nextCursor"]);
    expect(json.nextCursor).toBeNull();
    expect(json.items.map((i) => i.code)).toEqual(published());
    expect(json.items).toHaveLength(26);

    const m01 = json.items.find((i) => i.code === "M.01")!;
    expect(Object.keys(m01)).toEqual(["code", "type", "name", "definition", "revision", "levels"]);
    expect(m01).toMatchObject({ type: "manajerial", name: "Integritas", revision: 1 });
    expect(m01.definition.length).toBeGreaterThan(20);
    for (const item of json.items) {
      expect(item.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
      for (const level of item.levels) {
        expect(Object.keys(level)).toEqual(["level", "description", "indicators"]);
        expect(level.indicators.length).toBeGreaterThan(0);
      }
    }
    // indicators keep their stored order
    const stored = db.$client
      .prepare(
        `select i.text from competency_indicators i join competency_levels l on l.id = i.level_id join competency_revisions r on r.id = l.revision_id
         join competencies c on c.id = r.competency_id where c.code = 'T.ANJAB' and l.level = 3 order by i.ordinal`,
      )
      .pluck()
      .all();
    expect(json.items.find((i) => i.code === "T.ANJAB")!.levels[2]!.indicators).toEqual(stored);
  });

  it("serves only published texts: a draft-only entry is absent, an entry with a newer draft keeps its published revision", async () => {
    await importFixture(false);
    let codes = (await call("/api/v1/competencies?type=teknis")).json.items.map((i) => i.code);
    expect(codes).not.toContain("T.PENGADAAN");
    expect(codes).toHaveLength(17);

    await importFixture(true);
    const [item] = (await call("/api/v1/competencies?q=T.PENGADAAN")).json.items;
    expect(item).toMatchObject({ code: "T.PENGADAAN", revision: 1, name: "Pengadaan Barang/Jasa Pemerintah" });

    const changed = fs
      .readFileSync(path.resolve("tests/fixtures/dictionary/kamus.csv"), "utf8")
      .replaceAll("Pengadaan Barang/Jasa Pemerintah", "Pengadaan Barang dan Jasa");
    await importFixture(false, changed);
    const still = (await call("/api/v1/competencies?q=T.PENGADAAN")).json.items;
    expect(still).toEqual([item]);
    codes = (await call("/api/v1/competencies?type=teknis")).json.items.map((i) => i.code);
    expect(codes).toHaveLength(19);
  });

  it("filters by type and refuses an unknown type", async () => {
    const managerial = (await call("/api/v1/competencies?type=manajerial")).json.items;
    expect(managerial.map((i) => i.code)).toEqual(["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08"]);
    expect((await call("/api/v1/competencies?type=sosial_kultural")).json.items.map((i) => i.code)).toEqual(["SK.01"]);
    const technical = (await call("/api/v1/competencies?type=teknis")).json.items;
    expect(technical.every((i) => i.type === "teknis")).toBe(true);
    expect(technical.map((i) => i.code)).toContain("T.OTDA");

    const bad = await call<{ error: string; message: string }>("/api/v1/competencies?type=fungsional");
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error: "invalid_type", message: expect.stringContaining("fungsional") });
  });

  it("filters by words of code, name or definition, ignoring case", async () => {
    expect((await call("/api/v1/competencies?q=t.anjab")).json.items.map((i) => i.code)).toEqual(["T.ANJAB"]);
    expect((await call("/api/v1/competencies?q=INTEGRITAS")).json.items.map((i) => i.code)).toContain("M.01");
    const definitionOnly = db.$client
      .prepare("select definition_text from competency_revisions r join competencies c on c.id = r.competency_id where c.code = 'T.ANJAB'")
      .pluck()
      .get() as string;
    expect(definitionOnly).toContain("uraian jabatan");
    expect((await call(`/api/v1/competencies?q=${encodeURIComponent("uraian jabatan")}`)).json.items.map((i) => i.code)).toContain(
      "T.ANJAB",
    );
    // characters that are no words match nothing instead of everything
    expect((await call("/api/v1/competencies?q=%25")).json.items).toEqual([]);
    expect((await call("/api/v1/competencies?q=tidak-ada-kompetensi-seperti-ini")).json).toEqual({ items: [], nextCursor: null });
  });

  it("walks keyset pages by id without repeats or gaps, also with a filter", async () => {
    const { items, pages } = await walk("/api/v1/competencies?limit=4");
    expect(items.map((i) => i.code)).toEqual(published());
    expect(pages).toBe(Math.ceil(26 / 4));

    const technical = await walk("/api/v1/competencies?type=teknis&limit=5");
    expect(technical.items).toEqual((await call("/api/v1/competencies?type=teknis")).json.items);
    expect(technical.pages).toBe(Math.ceil(17 / 5));

    const last = await call("/api/v1/competencies?limit=26");
    expect(last.json.nextCursor).toBeNull();
    for (const query of ["limit=0", "limit=1001", "cursor=***"]) {
      expect((await call(`/api/v1/competencies?${query}`)).status).toBe(400);
    }
  });
});
