import fs from "node:fs";
import { and, asc, count, eq, isNotNull, isNull, like, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { docToPlainText, type RichTextNode } from "~/domain/richtext";
import { POSITION_GROUPS } from "~/domain/sotk";
import { formatImportError } from "~/domain/sotk-import";
import { bulkSeed, bulkSeedCompetencies, writeBulkSotkCsv } from "../../scripts/bench/bulk-seed";
import type { Db } from "~db/client.server";
import { searchDictionary } from "~db/queries/dictionary-search.server";
import { importSotkFiles } from "~/services/sotk-import.server";
import { competencies, competencyIndicators, competencyLevels, competencyRevisions, orgUnits, positions } from "~db/schema";
import { tempPath, useTestDatabase } from "../setup/test-db";

const OPTIONS = { units: 50, positions: 500, seed: 7 };

const unitCount = (db: Db) => db.select({ n: count() }).from(orgUnits).get()!.n;
const positionCount = (db: Db) => db.select({ n: count() }).from(positions).get()!.n;
const snapshot = (db: Db) => ({
  units: db.select({ code: orgUnits.code, name: orgUnits.name }).from(orgUnits).orderBy(asc(orgUnits.code)).all(),
  positions: db
    .select({ code: positions.code, name: positions.name, group: positions.group, summary: positions.summaryText })
    .from(positions)
    .orderBy(asc(positions.code))
    .all(),
});

function csvFiles() {
  const { unitsFile, positionsFile } = writeBulkSotkCsv(tempPath("bulk-csv"), OPTIONS);
  return [unitsFile, positionsFile].map((f) => ({ name: f.split("/").at(-1)!, bytes: new Uint8Array(fs.readFileSync(f)) }));
}

async function importOk(db: Db) {
  const result = await importSotkFiles(db, csvFiles(), null, {});
  if (!result.ok) throw new Error(result.errors.map(formatImportError).join("\n"));
  return result.counts;
}

describe("bulkSeed", () => {
  it("creates the requested units and positions, covering every group with jenjang only on fungsional", async () => {
    const db = await useTestDatabase("empty");
    expect(bulkSeed(db, OPTIONS)).toEqual({ units: 50, positions: 500 });
    expect(unitCount(db)).toBe(50);
    expect(positionCount(db)).toBe(500);
    expect(db.select({ n: count() }).from(orgUnits).where(like(orgUnits.code, "BULK-%")).get()!.n).toBe(50);

    const groups = db
      .selectDistinct({ group: positions.group })
      .from(positions)
      .all()
      .map((r) => r.group);
    expect(groups.sort()).toEqual([...POSITION_GROUPS].sort());
    const fungsional = db.select().from(positions).where(eq(positions.group, "fungsional")).all();
    expect(fungsional.every((p) => p.functionalLevel !== null)).toBe(true);
    const levelOutsideFungsional = and(ne(positions.group, "fungsional"), isNotNull(positions.functionalLevel));
    expect(db.select({ n: count() }).from(positions).where(levelOutsideFungsional).get()!.n).toBe(0);
    expect(new Set(fungsional.map((p) => p.functionalLevel)).size).toBe(8);

    // a tree: perangkat daerah at the top, every other unit under an existing parent
    const tops = db.select().from(orgUnits).where(isNull(orgUnits.parentId)).all();
    expect(tops.length).toBeGreaterThan(1);
    expect(tops.every((u) => u.kind === "perangkat_daerah" && u.echelon === "II.a")).toBe(true);

    // the stored rich text says what the FTS column says
    const sample = db.select().from(positions).limit(20).all();
    for (const p of sample)
      expect(docToPlainText(p.summaryJson as RichTextNode).replace(/\n/g, " ")).toBe(p.summaryText.replace(/\n\n/g, " "));
    const hits = db.$client.prepare("select count(*) n from positions_fts where positions_fts match 'pelayanan*'").get() as { n: number };
    expect(hits.n).toBeGreaterThan(0);
  });

  it("is deterministic for a seed and different for another", async () => {
    const first = await useTestDatabase("empty");
    bulkSeed(first, OPTIONS);
    const a = snapshot(first);
    const second = await useTestDatabase("empty");
    bulkSeed(second, OPTIONS);
    expect(snapshot(second)).toEqual(a);
    const third = await useTestDatabase("empty");
    bulkSeed(third, { ...OPTIONS, seed: 8 });
    expect(snapshot(third)).not.toEqual(a);
  });

  it("refuses a second run and leaves the first data set as it was", async () => {
    const db = await useTestDatabase("empty");
    bulkSeed(db, OPTIONS);
    expect(() => bulkSeed(db, { units: 5, positions: 10, seed: 99 })).toThrow(/sudah ada/);
    expect(unitCount(db)).toBe(50);
    expect(positionCount(db)).toBe(500);
  });

  it("writes CSV files that import cleanly, and that match the seeded rows exactly", async () => {
    const fresh = await useTestDatabase("empty");
    expect(await importOk(fresh)).toEqual({
      units: { create: 50, update: 0, unchanged: 0 },
      positions: { create: 500, update: 0, unchanged: 0 },
    });
    const imported = snapshot(fresh);

    const seeded = await useTestDatabase("empty");
    bulkSeed(seeded, OPTIONS);
    expect(snapshot(seeded)).toEqual(imported);
    // same data through both paths: importing over the seeded rows changes nothing
    expect(await importOk(seeded)).toEqual({
      units: { create: 0, update: 0, unchanged: 50 },
      positions: { create: 0, update: 0, unchanged: 500 },
    });
  });

  it("bulkSeedCompetencies: published technical entries with five levels of three indicators, indexed for search", async () => {
    const db = await useTestDatabase("reference");
    const before = db.select({ n: count() }).from(competencies).get()!.n;
    expect(bulkSeedCompetencies(db, { count: 60, seed: 3 })).toEqual({ competencies: 60, levels: 300, indicators: 900 });
    const bulk = like(competencies.code, "BULK-T.%");
    expect(db.select({ n: count() }).from(competencies).where(bulk).get()!.n).toBe(60);
    expect(db.select({ n: count() }).from(competencies).get()!.n).toBe(before + 60);
    const perRevision = db
      .select({ status: competencyRevisions.status, levels: count(competencyLevels.id) })
      .from(competencyRevisions)
      .innerJoin(competencies, eq(competencies.id, competencyRevisions.competencyId))
      .innerJoin(competencyLevels, eq(competencyLevels.revisionId, competencyRevisions.id))
      .where(bulk)
      .groupBy(competencyRevisions.id)
      .all();
    expect(perRevision).toHaveLength(60);
    expect(perRevision.every((r) => r.status === "diterbitkan" && r.levels === 5)).toBe(true);
    const perLevel = db
      .select({ level: competencyLevels.level, indicators: count(competencyIndicators.id) })
      .from(competencyLevels)
      .innerJoin(competencyIndicators, eq(competencyIndicators.levelId, competencyLevels.id))
      .innerJoin(competencyRevisions, eq(competencyRevisions.id, competencyLevels.revisionId))
      .innerJoin(competencies, eq(competencies.id, competencyRevisions.competencyId))
      .where(bulk)
      .groupBy(competencyLevels.id)
      .all();
    expect(perLevel).toHaveLength(300);
    expect(new Set(perLevel.map((l) => l.level))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(perLevel.every((l) => l.indicators === 3)).toBe(true);
    expect(searchDictionary(db, { q: "pelayanan", type: "teknis" }).total).toBeGreaterThan(30);
    expect(() => bulkSeedCompetencies(db, { count: 5, seed: 4 })).toThrow(/sudah ada/);
  });
});
