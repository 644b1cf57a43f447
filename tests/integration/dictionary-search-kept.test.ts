// Search answers are kept per connection while the dictionary's search generation stands
// (db/queries/dictionary-search.server.ts, keptRankedMatches): every write must end them, whichever
// connection made it, and a rolled-back write must leave nothing behind.
import { definitionFromPlainText } from "~/domain/dictionary";
import { describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { addRevision, insertCompetency } from "~db/queries/competencies.server";
import {
  rankedPublishedIds,
  rebuildCompetencySearch,
  refreshCompetencySearch,
  searchDictionary,
} from "~db/queries/dictionary-search.server";
import { useTestDatabase } from "../setup/test-db";

function addEntry(db: Db, code: string, name: string) {
  const id = insertCompetency(db, { code, type: "teknis", name, category: "Uji Pencarian", sourceKind: "lokal" });
  addRevision(db, id, {
    definition: definitionFromPlainText("Kemampuan yang dipakai untuk menguji pencarian kamus."),
    textStatus: "lokal",
    levels: [1, 2, 3, 4, 5].map((level) => ({ level, description: `Deskripsi level ${level}.`, indicators: [`Indikator ${level}.`] })),
    publish: true,
    actorId: null,
  });
  refreshCompetencySearch(db, id);
  return id;
}

const codes = (db: Db, q: string) => searchDictionary(db, { q }).rows.map((r) => r.code);

async function demoDb() {
  const db = await useTestDatabase("demo");
  rebuildCompetencySearch(db);
  return db;
}

describe("kept dictionary search answers", () => {
  it("answers a repeated search without searching the index again", async () => {
    const db = await demoDb();
    addEntry(db, "T.UJI1", "Penyelarasan Zonasi Pesisir");
    expect(codes(db, "zonasi")).toEqual(["T.UJI1"]);
    const prepare = vi.spyOn(db.$client, "prepare");
    expect(codes(db, "zonasi")).toEqual(["T.UJI1"]);
    expect(rankedPublishedIds(db, "zonasi")).toHaveLength(1);
    expect(rankedPublishedIds(db, "zonasi")).toHaveLength(1);
    const searches = prepare.mock.calls.filter(([source]) => /\bmatch\b/i.test(source) && /count\(\*\)/.test(source));
    // the page search counted once before the spy; the published search counts once, its repeat not at all
    expect(searches).toHaveLength(1);
  });

  it("sees an entry added through this connection at once", async () => {
    const db = await demoDb();
    expect(codes(db, "zonasi")).toEqual([]);
    expect(rankedPublishedIds(db, "zonasi")).toEqual([]);
    const id = addEntry(db, "T.UJI2", "Penyelarasan Zonasi Pesisir");
    expect(codes(db, "zonasi")).toEqual(["T.UJI2"]);
    expect(rankedPublishedIds(db, "zonasi")).toEqual([id]);
  });

  it("sees an entry another connection (another web process) added", async () => {
    const db = await demoDb();
    expect(codes(db, "zonasi")).toEqual([]);
    const other = openDatabase(db.$client.name);
    try {
      addEntry(other, "T.UJI3", "Penyelarasan Zonasi Pesisir");
    } finally {
      other.$client.close();
    }
    expect(codes(db, "zonasi")).toEqual(["T.UJI3"]);
  });

  it("keeps nothing a rolled-back write showed inside its transaction", async () => {
    const db = await demoDb();
    expect(codes(db, "zonasi")).toEqual([]);
    expect(() =>
      db.transaction(() => {
        addEntry(db, "T.UJI4", "Penyelarasan Zonasi Pesisir");
        expect(codes(db, "zonasi")).toEqual(["T.UJI4"]);
        throw new Error("batal");
      }),
    ).toThrow("batal");
    // the next write brings the generation back to the number the rolled-back one had shown, and its entry
    // takes the id the rolled-back one had
    addEntry(db, "T.UJI5", "Penataan Ruang Laut");
    expect(searchDictionary(db, { q: "zonasi" })).toEqual({ rows: [], total: 0 });
  });

  it("gives each caller its own list of ids", async () => {
    const db = await demoDb();
    addEntry(db, "T.UJI6", "Penyelarasan Zonasi Pesisir");
    rankedPublishedIds(db, "zonasi").push(-1);
    expect(rankedPublishedIds(db, "zonasi")).not.toContain(-1);
  });
});
