import { describe, expect, it } from "vitest";
import { REGULATION_CODES } from "./dictionary";
import { validateJfStandardImport, type JfStandardSheet } from "./jf-standard-import";

const standard = {
  jf: "Pranata Komputer",
  jenjang: "ahli_pertama",
  instansiPembina: "Badan Pusat Statistik",
  legalBasis: "Peraturan Contoh Nomor 1 Tahun 2026",
  levels: Object.fromEntries(REGULATION_CODES.map((c) => [c, 2])),
  technical: [{ code: "T.SPBE", level: 2 }],
  example: true,
};

const HEADER = ["JF", "Jenjang", "Instansi Pembina", "Dasar Hukum", ...REGULATION_CODES, "Kompetensi Teknis", "Terverifikasi"];
const sheet = (...rows: Record<string, string>[]): JfStandardSheet => ({
  format: "sheet",
  fileName: "standar.xlsx",
  sheetName: "Standar JF",
  header: HEADER,
  rows: rows.map((values, i) => ({ rowNumber: i + 2, values })),
});
const row = (over: Record<string, string> = {}): Record<string, string> => ({
  JF: "Pranata Komputer",
  Jenjang: "Ahli Pertama",
  "Instansi Pembina": "Badan Pusat Statistik",
  "Dasar Hukum": "Peraturan Contoh Nomor 1 Tahun 2026",
  ...Object.fromEntries(REGULATION_CODES.map((c) => [c, "2"])),
  "Kompetensi Teknis": "T.SPBE: 2",
  Terverifikasi: "tidak",
  ...over,
});

describe("national JF standard import", () => {
  it("reads a JSON array and a sheet into the same standard", () => {
    const json = validateJfStandardImport([{ format: "json", fileName: "a.json", value: [standard] }]);
    const xlsx = validateJfStandardImport([sheet(row({ Contoh: "ya" }))].map((s) => ({ ...s, header: [...HEADER, "Contoh"] })));
    expect(json.ok && json.standards).toEqual([{ ...standard, verified: false }]);
    expect(xlsx.ok && xlsx.standards).toEqual(json.ok && json.standards);
  });

  it("names an unknown JSON field and a wrong level by entry and path, in Indonesian", () => {
    const result = validateJfStandardImport([
      {
        format: "json",
        fileName: "a.json",
        value: [standard, { ...standard, jenjang: "ahli_muda", sumber: "x", levels: { ...standard.levels, "M.03": 6 } }],
      },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        { file: "a.json", row: 2, column: "levels.M.03", message: "Level M.03 harus bilangan bulat 1 sampai 5." },
        {
          file: "a.json",
          row: 2,
          column: "elemen",
          message:
            'Kolom "sumber" tidak dikenal. Yang dikenal: jf, jenjang, instansiPembina, legalBasis, levels, technical, verified, example.',
        },
      ],
    });
  });

  it("refuses a file that is not an array, and one JF and jenjang listed twice", () => {
    expect(validateJfStandardImport([{ format: "json", fileName: "a.json", value: standard }])).toMatchObject({
      ok: false,
      errors: [{ row: 0, column: "berkas" }],
    });
    const twice = validateJfStandardImport([sheet(row(), row({ JF: "pranata  komputer" }))]);
    expect(twice).toEqual({
      ok: false,
      errors: [
        {
          file: "standar.xlsx",
          sheet: "Standar JF",
          row: 3,
          column: "jf",
          message:
            "Standar pranata  komputer Ahli Pertama sudah ada di standar.xlsx baris 2; setiap JF dan jenjang hanya boleh muncul sekali.",
        },
      ],
    });
  });

  it("names the header cell of an unknown or missing column", () => {
    const result = validateJfStandardImport([{ ...sheet(row()), header: [...HEADER.filter((h) => h !== "M.04"), "Catatan"] }]);
    expect(result.ok ? [] : result.errors.map((e) => [e.row, e.column])).toEqual([
      [1, "Catatan"],
      [1, "M.04"],
    ]);
  });

  it("names the cell of a yes/no it cannot read and of an unknown jenjang", () => {
    const result = validateJfStandardImport([sheet(row({ Terverifikasi: "mungkin", Jenjang: "Senior" }))]);
    expect(result.ok ? [] : result.errors.map((e) => [e.column, e.message])).toEqual([
      ["Terverifikasi", 'Isi "mungkin" tidak dikenal; tulis "ya" atau "tidak".'],
    ]);
    const jenjang = validateJfStandardImport([sheet(row({ Jenjang: "Senior" }))]);
    expect(jenjang.ok ? [] : jenjang.errors.map((e) => [e.row, e.column])).toEqual([[2, "Jenjang"]]);
  });
});
