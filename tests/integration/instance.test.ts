// The instance profile (issue 14 item 1): set through the CLI's function, then printed in a published PDF read
// back as text; old published bytes stay as they were; GET /api/v1/instance answers it.
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import express from "express";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instanceSet } from "../../cli/instance-set";
import { withSkjReadApi } from "../../server/api/skj-read";
import { INSTANCE_MISSING_MESSAGE } from "~/domain/instance";
import { loader as instanceLoader } from "~/routes/api.v1.instance";
import { requestBundleExport } from "~/services/export-jobs.server";
import { closePdfBrowser, forgetPdfMemoryCache } from "~/services/pdf.server";
import { publishedVersionPdf } from "~/services/skj-pdf.server";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { instanceProfile } from "~db/queries/instance.server";
import { addToPenetapan, createPenetapan } from "~db/queries/penetapan.server";
import { findPositionByCode } from "~db/queries/register.server";
import { publishPenetapan } from "~db/queries/skj-publish.server";
import { createDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { skjDrafts } from "~db/schema";
import { BASE, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const FIRST = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";
const SECOND = "BKD.BID-PKA.KABID";
const NOW = new Date("2026-03-02T03:04:05.678Z");
const KABUPATEN = [
  "--kind",
  "kabupaten",
  "--name",
  "Kabupaten Ogan Komering Ulu",
  "--head",
  "Bupati Ogan Komering Ulu",
  "--place",
  "Baturaja",
];

const squash = (s: string) => s.replace(/\s+/g, "").toUpperCase();

function actor(db: Db, email: string) {
  const u = findUserByEmail(db, email)!;
  return { id: u.id, role: u.role };
}

/** Publishes an approved draft of `code` under a new act of `kind` with no signer title, so the head comes from the profile. */
function publish(db: Db, code: string, kind: "Peraturan Gubernur" | "Peraturan Bupati", number: string): number {
  const analis = actor(db, "analis@demo.go.id");
  const reviewer = actor(db, "reviewer@demo.go.id");
  const admin = actor(db, "admin@demo.go.id");
  const position = findPositionByCode(db, code)!;
  const fresh = newDraftDocument(db, position.id);
  const draft = createDraft(db, { positionId: position.id, ...fresh, actorId: analis.id, via: "ui" });
  db.update(skjDrafts)
    .set({
      state: "disetujui",
      submittedBy: analis.id,
      submittedAt: NOW.toISOString(),
      lastEditedBy: analis.id,
      approvedBy: reviewer.id,
      approvedAt: NOW.toISOString(),
    })
    .where(eq(skjDrafts.id, draft.id))
    .run();
  const act = createPenetapan(
    db,
    {
      kind,
      number,
      year: 2026,
      title: "Standar Kompetensi Jabatan",
      signedDate: "2026-03-01",
      effectiveDate: null,
      signerTitle: null,
      signerName: "Nama Kepala",
    },
    admin.id,
  );
  if (!act.ok) throw new Error(act.message);
  const added = addToPenetapan(db, act.id, draft.id, admin.id);
  if (!added.ok) throw new Error(added.message);
  const result = publishPenetapan(db, act.id, actor(db, "reviewer2@demo.go.id"), NOW);
  if (!result.ok) throw new Error(result.message);
  return result.versions.find((v) => v.positionCode === code)!.version;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return squash(text);
}

let db: Db;
let server: Server;
let base: string;

beforeAll(async () => {
  db = await useTestDatabase("demo");
  const app = express();
  app.use((_req, res) => res.status(418).end());
  server = await new Promise<Server>((resolve) => {
    const s = http.createServer(withSkjReadApi(app)).listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await closePdfBrowser();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("instance:set", () => {
  it("refuses an empty name and head field by field, in Indonesian, and stores nothing", () => {
    const before = instanceProfile(db);
    const outcome = instanceSet(db, ["--kind", "kabupaten", "--name", " ", "--head", "", "--place", "Baturaja"]);
    expect(outcome.ok).toBe(false);
    expect(outcome.message.split("\n")).toEqual([
      "--name: Nama instansi wajib diisi.",
      "--head: Jabatan kepala (penanda tangan) wajib diisi.",
    ]);
    expect(instanceSet(db, [...KABUPATEN, "--regional", "ya"])).toEqual({
      ok: false,
      message: '--regional (Pemerintah daerah): harus true atau false (bukan "ya").',
    });
    expect(instanceProfile(db)).toEqual(before);
  });

  it("prints the instance's head and place in a published PDF, and no longer the demo's; old bytes stay identical", async () => {
    const old = publish(db, FIRST, "Peraturan Gubernur", "31");
    const reader = createApiToken(
      db,
      { userId: findUserByEmail(db, "viewer@demo.go.id")!.id, name: "uji", scopes: ["skj:read"] },
      null,
    ).token;
    const headers = { Authorization: `Bearer ${reader}` };
    const oldJson = Buffer.from(await (await fetch(`${base}/api/v1/skj/${FIRST}/versions/${old}`, { headers })).arrayBuffer());
    const demoPdf = await pdfText((await publishedVersionPdf(db, FIRST, old))!);
    expect(demoPdf).toContain(squash("Gubernur Nusantara Jaya"));

    const outcome = instanceSet(db, KABUPATEN);
    expect(outcome).toMatchObject({ ok: true });
    expect(instanceProfile(db)).toEqual({
      kind: "kabupaten",
      name: "Kabupaten Ogan Komering Ulu",
      headTitle: "Bupati Ogan Komering Ulu",
      place: "Baturaja",
      regionalGovernment: true,
    });

    const version = publish(db, SECOND, "Peraturan Bupati", "7");
    const printed = await pdfText((await publishedVersionPdf(db, SECOND, version))!);
    expect(printed).toContain(squash("PERATURAN BUPATI OGAN KOMERING ULU"));
    expect(printed).toContain(squash("Ditetapkan di Baturaja"));
    expect(printed).toContain(squash("BUPATI OGAN KOMERING ULU,"));
    expect(printed).not.toContain("NUSANTARAJAYA");
    // the demo's T.OTDA texts are examples: the PDF says so
    expect(printed).toContain(squash("CONTOH — bukan teks resmi"));

    // the old version reprints under the new profile (the cache key carries the profile), its JSON bytes unchanged
    forgetPdfMemoryCache();
    const reprinted = await pdfText((await publishedVersionPdf(db, FIRST, old))!);
    expect(reprinted).toContain(squash("Ditetapkan di Baturaja"));
    const again = Buffer.from(await (await fetch(`${base}/api/v1/skj/${FIRST}/versions/${old}`, { headers })).arrayBuffer());
    expect(again.equals(oldJson)).toBe(true);
  }, 60_000);
});

describe("GET /api/v1/instance", () => {
  const get = (token?: string) =>
    run(instanceLoader, new Request(`${BASE}/api/v1/instance`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }));

  it("answers the profile to skj:read, 401 without a token, 403 without the scope", async () => {
    const userId = findUserByEmail(db, "viewer@demo.go.id")!.id;
    const reader = createApiToken(db, { userId, name: "baca", scopes: ["skj:read"] }, null).token;
    const writer = createApiToken(
      db,
      { userId: findUserByEmail(db, "analis@demo.go.id")!.id, name: "tulis", scopes: ["skj:write"] },
      null,
    ).token;
    const ok = await get(reader);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body as string)).toEqual(instanceProfile(db));
    expect((await get()).status).toBe(401);
    expect((await get(writer)).status).toBe(403);
  });
});

describe("an install without a profile", () => {
  it("refuses to print or export with a clear message, and the API says the profile is missing", async () => {
    const saved = db.$client.prepare("select * from settings where key = 'instance'").get() as Record<string, unknown>;
    db.$client.prepare("delete from settings where key = 'instance'").run();
    try {
      await expect(publishedVersionPdf(db, SECOND, 1)).rejects.toThrow(INSTANCE_MISSING_MESSAGE);
      const unit = db.$client.prepare("select unit_id from positions where code = ?").pluck().get(SECOND) as number;
      expect(requestBundleExport(db, findUserByEmail(db, "admin@demo.go.id")!.id, { kind: "unit", unitId: unit }, "pdf")).toEqual({
        ok: false,
        status: 422,
        message: INSTANCE_MISSING_MESSAGE,
      });
      const reader = createApiToken(
        db,
        { userId: findUserByEmail(db, "viewer@demo.go.id")!.id, name: "tanpa profil", scopes: ["skj:read"] },
        null,
      ).token;
      const missing = await run(instanceLoader, new Request(`${BASE}/api/v1/instance`, { headers: { Authorization: `Bearer ${reader}` } }));
      expect(missing.status).toBe(404);
      const pdf = await fetch(`${base}/api/v1/skj/${SECOND}/versions/1/pdf`, { headers: { Authorization: `Bearer ${reader}` } });
      expect(pdf.status).toBe(409);
      expect(((await pdf.json()) as { message: string }).message).toBe(INSTANCE_MISSING_MESSAGE);
    } finally {
      db.$client
        .prepare(
          "insert into settings (key, label, value, source_note, verified, updated_at) values (@key, @label, @value, @source_note, @verified, @updated_at)",
        )
        .run(saved);
    }
  });
});
