import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { DICTIONARY_COLUMN_NAMES, formatImportError, splitIndicators, type DictionaryColumn } from "~/domain/dictionary-import";
import { loader as exportLoader } from "~/routes/kamus.ekspor";
import { dictionaryToJson, dictionaryToXlsx, readDictionaryFile } from "~/services/dictionary-files.server";
import type { Db } from "~db/client.server";
import { importDictionaryFiles } from "~/services/dictionary-import.server";
import { exportDictionary, type DictionaryImportOptions } from "~db/queries/dictionary-import.server";
import { auditLog } from "~db/schema";
import { BASE, cookieFor } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const FIXTURES = path.resolve("tests/fixtures/dictionary");
type File = { name: string; bytes: Uint8Array };
const fixture = (name: string): File => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))) });
const textFile = (name: string, text: string): File => ({ name, bytes: new TextEncoder().encode(text) });
const CODES = ["T.PENGADAAN", "K-DAERAH/BIRO-ORG/DATA/01"];

let db: Db;
beforeEach(async () => {
  db = await useTestDatabase("demo");
});

async function importOk(files: File[], options: DictionaryImportOptions = {}) {
  const result = await importDictionaryFiles(db, files, null, options);
  if (!result.ok) throw new Error(result.errors.map(formatImportError).join("\n"));
  return result.counts;
}

const importAudits = () => db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "dictionary.import")).get()!.n;
const sqlAll = (query: string, ...params: unknown[]) => db.$client.prepare(query).all(...params) as Record<string, unknown>[];
const revisionsOf = (code: string) =>
  sqlAll("select r.* from competency_revisions r join competencies c on c.id = r.competency_id where c.code = ? order by r.number", code);
/** Everything stored for one revision: its row, levels and indicators, as SQLite holds them. */
const revisionDump = (code: string, number: number) => {
  const [revision] = sqlAll(
    "select r.* from competency_revisions r join competencies c on c.id = r.competency_id where c.code = ? and r.number = ?",
    code,
    number,
  );
  return {
    revision,
    levels: sqlAll("select * from competency_levels where revision_id = ? order by level", revision!.id),
    indicators: sqlAll(
      "select i.* from competency_indicators i join competency_levels l on l.id = i.level_id where l.revision_id = ? order by i.id",
      revision!.id,
    ),
  };
};
const dictionaryDump = () => ({
  competencies: sqlAll("select * from competencies order by id"),
  revisions: sqlAll("select * from competency_revisions order by id"),
  levels: sqlAll("select * from competency_levels order by id"),
  indicators: sqlAll("select * from competency_indicators order by id"),
});

/** The valid CSV fixture as rows of cells, to derive variants from. */
type Row = Record<DictionaryColumn, string>;
function fixtureRows(): Row[] {
  const [header, ...rows] = parse(fs.readFileSync(path.join(FIXTURES, "kamus.csv"), "utf8")) as string[][];
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])) as Row);
}
function toCsv(rows: Row[]): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${[DICTIONARY_COLUMN_NAMES.join(","), ...rows.map((r) => DICTIONARY_COLUMN_NAMES.map((c) => cell(r[c])).join(","))].join("\n")}\n`;
}

describe("importDictionaryFiles", () => {
  it("imports the CSV fixture as two new technical entries with draft revision 1, and the XLSX and JSON fixtures agree", async () => {
    const auditsBefore = importAudits();
    expect(await importOk([fixture("kamus.csv")])).toEqual({ create: 2, update: 0, unchanged: 0 });

    const [entry] = sqlAll("select * from competencies where code = ?", "T.PENGADAAN");
    expect(entry).toMatchObject({
      type: "teknis",
      is_fixed: 0,
      name: "Pengadaan Barang/Jasa Pemerintah",
      source_kind: "instansi_pembina",
      source_reference: "LKPP, Kamus Kompetensi Teknis Pengadaan Barang/Jasa (data uji)",
    });
    const revisions = revisionsOf("T.PENGADAAN");
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      number: 1,
      status: "draft",
      text_status: "lokal",
      name: "Pengadaan Barang/Jasa Pemerintah",
      source_kind: "instansi_pembina",
      published_at: null,
    });
    const dump = revisionDump("T.PENGADAAN", 1);
    expect(dump.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    // "1.1 Menjelaskan …" in the cell: the numbering is the app's to add
    expect(dump.indicators[0]).toMatchObject({ ordinal: 1, text: "Menjelaskan prinsip dan etika pengadaan barang/jasa." });
    expect(dump.indicators).toHaveLength(10);
    expect(revisionsOf("K-DAERAH/BIRO-ORG/DATA/01")[0]).toMatchObject({
      source_kind: "lokal",
      source_reference: "Biro Organisasi Provinsi Nusantara Jaya (data uji)",
    });
    // the search index holds the new entries (refreshed inside the import's transaction)
    expect(sqlAll("select code from competency_search where code in (?, ?) order by code", ...CODES).map((r) => r.code)).toEqual(
      [...CODES].sort(),
    );

    const audits = db.select().from(auditLog).where(eq(auditLog.action, "dictionary.import")).all();
    expect(audits).toHaveLength(auditsBefore + 1);
    expect(audits.at(-1)!.summary).toContain("2 baru, 0 diubah, 0 tetap");
    expect(audits.at(-1)!.after).toEqual({ created: CODES, updated: [], published: false });

    expect(await importOk([fixture("kamus.xlsx")])).toEqual({ create: 0, update: 0, unchanged: 2 });
    expect(await importOk([fixture("kamus.json")])).toEqual({ create: 0, update: 0, unchanged: 2 });
  });

  it("stores nothing when one row is bad, and names its file, row and column", async () => {
    const before = dictionaryDump();
    const audits = importAudits();
    const result = await importDictionaryFiles(db, [fixture("kamus-bad.csv")], null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // the indicator cells span two lines each; the row is still the one a spreadsheet shows
    expect(result.errors.map(formatImportError)).toEqual(["kamus-bad.csv:4: deskripsi_level: Deskripsi level wajib diisi."]);
    // the other entry of the file was valid and is not stored either
    expect(dictionaryDump()).toEqual(before);
    expect(importAudits()).toBe(audits);
  });

  it("refuses a code without level 4, naming the level", async () => {
    const rows = fixtureRows().filter((r) => !(r.kode === "K-DAERAH/BIRO-ORG/DATA/01" && r.level === "4"));
    const result = await importDictionaryFiles(db, [textFile("tanpa-level-4.csv", toCsv(rows))], null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      file: "tanpa-level-4.csv",
      row: 7,
      column: "level",
      message: expect.stringContaining("Level 4"),
    });
    expect(sqlAll("select code from competencies where code in (?, ?)", ...CODES)).toEqual([]);
  });

  it("is idempotent: a second import changes nothing, writes no revision and no audit row", async () => {
    await importOk([fixture("kamus.csv")]);
    const before = dictionaryDump();
    const audits = importAudits();
    await new Promise((r) => setTimeout(r, 5)); // so that a rewrite would show in updated_at
    expect(await importOk([fixture("kamus.csv")])).toEqual({ create: 0, update: 0, unchanged: 2 });
    expect(await importOk([fixture("kamus.json")], { publish: false })).toEqual({ create: 0, update: 0, unchanged: 2 });
    expect(dictionaryDump()).toEqual(before);
    expect(importAudits()).toBe(audits);
  });

  it("publishes with --publish, and a changed indicator then opens revision 2 while revision 1 stays byte-identical", async () => {
    expect(await importOk([fixture("kamus.csv")], { publish: true })).toEqual({ create: 2, update: 0, unchanged: 0 });
    expect(revisionsOf("T.PENGADAAN")).toEqual([
      expect.objectContaining({ number: 1, status: "diterbitkan", published_at: expect.any(String) }),
    ]);
    expect(exportDictionary(db).map((e) => e.code)).toEqual(expect.arrayContaining(CODES));
    const frozen = revisionDump("T.PENGADAAN", 1);

    const changed = fixtureRows().map((r) =>
      r.kode === "T.PENGADAAN" && r.level === "2"
        ? { ...r, indikator: r.indikator.replace("berdasarkan data pasar", "berdasarkan survei harga") }
        : r,
    );
    // the check names the one changed text, old → new, before anything is written
    const check = await importDictionaryFiles(db, [textFile("kamus.csv", toCsv(changed))], null, { dryRun: true });
    const level2 = fixtureRows().find((r) => r.kode === "T.PENGADAAN" && r.level === "2")!;
    expect(check.ok && check.changes).toEqual([
      {
        action: "update",
        code: "T.PENGADAAN",
        name: level2.nama,
        fields: [
          {
            field: "Level 2 indikator",
            before: splitIndicators(level2.indikator).join("\n"),
            after: expect.stringContaining("berdasarkan survei harga"),
          },
        ],
      },
    ]);
    expect(await importOk([textFile("kamus.csv", toCsv(changed))])).toEqual({ create: 0, update: 1, unchanged: 1 });
    expect(revisionsOf("T.PENGADAAN").map((r) => [r.number, r.status])).toEqual([
      [1, "diterbitkan"],
      [2, "draft"],
    ]);
    expect(revisionDump("T.PENGADAAN", 1)).toEqual(frozen);
    expect(revisionDump("T.PENGADAAN", 2).indicators.map((i) => i.text)).toContain(
      "Menyusun harga perkiraan sendiri berdasarkan survei harga.",
    );
    // the published texts stay what the dictionary serves until the draft is published
    expect(exportDictionary(db).find((e) => e.code === "T.PENGADAAN")).toMatchObject({ revision: 1 });

    // a further change rewrites the open draft instead of piling up revisions
    const again = changed.map((r) =>
      r.kode === "T.PENGADAAN" && r.level === "5" ? { ...r, deskripsi_level: "Deskripsi baru level 5." } : r,
    );
    expect(await importOk([textFile("kamus.csv", toCsv(again))])).toEqual({ create: 0, update: 1, unchanged: 1 });
    expect(revisionsOf("T.PENGADAAN")).toHaveLength(2);
    expect(revisionDump("T.PENGADAAN", 2).levels[4]).toMatchObject({ description: "Deskripsi baru level 5." });
    expect(revisionDump("T.PENGADAAN", 1)).toEqual(frozen);

    // --publish on the same file publishes that draft; the entry row follows the published texts
    expect(await importOk([textFile("kamus.csv", toCsv(again))], { publish: true })).toEqual({ create: 0, update: 1, unchanged: 1 });
    expect(revisionsOf("T.PENGADAAN").map((r) => r.status)).toEqual(["diterbitkan", "diterbitkan"]);
    expect(exportDictionary(db).find((e) => e.code === "T.PENGADAAN")).toMatchObject({ revision: 2 });
    expect(await importOk([textFile("kamus.csv", toCsv(again))], { publish: true })).toEqual({ create: 0, update: 0, unchanged: 2 });
  });

  it("writes entry-level texts on the revision: a renamed draft leaves the published name alone", async () => {
    await importOk([fixture("kamus.csv")], { publish: true });
    const renamed = fixtureRows().map((r) =>
      r.kode === "T.PENGADAAN" ? { ...r, nama: "Pengadaan Barang dan Jasa", sumber: "daerah_lain: Kota Uji" } : r,
    );
    expect(await importOk([textFile("kamus.csv", toCsv(renamed))])).toEqual({ create: 0, update: 1, unchanged: 1 });
    expect(revisionsOf("T.PENGADAAN")[1]).toMatchObject({
      name: "Pengadaan Barang dan Jasa",
      source_kind: "daerah_lain",
      source_reference: "Kota Uji",
    });
    expect(sqlAll("select name, source_kind from competencies where code = 'T.PENGADAAN'")).toEqual([
      { name: "Pengadaan Barang/Jasa Pemerintah", source_kind: "instansi_pembina" },
    ]);
  });

  it("takes a submitted revision back to draft when the import changes it, keeping category and keywords", async () => {
    const anjab = fixtureRows()
      .filter((r) => r.kode === "T.PENGADAAN")
      .map((r) => ({ ...r, kode: "T.ANJAB" }));
    const before = revisionsOf("T.ANJAB");
    expect(before).toEqual([expect.objectContaining({ number: 1, status: "diterbitkan" })]);
    expect(await importOk([textFile("anjab.csv", toCsv(anjab))])).toEqual({ create: 0, update: 1, unchanged: 0 });
    const draft = revisionsOf("T.ANJAB")[1]!;
    expect(draft).toMatchObject({ number: 2, status: "draft", category: before[0]!.category, keywords: before[0]!.keywords });

    db.$client.prepare("update competency_revisions set status = 'diajukan', submitted_by = 1 where id = ?").run(draft.id);
    const edited = anjab.map((r) => (r.level === "1" ? { ...r, deskripsi_level: "Diubah setelah diajukan." } : r));
    expect(await importOk([textFile("anjab.csv", toCsv(edited))])).toEqual({ create: 0, update: 1, unchanged: 0 });
    expect(revisionsOf("T.ANJAB")[1]).toMatchObject({ id: draft.id, status: "draft", submitted_by: null });
  });

  it("refuses regulation codes (the stored entries stay untouched) and accepts T.OTDA texts", async () => {
    const before = dictionaryDump();
    const regulation = fixtureRows()
      .filter((r) => r.kode === "T.PENGADAAN")
      .flatMap((r) => [
        { ...r, kode: "M.01" },
        { ...r, kode: "SK.01" },
      ]);
    const result = await importDictionaryFiles(db, [textFile("peraturan.csv", toCsv(regulation))], null);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { row: 2, column: "kode", message: expect.stringContaining("kamus peraturan") },
        { row: 3, column: "kode", message: expect.stringContaining("kamus peraturan") },
      ],
    });
    const json = JSON.parse(fs.readFileSync(path.join(FIXTURES, "kamus.json"), "utf8")) as { code: string }[];
    const viaJson = await importDictionaryFiles(db, [textFile("peraturan.json", JSON.stringify([{ ...json[0], code: "M.08" }]))], null);
    expect(viaJson).toMatchObject({ ok: false, errors: [{ row: 1, column: "code" }] });
    expect(dictionaryDump()).toEqual(before);

    const otda = fixtureRows()
      .filter((r) => r.kode === "T.PENGADAAN")
      .map((r) => ({ ...r, kode: "T.OTDA", nama: "Advokasi Kebijakan Otonomi Daerah" }));
    expect(await importOk([textFile("otda.csv", toCsv(otda))])).toEqual({ create: 0, update: 1, unchanged: 0 });
    expect(sqlAll("select is_fixed from competencies where code = 'T.OTDA'")).toEqual([{ is_fixed: 1 }]);
  });

  it("plans without storing in a dry run", async () => {
    const before = dictionaryDump();
    const result = await importDictionaryFiles(db, [fixture("kamus.csv")], null, { dryRun: true, publish: true });
    expect(result).toEqual({
      ok: true,
      dryRun: true,
      published: false,
      counts: { create: 2, update: 0, unchanged: 0 },
      changes: CODES.map((code) => ({ action: "create", code, name: expect.any(String), fields: [] })),
    });
    expect(dictionaryDump()).toEqual(before);
    expect(importAudits()).toBe(0);
  });

  it("reports an unreadable file as a whole-file error", async () => {
    const result = await importDictionaryFiles(
      db,
      [fixture("kamus.csv"), textFile("rusak.json", '[{"code": "T.X",]'), textFile("catatan.txt", "halo")],
      null,
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { file: "rusak.json", row: 0, column: "berkas", message: expect.stringContaining("bukan JSON yang valid") },
        { file: "catatan.txt", row: 0, column: "berkas", message: expect.stringContaining(".json") },
      ],
    });
    expect(await readDictionaryFile("kamus.xlsx", (await dictionaryToXlsx([])).slice(0, 0))).toEqual({
      error: expect.stringContaining("kosong"),
    });
  });
});

describe("export", () => {
  it("re-imports an XLSX and a JSON export of the whole technical dictionary unchanged", async () => {
    await importOk([fixture("kamus.csv")], { publish: true });
    const entries = exportDictionary(db);
    // 16 demo entries, T.OTDA and the two imported ones, all technical
    expect(entries).toHaveLength(19);
    expect(new Set(entries.map((e) => e.type))).toEqual(new Set(["teknis"]));
    const before = dictionaryDump();
    const audits = importAudits();
    const xlsx = await dictionaryToXlsx(entries);
    expect(await importOk([{ name: "ekspor.xlsx", bytes: xlsx }])).toEqual({ create: 0, update: 0, unchanged: 19 });
    expect(await importOk([textFile("ekspor.json", dictionaryToJson(entries))])).toEqual({ create: 0, update: 0, unchanged: 19 });
    expect(dictionaryDump()).toEqual(before);
    expect(importAudits()).toBe(audits);

    const sheets = await readDictionaryFile("ekspor.xlsx", xlsx);
    if ("error" in sheets) throw new Error(sheets.error);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatchObject({ format: "sheet", sheetName: "Kompetensi", header: [...DICTIONARY_COLUMN_NAMES] });
    expect(sheets[0]!.format === "sheet" && sheets[0]!.rows).toHaveLength(19 * 5);
  });

  it("filters by type and text, and answers the JSON in the contract's shape", async () => {
    expect(exportDictionary(db, { type: "manajerial" }).map((e) => e.code)).toEqual([
      "M.01",
      "M.02",
      "M.03",
      "M.04",
      "M.05",
      "M.06",
      "M.07",
      "M.08",
    ]);
    expect(exportDictionary(db, { type: "semua" })).toHaveLength(26);
    expect(exportDictionary(db, { q: "jabatan" }).map((e) => e.code)).toContain("T.ANJAB");
    const [first] = JSON.parse(dictionaryToJson(exportDictionary(db, { q: "T.ANJAB" }))) as Record<string, unknown>[];
    expect(first).toEqual({
      code: "T.ANJAB",
      type: "teknis",
      name: "Analisis Jabatan",
      definition: expect.any(String),
      source: "lokal: Disusun oleh Biro Organisasi Provinsi Nusantara Jaya (contoh data demo)",
      revision: 1,
      status: "diterbitkan",
      levels: expect.arrayContaining([
        expect.objectContaining({ level: 5, description: expect.any(String), indicators: expect.any(Array) }),
      ]),
    });
  });

  it("serves /kamus/ekspor as a download to signed-in users only", async () => {
    const anonymous = await exportLoader({ request: new Request(`${BASE}/kamus/ekspor`), params: {}, context: {} }).catch(
      (r: Response) => r,
    );
    expect(anonymous.status).toBe(302);

    const cookie = await cookieFor("viewer@demo.go.id");
    const request = (query: string) => new Request(`${BASE}/kamus/ekspor${query}`, { headers: { Cookie: cookie } });
    const xlsx = await exportLoader({ request: request("?format=xlsx"), params: {}, context: {} });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("Content-Disposition")).toMatch(/^attachment; filename="kamus-kompetensi-teknis-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(await importOk([{ name: "unduhan.xlsx", bytes }], { dryRun: true })).toEqual({ create: 0, update: 0, unchanged: 17 });

    const json = await exportLoader({ request: request("?format=json&type=sosial_kultural"), params: {}, context: {} });
    expect(json.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("Content-Disposition")).toContain(".json");
    expect((JSON.parse(await json.text()) as { code: string }[]).map((e) => e.code)).toEqual(["SK.01"]);

    const bad = await exportLoader({ request: request("?format=pdf"), params: {}, context: {} }).catch((r: Response) => r);
    expect(bad.status).toBe(400);
  });
});
