import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { asc, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { plainTextToDoc } from "~/domain/richtext";
import { formatImportError } from "~/domain/sotk-import";
import { readSotkFile, sotkTemplateXlsx } from "~/services/sotk-files.server";
import type { Db } from "~db/client.server";
import { importSotkFiles } from "~/services/sotk-import.server";
import { applySotkImport, planSotkImport } from "~db/queries/sotk-import.server";
import { auditLog, orgUnits, positions } from "~db/schema";
import { useTestDatabase } from "../setup/test-db";

const FIXTURES = path.resolve("tests/fixtures/sotk");
const fixture = (name: string) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))) });
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

let db: Db;
beforeEach(async () => {
  db = await useTestDatabase("reference");
});

const auditCount = () => db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "sotk.import")).get()!.n;
const unitRows = () => db.select().from(orgUnits).orderBy(asc(orgUnits.code)).all();
const positionRows = () => db.select().from(positions).orderBy(asc(positions.code)).all();
const unitByCode = (code: string) => db.select().from(orgUnits).where(eq(orgUnits.code, code)).get();
const positionByCode = (code: string) => db.select().from(positions).where(eq(positions.code, code)).get();

async function importOk(files: { name: string; bytes: Uint8Array }[], dryRun = false) {
  const result = await importSotkFiles(db, files, null, { dryRun });
  if (!result.ok) throw new Error(result.errors.map(formatImportError).join("\n"));
  return result.counts;
}

const csvFiles = () => [fixture("units.csv"), fixture("positions.csv")];

describe("importSotkFiles", () => {
  it("imports the CSV fixtures: units with parents resolved, positions with their rich-text summary", async () => {
    expect(unitRows()).toHaveLength(0);
    const counts = await importOk(csvFiles());
    expect(counts).toEqual({ units: { create: 6, update: 0, unchanged: 0 }, positions: { create: 8, update: 0, unchanged: 0 } });

    // the bagian precedes its biro in the file; parents-first insertion still links it
    const biro = unitByCode("SETDA.BIRO-ORG")!;
    expect(unitByCode("SETDA.BIRO-ORG.BAG-KELEMBAGAAN")).toMatchObject({ parentId: biro.id, kind: "bagian", echelon: "III.a" });
    expect(biro).toMatchObject({
      parentId: unitByCode("SETDA")!.id,
      legalBasisKind: "Peraturan Gubernur",
      legalBasisNumber: "45",
      legalBasisYear: 2021,
    });
    expect(unitByCode("SETDA")).toMatchObject({ parentId: null, kind: "perangkat_daerah", echelon: "I.b" });
    expect(unitByCode("BKD.BID-PKA")).toMatchObject({ legalBasisKind: null, legalBasisNumber: null, legalBasisYear: null });

    const kabag = positionByCode("SETDA.BIRO-ORG.KABAG-KELEMBAGAAN")!;
    const summary =
      "Memimpin penyiapan bahan perumusan kebijakan di bidang kelembagaan dan analisis jabatan.\n\nMengoordinasikan penyusunan peta jabatan, analisis beban kerja dan standar kompetensi jabatan.";
    expect(kabag).toMatchObject({
      group: "administrator",
      functionalLevel: null,
      summaryText: summary,
      requiredHeadcount: 1,
      unitId: unitByCode("SETDA.BIRO-ORG.BAG-KELEMBAGAAN")!.id,
    });
    expect(kabag.summaryJson).toEqual(plainTextToDoc(summary));
    expect(positionByCode("SETDA.BIRO-ORG.AK-AHLI-MUDA")).toMatchObject({
      group: "fungsional",
      functionalLevel: "ahli_muda",
      requiredHeadcount: 3,
    });
    expect(positionByCode("BKD.KASUBBAG-UMPEG")).toMatchObject({ group: "pengawas", summaryText: "", requiredHeadcount: null });

    const audit = db.select().from(auditLog).where(eq(auditLog.action, "sotk.import")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "sotk", actorId: null });
    expect(audit[0]!.summary).toContain("Unit: 6 baru, 0 diubah, 0 tetap; Jabatan: 8 baru, 0 diubah, 0 tetap");
  });

  it("imports the XLSX fixture (rich text, numbers, a formula) to the same data as the CSV files", async () => {
    const counts = await importOk([fixture("sotk.xlsx")]);
    expect(counts).toEqual({ units: { create: 6, update: 0, unchanged: 0 }, positions: { create: 8, update: 0, unchanged: 0 } });
    expect(unitByCode("SETDA")!.name).toBe("Sekretariat Daerah Provinsi Nusantara Jaya");
    expect(positionByCode("SETDA.BIRO-ORG.AK-AHLI-MUDA")!.requiredHeadcount).toBe(3);
    // the CSV files say the same thing, so nothing is left to change
    expect(await importOk(csvFiles())).toEqual({
      units: { create: 0, update: 0, unchanged: 6 },
      positions: { create: 0, update: 0, unchanged: 8 },
    });
  });

  it("stores nothing when a file has bad rows, and names file, row and column of each error", async () => {
    const auditBefore = auditCount();
    const result = await importSotkFiles(db, [fixture("units.csv"), fixture("positions-bad.csv")], null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // row 2 holds a quoted ikhtisar over three lines; the rows after it are still counted as a spreadsheet shows them
    expect(result.errors.map((e) => [e.file, e.row, e.column])).toEqual([
      ["positions-bad.csv", 3, "jenjang"],
      ["positions-bad.csv", 4, "kode_unit"],
      ["positions-bad.csv", 5, "kebutuhan"],
      ["positions-bad.csv", 6, "kode_jabatan"],
    ]);
    expect(formatImportError(result.errors[1]!)).toBe(
      'positions-bad.csv:4: kode_unit: Unit "DISHUB" tidak ada di berkas impor maupun di aplikasi.',
    );
    // the valid units file was not stored either
    expect(unitRows()).toHaveLength(0);
    expect(positionRows()).toHaveLength(0);
    expect(auditCount()).toBe(auditBefore);
  });

  it("keeps row numbers right after quoted newlines and CRLF line endings", async () => {
    await importOk([fixture("units.csv")]);
    const text = [
      "kode_jabatan,nama_jabatan,kelompok_jabatan,jenjang,kode_unit,urusan_pemerintahan,ikhtisar_jabatan,kebutuhan",
      'A,Jabatan A,pelaksana,,SETDA,,"baris satu\r\nbaris dua\r\n\r\nbaris empat",1',
      'B,Jabatan B,pelaksana,,SETDA,,"x\ny",1',
      "",
      "C,Jabatan C,pelaksana,,SETDA,,,banyak",
    ].join("\r\n");
    const result = await importSotkFiles(db, [csv("multi.csv", text)], null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // record C is on line 9 of the text but row 5 of a spreadsheet (header, A, B, an empty row)
    expect(result.errors.map(formatImportError)).toEqual([expect.stringMatching(/^multi\.csv:5: kebutuhan: /)]);
  });

  it("is idempotent: a second run changes nothing, not even timestamps or the audit log", async () => {
    await importOk(csvFiles());
    const units = unitRows();
    const stored = positionRows();
    const audits = auditCount();
    await new Promise((r) => setTimeout(r, 5)); // so that a rewrite would show in updated_at
    expect(await importOk(csvFiles())).toEqual({
      units: { create: 0, update: 0, unchanged: 6 },
      positions: { create: 0, update: 0, unchanged: 8 },
    });
    expect(unitRows()).toEqual(units);
    expect(positionRows()).toEqual(stored);
    expect(auditCount()).toBe(audits);
  });

  it("updates a changed row by its code and leaves the others alone", async () => {
    await importOk(csvFiles());
    const before = new Map(positionRows().map((p) => [p.code, p]));
    const beforeUnit = unitByCode("BKD.BID-PKA")!;
    await new Promise((r) => setTimeout(r, 5));

    const units = fs
      .readFileSync(path.join(FIXTURES, "units.csv"), "utf8")
      .replace(
        'BKD.BID-PKA,"Bidang Pengembangan Kompetensi Aparatur",bidang,III.b,BKD,',
        "BKD.BID-PKA,Bidang Pengembangan Sumber Daya Aparatur,bidang,III.a,BKD,Peraturan Gubernur Nomor 52 Tahun 2021",
      );
    const positionsText = fs
      .readFileSync(path.join(FIXTURES, "positions.csv"), "utf8")
      .replace(
        "Pengadministrasi Perkantoran,pelaksana,,SETDA.BIRO-ORG.BAG-KELEMBAGAAN",
        "Pengadministrasi Umum,pelaksana,,BKD.SEKRETARIAT",
      );
    const counts = await importOk([csv("units.csv", units), csv("positions.csv", positionsText)]);
    expect(counts).toEqual({ units: { create: 0, update: 1, unchanged: 5 }, positions: { create: 0, update: 1, unchanged: 7 } });

    const unit = unitByCode("BKD.BID-PKA")!;
    expect(unit).toMatchObject({
      id: beforeUnit.id,
      name: "Bidang Pengembangan Sumber Daya Aparatur",
      echelon: "III.a",
      legalBasisNumber: "52",
    });
    expect(unit.updatedAt > beforeUnit.updatedAt).toBe(true);

    const moved = positionByCode("SETDA.BIRO-ORG.PENGADM")!;
    const old = before.get("SETDA.BIRO-ORG.PENGADM")!;
    expect(moved).toMatchObject({
      id: old.id,
      name: "Pengadministrasi Umum",
      unitId: unitByCode("BKD.SEKRETARIAT")!.id,
      createdAt: old.createdAt,
    });
    expect(moved.updatedAt > old.updatedAt).toBe(true);
    expect(positionByCode("SETDA.SEKDA")).toEqual(before.get("SETDA.SEKDA"));

    const last = db.select().from(auditLog).where(eq(auditLog.action, "sotk.import")).all().at(-1)!;
    expect(last.summary).toContain("Unit: 0 baru, 1 diubah, 5 tetap; Jabatan: 0 baru, 1 diubah, 7 tetap");
    expect(last.after).toEqual({
      units: { created: [], updated: ["BKD.BID-PKA"] },
      positions: { created: [], updated: ["SETDA.BIRO-ORG.PENGADM"] },
    });
  });

  it("moves a unit to another parent when only kode_unit_induk changes", async () => {
    await importOk([fixture("units.csv")]);
    const text = [
      "kode_unit,nama_unit,jenis_unit,kode_unit_induk",
      "BKD.BID-PKA,Bidang Pengembangan Kompetensi Aparatur,bidang,SETDA",
    ].join("\n");
    expect(await importOk([csv("pindah.csv", text)])).toEqual({
      units: { create: 0, update: 1, unchanged: 0 },
      positions: { create: 0, update: 0, unchanged: 0 },
    });
    // eselon and dasar_hukum are not in this file, so they keep their stored values
    expect(unitByCode("BKD.BID-PKA")).toMatchObject({ parentId: unitByCode("SETDA")!.id, echelon: "III.b", legalBasisKind: null });
  });

  it("keeps stored values of an optional column the file leaves out, and never removes what the file omits", async () => {
    await importOk(csvFiles());
    const text = ["kode_jabatan,nama_jabatan,kelompok_jabatan,kode_unit", "SETDA.SEKDA,Sekretaris Daerah,jpt_madya,SETDA"].join("\n");
    expect(await importOk([csv("sempit.csv", text)])).toEqual({
      units: { create: 0, update: 0, unchanged: 0 },
      positions: { create: 0, update: 0, unchanged: 1 },
    });
    expect(positionByCode("SETDA.SEKDA")).toMatchObject({
      governmentAffair: "Pemerintahan Umum",
      requiredHeadcount: 1,
      summaryText: expect.stringContaining("Membantu Gubernur"),
    });
    expect(positionRows()).toHaveLength(8);
    expect(unitRows().every((u) => u.active)).toBe(true);
  });

  it("plans without storing in a dry run", async () => {
    const counts = await importOk(csvFiles(), true);
    expect(counts).toEqual({ units: { create: 6, update: 0, unchanged: 0 }, positions: { create: 8, update: 0, unchanged: 0 } });
    expect(unitRows()).toHaveLength(0);
    expect(auditCount()).toBe(0);
  });

  it("reports an unreadable or unknown file as a whole-file error", async () => {
    const result = await importSotkFiles(db, [fixture("units.csv"), csv("catatan.txt", "halo"), csv("rusak.xlsx", "bukan zip")], null);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { file: "catatan.txt", row: 0, column: "berkas", message: expect.stringContaining(".csv") },
        { file: "rusak.xlsx", row: 0, column: "berkas", message: expect.stringContaining("rusak.xlsx") },
      ],
    });
    expect(unitRows()).toHaveLength(0);
  });
});

describe("planSotkImport and applySotkImport", () => {
  it("agree on the counts and roll everything back when a code cannot be resolved", async () => {
    const units = [
      { code: "BARU", name: "Unit Baru", kind: "lainnya" as const, kindLabel: null, echelon: null, parentCode: null, legalBasis: null },
    ];
    const position = {
      code: "J",
      name: "Jabatan",
      group: "pelaksana" as const,
      functionalLevel: null,
      governmentAffair: null,
      summary: "",
      requiredHeadcount: null,
    };
    expect(planSotkImport(db, units, [{ ...position, unitCode: "BARU" }]).counts).toEqual({
      units: { create: 1, update: 0, unchanged: 0 },
      positions: { create: 1, update: 0, unchanged: 0 },
    });
    expect(() => applySotkImport(db, units, [{ ...position, unitCode: "TIDAK-ADA" }], null)).toThrow(/TIDAK-ADA/);
    expect(unitRows()).toHaveLength(0);
    expect(auditCount()).toBe(0);
  });
});

describe("readSotkFile and the template", () => {
  it("builds a template that changes nothing when imported untouched and whose Petunjuk sheet explains every column", async () => {
    await importOk([fixture("units.csv"), fixture("positions.csv")]);
    const before = { units: unitRows(), audit: auditCount() };
    const bytes = await sotkTemplateXlsx();
    const sheets = await readSotkFile("templat.xlsx", bytes);
    if ("error" in sheets) throw new Error(sheets.error);
    // the example rows sit on their own sheets, which the import never reads
    expect(sheets.map((s) => [s.sheetName, s.rows.length])).toEqual([
      ["Unit", 0],
      ["Jabatan", 0],
    ]);
    expect(await importOk([{ name: "templat.xlsx", bytes }])).toEqual({
      units: { create: 0, update: 0, unchanged: 0 },
      positions: { create: 0, update: 0, unchanged: 0 },
    });
    expect(unitRows()).toEqual(before.units);
    expect(auditCount()).toBe(before.audit);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const guide = wb.getWorksheet("Petunjuk")!;
    const explained: string[] = [];
    guide.eachRow((row) => explained.push(String(row.getCell(2).value ?? "")));
    for (const column of [...sheets[0]!.header, ...sheets[1]!.header]) expect(explained).toContain(column);
  });

  it("refuses the template's example rows when they are copied onto the sheets it reads", async () => {
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(Buffer.from(await sotkTemplateXlsx()) as unknown as ExcelJS.Buffer);
    for (const [from, to] of [
      ["Contoh Unit", "Unit"],
      ["Contoh Jabatan", "Jabatan"],
    ] as const) {
      const example = template.getWorksheet(from)!.getRow(2).values;
      template.getWorksheet(to)!.getRow(2).values = example;
    }
    const bytes = new Uint8Array(await template.xlsx.writeBuffer());
    const result = await importSotkFiles(db, [{ name: "templat.xlsx", bytes }], null);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "Unit", row: 2, column: "Kode Unit", message: expect.stringContaining("baris contoh templat") }),
        expect.objectContaining({
          sheet: "Jabatan",
          row: 2,
          column: "Kode Jabatan",
          message: expect.stringContaining("baris contoh templat"),
        }),
      ]),
    );
    expect(unitRows()).toHaveLength(0);
  });

  it("reads a CSV with a byte-order mark and tells a semicolon-separated file apart", async () => {
    const sheets = await readSotkFile("u.csv", new TextEncoder().encode("\uFEFFkode_unit,nama_unit\nA,Unit A\n"));
    expect(sheets).toEqual([
      {
        fileName: "u.csv",
        kind: "unit",
        header: ["kode_unit", "nama_unit"],
        rows: [{ rowNumber: 2, values: { kode_unit: "A", nama_unit: "Unit A" } }],
      },
    ]);
    expect(await readSotkFile("u.csv", new TextEncoder().encode("kode_unit;nama_unit\nA;Unit A\n"))).toEqual({
      error: expect.stringContaining("titik koma"),
    });
    expect(await readSotkFile("u.csv", new Uint8Array([0x6b, 0xff, 0xfe]))).toEqual({ error: expect.stringContaining("UTF-8") });
  });
});
