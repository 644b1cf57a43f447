import { definitionFromPlainText } from "~/domain/dictionary";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MARK_CLOSE, MARK_OPEN, highlightParts } from "~/domain/search-highlight";
import type { Db } from "~db/client.server";
import { addRevision, findCompetencyByCode, insertCompetency, type LevelInput } from "~db/queries/competencies.server";
import {
  rebuildCompetencySearch,
  refreshCompetencySearch,
  searchDictionary,
  similarCompetencyNames,
} from "~db/queries/dictionary-search.server";
import { useTestDatabase } from "../setup/test-db";

// The seed writes through addRevision, which does not refresh the index itself; rebuilding here keeps these
// tests about search and independent of how the seed is wired.
async function demoDb(): Promise<Db> {
  const db = await useTestDatabase("demo");
  rebuildCompetencySearch(db);
  return db;
}

const codes = (rows: { code: string }[]) => rows.map((r) => r.code);

function levels(indicatorOf: (level: number) => string[]): LevelInput[] {
  return [1, 2, 3, 4, 5].map((level) => ({
    level,
    description: `Deskripsi level ${level} untuk pengujian pencarian.`,
    indicators: indicatorOf(level),
  }));
}

function addEntry(
  db: Db,
  code: string,
  name: string,
  indicatorOf: (level: number) => string[],
  extra: { definition?: string; category?: string } = {},
) {
  const id = insertCompetency(db, { code, type: "teknis", name, category: extra.category ?? "Uji Pencarian", sourceKind: "lokal" });
  addRevision(db, id, {
    definition: definitionFromPlainText(extra.definition ?? "Kemampuan yang dipakai untuk menguji pencarian kamus."),
    textStatus: "lokal",
    levels: levels(indicatorOf),
    publish: true,
    actorId: null,
  });
  refreshCompetencySearch(db, id);
  return id;
}

describe("dictionary search", () => {
  it("finds an entry by a word that only occurs in one of its indicators, and marks the word", async () => {
    const db = await demoDb();
    const result = searchDictionary(db, { q: "wawancara" });
    expect(codes(result.rows)).toEqual(["T.ANJAB"]);
    expect(result.total).toBe(1);
    const [row] = result.rows;
    expect(row).toMatchObject({
      type: "teknis",
      name: "Analisis Jabatan",
      status: "diterbitkan",
      revision: 1,
      textStatus: "contoh",
      isFixed: false,
      matchedIn: "indicators",
    });
    expect(
      highlightParts(row!.snippet!)
        .filter((p) => p.match)
        .map((p) => p.text.toLowerCase()),
    ).toEqual(["wawancara"]);
    // a prefix is enough while typing
    expect(codes(searchDictionary(db, { q: "wawanc" }).rows)).toEqual(["T.ANJAB"]);
  });

  it("search ranks a name match above an indicator match", async () => {
    const db = await demoDb();
    addEntry(db, "UJI.NAMA", "Zonasi Wilayah Pesisir", () => [
      "Menyusun laporan kegiatan sesuai format.",
      "Menyiapkan bahan rapat koordinasi.",
      "Mencatat hasil pemantauan lapangan.",
    ]);
    // the word many times over in the indicators: on bm25 alone, even with column weights, this entry comes first
    addEntry(db, "UJI.INDIKATOR", "Pengelolaan Data Spasial", (level) => [
      `Memetakan zonasi kawasan pada level ${level}.`,
      "Memverifikasi zonasi dengan data lapangan.",
      "Menyajikan peta zonasi kepada pimpinan.",
    ]);
    const bm25Only = db.all<{ code: string }>(sql`
      select c.code from competency_search join competencies c on c.id = competency_search.rowid
      where competency_search match 'zonasi' order by bm25(competency_search, 10, 8, 3, 2, 1.5, 4)`);
    expect(codes(bm25Only)).toEqual(["UJI.INDIKATOR", "UJI.NAMA"]);

    const { rows } = searchDictionary(db, { q: "zonasi" });
    expect(codes(rows)).toEqual(["UJI.NAMA", "UJI.INDIKATOR"]);
    expect(rows.map((r) => r.matchedIn)).toEqual(["name", "indicators"]);
    expect(rows[0]!.snippet).toBe(`${MARK_OPEN}Zonasi${MARK_CLOSE} Wilayah Pesisir`);

    // the definition sits between the two; pages of one row cross the tiers without losing or repeating a row
    addEntry(db, "UJI.DEFINISI", "Pemetaan Kawasan", () => ["Menyusun peta.", "Mengolah data.", "Melaporkan hasil."], {
      definition: "Kemampuan menetapkan zonasi kawasan sesuai rencana tata ruang.",
    });
    const order = ["UJI.NAMA", "UJI.DEFINISI", "UJI.INDIKATOR"];
    expect(codes(searchDictionary(db, { q: "zonasi" }).rows)).toEqual(order);
    const pages = [1, 2, 3, 4].map((page) => searchDictionary(db, { q: "zonasi", pageSize: 1, page }));
    expect(pages.flatMap((p) => codes(p.rows))).toEqual(order);
    expect(pages.map((p) => p.total)).toEqual([3, 3, 3, 3]);
    expect(codes(searchDictionary(db, { q: "zonasi", pageSize: 2, page: 2 }).rows)).toEqual(["UJI.INDIKATOR"]);
    expect(codes(searchDictionary(db, { q: "zonasi", type: "teknis", category: "Uji Pencarian", pageSize: 2, page: 1 }).rows)).toEqual(
      order.slice(0, 2),
    );
  });

  it("ignores case and diacritics on both sides", async () => {
    const db = await demoDb();
    expect(codes(searchDictionary(db, { q: "WAWANCÁRA" }).rows)).toEqual(["T.ANJAB"]);
    addEntry(db, "UJI.KAFE", "Pengelolaan Kafé dan Kantin Daerah", () => [
      "Menata layanan kantin.",
      "Menyusun menu.",
      "Mengawasi kebersihan.",
    ]);
    expect(codes(searchDictionary(db, { q: "kafe" }).rows)).toEqual(["UJI.KAFE"]);
    expect(codes(searchDictionary(db, { q: "KAFÈ kantin" }).rows)).toEqual(["UJI.KAFE"]);
  });

  it("requires every word, and answers only-punctuation or FTS syntax with no rows instead of an error", async () => {
    const db = await demoDb();
    expect(codes(searchDictionary(db, { q: "wawancara observasi" }).rows)).toEqual(["T.ANJAB"]);
    expect(searchDictionary(db, { q: "wawancara kurikulum" }).total).toBe(0);
    expect(searchDictionary(db, { q: '"()*:' })).toEqual({ rows: [], total: 0 });
    expect(() => searchDictionary(db, { q: 'NEAR(" AND OR -wawancara' })).not.toThrow();
  });

  it("filters by type, category, source and latest-revision status, with and without a query", async () => {
    const db = await demoDb();
    const all = searchDictionary(db, { pageSize: 200 });
    expect(all.total).toBe(all.rows.length);
    // without q: by type, then code
    expect(codes(all.rows).slice(0, 9)).toEqual(["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"]);

    expect(codes(searchDictionary(db, { type: "manajerial" }).rows)).toEqual([
      "M.01",
      "M.02",
      "M.03",
      "M.04",
      "M.05",
      "M.06",
      "M.07",
      "M.08",
    ]);
    expect(codes(searchDictionary(db, { type: "sosial_kultural" }).rows)).toEqual(["SK.01"]);

    const kelembagaan = searchDictionary(db, { category: "Kelembagaan dan Tata Laksana" });
    expect(codes(kelembagaan.rows)).toContain("T.ANJAB");
    expect(kelembagaan.rows.every((r) => r.category === "Kelembagaan dan Tata Laksana")).toBe(true);
    expect(kelembagaan.total).toBeLessThan(all.total);
    expect(searchDictionary(db, { q: "wawancara", category: "Kesehatan" }).total).toBe(0);

    const regulasi = searchDictionary(db, { sourceKind: "regulasi" });
    expect(codes(regulasi.rows)).toEqual(["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"]);
    expect(regulasi.rows.every((r) => r.isFixed)).toBe(true);
    const lain = searchDictionary(db, { sourceKind: "daerah_lain" });
    expect(lain.total).toBeGreaterThan(0);
    expect(lain.rows.every((r) => r.sourceKind === "daerah_lain" && r.type === "teknis")).toBe(true);

    // a draft opened on a published entry makes the entry a draft for this filter
    expect(searchDictionary(db, { status: "draft" }).total).toBe(0);
    const anjab = findCompetencyByCode(db, "T.ANJAB")!;
    addRevision(db, anjab.id, {
      definition: definitionFromPlainText("Draf revisi analisis jabatan."),
      textStatus: "lokal",
      levels: levels(() => ["Indikator draf."]),
      publish: false,
      actorId: null,
    });
    refreshCompetencySearch(db, anjab.id);
    const drafts = searchDictionary(db, { status: "draft" });
    expect(codes(drafts.rows)).toEqual(["T.ANJAB"]);
    expect(drafts.rows[0]).toMatchObject({ revision: 2, status: "draft" });
    expect(codes(searchDictionary(db, { status: "diterbitkan" }).rows)).not.toContain("T.ANJAB");
    expect(codes(searchDictionary(db, { q: "analisis", status: "draft" }).rows)).toEqual(["T.ANJAB"]);
  });

  it("pages without overlap and reports the total", async () => {
    const db = await demoDb();
    const first = searchDictionary(db, { pageSize: 5, page: 1 });
    const second = searchDictionary(db, { pageSize: 5, page: 2 });
    expect(first.rows).toHaveLength(5);
    expect(second.total).toBe(first.total);
    expect(codes(first.rows).filter((c) => codes(second.rows).includes(c))).toEqual([]);
  });

  it("after a new revision, refresh replaces the old texts: the old word no longer matches", async () => {
    const db = await demoDb();
    const anjab = findCompetencyByCode(db, "T.ANJAB")!;
    addRevision(db, anjab.id, {
      definition: definitionFromPlainText("Kemampuan menyusun dokumen jabatan secara kolaboratif."),
      textStatus: "lokal",
      levels: levels(() => ["Menyusun uraian tugas melalui lokakarya partisipatif."]),
      publish: false,
      actorId: null,
    });
    // the revision's own name, as a renaming draft would carry
    db.run(sql`update competency_revisions set name = 'Analisis dan Evaluasi Jabatan' where competency_id = ${anjab.id} and number = 2`);
    // the index only changes on refresh, so this proves the refresh below is what replaces the texts
    expect(codes(searchDictionary(db, { q: "wawancara" }).rows)).toEqual(["T.ANJAB"]);

    refreshCompetencySearch(db, anjab.id);
    expect(searchDictionary(db, { q: "wawancara" }).total).toBe(0);
    const found = searchDictionary(db, { q: "lokakarya" });
    expect(codes(found.rows)).toEqual(["T.ANJAB"]);
    expect(found.rows[0]).toMatchObject({ revision: 2, status: "draft", name: "Analisis dan Evaluasi Jabatan", matchedIn: "indicators" });
    expect(codes(searchDictionary(db, { q: "evaluasi jabatan" }).rows)).toContain("T.ANJAB");
    // one row per entry, never one per revision
    expect(db.get<{ n: number }>(sql`select count(*) as n from competency_search where rowid = ${anjab.id}`)!.n).toBe(1);
  });
});

describe("similar-name warning", () => {
  it('finds "Analisis Jabatan" for "analisa jabatan", not for "Keuangan Daerah"', async () => {
    const db = await demoDb();
    const anjab = similarCompetencyNames(db, "analisa jabatan");
    expect(codes(anjab)[0]).toBe("T.ANJAB");
    expect(anjab[0]).toMatchObject({ name: "Analisis Jabatan" });
    expect(anjab[0]!.score).toBeGreaterThan(0.9);
    // a related but different competency is not a duplicate
    expect(codes(anjab)).not.toContain("T.ABK");

    expect(codes(similarCompetencyNames(db, "Keuangan Daerah"))).not.toContain("T.ANJAB");
    const keuangan = similarCompetencyNames(db, "pengelolaan keuangan daérah");
    expect(codes(keuangan)).toEqual(["T.KEUANGAN-DAERAH"]);
  });

  it("leaves out the entry being edited, and answers an empty or punctuation name with nothing", async () => {
    const db = await demoDb();
    expect(codes(similarCompetencyNames(db, "Analisis Jabatan"))).toContain("T.ANJAB");
    expect(codes(similarCompetencyNames(db, "Analisis Jabatan", "T.ANJAB"))).not.toContain("T.ANJAB");
    expect(similarCompetencyNames(db, "")).toEqual([]);
    expect(similarCompetencyNames(db, '"*()')).toEqual([]);
  });

  it("returns at most five, best first", async () => {
    const db = await demoDb();
    for (let i = 1; i <= 7; i++)
      addEntry(db, `UJI.ARSIP-${i}`, i === 1 ? "Pengelolaan Arsip Dinamis" : `Pengelolaan Arsip Dinamis ${i}`, () => ["Menata arsip."]);
    const similar = similarCompetencyNames(db, "pengelolaan arsip dinamis");
    expect(similar).toHaveLength(5);
    expect(similar[0]!.code).toBe("UJI.ARSIP-1");
    expect(similar.map((s) => s.score)).toEqual([...similar.map((s) => s.score)].sort((a, b) => b - a));
  });
});
