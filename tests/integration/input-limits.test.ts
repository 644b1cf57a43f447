// Oversized input (issue 8, abuse): refused with a status and an Indonesian message that names the field,
// and nothing stored. Limits: docs/decisions/008-input-limits.md.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "~/domain/api-tokens";
import { plainTextToDoc } from "~/domain/richtext";
import type { SkjDocument } from "~/domain/skj-document";
import { action as draftsAction } from "~/routes/api.v1.skj.drafts";
import { action as validateAction } from "~/routes/api.v1.skj.validate";
import { action as editorAction } from "~/routes/jabatan.$id.skj_.simpan";
import { action as newPositionAction } from "~/routes/jabatan.baru";
import { action as editPositionAction } from "~/routes/jabatan.$id.ubah";
import { action as newEntryAction } from "~/routes/kamus.baru";
import { action as importAction } from "~/routes/struktur.impor";
import { openDraftForPosition } from "~/services/skj.server";
import { UPLOAD_MAX_BYTES } from "~/services/uploads.server";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { findPositionByCode } from "~db/queries/register.server";
import { findUserByEmail } from "~db/queries/users.server";
import { FORM_BODY_MAX_BYTES, limitBrowserBodies } from "../../server/middleware";
import { BASE, cookieFor, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const POSITION = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";
const UNIT = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN";
const ONE_MB = "Menyusun kebijakan kelembagaan. ".repeat(32 * 1024 + 1).slice(0, 1024 * 1024);
const TEN_THOUSAND = Array.from({ length: 10_000 }, (_, i) => `Indikator kinerja ke-${i + 1}`);
const TABLES = [
  "positions",
  "org_units",
  "skj_drafts",
  "skj_draft_revisions",
  "competencies",
  "competency_revisions",
  "competency_indicators",
  "audit_log",
];

/** Row counts of every table an abusive request could write to, to compare before and after. */
const rowCounts = (db: Db) =>
  Object.fromEntries(TABLES.map((t) => [t, (db.$client.prepare(`select count(*) n from ${t}`).get() as { n: number }).n]));

function token(db: Db, email: string, scopes: Scope[]) {
  return createApiToken(db, { userId: findUserByEmail(db, email)!.id, name: "uji batas masukan", scopes }, null).token;
}
const apiPost = (path: string, body: unknown, bearer: string) =>
  new Request(BASE + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
const jsonPost = (path: string, body: unknown, cookie: string) =>
  new Request(BASE + path, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body) });
const formPost = (path: string, fields: Record<string, string>, cookie: string) =>
  new Request(BASE + path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams(fields),
  });
const parsed = (body: unknown) => (typeof body === "string" ? JSON.parse(body) : body) as Record<string, unknown>;

function demoDocument(db: Db, patch: (d: SkjDocument) => void): SkjDocument {
  const position = findPositionByCode(db, POSITION)!;
  const { document } = openDraftForPosition(db, position.id, findUserByEmail(db, "analis@demo.go.id")!.id);
  const copy = structuredClone(document);
  patch(copy);
  return copy;
}

const positionForm = (summary: string): Record<string, string> => ({
  code: "SETDA.BIRO-ORG.UJI-BESAR",
  name: "Analis Uji Masukan Besar",
  group: "pelaksana",
  functionalLevel: "",
  unitCode: UNIT,
  governmentAffair: "Pemerintahan Umum",
  summaryText: summary,
  summaryJson: JSON.stringify(plainTextToDoc(summary)),
  requiredHeadcount: "",
});

describe("a 1 MB position summary", () => {
  it("is refused by the position form (new and edit) at the Ikhtisar jabatan field, and nothing is stored", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const before = rowCounts(db);
    const created = await run(newPositionAction, formPost("/jabatan/baru", positionForm(ONE_MB), cookie));
    expect(created.status).toBe(422);
    expect(parsed(created.body).errors).toMatchObject({
      summaryText: expect.stringMatching(/^Ikhtisar jabatan terlalu panjang: paling banyak 200\.000 karakter/),
    });
    // without the rich text, the plain text is checked against the schema's limit
    const plain = await run(newPositionAction, formPost("/jabatan/baru", { ...positionForm(ONE_MB), summaryJson: "" }, cookie));
    expect(parsed(plain.body).errors).toMatchObject({ summaryText: "Ikhtisar jabatan maksimal 20000 karakter." });

    const position = findPositionByCode(db, POSITION)!;
    const edited = await run(
      editPositionAction,
      formPost(`/jabatan/${position.id}/ubah`, { ...positionForm(ONE_MB), code: POSITION }, cookie),
      { id: String(position.id) },
    );
    expect(edited.status).toBe(422);
    expect(parsed(edited.body).errors).toMatchObject({ summaryText: expect.stringMatching(/^Ikhtisar jabatan terlalu panjang/) });
    expect(rowCounts(db)).toEqual(before);
    expect(findPositionByCode(db, POSITION)!.summaryText).toBe(position.summaryText);
  });

  it("is refused by the API with 422 SKJ-SCHEMA at position.summary, and no draft revision is stored", async () => {
    const db = await useTestDatabase("demo");
    const document = demoDocument(db, (d) => void (d.position.summary = ONE_MB));
    const bearer = token(db, "analis@demo.go.id", ["skj:write"]);
    const before = rowCounts(db);
    const pushed = await run(draftsAction, apiPost("/api/v1/skj/drafts", document, bearer));
    expect(pushed.status).toBe(422);
    const body = parsed(pushed.body) as { error: string; results: { rule: string; path: string; message: string }[] };
    expect(body.results).toContainEqual(
      expect.objectContaining({ rule: "SKJ-SCHEMA", path: "position.summary", message: "Ikhtisar jabatan maksimal 20.000 karakter." }),
    );
    expect(rowCounts(db)).toEqual(before);

    const checked = parsed((await run(validateAction, apiPost("/api/v1/skj/validate", document, bearer))).body) as {
      valid: boolean;
      results: { path: string }[];
    };
    expect(checked.valid).toBe(false);
    expect(checked.results.map((r) => r.path)).toContain("position.summary");
  });
});

describe("10,000 indicators", () => {
  it("in an SKJ document: the API answers 422 at requirements.performanceIndicators and the editor's save 422 naming it; nothing stored", async () => {
    const db = await useTestDatabase("demo");
    const document = demoDocument(db, (d) => void (d.requirements.performanceIndicators = TEN_THOUSAND));
    const bearer = token(db, "analis@demo.go.id", ["skj:write"]);
    const before = rowCounts(db);
    const pushed = await run(draftsAction, apiPost("/api/v1/skj/drafts", document, bearer));
    expect(pushed.status).toBe(422);
    const results = (parsed(pushed.body) as { results: { rule: string; path: string; message: string }[] }).results;
    expect(results).toEqual([
      expect.objectContaining({
        rule: "SKJ-SCHEMA",
        path: "requirements.performanceIndicators",
        message: "Indikator kinerja jabatan paling banyak 50 butir.",
      }),
    ]);

    const position = findPositionByCode(db, POSITION)!;
    const cookie = await cookieFor("analis@demo.go.id");
    const saved = await run(
      editorAction,
      jsonPost(`/jabatan/${position.id}/skj/simpan`, { document, summaryJson: null, baseRevision: 1 }, cookie),
      { id: String(position.id) },
    );
    expect(saved.status).toBe(422);
    expect(parsed(saved.body)).toMatchObject({
      ok: false,
      message: expect.stringContaining("Indikator kinerja jabatan paling banyak 50 butir"),
    });
    expect(rowCounts(db)).toEqual(before);
  });

  it("in a dictionary entry: the entry form refuses it at the level's indicators, and nothing is stored", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const entry = {
      code: "T.UJI-BESAR",
      name: "Uji Indikator Berlimpah",
      category: "",
      sourceKind: "lokal",
      sourceReference: "",
      keywords: [],
      definitionText: "Kemampuan menguji batas.",
      levels: [1, 2, 3, 4, 5].map((level) => ({
        level,
        description: `Level ${level}`,
        indicators: level === 3 ? TEN_THOUSAND : [`Indikator ${level}.1`],
      })),
    };
    const before = rowCounts(db);
    const refused = await run(newEntryAction, jsonPost("/kamus/baru", { entry, definitionJson: null }, cookie));
    expect(refused.status).toBe(422);
    expect(Object.values(parsed(refused.body).errors as Record<string, string>)).toContain("Paling banyak 20 indikator per level.");
    expect(rowCounts(db)).toEqual(before);
  });
});

describe("a 50 MB upload to the SOTK import", () => {
  const fiftyMb = () => {
    const form = new FormData();
    form.append("intent", "apply");
    form.append("files", new Blob([new Uint8Array(50 * 1024 * 1024).fill(0x61)]), "units.csv");
    return form;
  };

  it("answers 413 with the limit in Indonesian, whether the size is declared or found while reading, and stores nothing", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const before = rowCounts(db);
    const declared = new Request(`${BASE}/struktur/impor`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(50 * 1024 * 1024) },
      body: "--x--",
    });
    const undeclared = new Request(`${BASE}/struktur/impor`, { method: "POST", headers: { Cookie: cookie }, body: fiftyMb() });
    for (const request of [declared, undeclared]) {
      const answer = await run(importAction, request);
      expect(answer.status).toBe(413);
      expect(parsed(answer.body)).toEqual({
        kind: "message",
        message: `Berkas terlalu besar: paling banyak ${UPLOAD_MAX_BYTES / 1024 / 1024} MB sekali unggah.`,
      });
    }
    expect(rowCounts(db)).toEqual(before);
  });
});

describe("browser writes through the express server", () => {
  let server: http.Server;
  let url: string;
  let reached = 0;
  beforeAll(async () => {
    const app = express();
    app.use(limitBrowserBodies);
    // stands in for Remix: counts the requests that got through and reads their whole body
    app.all("*", (req, res) => {
      reached++;
      req.resume();
      req.on("end", () => res.send("ok"));
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("refuses a form over the limit and a 50 MB upload with 413 before the app reads them; lets real forms, reads and the API through", async () => {
    reached = 0;
    const bigForm = await fetch(`${url}/jabatan/baru`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `summaryText=${"a".repeat(FORM_BODY_MAX_BYTES)}`,
    });
    expect(bigForm.status).toBe(413);
    expect(await bigForm.text()).toBe("Isi formulir terlalu besar: paling banyak 8 MB.");
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(50 * 1024 * 1024)]), "sotk.xlsx");
    const upload = await fetch(`${url}/struktur/impor`, { method: "POST", body: form });
    expect(upload.status).toBe(413);
    expect(await upload.text()).toBe(`Berkas terlalu besar: paling banyak ${UPLOAD_MAX_BYTES / 1024 / 1024} MB sekali unggah.`);
    expect(reached).toBe(0);

    // a 1 MB summary is well within the form limit: it reaches the action, which names the field
    expect(
      (
        await fetch(`${url}/jabatan/baru`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ summaryText: ONE_MB }),
        })
      ).status,
    ).toBe(200);
    expect((await fetch(`${url}/jabatan`)).status).toBe(200);
    // the API reads and bounds its own bodies (2 MB, 413 payload_too_large as JSON)
    expect((await fetch(`${url}/api/v1/skj/validate`, { method: "POST", body: "x".repeat(FORM_BODY_MAX_BYTES + 1) })).status).toBe(200);
    expect(reached).toBe(3);
  });

  it("refuses a chunked browser write that declares no length (411)", async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        `${url}/jabatan/baru`,
        { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" } },
        (res) => {
          let body = "";
          res.on("data", (d) => (body += d));
          res.on("end", () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on("error", reject);
      req.end("name=x");
    });
    expect(answer).toEqual({ status: 411, body: "Panjang isi permintaan (Content-Length) wajib dicantumkan." });
  });
});
