// "Feed replay equals current state" (issue 6): the reference consumer in tests/consumer follows the lean read
// API over real HTTP while a seeded random sequence publishes, supersedes and withdraws SKJ through the app's
// own write paths; whatever the sequence, its store must equal what the API says is published now, and a
// consumer replaying the feed from the start must arrive at the same store.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SkjDocument } from "~/domain/skj-document";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { addToPenetapan, createPenetapan } from "~db/queries/penetapan.server";
import { findPositionByCode } from "~db/queries/register.server";
import { createDraft, findOpenDraft } from "~db/queries/skj-drafts.server";
import { publishPenetapan, publishSingle, withdrawVersion, type SkjActor } from "~db/queries/skj-publish.server";
import { currentPublished } from "~db/queries/skj-read.server";
import { findUserByEmail } from "~db/queries/users.server";
import { SkjFeedConsumer, type ConsumedSkj, type FeedEvent } from "../consumer/skj-consumer";
import { skjReadApi } from "../../server/api/skj-read";
import { useTestDatabase } from "../setup/test-db";

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(skjReadApi);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Demo positions first: when the demo seed has published them, the sequence supersedes and withdraws versions
// it did not write itself; the others start without an SKJ either way.
const CANDIDATES = [
  "SETDA.BIRO-ORG.BAG-TATALAKSANA.KABAG",
  "SETDA.BIRO-ORG.KARO",
  "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG",
  "BKD.BID-PKA.KABID",
  "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB.KASUBBAG",
];
const SEED = 0x5e_ed_06;
const STEPS = 40;
const CHECKPOINTS = new Set([13, 26]);
const START = Date.parse("2026-03-02T03:04:05.678Z");

/** mulberry32: a few lines, and the same sequence on every machine for the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, int, shuffle, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}
type Rng = ReturnType<typeof prng>;

interface People {
  analis: SkjActor;
  reviewer: SkjActor;
  reviewer2: SkjActor;
  admin: SkjActor;
  viewerId: number;
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
    viewerId: findUserByEmail(db, "viewer@demo.go.id")!.id,
  };
}

function readerToken(db: Db, p: People): string {
  return createApiToken(db, { userId: p.viewerId, name: "konsumen referensi", scopes: ["skj:read"] }, null).token;
}

/** Levels T.ANJAB offers in its newest published revision, which a new draft pins. */
function anjabLevels(db: Db): number[] {
  return db
    .all<{ level: number }>(
      sql`select l.level from competency_levels l where l.revision_id = (
            select r.id from competency_revisions r join competencies c on c.id = r.competency_id
            where c.code = 'T.ANJAB' and r.status = 'diterbitkan' order by r.number desc limit 1)
          order by l.level`,
    )
    .map((r) => r.level);
}

/**
 * An approved open draft of `code`, as the review workflow leaves it (written and submitted by the analyst,
 * approved by the reviewer, so reviewer2 may publish it). Each one differs from the last in a T.ANJAB level
 * and an indicator, so consecutive versions differ in content, not only in their publication facts.
 */
function approvedDraft(db: Db, p: People, code: string, rng: Rng, levels: readonly number[], tag: string): number {
  const position = findPositionByCode(db, code)!;
  const fresh = newDraftDocument(db, position.id);
  const listed = fresh.document.competencies.some((c) => c.code === "T.ANJAB")
    ? fresh.document.competencies
    : [...fresh.document.competencies, { code: "T.ANJAB", level: 3 }];
  const document: SkjDocument = {
    ...fresh.document,
    competencies: listed.map((c) => (c.code === "T.ANJAB" ? { ...c, level: rng.pick(levels) } : c)),
    requirements: { ...fresh.document.requirements, performanceIndicators: [`Indikator kinerja uji ${tag}`] },
  };
  const draft = createDraft(db, { positionId: position.id, ...fresh, document, actorId: p.analis.id, via: "ui" });
  const at = new Date(START).toISOString();
  db.$client
    .prepare(
      "update skj_drafts set state = 'disetujui', submitted_by = ?, submitted_at = ?, last_edited_by = ?, approved_by = ?, approved_at = ? where id = ?",
    )
    .run(p.analis.id, at, p.analis.id, p.reviewer.id, at, draft.id);
  return draft.id;
}

async function get(pathname: string, token: string) {
  const res = await fetch(base + pathname, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as Record<string, unknown>) : undefined };
}

const asConsumed = (doc: Record<string, unknown>): ConsumedSkj => ({
  version: doc.version as number,
  contentHash: doc.contentHash as string,
  competencies: (doc.competencies as { code: string; level: number }[]).map(({ code, level }) => ({ code, level })),
});

/** Every live SKJ as GET /api/v1/skj lists it, walked page by page. */
async function listedState(token: string): Promise<Map<string, ConsumedSkj>> {
  const state = new Map<string, ConsumedSkj>();
  let cursor: string | null = "";
  while (cursor !== null) {
    const res = await fetch(`${base}/api/v1/skj?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: Record<string, unknown>[]; nextCursor: string | null };
    for (const item of page.items) {
      const code = (item.position as { code: string }).code;
      expect(state.has(code), `${code} listed twice`).toBe(false);
      state.set(code, asConsumed(item));
    }
    cursor = page.nextCursor;
  }
  return state;
}

// Maps compared as sorted plain objects, so a failure shows which position differs
const sorted = (state: ReadonlyMap<string, ConsumedSkj>) => Object.fromEntries([...state].sort(([a], [b]) => a.localeCompare(b)));

describe("the reference feed consumer", () => {
  it("feed replay equals current state: after a random sequence of publish, supersede and withdraw, the consumer and a fresh replay both equal the API", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const token = readerToken(db, p);
    const levels = anjabLevels(db);
    expect(levels.length).toBeGreaterThan(0);
    const positions = CANDIDATES.filter((code) => {
      const position = findPositionByCode(db, code);
      return position && !findOpenDraft(db, position.id);
    });
    expect(positions.length).toBeGreaterThanOrEqual(4);

    // what the sequence believes is live, kept from the write functions' own answers: a third opinion beside the API and the feed
    const model = new Map<string, number>();
    for (const code of positions) {
      const live = currentPublished(db, code);
      if (live) model.set(code, live.version);
    }

    const received: { event: FeedEvent; duplicate: boolean }[] = [];
    const consumer = new SkjFeedConsumer(base, token, { pageSize: 7, onEvent: (event, duplicate) => received.push({ event, duplicate }) });
    // the demo may already have a feed; the consumer starts from the beginning either way
    await consumer.sync();

    const rng = prng(SEED);
    const counts = { single: 0, penetapan: 0, superseded: 0, withdrawn: 0, syncs: 0, rewinds: 0 };
    let clock = START;
    let actNumber = 9000;
    const tick = () => new Date((clock += 60_000));

    const checkpoint = async (label: string) => {
      await consumer.sync();
      const fromList = await listedState(token);
      expect(sorted(consumer.current), `${label}: consumer vs GET /api/v1/skj`).toEqual(sorted(fromList));
      for (const code of positions) {
        const one = await get(`/api/v1/skj/${code}`, token);
        const expected = model.get(code);
        if (expected === undefined) {
          expect(one.status, `${label}: ${code} should have no current SKJ`).toBe(404);
          expect(consumer.current.has(code), `${label}: ${code} in the consumer`).toBe(false);
        } else {
          expect(one.status, `${label}: ${code}`).toBe(200);
          expect(one.body!.version).toBe(expected);
          expect(consumer.current.get(code), `${label}: ${code}`).toEqual(asConsumed(one.body!));
        }
      }
      const fresh = new SkjFeedConsumer(base, token, { pageSize: 5 });
      await fresh.sync();
      expect(sorted(fresh.current), `${label}: fresh replay`).toEqual(sorted(consumer.current));
      expect(fresh.cursor).toBe(consumer.cursor);
    };

    const publishOne = (code: string, step: number) => {
      approvedDraft(db, p, code, rng, levels, `${step}`);
      const result = publishSingle(
        db,
        code,
        { legalBasis: `Peraturan Gubernur Nomor ${++actNumber} Tahun 2026`, effectiveDate: "2026-04-01" },
        p.reviewer2,
        tick(),
      );
      if (!result.ok) throw new Error(`step ${step} ${code}: ${result.message}`);
      return result.versions;
    };

    const publishAct = (codes: string[], step: number) => {
      const drafts = codes.map((code) => approvedDraft(db, p, code, rng, levels, `${step}`));
      const created = createPenetapan(
        db,
        {
          kind: "Peraturan Gubernur",
          number: String(++actNumber),
          year: 2026,
          title: "Standar Kompetensi Jabatan (uji konsumen)",
          signedDate: "2026-03-01",
          effectiveDate: "2026-04-01",
          signerTitle: "Gubernur",
          signerName: "Gubernur Demo",
        },
        p.admin.id,
      );
      if (!created.ok) throw new Error(created.message);
      for (const draftId of drafts) {
        const added = addToPenetapan(db, created.id, draftId, p.admin.id);
        if (!added.ok) throw new Error(added.message);
      }
      const result = publishPenetapan(db, created.id, p.reviewer2, tick());
      if (!result.ok) throw new Error(`step ${step} ${codes.join(", ")}: ${result.message}`);
      return result.versions;
    };

    const published = (versions: { positionCode: string; version: number }[]) => {
      for (const v of versions) {
        if (model.has(v.positionCode)) counts.superseded++;
        model.set(v.positionCode, v.version);
      }
    };

    for (let step = 1; step <= STEPS; step++) {
      const roll = rng.next();
      const live = positions.filter((code) => model.has(code));
      if (roll < 0.4 || (roll >= 0.55 && roll < 0.75 && live.length === 0)) {
        published(publishOne(rng.pick(positions), step));
        counts.single++;
      } else if (roll < 0.55) {
        const size = 2 + rng.int(2);
        const codes = rng.shuffle(positions).slice(0, size);
        published(publishAct(codes, step));
        counts.penetapan++;
      } else if (roll < 0.75) {
        const code = rng.pick(live);
        const result = withdrawVersion(db, code, model.get(code)!, p.reviewer, `Dicabut pada langkah uji ${step}.`, tick());
        if (!result.ok) throw new Error(`step ${step} withdraw ${code}: ${result.message}`);
        model.delete(code);
        counts.withdrawn++;
      } else if (roll < 0.92) {
        await consumer.sync();
        counts.syncs++;
      } else {
        // a consumer restored from an older checkpoint reads events again; they must change nothing
        consumer.rewind(consumer.cursor - 1 - rng.int(5));
        await consumer.sync();
        counts.rewinds++;
      }
      if (CHECKPOINTS.has(step)) await checkpoint(`step ${step}`);
    }
    await checkpoint("end");

    // the seed must keep exercising every kind of change, or the equality above proves little
    expect(counts.single).toBeGreaterThan(0);
    expect(counts.penetapan).toBeGreaterThan(0);
    expect(counts.superseded).toBeGreaterThan(0);
    expect(counts.withdrawn).toBeGreaterThan(0);

    // an explicit re-read of the last few events, on top of whatever rewinds the sequence drew
    const before = sorted(consumer.current);
    const cursor = consumer.cursor;
    consumer.rewind(cursor - 6);
    expect(await consumer.sync()).toBe(0);
    expect(consumer.cursor).toBe(cursor);
    expect(sorted(consumer.current)).toEqual(before);

    const applied = received.filter((r) => !r.duplicate).map((r) => r.event.id);
    const twice = received.filter((r) => r.duplicate).map((r) => r.event.id);
    expect(twice.length).toBeGreaterThanOrEqual(6);
    // each event applied exactly once, in strictly increasing order with no gaps, and every one the feed holds
    for (let i = 1; i < applied.length; i++) expect(applied[i]).toBe(applied[i - 1]! + 1);
    const feedIds = db.all<{ id: number }>(sql`select id from events order by id`).map((r) => r.id);
    expect(applied).toEqual(feedIds);
    // a duplicate is only ever an event applied before it arrived again
    for (const id of twice) expect(applied.indexOf(id)).toBeGreaterThanOrEqual(0);
    expect(consumer.stats.duplicates).toBe(twice.length);

    // rebuilding from the start keeps the version cache: every document comes back as a 304, and the store is the same
    const { fetched, notModified } = consumer.stats;
    const publishedEvents = received.filter((r) => !r.duplicate && r.event.type === "skj.published").length;
    await consumer.rebuild();
    expect(sorted(consumer.current)).toEqual(before);
    expect(consumer.stats.fetched).toBe(fetched);
    expect(consumer.stats.notModified - notModified).toBe(publishedEvents);
  });

  it("matchScore is the share of the SKJ's competencies whose assessed level reaches the target, and lists the gaps", async () => {
    const db = await useTestDatabase("demo");
    const p = people(db);
    const token = readerToken(db, p);
    const code = CANDIDATES.find((c) => {
      const position = findPositionByCode(db, c);
      return position && !findOpenDraft(db, position.id);
    })!;
    approvedDraft(db, p, code, prng(1), anjabLevels(db), "match");
    const result = publishSingle(
      db,
      code,
      { legalBasis: "Peraturan Gubernur Nomor 8800 Tahun 2026", effectiveDate: null },
      p.reviewer2,
      new Date(START),
    );
    if (!result.ok) throw new Error(result.message);

    const consumer = new SkjFeedConsumer(base, token);
    await consumer.sync();
    const skj = consumer.current.get(code)!;
    expect(skj.version).toBe(result.versions[0]!.version);
    const n = skj.competencies.length;
    expect(n).toBeGreaterThanOrEqual(2);
    const targets = Object.fromEntries(skj.competencies.map((c) => [c.code, c.level]));

    expect(consumer.matchScore(code, targets)).toEqual({ score: 1, met: n, total: n, gaps: [] });
    // exceeding a target is as good as meeting it
    expect(consumer.matchScore(code, Object.fromEntries(skj.competencies.map((c) => [c.code, c.level + 1])))!.score).toBe(1);

    const [first, second] = skj.competencies as [ConsumedSkj["competencies"][number], ConsumedSkj["competencies"][number]];
    expect(consumer.matchScore(code, { ...targets, [first.code]: first.level - 1 })).toEqual({
      score: (n - 1) / n,
      met: n - 1,
      total: n,
      gaps: [{ code: first.code, target: first.level, assessed: first.level - 1 }],
    });
    // an unassessed competency counts as level 0
    const { [second.code]: _omitted, ...withoutSecond } = targets;
    expect(consumer.matchScore(code, withoutSecond)).toMatchObject({
      score: (n - 1) / n,
      gaps: [{ code: second.code, target: second.level, assessed: 0 }],
    });
    expect(consumer.matchScore(code, {})!.score).toBe(skj.competencies.filter((c) => c.level <= 0).length / n);

    expect(consumer.matchScore("TIDAK.ADA", targets)).toBeUndefined();
    const withdrawn = withdrawVersion(db, code, skj.version, p.reviewer, "Dicabut untuk uji skor kecocokan.");
    expect(withdrawn.ok).toBe(true);
    await consumer.sync();
    expect(consumer.matchScore(code, targets)).toBeUndefined();
  });
});
