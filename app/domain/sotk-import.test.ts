import { describe, expect, it } from "vitest";
import { ECHELONS, FUNCTIONAL_LEVELS, POSITION_GROUPS, UNIT_KINDS } from "./sotk";
import {
  detectSheetKind,
  formatImportError,
  formatSotkCounts,
  parseLegalBasis,
  validateSotkImport,
  type ImportError,
  type ParsedSheet,
  type SotkValidation,
} from "./sotk-import";

const UNIT_HEADER = ["kode_unit", "nama_unit", "jenis_unit", "eselon", "kode_unit_induk", "dasar_hukum"];
const POSITION_HEADER = [
  "kode_jabatan",
  "nama_jabatan",
  "kelompok_jabatan",
  "jenjang",
  "kode_unit",
  "urusan_pemerintahan",
  "ikhtisar_jabatan",
  "kebutuhan",
];

type Cells = Record<string, string>;

const unit = (over: Cells = {}): Cells => ({
  kode_unit: "SETDA",
  nama_unit: "Sekretariat Daerah",
  jenis_unit: "perangkat_daerah",
  eselon: "I.b",
  kode_unit_induk: "",
  dasar_hukum: "",
  ...over,
});

const position = (over: Cells = {}): Cells => ({
  kode_jabatan: "SETDA.SEKDA",
  nama_jabatan: "Sekretaris Daerah",
  kelompok_jabatan: "jpt_madya",
  jenjang: "",
  kode_unit: "SETDA",
  urusan_pemerintahan: "Pemerintahan Umum",
  ikhtisar_jabatan: "Membantu Gubernur.",
  kebutuhan: "1",
  ...over,
});

function sheet(
  kind: "unit" | "jabatan",
  rows: Cells[],
  opts: { header?: string[]; fileName?: string; sheetName?: string } = {},
): ParsedSheet {
  const header = opts.header ?? (kind === "unit" ? UNIT_HEADER : POSITION_HEADER);
  return {
    fileName: opts.fileName ?? (kind === "unit" ? "unit.csv" : "jabatan.csv"),
    ...(opts.sheetName ? { sheetName: opts.sheetName } : {}),
    kind,
    header,
    rows: rows.map((values, i) => ({ rowNumber: i + 2, values })),
  };
}

function errorsOf(result: SotkValidation): ImportError[] {
  if (result.ok) throw new Error("expected validation errors, got none");
  return result.errors;
}

function okOf(result: SotkValidation) {
  if (!result.ok) throw new Error(`expected no errors, got:\n${result.errors.map(formatImportError).join("\n")}`);
  return result;
}

const none = new Set<string>();
const validateUnits = (rows: Cells[], known: Set<string> = none) => validateSotkImport([sheet("unit", rows)], known);
// positions are checked against a stored SETDA so that their own rules are what a test exercises
const validatePositions = (rows: Cells[], known: Set<string> = new Set(["SETDA"])) => validateSotkImport([sheet("jabatan", rows)], known);

const onlyError = (result: SotkValidation) => {
  const errors = errorsOf(result);
  expect(errors).toHaveLength(1);
  return errors[0]!;
};

describe("detectSheetKind", () => {
  it("tells a unit file by kode_unit and nama_unit", () => {
    expect(detectSheetKind(UNIT_HEADER)).toBe("unit");
    expect(detectSheetKind(["nama_unit", "kode_unit"])).toBe("unit");
  });
  it("tells a position file by kode_jabatan", () => {
    expect(detectSheetKind(POSITION_HEADER)).toBe("jabatan");
  });
  it("ignores case, surrounding spaces and a byte-order mark", () => {
    expect(detectSheetKind(["\uFEFFKode_Unit ", " NAMA_UNIT"])).toBe("unit");
  });
  it("answers null for anything else", () => {
    expect(detectSheetKind(["kode_unit", "jenis_unit"])).toBeNull();
    expect(detectSheetKind(["kode", "nama"])).toBeNull();
    expect(detectSheetKind([])).toBeNull();
    expect(detectSheetKind(["kode_unit", "nama_unit", "kode_jabatan"])).toBeNull();
  });
});

describe("formatImportError and formatSotkCounts", () => {
  it("prints FILE:ROW: column: message", () => {
    expect(formatImportError({ file: "jabatan.csv", row: 7, column: "jenjang", message: "Jenjang wajib diisi." })).toBe(
      "jabatan.csv:7: jenjang: Jenjang wajib diisi.",
    );
  });
  it("names the sheet of a workbook after the message", () => {
    expect(formatImportError({ file: "sotk.xlsx", sheet: "Jabatan", row: 3, column: "kode_unit", message: "X." })).toBe(
      "sotk.xlsx:3: kode_unit: X. (lembar Jabatan)",
    );
  });
  it("summarises counts in Indonesian", () => {
    expect(formatSotkCounts({ units: { create: 3, update: 1, unchanged: 2 }, positions: { create: 5, update: 0, unchanged: 4 } })).toBe(
      "Unit: 3 baru, 1 diubah, 2 tetap; Jabatan: 5 baru, 0 diubah, 4 tetap",
    );
  });
});

describe("header", () => {
  it("rejects an unknown column on row 1, naming it", () => {
    const e = onlyError(validateSotkImport([sheet("unit", [unit()], { header: [...UNIT_HEADER, "keterangan"] })], none));
    expect(e).toMatchObject({ file: "unit.csv", row: 1, column: "keterangan" });
    expect(e.message).toContain("tidak dikenal");
    expect(e.message).toContain("kode_unit_induk");
  });

  it("rejects a missing required column", () => {
    for (const missing of ["kode_unit", "nama_unit", "jenis_unit", "kode_unit_induk"]) {
      const header = UNIT_HEADER.filter((h) => h !== missing);
      const e = onlyError(validateSotkImport([sheet("unit", [unit()], { header })], none));
      expect(e).toMatchObject({ row: 1, column: missing });
      expect(e.message).toContain("wajib");
    }
    for (const missing of ["kode_jabatan", "nama_jabatan", "kelompok_jabatan", "kode_unit"]) {
      const header = POSITION_HEADER.filter((h) => h !== missing);
      const e = onlyError(validateSotkImport([sheet("jabatan", [position()], { header })], new Set(["SETDA"])));
      expect(e).toMatchObject({ row: 1, column: missing });
    }
  });

  it("rejects a column that appears twice and an untitled column", () => {
    const twice = errorsOf(validateSotkImport([sheet("unit", [unit()], { header: [...UNIT_HEADER, "Nama_Unit"] })], none));
    expect(twice).toEqual([
      expect.objectContaining({ row: 1, column: "Nama_Unit", message: expect.stringContaining("lebih dari sekali") }),
    ]);
    const untitled = onlyError(validateSotkImport([sheet("unit", [unit()], { header: [...UNIT_HEADER, ""] })], none));
    expect(untitled).toMatchObject({ row: 1, column: "kolom ke-7" });
  });

  it("accepts columns in any order and in any letter case", () => {
    const header = ["Dasar_Hukum", "KODE_UNIT_INDUK", "eselon", "jenis_unit", "nama_unit", "kode_unit"];
    const values = {
      Dasar_Hukum: "",
      KODE_UNIT_INDUK: "",
      eselon: "I.b",
      jenis_unit: "perangkat_daerah",
      nama_unit: "Setda",
      kode_unit: "SETDA",
    };
    const result = okOf(validateSotkImport([sheet("unit", [values], { header })], none));
    expect(result.units).toEqual([expect.objectContaining({ code: "SETDA", name: "Setda", echelon: "I.b", parentCode: null })]);
  });

  it("lets optional columns be left out, so stored values are kept (undefined)", () => {
    const u = okOf(
      validateSotkImport([sheet("unit", [unit()], { header: ["kode_unit", "nama_unit", "jenis_unit", "kode_unit_induk"] })], none),
    );
    expect(u.units[0]).toMatchObject({ echelon: undefined, legalBasis: undefined });
    const p = okOf(
      validateSotkImport(
        [sheet("jabatan", [position()], { header: ["kode_jabatan", "nama_jabatan", "kelompok_jabatan", "kode_unit"] })],
        new Set(["SETDA"]),
      ),
    );
    expect(p.positions[0]).toMatchObject({
      functionalLevel: null,
      governmentAffair: undefined,
      summary: undefined,
      requiredHeadcount: undefined,
    });
  });

  it("does not check the rows of a sheet with a broken header, but still knows its unit codes", () => {
    const units = sheet("unit", [unit({ jenis_unit: "salah" })], { header: [...UNIT_HEADER, "catatan"] });
    const positions = sheet("jabatan", [position()]);
    const errors = errorsOf(validateSotkImport([units, positions], none));
    expect(errors).toEqual([expect.objectContaining({ file: "unit.csv", row: 1, column: "catatan" })]);
  });
});

describe("codes", () => {
  it("requires kode_unit and kode_jabatan", () => {
    expect(onlyError(validateUnits([unit({ kode_unit: "" })]))).toMatchObject({ row: 2, column: "kode_unit" });
    expect(onlyError(validatePositions([position({ kode_jabatan: " " })]))).toMatchObject({ row: 2, column: "kode_jabatan" });
  });

  it("accepts letters, digits and . - / _", () => {
    const code = "K-STANKOM/KOMINFO.2021_01";
    expect(okOf(validateUnits([unit({ kode_unit: code })])).units[0]!.code).toBe(code);
  });

  it("rejects spaces and other characters", () => {
    for (const bad of ["SET DA", "SETDA#1", "BIRO,ORG", "ÉSELON"]) {
      const e = onlyError(validateUnits([unit({ kode_unit: bad })]));
      expect(e.column).toBe("kode_unit");
      expect(e.message).toContain(". - / _");
    }
  });

  it("allows 64 characters and rejects 65", () => {
    okOf(validateUnits([unit({ kode_unit: "A".repeat(64) })]));
    expect(onlyError(validateUnits([unit({ kode_unit: "A".repeat(65) })])).message).toContain("64");
  });

  it("reports a duplicate code on the second row, pointing at the first", () => {
    const e = onlyError(validateUnits([unit(), unit({ nama_unit: "Lagi" })]));
    expect(e).toMatchObject({ row: 3, column: "kode_unit" });
    expect(e.message).toContain("baris 2");
    const p = onlyError(validatePositions([position(), position({ nama_jabatan: "Lagi" })]));
    expect(p).toMatchObject({ row: 3, column: "kode_jabatan" });
  });

  it("finds duplicates across files of one import", () => {
    const e = onlyError(
      validateSotkImport([sheet("unit", [unit()], { fileName: "a.csv" }), sheet("unit", [unit()], { fileName: "b.csv" })], none),
    );
    expect(e).toMatchObject({ file: "b.csv", row: 2, column: "kode_unit" });
    expect(e.message).toContain("a.csv");
  });

  it("keeps unit and position codes apart", () => {
    okOf(validateSotkImport([sheet("unit", [unit()]), sheet("jabatan", [position({ kode_jabatan: "SETDA" })])], none));
  });
});

describe("unit columns", () => {
  it("requires nama_unit, at most 300 characters", () => {
    expect(onlyError(validateUnits([unit({ nama_unit: "" })]))).toMatchObject({ column: "nama_unit" });
    okOf(validateUnits([unit({ nama_unit: "N".repeat(300) })]));
    expect(onlyError(validateUnits([unit({ nama_unit: "N".repeat(301) })])).message).toContain("300");
  });

  it("accepts every listed jenis_unit exactly", () => {
    for (const kind of UNIT_KINDS) expect(okOf(validateUnits([unit({ jenis_unit: kind })])).units[0]!.kind).toBe(kind);
  });

  it("rejects an empty or unknown jenis_unit and lists the allowed values", () => {
    const empty = onlyError(validateUnits([unit({ jenis_unit: "" })]));
    expect(empty).toMatchObject({ column: "jenis_unit" });
    for (const bad of ["dinas_besar", "Dinas Kesehatan", "Biro Organisasi"]) {
      const e = onlyError(validateUnits([unit({ jenis_unit: bad })]));
      expect(e.column).toBe("jenis_unit");
      expect(e.message).toContain("Sekretariat Daerah, Sekretariat DPRD, Dinas, Badan");
      expect(e.message).toContain("Staf Ahli");
    }
  });

  it("accepts an empty eselon or one of I.a … IV.b", () => {
    expect(okOf(validateUnits([unit({ eselon: "" })])).units[0]!.echelon).toBeNull();
    for (const e of ECHELONS) expect(okOf(validateUnits([unit({ eselon: e })])).units[0]!.echelon).toBe(e);
  });

  it("rejects any other eselon", () => {
    for (const bad of ["IV.c", "V.a", "III.c", "2a", "Eselon"]) {
      const e = onlyError(validateUnits([unit({ eselon: bad })]));
      expect(e.column).toBe("eselon");
      expect(e.message).toContain("IV.b");
    }
  });
});

describe("kode_unit_induk", () => {
  const biro = unit({ kode_unit: "BIRO", nama_unit: "Biro Organisasi", jenis_unit: "biro", eselon: "II.a", kode_unit_induk: "SETDA" });

  it("is empty for a perangkat daerah", () => {
    expect(okOf(validateUnits([unit()])).units[0]!.parentCode).toBeNull();
  });

  it("may name a unit later in the import, and parents come first in the result", () => {
    const bagian = unit({ kode_unit: "BAG", nama_unit: "Bagian", jenis_unit: "bagian", eselon: "III.a", kode_unit_induk: "BIRO" });
    const result = okOf(validateUnits([bagian, biro, unit(), unit({ kode_unit: "BKD", nama_unit: "BKD" })]));
    expect(result.units.map((u) => u.code)).toEqual(["SETDA", "BIRO", "BAG", "BKD"]);
  });

  it("may name a unit already in the database", () => {
    const result = okOf(validateUnits([biro], new Set(["SETDA"])));
    expect(result.units[0]!.parentCode).toBe("SETDA");
  });

  it("rejects a parent that is neither in the import nor in the database", () => {
    const e = onlyError(validateUnits([biro]));
    expect(e).toMatchObject({ row: 2, column: "kode_unit_induk" });
    expect(e.message).toContain('"SETDA"');
  });

  it("rejects a malformed parent code", () => {
    expect(onlyError(validateUnits([unit({ kode_unit: "X", kode_unit_induk: "SET DA" })])).column).toBe("kode_unit_induk");
  });

  it("rejects a unit that is its own parent", () => {
    const e = onlyError(validateUnits([unit({ kode_unit_induk: "SETDA" })]));
    expect(e).toMatchObject({ column: "kode_unit_induk", message: expect.stringContaining("dirinya sendiri") });
  });

  it("rejects a cycle inside the import on every unit of the loop", () => {
    const a = unit({ kode_unit: "A", kode_unit_induk: "B" });
    const b = unit({ kode_unit: "B", kode_unit_induk: "C" });
    const c = unit({ kode_unit: "C", kode_unit_induk: "A" });
    const leaf = unit({ kode_unit: "D", kode_unit_induk: "A" });
    const errors = errorsOf(validateUnits([a, b, c, leaf]));
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, "kode_unit_induk"],
      [3, "kode_unit_induk"],
      [4, "kode_unit_induk"],
    ]);
    expect(errors[0]!.message).toContain("A → B → C → A");
  });

  it("rejects a cycle closed through units stored in the database", () => {
    // stored: CHILD under ROOT; the import puts ROOT under CHILD
    const result = validateSotkImport(
      [sheet("unit", [unit({ kode_unit: "ROOT", kode_unit_induk: "CHILD" })])],
      new Set(["ROOT", "CHILD"]),
      new Map([
        ["ROOT", null],
        ["CHILD", "ROOT"],
      ]),
    );
    expect(onlyError(result)).toMatchObject({ column: "kode_unit_induk", message: expect.stringContaining("ROOT → CHILD → ROOT") });
  });

  it("allows re-parenting that the import itself untangles", () => {
    const result = validateSotkImport(
      [sheet("unit", [unit({ kode_unit: "ROOT", kode_unit_induk: "CHILD" }), unit({ kode_unit: "CHILD", kode_unit_induk: "" })])],
      new Set(["ROOT", "CHILD"]),
      new Map([
        ["ROOT", null],
        ["CHILD", "ROOT"],
      ]),
    );
    expect(okOf(result).units.map((u) => u.code)).toEqual(["CHILD", "ROOT"]);
  });
});

describe("dasar_hukum", () => {
  it("parses <jenis> Nomor <nomor> Tahun <yyyy>", () => {
    const u = okOf(validateUnits([unit({ dasar_hukum: "Peraturan Gubernur Nomor 45 Tahun 2021" })])).units[0]!;
    expect(u.legalBasis).toEqual({ kind: "Peraturan Gubernur", number: "45", year: 2021 });
  });

  it("ignores the letter case of Nomor and Tahun and extra spaces", () => {
    expect(parseLegalBasis("Peraturan Daerah  NOMOR 8 tahun 2016")).toEqual({ kind: "Peraturan Daerah", number: "8", year: 2016 });
    expect(parseLegalBasis("Keputusan Gubernur nomor 061/12/2021 Tahun 2021")).toEqual({
      kind: "Keputusan Gubernur",
      number: "061/12/2021",
      year: 2021,
    });
  });

  it("is optional: an empty cell gives null", () => {
    expect(okOf(validateUnits([unit({ dasar_hukum: "" })])).units[0]!.legalBasis).toBeNull();
  });

  it("limits the parts to what the register form accepts", () => {
    okOf(validateUnits([unit({ dasar_hukum: `${"J".repeat(120)} Nomor ${"1".repeat(40)} Tahun 1945` })]));
    for (const bad of [
      `${"J".repeat(121)} Nomor 1 Tahun 2020`,
      `Perda Nomor ${"1".repeat(41)} Tahun 2020`,
      "Perda Nomor 1 Tahun 1944",
      "Perda Nomor 1 Tahun 2101",
    ]) {
      expect(onlyError(validateUnits([unit({ dasar_hukum: bad })]))).toMatchObject({ column: "dasar_hukum" });
    }
  });

  it("rejects other text and shows the expected pattern", () => {
    for (const bad of ["Pergub 45/2021", "Peraturan Gubernur Nomor 45", "Peraturan Gubernur Nomor 45 Tahun 21", "Nomor 45 Tahun 2021"]) {
      const e = onlyError(validateUnits([unit({ dasar_hukum: bad })]));
      expect(e.column).toBe("dasar_hukum");
      expect(e.message).toContain("<jenis> Nomor <nomor> Tahun <tahun>");
    }
  });
});

describe("position columns", () => {
  it("requires nama_jabatan, at most 300 characters", () => {
    expect(onlyError(validatePositions([position({ nama_jabatan: "" })]))).toMatchObject({ column: "nama_jabatan" });
    expect(onlyError(validatePositions([position({ nama_jabatan: "N".repeat(301) })]))).toMatchObject({ column: "nama_jabatan" });
  });

  it("accepts every kelompok_jabatan and rejects others", () => {
    for (const group of POSITION_GROUPS.filter((g) => g !== "fungsional")) {
      expect(okOf(validatePositions([position({ kelompok_jabatan: group })])).positions[0]!.group).toBe(group);
    }
    expect(onlyError(validatePositions([position({ kelompok_jabatan: "" })]))).toMatchObject({ column: "kelompok_jabatan" });
    const e = onlyError(validatePositions([position({ kelompok_jabatan: "struktural" })]));
    expect(e).toMatchObject({ column: "kelompok_jabatan", message: expect.stringContaining("Jabatan Pimpinan Tinggi Utama") });
  });

  it("requires jenjang with fungsional", () => {
    const e = onlyError(validatePositions([position({ kelompok_jabatan: "fungsional", jenjang: "" })]));
    expect(e).toMatchObject({ column: "jenjang", message: expect.stringContaining("Ahli Pertama") });
    for (const level of FUNCTIONAL_LEVELS) {
      expect(okOf(validatePositions([position({ kelompok_jabatan: "fungsional", jenjang: level })])).positions[0]!.functionalLevel).toBe(
        level,
      );
    }
  });

  it("also requires jenjang for fungsional when the column is absent", () => {
    const header = POSITION_HEADER.filter((h) => h !== "jenjang");
    const e = onlyError(
      validateSotkImport([sheet("jabatan", [position({ kelompok_jabatan: "fungsional" })], { header })], new Set(["SETDA"])),
    );
    expect(e.column).toBe("jenjang");
  });

  it("forbids jenjang for other groups", () => {
    const e = onlyError(validatePositions([position({ kelompok_jabatan: "pelaksana", jenjang: "terampil" })]));
    expect(e).toMatchObject({ column: "jenjang", message: expect.stringContaining("pelaksana") });
  });

  it("rejects an unknown jenjang", () => {
    expect(onlyError(validatePositions([position({ kelompok_jabatan: "fungsional", jenjang: "ahli" })]))).toMatchObject({
      column: "jenjang",
    });
  });

  it("requires kode_unit that is in the import or in the database", () => {
    expect(onlyError(validatePositions([position({ kode_unit: "" })]))).toMatchObject({ column: "kode_unit" });
    okOf(validateSotkImport([sheet("unit", [unit({ kode_unit: "BARU" })]), sheet("jabatan", [position({ kode_unit: "BARU" })])], none));
    const e = onlyError(validatePositions([position({ kode_unit: "DISHUB" })]));
    expect(e).toMatchObject({ row: 2, column: "kode_unit", message: expect.stringContaining('"DISHUB"') });
  });

  it("accepts an empty kebutuhan or a non-negative integer", () => {
    expect(okOf(validatePositions([position({ kebutuhan: "" })])).positions[0]!.requiredHeadcount).toBeNull();
    expect(okOf(validatePositions([position({ kebutuhan: "0" })])).positions[0]!.requiredHeadcount).toBe(0);
    expect(okOf(validatePositions([position({ kebutuhan: "12" })])).positions[0]!.requiredHeadcount).toBe(12);
  });

  it("rejects any other kebutuhan", () => {
    expect(okOf(validatePositions([position({ kebutuhan: "100000" })])).positions[0]!.requiredHeadcount).toBe(100_000);
    for (const bad of ["-1", "1.5", "dua", "1e3", "3 orang", "100001"]) {
      expect(onlyError(validatePositions([position({ kebutuhan: bad })]))).toMatchObject({ column: "kebutuhan" });
    }
  });

  it("keeps ikhtisar_jabatan up to 20,000 characters, one newline style", () => {
    const long = "a".repeat(20_000);
    expect(okOf(validatePositions([position({ ikhtisar_jabatan: long })])).positions[0]!.summary).toBe(long);
    expect(onlyError(validatePositions([position({ ikhtisar_jabatan: `${long}b` })]))).toMatchObject({ column: "ikhtisar_jabatan" });
    expect(okOf(validatePositions([position({ ikhtisar_jabatan: "Satu.\r\n\r\nDua.\r\n" })])).positions[0]!.summary).toBe("Satu.\n\nDua.");
    expect(okOf(validatePositions([position({ ikhtisar_jabatan: "" })])).positions[0]!.summary).toBe("");
  });

  it("turns an empty urusan_pemerintahan into null and limits it to 200 characters", () => {
    expect(okOf(validatePositions([position({ urusan_pemerintahan: "" })])).positions[0]!.governmentAffair).toBeNull();
    okOf(validatePositions([position({ urusan_pemerintahan: "u".repeat(200) })]));
    expect(onlyError(validatePositions([position({ urusan_pemerintahan: "u".repeat(201) })]))).toMatchObject({
      column: "urusan_pemerintahan",
    });
  });
});

describe("rows", () => {
  it("trims every cell", () => {
    const result = okOf(
      validateSotkImport(
        [
          sheet("unit", [unit({ kode_unit: "  SETDA ", nama_unit: " Setda\t", jenis_unit: " perangkat_daerah ", eselon: " I.b " })]),
          sheet("jabatan", [position({ kode_jabatan: " SEKDA ", kelompok_jabatan: " jpt_madya", kode_unit: "SETDA  ", kebutuhan: " 2 " })]),
        ],
        none,
      ),
    );
    expect(result.units[0]).toMatchObject({ code: "SETDA", name: "Setda", kind: "perangkat_daerah", echelon: "I.b" });
    expect(result.positions[0]).toMatchObject({ code: "SEKDA", group: "jpt_madya", unitCode: "SETDA", requiredHeadcount: 2 });
  });

  it("skips blank rows", () => {
    const blank = Object.fromEntries(UNIT_HEADER.map((h) => [h, " "]));
    expect(okOf(validateUnits([unit(), blank])).units).toHaveLength(1);
  });

  it("reports every error of a row and sorts errors by file and row", () => {
    const result = validateSotkImport(
      [
        sheet("unit", [unit(), unit({ kode_unit: "X", jenis_unit: "", eselon: "V" })], { fileName: "a.csv" }),
        sheet("jabatan", [position({ kode_unit: "NOPE" }), position({ kode_jabatan: "Y", kebutuhan: "-" })], { fileName: "b.csv" }),
      ],
      none,
    );
    expect(
      errorsOf(result)
        .map(formatImportError)
        .map((s) => s.split(": ").slice(0, 2).join(": ")),
    ).toEqual(["a.csv:3: jenis_unit", "a.csv:3: eselon", "b.csv:2: kode_unit", "b.csv:3: kebutuhan"]);
  });

  it("uses the row numbers it was given (a spreadsheet's rows)", () => {
    const s = sheet("unit", [unit({ jenis_unit: "x" })]);
    s.rows[0]!.rowNumber = 41;
    expect(onlyError(validateSotkImport([s], none))).toMatchObject({ row: 41 });
  });

  it("carries the sheet name of a workbook into errors", () => {
    const s = sheet("jabatan", [position({ kode_unit: "NOPE" })], { fileName: "sotk.xlsx", sheetName: "Jabatan" });
    expect(onlyError(validateSotkImport([s], none))).toMatchObject({ file: "sotk.xlsx", sheet: "Jabatan", row: 2 });
  });
});
