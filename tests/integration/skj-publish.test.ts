import { definitionFromPlainText } from "~/domain/dictionary";
import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "~/domain/canonical-json";
import { CONFIRMATION_FIELD, CONFIRMATION_MISSING, confirmationValue } from "~/domain/penetapan-confirmation";
import type { SkjDocument } from "~/domain/skj-document";
import { SkjPublishedDocumentSchema, type SkjPublishedDocument } from "~/domain/skj-published";
import { action as penetapanAction } from "~/routes/penetapan.$id";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { addRevision, findCompetencyByCode, levelsOfRevision } from "~db/queries/competencies.server";
import {
  addToPenetapan,
  approvedDraftsNotInPenetapan,
  createPenetapan,
  penetapanDetail,
  removeFromPenetapan,
  updatePenetapan,
} from "~db/queries/penetapan.server";
import { findPositionByCode } from "~db/queries/register.server";
import { publishPenetapan, publishSingle, withdrawVersion, type SkjActor } from "~db/queries/skj-publish.server";
import { createDraft, findOpenDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { auditLog, events, penetapan, skjCompetencyUses, skjDecisions, skjDrafts, skjVersionEnds, skjVersions } from "~db/schema";
import { cookieFor, post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

// three demo positions in three different units, one of them two levels below its perangkat daerah
const A = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";
const B = "BKD.BID-PKA.KABID";
const C = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB.KASUBBAG";
const NOW = new Date("2026-03-02T03:04:05.678Z");

interface People {
  analis: SkjActor;
  reviewer: SkjActor;
  reviewer2: SkjActor;
  admin: SkjActor;
}

function people(db: Db): People {
  const actor = (email: string) => {
    const u = findUserByEmail(db, email)!;
    return { id: u.id, role: u.role };
  };
  return {
    analis: actor("analis@demo.go.id"),
    reviewer: actor("reviewer@demo.go.id"),
    reviewer2: actor("reviewer2@demo.go.id"),
    admin: actor("admin@demo.go.id"),
  };
}

/**
 * An open draft of `code` in `state`, as the review workflow leaves it: written by the analyst, submitted by
 * `submittedBy`, approved by `approvedBy`. The document is the prefilled one plus T.ANJAB.
 */
function draftIn(
  db: Db,
  code: string,
  state: "diajukan" | "disetujui",
  by: { submittedBy: number; lastEditedBy: number; approvedBy: number | null },
) {
  const position = findPositionByCode(db, code)!;
  const fresh = newDraftDocument(db, position.id);
  const document: SkjDocument = fresh.basedOnVersionId
    ? { ...fresh.document, requirements: { ...fresh.document.requirements, performanceIndicators: ["Indikator kinerja versi berikutnya"] } }
    : { ...fresh.document, competencies: [...fresh.document.competencies, { code: "T.ANJAB", level: 3 }] };
  const draft = createDraft(db, { positionId: position.id, ...fresh, document, actorId: by.lastEditedBy, via: "ui" });
  db.update(skjDrafts)
    .set({
      state,
      submittedBy: by.submittedBy,
      submittedAt: NOW.toISOString(),
      lastEditedBy: by.lastEditedBy,
      approvedBy: state === "disetujui" ? by.approvedBy : null,
      approvedAt: state === "disetujui" ? NOW.toISOString() : null,
    })
    .where(eq(skjDrafts.id, draft.id))
    .run();
  return draft.id;
}

function approvedDraft(
  db: Db,
  code: string,
  p: People,
  overrides: Partial<{ submittedBy: number; lastEditedBy: number; approvedBy: number }> = {},
) {
  return draftIn(db, code, "disetujui", { submittedBy: p.analis.id, lastEditedBy: p.analis.id, approvedBy: p.reviewer.id, ...overrides });
}

function newPenetapan(db: Db, p: People, number = "12") {
  const created = createPenetapan(
    db,
    {
      kind: "Peraturan Gubernur",
      number,
      year: 2026,
      title: "Standar Kompetensi Jabatan di Lingkungan Pemerintah Provinsi",
      signedDate: "2026-03-01",
      effectiveDate: "2026-04-01",
      signerTitle: "Gubernur",
      signerName: "Gubernur Demo",
    },
    p.admin.id,
  );
  if (!created.ok) throw new Error(created.message);
  return created.id;
}

function penetapanOf(db: Db, p: People, draftIds: number[], number?: string) {
  const id = newPenetapan(db, p, number);
  for (const draftId of draftIds) {
    const added = addToPenetapan(db, id, draftId, p.admin.id);
    if (!added.ok) throw new Error(added.message);
  }
  return id;
}

const sha256 = (text: string) => `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;

function versionRows(db: Db) {
  return db.select().from(skjVersions).orderBy(asc(skjVersions.id)).all();
}

/** What a publish writes, counted, so "nothing written" is one comparison. */
function footprint(db: Db) {
  const n = (table: string) => db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))!.n;
  return {
    versions: n("skj_versions"),
    events: n("events"),
    ends: n("skj_version_ends"),
    versionPins: db.get<{ n: number }>(sql`select count(*) as n from skj_competency_uses where version_id is not null`)!.n,
    decisions: db.get<{ n: number }>(sql`select count(*) as n from skj_decisions where action = 'ditetapkan'`)!.n,
    closedDrafts: db.get<{ n: number }>(sql`select count(*) as n from skj_drafts where closed_at is not null`)!.n,
    publishAudits: db.get<{ n: number }>(sql`select count(*) as n from audit_log where action = 'skj.publish'`)!.n,
    publishedActs: db.get<{ n: number }>(sql`select count(*) as n from penetapan where status = 'ditetapkan'`)!.n,
    acts: n("penetapan"),
  };
}

describe("publishing a penetapan", () => {
  it("publishes three SKJ as version 1 with three feed events, canonical snapshots whose hash verifies, and closed drafts", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const drafts = [A, B, C].map((code) => approvedDraft(db, code, p));
    const id = penetapanOf(db, p, drafts);
    const result = publishPenetapan(db, id, p.reviewer2, NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.versions.map((v) => [v.positionCode, v.version])).toEqual([A, B, C].sort().map((code) => [code, 1]));

    const rows = versionRows(db);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      // the stored bytes are canonical JSON, and the hash covers everything but itself
      const parsed = JSON.parse(row.snapshot) as SkjPublishedDocument;
      expect(canonicalJson(parsed)).toBe(row.snapshot);
      const { contentHash, ...rest } = parsed;
      expect(contentHash).toBe(sha256(canonicalJson(rest)));
      expect(row.contentHash).toBe(contentHash);
      expect(SkjPublishedDocumentSchema.safeParse(parsed).success).toBe(true);
      expect(parsed.version).toBe(1);
      expect(parsed.publishedAt).toBe(NOW.toISOString());
      expect(row.penetapanId).toBe(id);
    }

    const feed = db.select().from(events).orderBy(asc(events.id)).all();
    expect(feed.map((e) => [e.type, e.positionCode, e.version])).toEqual([A, B, C].sort().map((code) => ["skj.published", code, 1]));
    for (let i = 1; i < feed.length; i++) expect(feed[i]!.id).toBeGreaterThan(feed[i - 1]!.id);
    expect(feed.every((e) => e.occurredAt === NOW.toISOString())).toBe(true);

    const closed = db
      .select()
      .from(skjDrafts)
      .all()
      .filter((d) => drafts.includes(d.id));
    expect(closed.every((d) => d.closedAt === NOW.toISOString() && d.closedReason === "ditetapkan")).toBe(true);
    for (const code of [A, B, C]) expect(findOpenDraft(db, findPositionByCode(db, code)!.id)).toBeUndefined();

    const act = db.select().from(penetapan).where(eq(penetapan.id, id)).get()!;
    expect(act).toMatchObject({ status: "ditetapkan", publishedBy: p.reviewer2.id, publishedAt: NOW.toISOString() });
    expect(db.select().from(skjDecisions).where(eq(skjDecisions.action, "ditetapkan")).all()).toHaveLength(3);
    const audits = db.select().from(auditLog).where(eq(auditLog.action, "skj.publish")).all();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: "penetapan", entityId: String(id), actorId: p.reviewer2.id });
    // the pins moved onto the versions, one per competency
    const versionPins = db.select().from(skjCompetencyUses).where(sql`${skjCompetencyUses.versionId} is not null`).all();
    const competencyCount = rows.reduce((n, r) => n + (JSON.parse(r.snapshot) as SkjPublishedDocument).competencies.length, 0);
    expect(versionPins).toHaveLength(competencyCount);
  });

  it("writes the unit, the people by name, the legal basis and the pinned dictionary texts into the snapshot", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const id = penetapanOf(db, p, [approvedDraft(db, C, p)]);
    const result = publishPenetapan(db, id, p.reviewer2, NOW);
    if (!result.ok) throw new Error(result.message);
    const row = versionRows(db)[0]!;
    const doc = JSON.parse(row.snapshot) as SkjPublishedDocument;
    expect(doc.status).toBe("ditetapkan");
    expect(doc.effectiveDate).toBe("2026-04-01");
    expect(doc.legalBasis).toEqual({
      kind: "Peraturan Gubernur",
      number: "12",
      year: 2026,
      title: "Standar Kompetensi Jabatan di Lingkungan Pemerintah Provinsi",
    });
    expect(doc.approvedBy).toEqual({ name: "Reviewer Demo" });
    expect(doc.publishedBy).toEqual({ name: "Reviewer Kedua Demo" });
    expect(row.snapshot).not.toContain("@demo.go.id");
    expect(doc.unit.code).toBe("SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB");
    expect(doc.unit.path.map((u) => u.code)).toEqual([
      "SETDA",
      "SETDA.BIRO-ORG",
      "SETDA.BIRO-ORG.BAG-KELEMBAGAAN",
      "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB",
    ]);
    expect(doc.unit.path.at(-1)!.name).toBe(doc.unit.name);

    const anjab = doc.competencies.find((c) => c.code === "T.ANJAB")!;
    const entry = findCompetencyByCode(db, "T.ANJAB")!;
    const revision = db.get<{ id: number; number: number; definition: string }>(
      sql`select id, number, definition_text as definition from competency_revisions where competency_id = ${entry.id} and status = 'diterbitkan' order by number desc limit 1`,
    )!;
    const level3 = levelsOfRevision(db, revision.id).find((l) => l.level === 3)!;
    expect(anjab).toEqual({
      code: "T.ANJAB",
      level: 3,
      type: "teknis",
      name: entry.name,
      definition: revision.definition,
      levelDescription: level3.description,
      indicators: level3.indicators,
      dictionaryRevision: revision.number,
    });
    expect(anjab.indicators.length).toBeGreaterThan(0);
    expect(doc.competencies.find((c) => c.code === "M.01")).toMatchObject({ type: "manajerial", name: "Integritas" });
  });

  it("publishes a later penetapan of the same position as version 2 and ends version 1 as diganti", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const first = publishPenetapan(db, penetapanOf(db, p, [approvedDraft(db, A, p)]), p.reviewer2, NOW);
    if (!first.ok) throw new Error(first.message);
    // the new revision starts as a copy of version 1 (newDraftDocument), then goes through review again
    const second = publishPenetapan(db, penetapanOf(db, p, [approvedDraft(db, A, p)], "13"), p.reviewer2, new Date(NOW.getTime() + 60_000));
    if (!second.ok) throw new Error(second.message);
    expect(second.versions).toEqual([expect.objectContaining({ positionCode: A, version: 2 })]);

    const [v1, v2] = versionRows(db);
    expect(v2!.versionNumber).toBe(2);
    const ends = db.select().from(skjVersionEnds).all();
    expect(ends).toEqual([
      expect.objectContaining({ versionId: v1!.id, kind: "diganti", replacedByVersionId: v2!.id, actorId: p.reviewer2.id }),
    ]);
    expect((JSON.parse(v2!.snapshot) as SkjPublishedDocument).legalBasis.number).toBe("13");
    expect(
      db
        .select()
        .from(events)
        .all()
        .map((e) => e.version),
    ).toEqual([1, 2]);
  });

  it("refuses the whole act under four-eyes when the publisher submitted or last edited any item, writing nothing", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const clean = [approvedDraft(db, A, p), approvedDraft(db, B, p)];
    const editedByPublisher = approvedDraft(db, C, p, { lastEditedBy: p.reviewer2.id });
    const id = penetapanOf(db, p, [...clean, editedByPublisher]);
    const before = footprint(db);

    const refused = publishPenetapan(db, id, p.reviewer2, NOW);
    expect(refused).toEqual({ ok: false, status: 403, message: expect.stringMatching(/empat mata/) });
    expect(refused.ok ? "" : refused.message).toContain(C);
    expect(footprint(db)).toEqual(before);

    // the same for the submitter, on another act
    const submitted = [approvedDraft(db, "DISKOMINFO.BID-APTIKA.KABID", p, { submittedBy: p.admin.id })];
    const other = penetapanOf(db, p, submitted, "14");
    const atOther = footprint(db);
    expect(publishPenetapan(db, other, p.admin, NOW)).toMatchObject({ ok: false, status: 403 });
    expect(footprint(db)).toEqual(atOther);

    // someone outside both acts may publish them
    expect(publishPenetapan(db, id, p.admin, NOW)).toMatchObject({ ok: true });
    expect(publishPenetapan(db, other, p.reviewer, NOW)).toMatchObject({ ok: true });
  });

  it("refuses an analyst, an empty act, and an act already published", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const id = penetapanOf(db, p, [approvedDraft(db, A, p)]);
    expect(publishPenetapan(db, id, p.analis, NOW)).toMatchObject({ ok: false, status: 403 });
    expect(publishPenetapan(db, newPenetapan(db, p, "99"), p.reviewer2, NOW)).toMatchObject({
      ok: false,
      status: 409,
      message: "Penetapan belum memuat SKJ.",
    });
    expect(publishPenetapan(db, 9_999, p.reviewer2, NOW)).toEqual({ ok: false, status: 404, message: "Penetapan tidak ditemukan." });
    expect(publishPenetapan(db, id, p.reviewer2, NOW)).toMatchObject({ ok: true });
    expect(publishPenetapan(db, id, p.reviewer2, NOW)).toEqual({ ok: false, status: 409, message: "Penetapan ini sudah ditetapkan." });
    expect(versionRows(db)).toHaveLength(1);
  });

  it("a failure injected in the middle of a penetapan publish leaves nothing published and no event", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const drafts = [A, B, C].map((code) => approvedDraft(db, code, p));
    const id = penetapanOf(db, p, drafts);
    const before = footprint(db);
    db.$client.exec(`CREATE TEMP TRIGGER fail_second_version BEFORE INSERT ON main.skj_versions
      WHEN (SELECT count(*) FROM main.skj_versions) >= 1
      BEGIN SELECT RAISE(ABORT, 'uji: gagal di tengah penetapan'); END`);
    try {
      expect(() => publishPenetapan(db, id, p.reviewer2, NOW)).toThrow(/gagal di tengah penetapan/);
    } finally {
      db.$client.exec("DROP TRIGGER fail_second_version");
    }
    expect(footprint(db)).toEqual(before);
    expect(before.versions + before.events).toBe(0);
    expect(db.select().from(penetapan).where(eq(penetapan.id, id)).get()!.status).toBe("draf");
    for (const draftId of drafts) expect(db.select().from(skjDrafts).where(eq(skjDrafts.id, draftId)).get()!.closedAt).toBeNull();
    // the rollback left the act publishable: the trigger was what stopped it
    expect(publishPenetapan(db, id, p.reviewer2, NOW)).toMatchObject({ ok: true });
    expect(versionRows(db)).toHaveLength(3);
  });

  it("refuses UPDATE and DELETE of a published version in SQL", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    publishPenetapan(db, penetapanOf(db, p, [approvedDraft(db, A, p)]), p.reviewer2, NOW);
    const [row] = versionRows(db);
    expect(() => db.$client.prepare("UPDATE skj_versions SET snapshot = '{}' WHERE id = ?").run(row!.id)).toThrow(/immutable/);
    expect(() => db.$client.prepare("UPDATE skj_versions SET content_hash = 'x'").run()).toThrow(/immutable/);
    expect(() => db.$client.prepare("DELETE FROM skj_versions WHERE id = ?").run(row!.id)).toThrow(/immutable/);
    expect(versionRows(db)[0]).toEqual(row);
  });

  it("keeps the snapshot's competency texts as published after a new dictionary revision is published", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    publishPenetapan(db, penetapanOf(db, p, [approvedDraft(db, A, p)]), p.reviewer2, NOW);
    const [before] = versionRows(db);
    const published = (JSON.parse(before!.snapshot) as SkjPublishedDocument).competencies.find((c) => c.code === "T.ANJAB")!;
    // approved against the current dictionary, published only after the dictionary moves on
    const waiting = penetapanOf(db, p, [approvedDraft(db, B, p)], "13");

    const entry = findCompetencyByCode(db, "T.ANJAB")!;
    addRevision(db, entry.id, {
      definition: definitionFromPlainText("Definisi baru yang ditulis sesudah penetapan."),
      textStatus: "lokal",
      levels: [1, 2, 3, 4, 5].map((level) => ({
        level,
        description: `Deskripsi baru level ${level}`,
        indicators: [`Indikator baru ${level}`],
      })),
      publish: true,
      actorId: p.reviewer.id,
    });
    const latest = db.get<{ number: number; definition: string }>(
      sql`select number, definition_text as definition from competency_revisions where competency_id = ${entry.id} order by number desc limit 1`,
    )!;
    expect(latest.definition).toBe("Definisi baru yang ditulis sesudah penetapan.");
    expect(latest.number).toBeGreaterThan(published.dictionaryRevision);

    const [after] = versionRows(db);
    expect(after!.snapshot).toBe(before!.snapshot);
    const still = (JSON.parse(after!.snapshot) as SkjPublishedDocument).competencies.find((c) => c.code === "T.ANJAB")!;
    expect(still.definition).not.toBe(latest.definition);
    expect(still.levelDescription).not.toBe("Deskripsi baru level 3");
    // and the version stays pinned to the revision it was published with
    const pinned = db.get<{ number: number }>(
      sql`select r.number from skj_competency_uses u join competency_revisions r on r.id = u.competency_revision_id where u.version_id = ${after!.id} and r.competency_id = ${entry.id}`,
    )!;
    expect(pinned.number).toBe(published.dictionaryRevision);

    // what the reviewer approved is what gets published: the draft's pin, not the newer revision
    expect(publishPenetapan(db, waiting, p.reviewer2, NOW)).toMatchObject({ ok: true });
    const later = (JSON.parse(versionRows(db)[1]!.snapshot) as SkjPublishedDocument).competencies.find((c) => c.code === "T.ANJAB")!;
    expect(later).toEqual(published);
  });
});

describe("withdrawing a version", () => {
  it("writes dicabut with the reason and a skj.withdrawn event, only for the live version", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    publishPenetapan(db, penetapanOf(db, p, [approvedDraft(db, A, p)]), p.reviewer2, NOW);
    const reason = "Jabatan dihapus dalam SOTK baru.";
    expect(withdrawVersion(db, A, 1, p.analis, reason)).toMatchObject({ ok: false, status: 403 });
    expect(withdrawVersion(db, A, 1, p.reviewer, "singkat")).toMatchObject({ ok: false, status: 422 });
    expect(withdrawVersion(db, A, 2, p.reviewer, reason)).toEqual({ ok: false, status: 404, message: `Versi 2 SKJ ${A} tidak ditemukan.` });
    expect(withdrawVersion(db, "TIDAK-ADA", 1, p.reviewer, reason)).toEqual({
      ok: false,
      status: 404,
      message: "Jabatan tidak ditemukan.",
    });
    expect(db.select().from(skjVersionEnds).all()).toEqual([]);

    const later = new Date(NOW.getTime() + 3_600_000);
    expect(withdrawVersion(db, A, 1, p.reviewer, `  ${reason} `, later)).toEqual({ ok: true, positionCode: A, version: 1 });
    const [version] = versionRows(db);
    expect(db.select().from(skjVersionEnds).all()).toEqual([
      expect.objectContaining({ versionId: version!.id, kind: "dicabut", reason, replacedByVersionId: null, actorId: p.reviewer.id }),
    ]);
    const feed = db.select().from(events).orderBy(asc(events.id)).all();
    expect(feed.map((e) => [e.type, e.positionCode, e.version])).toEqual([
      ["skj.published", A, 1],
      ["skj.withdrawn", A, 1],
    ]);
    expect(feed[1]!.occurredAt).toBe(later.toISOString());
    expect(db.select().from(auditLog).where(eq(auditLog.action, "skj.withdraw")).all()).toEqual([
      expect.objectContaining({ entityType: "skj_version", entityId: String(version!.id) }),
    ]);
    expect(db.select().from(skjDecisions).where(eq(skjDecisions.action, "dicabut")).all()).toEqual([
      expect.objectContaining({ draftId: version!.draftId, comment: reason }),
    ]);

    expect(withdrawVersion(db, A, 1, p.reviewer, reason)).toEqual({
      ok: false,
      status: 409,
      message: `Versi 1 SKJ ${A} sudah dicabut; hanya versi yang berlaku yang dapat dicabut.`,
    });
    expect(db.select().from(events).all()).toHaveLength(2);
  });

  it("refuses a superseded version, and a new publish after a withdrawal takes the next number", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    publishPenetapan(db, penetapanOf(db, p, [approvedDraft(db, A, p)]), p.reviewer2, NOW);
    publishPenetapan(db, penetapanOf(db, p, [approvedDraft(db, A, p)], "13"), p.reviewer2, NOW);
    expect(withdrawVersion(db, A, 1, p.reviewer, "Versi lama tidak berlaku lagi.")).toMatchObject({ ok: false, status: 409 });
    expect(withdrawVersion(db, A, 2, p.reviewer, "Ditarik untuk diperbaiki.")).toMatchObject({ ok: true });
    const third = publishPenetapan(db, penetapanOf(db, p, [approvedDraft(db, A, p)], "14"), p.reviewer2, NOW);
    expect(third).toMatchObject({ ok: true, versions: [expect.objectContaining({ version: 3 })] });
    // a withdrawn version is not superseded again: its end stays dicabut
    expect(
      db
        .select()
        .from(skjVersionEnds)
        .orderBy(asc(skjVersionEnds.versionId))
        .all()
        .map((e) => e.kind),
    ).toEqual(["diganti", "dicabut"]);
  });
});

describe("assembling a penetapan", () => {
  it("only takes approved drafts, each in one open penetapan at most", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const submitted = draftIn(db, A, "diajukan", { submittedBy: p.analis.id, lastEditedBy: p.analis.id, approvedBy: null });
    const approved = approvedDraft(db, B, p);
    const id = newPenetapan(db, p);
    expect(addToPenetapan(db, id, submitted, p.admin.id)).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringContaining("belum disetujui"),
    });
    expect(approvedDraftsNotInPenetapan(db).map((d) => d.draftId)).toEqual([approved]);
    expect(addToPenetapan(db, id, approved, p.admin.id)).toMatchObject({ ok: true });
    expect(addToPenetapan(db, id, approved, p.admin.id)).toMatchObject({ ok: false, status: 409 });
    const other = newPenetapan(db, p, "13");
    expect(addToPenetapan(db, other, approved, p.admin.id)).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringContaining("Nomor 12 Tahun 2026"),
    });
    expect(approvedDraftsNotInPenetapan(db)).toEqual([]);
    expect(addToPenetapan(db, id, 9_999, p.admin.id)).toMatchObject({ ok: false, status: 404 });

    const detail = penetapanDetail(db, id)!;
    expect(detail.items).toEqual([
      expect.objectContaining({
        draftId: approved,
        positionCode: B,
        draftState: "disetujui",
        approvedByName: "Reviewer Demo",
        versionNumber: null,
      }),
    ]);

    expect(removeFromPenetapan(db, id, approved, p.admin.id)).toMatchObject({ ok: true });
    expect(addToPenetapan(db, other, approved, p.admin.id)).toMatchObject({ ok: true });
    expect(penetapanDetail(db, id)!.items).toEqual([]);
  });

  it("validates the act in Indonesian and freezes it once published", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const bad = createPenetapan(db, { kind: "Surat Edaran", number: "", year: "tahun", title: "" }, p.admin.id);
    expect(bad).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { number: "Nomor wajib diisi.", title: "Judul (tentang) wajib diisi." },
    });
    expect(db.select().from(penetapan).all()).toEqual([]);

    const id = penetapanOf(db, p, [approvedDraft(db, A, p)]);
    expect(
      updatePenetapan(
        db,
        id,
        { kind: "Keputusan Gubernur", number: "188/12", year: 2026, title: "SKJ", effectiveDate: "2026-05-01" },
        p.admin.id,
      ),
    ).toMatchObject({ ok: true });
    publishPenetapan(db, id, p.reviewer2, NOW);
    expect(updatePenetapan(db, id, { kind: "Keputusan Gubernur", number: "188/13", year: 2026, title: "SKJ" }, p.admin.id)).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(removeFromPenetapan(db, id, penetapanDetail(db, id)!.items[0]!.draftId, p.admin.id)).toMatchObject({ ok: false, status: 409 });
    const detail = penetapanDetail(db, id)!;
    expect(detail).toMatchObject({
      status: "ditetapkan",
      kind: "Keputusan Gubernur",
      number: "188/12",
      effectiveDate: "2026-05-01",
      publishedByName: "Reviewer Kedua Demo",
    });
    expect(detail.items[0]).toMatchObject({ positionCode: A, versionNumber: 1 });
    expect((JSON.parse(versionRows(db)[0]!.snapshot) as SkjPublishedDocument).legalBasis).toEqual({
      kind: "Keputusan Gubernur",
      number: "188/12",
      year: 2026,
      title: "SKJ",
    });
  });
});

describe("single publish (the API's one-item penetapan)", () => {
  it("reads the legal basis from a citation and answers the stored bytes", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    approvedDraft(db, A, p);
    const result = publishSingle(
      db,
      A,
      { legalBasis: "Peraturan Gubernur Nomor 12 Tahun 2026", effectiveDate: "2026-04-01" },
      p.reviewer2,
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.versions).toEqual([expect.objectContaining({ positionCode: A, version: 1 })]);
    const [row] = versionRows(db);
    expect(result.snapshot).toBe(row!.snapshot);
    const doc = JSON.parse(result.snapshot) as SkjPublishedDocument;
    expect(doc.legalBasis).toEqual({
      kind: "Peraturan Gubernur",
      number: "12",
      year: 2026,
      title: `Standar Kompetensi Jabatan ${findPositionByCode(db, A)!.name}`,
    });
    expect(doc.effectiveDate).toBe("2026-04-01");
    const act = db.select().from(penetapan).where(eq(penetapan.id, result.penetapanId)).get()!;
    expect(act).toMatchObject({ status: "ditetapkan", kind: "Peraturan Gubernur", number: "12", year: 2026 });
    expect(db.select().from(events).all()).toHaveLength(1);
  });

  it("refuses without leaving a penetapan behind: unreadable citation, no approved draft, four-eyes, bad date", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    approvedDraft(db, A, p, { lastEditedBy: p.reviewer2.id });
    const before = footprint(db);
    expect(publishSingle(db, A, { legalBasis: "Pergub 12/2026", effectiveDate: null }, p.reviewer, NOW)).toMatchObject({
      ok: false,
      status: 422,
      message: expect.stringContaining("tidak dapat dibaca"),
    });
    expect(publishSingle(db, A, { legalBasis: null }, p.reviewer, NOW)).toMatchObject({ ok: false, status: 422 });
    expect(
      publishSingle(db, A, { legalBasis: "Peraturan Gubernur Nomor 12 Tahun 2026", effectiveDate: "2026-13-01" }, p.reviewer, NOW),
    ).toMatchObject({ ok: false, status: 422 });
    expect(publishSingle(db, B, { legalBasis: "Peraturan Gubernur Nomor 12 Tahun 2026" }, p.reviewer, NOW)).toEqual({
      ok: false,
      status: 409,
      message: `Jabatan ${B} belum memiliki SKJ yang disetujui untuk ditetapkan.`,
    });
    // a draft still under review is no approved one either
    draftIn(db, B, "diajukan", { submittedBy: p.analis.id, lastEditedBy: p.analis.id, approvedBy: null });
    expect(publishSingle(db, B, { legalBasis: "Peraturan Gubernur Nomor 12 Tahun 2026" }, p.reviewer, NOW)).toEqual({
      ok: false,
      status: 409,
      message: `Jabatan ${B} belum memiliki SKJ yang disetujui untuk ditetapkan.`,
    });
    expect(publishSingle(db, "TIDAK-ADA", { legalBasis: "Peraturan Gubernur Nomor 12 Tahun 2026" }, p.reviewer, NOW)).toEqual({
      ok: false,
      status: 404,
      message: "Jabatan tidak ditemukan.",
    });
    expect(publishSingle(db, A, { legalBasis: "Peraturan Gubernur Nomor 12 Tahun 2026" }, p.reviewer2, NOW)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(footprint(db)).toEqual(before);
    // the object form works too
    expect(
      publishSingle(
        db,
        A,
        { legalBasis: { kind: "Keputusan Gubernur", number: "188/5", year: 2026, title: "SKJ Kepala Bagian" } },
        p.reviewer,
        NOW,
      ),
    ).toMatchObject({ ok: true });
    expect(
      db
        .select()
        .from(penetapan)
        .where(and(eq(penetapan.status, "ditetapkan"), eq(penetapan.number, "188/5")))
        .all(),
    ).toEqual([expect.objectContaining({ title: "SKJ Kepala Bagian" })]);
  });
});

describe("Tetapkan on the penetapan page", () => {
  it("publishes only with the confirmation of exactly the SKJ the act holds", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const id = penetapanOf(db, p, [approvedDraft(db, A, p), approvedDraft(db, B, p)]);
    const cookie = await cookieFor("reviewer2@demo.go.id");
    const publish = (fields: Record<string, string>) =>
      run(penetapanAction, post(`/penetapan/${id}`, { intent: "publish", ...fields }, cookie), { id: String(id) });
    const before = footprint(db);

    const bare = await publish({});
    expect(bare).toMatchObject({ status: 422, body: { error: CONFIRMATION_MISSING } });
    expect(await publish({ [CONFIRMATION_FIELD]: " " })).toMatchObject({ status: 422 });
    // confirmed before C was added: the dialog did not list it
    expect(addToPenetapan(db, id, approvedDraft(db, C, p), p.admin.id)).toMatchObject({ ok: true });
    const stale = await publish({ [CONFIRMATION_FIELD]: confirmationValue([A, B]) });
    expect(stale).toMatchObject({ status: 409, body: { error: expect.stringContaining(`ditambahkan ${C}`) } });
    expect(footprint(db)).toEqual(before);
    expect(penetapanDetail(db, id)!.status).toBe("draf");

    const confirmed = await publish({ [CONFIRMATION_FIELD]: confirmationValue([C, B, A]) });
    expect(confirmed.status).toBe(302);
    expect(penetapanDetail(db, id)!.items.map((i) => i.versionNumber)).toEqual([1, 1, 1]);
  });
});

describe("refusals of a publish name the SKJ that blocks it", () => {
  const HINT = 'Tuliskan dasar hukum seperti "Peraturan Gubernur Nomor 12 Tahun 2026" atau sebagai objek {kind, number, year, title}.';
  const setDraft = (db: Db, draftId: number, sqlText: string, ...values: unknown[]) =>
    db.$client.prepare(`update skj_drafts set ${sqlText} where id = ?`).run(...values, draftId);

  it("refuses an act holding a closed draft, a draft without its approver, or a document of another position or unit, writing nothing", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    // each spoiled draft sits in an act with a sound one; the refusal names it and the act publishes nothing
    const refusal = (number: string, spoil: (draftId: number) => void) => {
      const draftId = approvedDraft(db, A, p);
      const id = penetapanOf(db, p, [approvedDraft(db, B, p), draftId], number);
      spoil(draftId);
      const before = footprint(db);
      const result = publishPenetapan(db, id, p.reviewer2, NOW);
      expect(footprint(db)).toEqual(before);
      db.$client.prepare("delete from penetapan_items where penetapan_id = ?").run(id);
      db.$client.prepare("update skj_drafts set closed_at = ? where closed_at is null").run(NOW.toISOString());
      return result;
    };

    expect(refusal("21", (id) => setDraft(db, id, "closed_at = ?", NOW.toISOString()))).toEqual({
      ok: false,
      status: 409,
      message: `SKJ ${A}: draf ini sudah ditutup.`,
    });
    expect(refusal("22", (id) => setDraft(db, id, "approved_by = null"))).toEqual({
      ok: false,
      status: 409,
      message: `SKJ ${A}: belum tercatat siapa yang menyetujuinya.`,
    });
    expect(refusal("23", (id) => setDraft(db, id, "document = json_set(document, '$.position.code', ?)", C))).toEqual({
      ok: false,
      status: 409,
      message: `SKJ ${A}: kode jabatan pada dokumen (${C}) berbeda dengan register.`,
    });
    expect(refusal("24", (id) => setDraft(db, id, "document = json_remove(document, '$.position')"))).toEqual({
      ok: false,
      status: 409,
      message: `SKJ ${A}: kode jabatan pada dokumen (undefined) berbeda dengan register.`,
    });
    expect(refusal("25", (id) => setDraft(db, id, "document = json_set(document, '$.position.unitCode', 'UNIT.TIDAK-ADA')"))).toEqual({
      ok: false,
      status: 409,
      message: `SKJ ${A}: unit kerja UNIT.TIDAK-ADA tidak ada di register.`,
    });
  });

  it("refuses an act whose legal basis is incomplete, and a publisher who is no user", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const id = penetapanOf(db, p, [approvedDraft(db, A, p)]);
    db.$client.prepare("update penetapan set title = ' ' where id = ?").run(id);
    expect(publishPenetapan(db, id, p.reviewer2, NOW)).toEqual({
      ok: false,
      status: 409,
      message: "Data penetapan belum lengkap: Judul (tentang) wajib diisi.",
    });
    db.$client.prepare("update penetapan set title = 'SKJ' where id = ?").run(id);
    expect(publishPenetapan(db, id, { id: 9_999, role: "reviewer" }, NOW)).toEqual({
      ok: false,
      status: 403,
      message: "Pengguna tidak dikenal.",
    });
    expect(versionRows(db)).toEqual([]);
  });

  it("cites the act in the audit row and the decision, and says when it was the API's single publish", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const id = penetapanOf(db, p, [approvedDraft(db, A, p), approvedDraft(db, B, p)]);
    expect(publishPenetapan(db, id, { ...p.reviewer2, tokenId: undefined }, NOW)).toMatchObject({ ok: true });
    const label = "Peraturan Gubernur Nomor 12 Tahun 2026 tentang Standar Kompetensi Jabatan di Lingkungan Pemerintah Provinsi";
    const audits = () => db.select().from(auditLog).where(eq(auditLog.action, "skj.publish")).orderBy(asc(auditLog.id)).all();
    expect(audits()).toEqual([
      expect.objectContaining({
        actorId: p.reviewer2.id,
        entityType: "penetapan",
        entityId: String(id),
        summary: `${label} ditetapkan: 2 SKJ`,
        after: {
          versions: [
            { positionCode: B, version: 1 },
            { positionCode: A, version: 1 },
          ].sort((x, y) => x.positionCode.localeCompare(y.positionCode)),
        },
      }),
    ]);
    expect(
      db
        .select()
        .from(skjDecisions)
        .where(eq(skjDecisions.action, "ditetapkan"))
        .all()
        .map((d) => d.comment),
    ).toEqual([label, label]);

    approvedDraft(db, C, p);
    const single = publishSingle(
      db,
      C,
      { legalBasis: "Keputusan Gubernur Nomor 188/7 Tahun 2026 tentang SKJ Kepala Subbagian" },
      p.reviewer2,
      NOW,
    );
    expect(single).toMatchObject({ ok: true });
    expect(audits().at(-1)!.summary).toBe(
      "Keputusan Gubernur Nomor 188/7 Tahun 2026 tentang SKJ Kepala Subbagian ditetapkan: 1 SKJ (penetapan tunggal melalui API)",
    );

    expect(withdrawVersion(db, C, 1, p.reviewer, "  Jabatan digabung dalam SOTK baru.  ", NOW)).toMatchObject({ ok: true });
    const withdrawn = db.select().from(auditLog).where(eq(auditLog.action, "skj.withdraw")).get()!;
    expect(withdrawn.summary).toBe(`SKJ ${C} versi 1 dicabut: Jabatan digabung dalam SOTK baru.`);
  });

  it("reads the API's legal basis from a citation or its parts, and says what to write when it cannot", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    approvedDraft(db, A, p);
    const unreadable = `Pergub 12/2026 ${"x".repeat(300)}`;
    expect(publishSingle(db, A, { legalBasis: unreadable }, p.reviewer2, NOW)).toEqual({
      ok: false,
      status: 422,
      message: `Dasar hukum "${unreadable.slice(0, 200)}" tidak dapat dibaca. ${HINT}`,
    });
    for (const missing of [undefined, null, 12, ["Peraturan Gubernur Nomor 12 Tahun 2026"]]) {
      expect(publishSingle(db, A, { legalBasis: missing }, p.reviewer2, NOW)).toEqual({
        ok: false,
        status: 422,
        message: `Dasar hukum wajib diisi. ${HINT}`,
      });
    }
    // the parts of an object that are of the wrong kind count as not given
    expect(publishSingle(db, A, { legalBasis: { kind: 7, number: "12", year: 2026 } }, p.reviewer2, NOW)).toEqual({
      ok: false,
      status: 422,
      message: "Pilih jenis penetapan.",
    });
    expect(publishSingle(db, A, { legalBasis: { kind: "Peraturan Gubernur", number: true, year: 2026 } }, p.reviewer2, NOW)).toEqual({
      ok: false,
      status: 422,
      message: "Nomor wajib diisi.",
    });
    expect(publishSingle(db, A, { legalBasis: { kind: "Peraturan Gubernur", number: "12", year: [2026] } }, p.reviewer2, NOW)).toEqual({
      ok: false,
      status: 422,
      message: "Tahun wajib diisi.",
    });
    expect(versionRows(db)).toEqual([]);

    // a number and a year as text are read; a title that is no text gives way to the SKJ's own
    const result = publishSingle(
      db,
      A,
      { legalBasis: { kind: "Peraturan Gubernur", number: 12, year: "2026", title: 5 } },
      p.reviewer2,
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    const doc = JSON.parse(result.snapshot) as SkjPublishedDocument;
    expect(doc.legalBasis).toEqual({
      kind: "Peraturan Gubernur",
      number: "12",
      year: 2026,
      title: `Standar Kompetensi Jabatan ${findPositionByCode(db, A)!.name}`,
    });
  });

  it("sends the API's single publish to the open penetapan that already holds the draft", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    penetapanOf(db, p, [approvedDraft(db, A, p)], "30");
    const before = footprint(db);
    expect(publishSingle(db, A, { legalBasis: "Peraturan Gubernur Nomor 31 Tahun 2026" }, p.reviewer2, NOW)).toEqual({
      ok: false,
      status: 409,
      message: `SKJ ${A} sudah termasuk dalam Peraturan Gubernur Nomor 30 Tahun 2026 yang belum ditetapkan; tetapkan melalui penetapan itu.`,
    });
    expect(footprint(db)).toEqual(before);
  });
});
