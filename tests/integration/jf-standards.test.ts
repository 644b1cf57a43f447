// National JF standards (issue 17 item 4): the import is all or nothing, and a draft of a position of the JF
// starts from the standard, whose levels and legal basis the rules then read.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { REGULATION_CODES } from "~/domain/dictionary";
import type { JfStandardSource } from "~/domain/jf-standard-import";
import { readJfStandardFile } from "~/services/jf-standard-files.server";
import { newDraftDocument, validateDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { importJfStandards, listJfStandards, positionsOfStandard } from "~db/queries/jf-standards.server";
import { findPositionByCode } from "~db/queries/register.server";
import { findUserByEmail } from "~db/queries/users.server";
import { auditLog, jfStandards } from "~db/schema";
import { loader as exportLoader } from "~/routes/kamus.standar-jf.ekspor[.]json";
import { cookieFor, get, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const FIXTURE = path.join(__dirname, "../fixtures/jf-standard/perawat-contoh.json");
const PENYELIA = "DINKES.UPT-RSKP.SEKSI-YANKEP.PERAWAT-PENYELIA";
const ASDMA_PERTAMA = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.ASDMA-PERTAMA";

const analisId = (db: Db) => findUserByEmail(db, "analis@demo.go.id")!.id;
const stored = (db: Db) => db.select({ n: count() }).from(jfStandards).get()!.n;

async function fixtureSources(): Promise<JfStandardSource[]> {
  const read = await readJfStandardFile("perawat-contoh.json", new Uint8Array(fs.readFileSync(FIXTURE)));
  if ("error" in read) throw new Error(read.error);
  return read;
}

async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Standar JF");
  ws.addRow(["Jabatan Fungsional", "Jenjang", "Instansi Pembina", "Dasar Hukum", ...REGULATION_CODES, "Kompetensi Teknis", "Contoh"]);
  for (const row of rows) ws.addRow(row);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const asdmaRow = (m05: string | number, technical = "T.MANAJEMEN-ASN: 3\nT.ANJAB = 2\nT.PENGEMBANGAN-KOMPETENSI (level 2)") => [
  "Analis Sumber Daya Manusia Aparatur",
  "Ahli Pertama",
  "Badan Kepegawaian Negara",
  "Peraturan Contoh Nomor 2 Tahun 2026",
  2,
  2,
  2,
  2,
  m05,
  2,
  2,
  2,
  2,
  technical,
  "ya",
];

describe("national JF standard import", () => {
  it("previews without storing, then stores every standard with an audit row, and a second import changes nothing", async () => {
    const db = await useTestDatabase("demo");
    const preview = importJfStandards(db, await fixtureSources(), analisId(db), { dryRun: true });
    expect(preview).toMatchObject({ ok: true, counts: { create: 2, update: 0, unchanged: 0 } });
    expect(stored(db)).toBe(0);

    const applied = importJfStandards(db, await fixtureSources(), analisId(db), { dryRun: false });
    expect(applied).toMatchObject({ ok: true, counts: { create: 2, update: 0, unchanged: 0 } });
    expect(listJfStandards(db).map((s) => [s.jf, s.jenjang, s.example, s.verified])).toEqual([
      ["Perawat", "penyelia", true, false],
      ["Perawat", "terampil", true, false],
    ]);
    expect(db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "jf_standard.create")).get()!.n).toBe(2);
    // the register's two demo nurses, each matched by name and jenjang
    expect(listJfStandards(db).map((s) => positionsOfStandard(db, s).map((p) => p.code))).toEqual([
      [PENYELIA],
      ["DINKES.UPT-RSKP.SEKSI-YANKEP.PERAWAT-TERAMPIL"],
    ]);

    const again = importJfStandards(db, await fixtureSources(), analisId(db), { dryRun: false });
    expect(again).toMatchObject({ ok: true, counts: { create: 0, update: 0, unchanged: 2 } });
  });

  it("exports every standard in the import format, which imports back with nothing changed", async () => {
    const db = await useTestDatabase("demo");
    importJfStandards(db, await fixtureSources(), analisId(db), { dryRun: false });
    const exported = await run(exportLoader, get("/kamus/standar-jf/ekspor.json", await cookieFor("viewer@demo.go.id")));
    expect(exported.status).toBe(200);
    const value = JSON.parse(exported.body as string) as unknown;
    expect(value).toEqual(
      JSON.parse(fs.readFileSync(FIXTURE, "utf8")).map((s: Record<string, unknown>) => ({
        ...s,
        jenjang: String(s.jenjang).toLowerCase(),
      })),
    );
    expect(importJfStandards(db, [{ format: "json", fileName: "ekspor.json", value }], analisId(db), { dryRun: false })).toMatchObject({
      ok: true,
      counts: { create: 0, update: 0, unchanged: 2 },
    });
  });

  it("shows each changed field old → new and records the change", async () => {
    const db = await useTestDatabase("demo");
    importJfStandards(db, await fixtureSources(), analisId(db), { dryRun: false });
    const [first, second] = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as Record<string, unknown>[];
    const changed = { ...first, legalBasis: "Peraturan Contoh Nomor 3 Tahun 2026" };
    const result = importJfStandards(db, [{ format: "json", fileName: "baru.json", value: [changed, second] }], analisId(db), {
      dryRun: false,
    });
    expect(result.ok && result.changes.find((c) => c.action === "update")).toEqual({
      title: "Perawat Penyelia",
      action: "update",
      fields: [{ field: "Dasar hukum", before: "Peraturan Contoh Nomor 1 Tahun 2026", after: "Peraturan Contoh Nomor 3 Tahun 2026" }],
    });
    expect(listJfStandards(db).find((s) => s.jenjang === "penyelia")?.legalBasis).toBe("Peraturan Contoh Nomor 3 Tahun 2026");
  });

  it("refuses a whole JSON file when one standard names a code the dictionary has not published, naming the file, entry and column", async () => {
    const db = await useTestDatabase("demo");
    const [first, second] = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as Record<string, unknown>[];
    const bad = { ...second, technical: [{ code: "T.TIDAK-ADA", level: 2 }] };
    const result = importJfStandards(db, [{ format: "json", fileName: "standar.json", value: [first, bad] }], analisId(db), {
      dryRun: false,
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          file: "standar.json",
          row: 2,
          column: "technical",
          message:
            "Kode T.TIDAK-ADA tidak ada sebagai kompetensi teknis terbit dalam kamus; terbitkan entrinya di Kamus Kompetensi lalu impor lagi.",
        },
      ],
    });
    expect(stored(db)).toBe(0);
  });

  it("reads an XLSX sheet as people type it, and refuses it whole when one cell is wrong, naming sheet, row and column", async () => {
    const db = await useTestDatabase("demo");
    const muda = asdmaRow(7);
    muda[1] = "Ahli Muda";
    const bad = await readJfStandardFile("standar.xlsx", await workbook([asdmaRow(2), muda]));
    if ("error" in bad) throw new Error(bad.error);
    const refused = importJfStandards(db, bad, analisId(db), { dryRun: false });
    expect(refused).toEqual({
      ok: false,
      errors: [
        { file: "standar.xlsx", sheet: "Standar JF", row: 3, column: "M.05", message: "Level M.05 harus bilangan bulat 1 sampai 5." },
      ],
    });
    expect(stored(db)).toBe(0);

    const good = await readJfStandardFile("standar.xlsx", await workbook([asdmaRow(3)]));
    if ("error" in good) throw new Error(good.error);
    expect(importJfStandards(db, good, analisId(db), { dryRun: false })).toMatchObject({ ok: true, counts: { create: 1 } });
    const [standard] = listJfStandards(db);
    expect(standard).toMatchObject({
      jenjang: "ahli_pertama",
      example: true,
      verified: false,
      technical: [
        { code: "T.MANAJEMEN-ASN", level: 3 },
        { code: "T.ANJAB", level: 2 },
        { code: "T.PENGEMBANGAN-KOMPETENSI", level: 2 },
      ],
    });
    expect(positionsOfStandard(db, standard!).map((p) => p.code)).toEqual([ASDMA_PERTAMA]);
  });

  it("names the line of the technical cell it cannot read", async () => {
    const db = await useTestDatabase("demo");
    const bad = await readJfStandardFile("standar.xlsx", await workbook([asdmaRow(2, "T.ANJAB: 3\nAnalisis Jabatan level tiga")]));
    if ("error" in bad) throw new Error(bad.error);
    const refused = importJfStandards(db, bad, analisId(db), { dryRun: true });
    expect(refused.ok ? [] : refused.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        2,
        "Kompetensi Teknis",
        'Baris ke-2 dalam sel ("Analisis Jabatan level tiga"): tulis kode kamus dan levelnya, mis. "T.ASUHAN-KEPERAWATAN: 3".',
      ],
    ]);
  });
});

describe("a draft of a position of the JF", () => {
  it("starts from the standard: its levels, T.OTDA, its technical competencies, and the rules find nothing to fix in them", async () => {
    const db = await useTestDatabase("demo");
    importJfStandards(db, await fixtureSources(), analisId(db), { dryRun: false });
    const { document } = newDraftDocument(db, findPositionByCode(db, PENYELIA)!.id);
    expect(document.competencies).toEqual([
      { code: "M.01", level: 4 },
      { code: "M.02", level: 3 },
      { code: "M.03", level: 3 },
      { code: "M.04", level: 3 },
      { code: "M.05", level: 4 },
      { code: "M.06", level: 3 },
      { code: "M.07", level: 3 },
      { code: "M.08", level: 3 },
      { code: "SK.01", level: 3 },
      { code: "T.OTDA", level: 3 },
      { code: "T.ASUHAN-KEPERAWATAN", level: 4 },
      { code: "T.MUTU-LAYANAN-KESEHATAN", level: 3 },
      { code: "T.PENGEMBANGAN-KOMPETENSI", level: 2 },
    ]);
    const levelRules = (doc: unknown) =>
      validateDocument(db, doc).filter((r) => r.rule === "SKJ-MANAJERIAL-LEVEL" || r.rule === "SKJ-STANDAR-JF");
    expect(levelRules(document)).toEqual([]);

    // the group table (3 for every JF Penyelia) no longer decides: 3 is wrong for M.01 under this standard
    const lowered = { ...document, competencies: document.competencies.map((c) => (c.code === "M.01" ? { ...c, level: 3 } : c)) };
    expect(levelRules(lowered)).toEqual([
      expect.objectContaining({
        rule: "SKJ-MANAJERIAL-LEVEL",
        citation:
          "Standar nasional JF Perawat Penyelia: Peraturan Contoh Nomor 1 Tahun 2026 (CONTOH — bukan teks resmi; belum diverifikasi)",
      }),
    ]);

    const removed = { ...document, competencies: document.competencies.filter((c) => c.code !== "T.MUTU-LAYANAN-KESEHATAN") };
    expect(levelRules(removed).map((r) => [r.rule, r.severity, r.message])).toEqual([
      [
        "SKJ-STANDAR-JF",
        "warning",
        "Kompetensi teknis Manajemen Mutu Pelayanan Kesehatan (T.MUTU-LAYANAN-KESEHATAN) level 3 ditetapkan standar nasional JF Perawat Penyelia (Peraturan Contoh Nomor 1 Tahun 2026) tetapi tidak tercantum; cantumkan kembali atau tulis alasannya saat mengajukan.",
      ],
    ]);
  });

  it("keeps the group table for a functional position whose JF has no standard", async () => {
    const db = await useTestDatabase("demo");
    importJfStandards(db, await fixtureSources(), analisId(db), { dryRun: false });
    const { document } = newDraftDocument(db, findPositionByCode(db, ASDMA_PERTAMA)!.id);
    expect(document.competencies.map((c) => c.code)).toEqual([...REGULATION_CODES, "T.OTDA"]);
  });
});
