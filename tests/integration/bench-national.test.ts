// The national bench data set (`npm run bench -- --national`) at a thousandth of its size: it must keep the
// proportions the ADR's figures rest on and stay a consistent database, so the generator cannot rot unnoticed
// between the rare full runs.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "~/domain/canonical-json";
import { SkjPublishedDocumentSchema } from "~/domain/skj-published";
import { formatImportError } from "~/domain/sotk-import";
import { newDraftDocument, validateDocument } from "~/services/skj.server";
import { importSotkFiles } from "~/services/sotk-import.server";
import { bulkSotkCsv, generateBulkCompetencies, generateBulkSotk, perangkatDaerahCode } from "../../scripts/bench/bulk-seed";
import { NATIONAL, scaledSize, seedBenchDataSet } from "../../scripts/bench/data-set";
import { bulkPositions } from "../../scripts/bench/positions";
import { useTestDatabase } from "../setup/test-db";

const count = (db: Awaited<ReturnType<typeof useTestDatabase>>, sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;

describe("national bench data set", () => {
  it("has the issue's sizes: 20,000 units, 200,000 positions, 20,000 published SKJ, 50,000 dictionary entries", () => {
    expect(NATIONAL).toMatchObject({ units: 20_000, positions: 200_000, published: 20_000, competencies: 50_000 });
  });

  it("scaled down, holds the same proportions in a consistent database with valid published SKJ spread over the register", async () => {
    const size = scaledSize(NATIONAL, 1 / 1000);
    expect(size).toMatchObject({ units: 20, positions: 200, published: 20, competencies: 50 });
    const db = await useTestDatabase("demo");
    const set = seedBenchDataSet(db, size);
    expect(set).toMatchObject({ units: 20, positions: 200, competencies: 50, versions: 20, events: 20 });

    expect(count(db, "select count(*) as n from org_units where code glob 'BULK-*'")).toBe(20);
    expect(count(db, "select count(*) as n from positions where code glob 'BULK-*'")).toBe(200);
    expect(count(db, "select count(*) as n from competencies where code glob 'BULK-T.*'")).toBe(50);
    const published = db.$client
      .prepare(
        `select p.id as positionId, v.snapshot, v.content_hash as hash,
                (select count(*) from positions x where x.code glob 'BULK-*' and x.id < p.id) as rank
         from skj_versions v join positions p on p.id = v.position_id where p.code glob 'BULK-*' order by p.id`,
      )
      .all() as { positionId: number; snapshot: string; hash: string; rank: number }[];
    expect(published).toHaveLength(20);
    // spread, not the first tenth: the register's first and last tenth both hold published SKJ
    expect(published[0]!.rank).toBeLessThan(20);
    expect(published.at(-1)!.rank).toBeGreaterThanOrEqual(180);

    for (const v of published) {
      const document = JSON.parse(v.snapshot) as { contentHash: string };
      expect(SkjPublishedDocumentSchema.safeParse(document).success).toBe(true);
      const { contentHash, ...rest } = document;
      expect(contentHash).toBe(v.hash);
      expect(v.hash).toBe(`sha256:${createHash("sha256").update(canonicalJson(rest), "utf8").digest("hex")}`);
    }
    expect(validateDocument(db, newDraftDocument(db, published[3]!.positionId).document)).toEqual([]);

    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");

    // the measures start from published positions only
    const picked = bulkPositions(db, 0, 5);
    expect(picked.map((p) => p.id)).toEqual(published.slice(0, 5).map((v) => v.positionId));
    expect(() => bulkPositions(db, 0, 21)).toThrow(/yang sudah punya SKJ/);

    // another instansi's SOTK imports beside it as new rows and leaves the bench's alone
    const csv = bulkSotkCsv({ units: 10, positions: 100, seed: 5, prefix: "INST1-" });
    const result = await importSotkFiles(
      db,
      [
        { name: "unit.csv", bytes: new TextEncoder().encode(csv.units) },
        { name: "jabatan.csv", bytes: new TextEncoder().encode(csv.positions) },
      ],
      null,
      {},
    );
    if (!result.ok) throw new Error(result.errors.map(formatImportError).join("\n"));
    expect(result.counts).toMatchObject({ units: { create: 10, update: 0 }, positions: { create: 100, update: 0 } });
    expect(count(db, "select count(*) as n from positions where code glob 'BULK-*'")).toBe(200);
  });

  it("names the measured perangkat daerah by a code the full-size generator makes", () => {
    const { units } = generateBulkSotk({ units: NATIONAL.units, positions: 0 });
    expect(units).toHaveLength(NATIONAL.units);
    const third = units.find((u) => u.code === perangkatDaerahCode(NATIONAL.units, 3));
    expect(third?.kind).toBe("perangkat_daerah");
    expect(perangkatDaerahCode(NATIONAL.units, 3)).toBe("BULK-PD0003");
  });

  // a few seconds on an idle machine; the limit leaves room for a loaded one
  it("generates the full 50,000-entry dictionary with unique codes and names", { timeout: 120_000 }, () => {
    const entries = generateBulkCompetencies({ count: NATIONAL.competencies });
    expect(entries).toHaveLength(50_000);
    expect(new Set(entries.map((e) => e.code)).size).toBe(50_000);
    expect(new Set(entries.map((e) => e.name)).size).toBe(50_000);
  });
});
