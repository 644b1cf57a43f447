// A SOTK typed by hand, as a Biro Organisasi types the table of its Pergub: the headers our exports write
// (or close to them) and the words of the regulation instead of our codes (contract §7.4).
import ExcelJS from "exceljs";
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { formatImportError } from "~/domain/sotk-import";
import type { Db } from "~db/client.server";
import { importSotkFiles } from "~/services/sotk-import.server";
import { rootUnitsPage } from "~db/queries/unit-tree.server";
import { orgUnits, positions } from "~db/schema";
import { useTestDatabase } from "../setup/test-db";

let db: Db;
beforeEach(async () => {
  db = await useTestDatabase("reference");
});

const UNITS_CSV = `KODE UNIT,Nama Unit,Jenis unit,Eselon,Kode Unit Induk,Dasar hukum
BKPSDM,Badan Kepegawaian dan Pengembangan Sumber Daya Manusia,BADAN,II/b,,Peraturan Bupati Nomor 61 Tahun 2016
BKPSDM.SEKRE,Sekretariat,Sekretariat,IIIa,BKPSDM,
BKPSDM.SEKRE.UMUM,Subbagian Umum dan Kepegawaian,Sub Bagian,IV A,BKPSDM.SEKRE,
BKPSDM.MUTASI,Bidang Mutasi dan Promosi,bidang,Eselon III.b,BKPSDM,
DISKES,Dinas Kesehatan,Dinas,II.b,,
DISKES.RSUD,RSUD Sayang Ibu,Rumah Sakit Umum Daerah,III.a,DISKES,
DISKES.UPTD-LAB,UPTD Laboratorium Kesehatan,UPTD,IV.a,DISKES,
SATPOL,Satuan Polisi Pamong Praja,satuan polisi pamong praja,II.b,,
`;

async function positionsXlsx(
  rows: string[][],
  header = ["Kode Jabatan", "Nama jabatan", "Kelompok", "Jenjang Jabatan", "kode unit", "Urusan Pemerintahan", "Kebutuhan"],
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Jabatan");
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet("Catatan").addRow(["lembar ini bukan data"]);
  return { name: "jabatan-pergub.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

const POSITIONS = [
  ["BKPSDM.KEPALA", "Kepala Badan", "JPT Pratama", "", "BKPSDM", "Kepegawaian", "1"],
  ["BKPSDM.SEKRETARIS", "Sekretaris", "Administrator", "", "BKPSDM.SEKRE", "", ""],
  ["BKPSDM.KASUBAG", "Kepala Subbagian Umum dan Kepegawaian", "jabatan pengawas", "", "BKPSDM.SEKRE.UMUM", "", ""],
  ["BKPSDM.ANALIS", "Analis Sumber Daya Manusia Aparatur", "Jabatan Fungsional", "Ahli Muda", "BKPSDM.MUTASI", "", "3"],
  ["DISKES.KEPALA", "Kepala Dinas Kesehatan", "Jabatan Pimpinan Tinggi Pratama", "", "DISKES", "Kesehatan", "1"],
  ["DISKES.PRANATA", "Pranata Laboratorium Kesehatan", "fungsional", "AHLI PERTAMA", "DISKES.UPTD-LAB", "", ""],
  ["SATPOL.PELAKSANA", "Pengadministrasi Umum", "Pelaksana", "", "SATPOL", "", "4"],
];

const units = () => db.select().from(orgUnits).orderBy(asc(orgUnits.code)).all();

describe("a SOTK typed by hand", () => {
  it("imports label headers and the regulation's words, keeping the kind words for display", async () => {
    const files = [{ name: "unit-pergub.csv", bytes: new TextEncoder().encode(UNITS_CSV) }, await positionsXlsx(POSITIONS)];
    const result = await importSotkFiles(db, files, null);
    if (!result.ok) throw new Error(result.errors.map(formatImportError).join("\n"));
    expect(result.counts).toEqual({ units: { create: 8, update: 0, unchanged: 0 }, positions: { create: 7, update: 0, unchanged: 0 } });

    expect(units().map((u) => [u.code, u.kind, u.kindLabel, u.echelon])).toEqual([
      ["BKPSDM", "perangkat_daerah", "BADAN", "II.b"],
      ["BKPSDM.MUTASI", "bidang", null, "III.b"],
      ["BKPSDM.SEKRE", "sekretariat", null, "III.a"],
      ["BKPSDM.SEKRE.UMUM", "subbagian", "Sub Bagian", "IV.a"],
      ["DISKES", "perangkat_daerah", "Dinas", "II.b"],
      ["DISKES.RSUD", "perangkat_daerah", "Rumah Sakit Umum Daerah", "III.a"],
      ["DISKES.UPTD-LAB", "uptd", null, "IV.a"],
      ["SATPOL", "perangkat_daerah", "satuan polisi pamong praja", "II.b"],
    ]);
    // the tree shows the word as written
    expect(rootUnitsPage(db, 1, 50).find((u) => u.code === "DISKES")).toMatchObject({ kind: "perangkat_daerah", kindLabel: "Dinas" });

    const stored = db.select().from(positions).orderBy(asc(positions.code)).all();
    expect(stored.map((p) => [p.code, p.group, p.functionalLevel, p.requiredHeadcount])).toEqual([
      ["BKPSDM.ANALIS", "fungsional", "ahli_muda", 3],
      ["BKPSDM.KASUBAG", "pengawas", null, null],
      ["BKPSDM.KEPALA", "jpt_pratama", null, 1],
      ["BKPSDM.SEKRETARIS", "administrator", null, null],
      ["DISKES.KEPALA", "jpt_pratama", null, 1],
      ["DISKES.PRANATA", "fungsional", "ahli_pertama", null],
      ["SATPOL.PELAKSANA", "pelaksana", null, 4],
    ]);

    // the same files again: nothing new, nothing changed
    const again = await importSotkFiles(db, files, null, { dryRun: true });
    expect(again.ok && again.counts).toEqual({
      units: { create: 0, update: 0, unchanged: 8 },
      positions: { create: 0, update: 0, unchanged: 7 },
    });
  });

  it("names file, sheet, row and the column as its header is written for every mistake in a workbook", async () => {
    await importSotkFiles(db, [{ name: "unit-pergub.csv", bytes: new TextEncoder().encode(UNITS_CSV) }], null);
    const bad = await positionsXlsx([
      ["BKPSDM.KEPALA", "Kepala Badan", "JPT", "", "BKPSDM", "", ""],
      ["BKPSDM.ANALIS", "Analis", "Jabatan Fungsional", "Muda", "BKPSDM", "", ""],
    ]);
    const result = await importSotkFiles(db, [bad], null);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      expect.objectContaining({
        file: "jabatan-pergub.xlsx",
        sheet: "Jabatan",
        row: 2,
        column: "Kelompok",
        message: expect.stringContaining('"JPT" tidak dikenal'),
      }),
      expect.objectContaining({
        file: "jabatan-pergub.xlsx",
        sheet: "Jabatan",
        row: 3,
        column: "Jenjang Jabatan",
        message: expect.stringContaining('"Muda" tidak dikenal'),
      }),
    ]);
    expect(!result.ok && formatImportError(result.errors[0]!)).toBe(
      'jabatan-pergub.xlsx:2: Kelompok: Kelompok jabatan "JPT" tidak dikenal. Pilihan: Jabatan Pimpinan Tinggi Utama, Jabatan Pimpinan Tinggi Madya, Jabatan Pimpinan Tinggi Pratama, Jabatan Administrator, Jabatan Pengawas, Jabatan Pelaksana, Jabatan Fungsional. (lembar Jabatan)',
    );
    expect(db.select().from(positions).where(eq(positions.code, "BKPSDM.KEPALA")).get()).toBeUndefined();
  });

  it("places a header that is not on row 1 at its sheet's first row, and a file without a known header at its row 1", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Jabatan");
    ws.getCell("A3").value = "Kode Jabatan";
    ws.getCell("B3").value = "Nama jabatan";
    const shifted = { name: "judul-turun.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
    const noHeader = { name: "tanpa-judul.csv", bytes: new TextEncoder().encode("BKPSDM,Badan Kepegawaian\n") };
    const result = await importSotkFiles(db, [shifted, noHeader], null);
    expect(!result.ok && result.errors).toEqual([
      expect.objectContaining({
        file: "judul-turun.xlsx",
        sheet: "Jabatan",
        row: 1,
        column: "judul kolom",
        message: expect.stringContaining("baris 1 lembar Jabatan harus berisi judul kolom"),
      }),
      expect.objectContaining({
        file: "tanpa-judul.csv",
        row: 1,
        column: "judul kolom",
        message: expect.stringContaining("jenis data tidak dapat ditentukan"),
      }),
    ]);
  });
});
