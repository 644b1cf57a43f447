// A cheap smoke of `npm run bench`'s data set at a tiny size: it must hold what the bench's table claims
// (every synthetic position published, with documents that pass the rules and hashes that verify).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "~/domain/canonical-json";
import { parseRegisterQuery } from "~/domain/register-filter";
import { SkjPublishedDocumentSchema } from "~/domain/skj-published";
import { loadRegister } from "~/services/register.server";
import { newDraftDocument, validateDocument } from "~/services/skj.server";
import { treeMemory } from "../../scripts/bench/peak-memory";
import { BUNDLE_ITEMS, seedBenchDataSet } from "../../scripts/bench/data-set";
import { useTestDatabase } from "../setup/test-db";

const TINY = { label: "tiny", units: 20, positions: 450, competencies: 30, seed: 3 };

describe("bench data set", () => {
  it("publishes every synthetic position once, with sealed documents mixing the regulation's and technical entries", async () => {
    const db = await useTestDatabase("demo");
    const set = seedBenchDataSet(db, TINY);
    expect(set).toMatchObject({ units: 20, positions: 450, competencies: 30, versions: 450, events: 450 });

    const sqlite = db.$client;
    const versions = sqlite
      .prepare(
        "select p.id as positionId, v.id, v.snapshot, v.content_hash as hash from skj_versions v join positions p on p.id = v.position_id where p.code glob 'BULK-*'",
      )
      .all() as { positionId: number; id: number; snapshot: string; hash: string }[];
    expect(versions).toHaveLength(450);
    expect(new Set(versions.map((v) => v.positionId)).size).toBe(450);
    for (const v of versions.slice(0, 40)) {
      const { contentHash, ...rest } = JSON.parse(v.snapshot) as { contentHash: string; competencies: { code: string; level: number }[] };
      expect(contentHash).toBe(v.hash);
      expect(v.hash).toBe(`sha256:${createHash("sha256").update(canonicalJson(rest), "utf8").digest("hex")}`);
      expect(SkjPublishedDocumentSchema.safeParse(JSON.parse(v.snapshot)).success).toBe(true);
      const codes = rest.competencies.map((c) => c.code);
      expect(codes.filter((c) => /^M\.0[1-8]$/.test(c))).toHaveLength(8);
      expect(codes).toContain("SK.01");
      const technical = rest.competencies.filter((c) => c.code.startsWith("BULK-T."));
      expect(technical.length).toBeGreaterThanOrEqual(3);
      expect(technical.length).toBeLessThanOrEqual(5);
      expect(technical.every((c) => c.level >= 1 && c.level <= 5)).toBe(true);
      const uses = sqlite.prepare("select count(*) as n from skj_competency_uses where version_id = ?").get(v.id) as { n: number };
      expect(uses.n).toBe(codes.length);
    }
    const bulkUses = sqlite
      .prepare(
        "select count(*) as n from skj_competency_uses u join skj_versions v on v.id = u.version_id join positions p on p.id = v.position_id where p.code glob 'BULK-*'",
      )
      .get() as { n: number };
    expect(bulkUses.n).toBe(set.competencyUses);

    // the acts the bundle measures print; too small for the whole-province one
    expect(set.acts.bundle?.items).toBe(BUNDLE_ITEMS);
    expect(
      (
        sqlite.prepare("select count(*) as n from penetapan_items where penetapan_id = ?").get(set.acts.bundle!.penetapanId) as {
          n: number;
        }
      ).n,
    ).toBe(BUNDLE_ITEMS);
    expect(set.acts.province).toBeNull();
    expect(set.acts.largestUnit.items).toBeGreaterThan(0);

    // the register sees them as established, and the next draft of one passes every rule
    const established = loadRegister(db, parseRegisterQuery(new URLSearchParams({ status: "ditetapkan", q: "" })));
    expect(established.total).toBeGreaterThanOrEqual(450);
    const { document } = newDraftDocument(db, versions[0]!.positionId);
    expect(validateDocument(db, document)).toEqual([]);
  });

  it("reads the memory of a process tree", () => {
    const now = treeMemory(process.pid);
    expect(now.processes).toBeGreaterThanOrEqual(1);
    expect(now.pss).toBeGreaterThan(10 * 1024 * 1024);
  });
});
