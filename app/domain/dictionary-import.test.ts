import { describe, expect, it } from "vitest";
import {
  DICTIONARY_COLUMN_NAMES,
  formatImportError,
  parseSource,
  splitIndicators,
  toJsonEntries,
  toSheetRows,
  validateDictionaryImport,
  type DictionaryExportEntry,
  type DictionaryJson,
  type DictionarySheet,
  type DictionaryValidation,
  type ImportError,
} from "./dictionary-import";

type Cells = Record<string, string>;

const SOURCE = "instansi_pembina: Kemenkominfo, Kamus Kompetensi Teknis 2019";

/** The five rows of one code, levels 1–5 in order, with overrides per level. */
function entryRows(code = "T.UJI", over: Record<number, Cells> = {}, base: Cells = {}): Cells[] {
  return [1, 2, 3, 4, 5].map((level) => ({
    kode: code,
    nama: "Kompetensi Uji",
    definisi: "Definisi kompetensi uji.",
    sumber: SOURCE,
    level: String(level),
    deskripsi_level: `Deskripsi level ${level}.`,
    indikator: `${level}.1 Indikator pertama level ${level}.\n${level}.2 Indikator kedua level ${level}.`,
    ...base,
    ...over[level],
  }));
}

function sheet(rows: Cells[], opts: { header?: string[]; fileName?: string; sheetName?: string } = {}): DictionarySheet {
  return {
    format: "sheet",
    fileName: opts.fileName ?? "kamus.csv",
    ...(opts.sheetName ? { sheetName: opts.sheetName } : {}),
    header: opts.header ?? [...DICTIONARY_COLUMN_NAMES],
    rows: rows.map((values, i) => ({ rowNumber: i + 2, values })),
  };
}

const json = (value: unknown, fileName = "kamus.json"): DictionaryJson => ({ format: "json", fileName, value });

function jsonEntry(over: Record<string, unknown> = {}) {
  return {
    code: "T.JSON",
    name: "Kompetensi JSON",
    definition: "Definisi dari JSON.",
    source: "lokal",
    levels: [1, 2, 3, 4, 5].map((level) => ({ level, description: `Deskripsi ${level}.`, indicators: [`Indikator ${level}.`] })),
    ...over,
  };
}

function errorsOf(result: DictionaryValidation): ImportError[] {
  if (result.ok) throw new Error("expected errors, got entries");
  return result.errors;
}

function entriesOf(result: DictionaryValidation) {
  if (!result.ok) throw new Error(result.errors.map(formatImportError).join("\n"));
  return result.entries;
}

const where = (errors: ImportError[]) => errors.map((e) => [e.file, e.row, e.column]);

describe("validateDictionaryImport: sheets", () => {
  it("groups the five level rows of each code into one entry, stripping indicator numbering", () => {
    const result = validateDictionaryImport([sheet([...entryRows("T.A"), ...entryRows("T.B", {}, { sumber: "Disusun daerah" })])]);
    const entries = entriesOf(result);
    expect(entries.map((e) => e.code)).toEqual(["T.A", "T.B"]);
    expect(entries[0]).toEqual({
      code: "T.A",
      name: "Kompetensi Uji",
      category: "",
      sourceKind: "instansi_pembina",
      sourceReference: "Kemenkominfo, Kamus Kompetensi Teknis 2019",
      keywords: [],
      definitionText: "Definisi kompetensi uji.",
      levels: [1, 2, 3, 4, 5].map((level) => ({
        level,
        description: `Deskripsi level ${level}.`,
        indicators: [`Indikator pertama level ${level}.`, `Indikator kedua level ${level}.`],
      })),
    });
    expect(entries[1]).toMatchObject({ sourceKind: "lokal", sourceReference: "" });
    expect(result.ok && result.origins).toEqual([
      { file: "kamus.csv", row: 2, codeColumn: "kode" },
      { file: "kamus.csv", row: 7, codeColumn: "kode" },
    ]);
  });

  it("accepts level rows in any order and columns in any order, with blank rows between", () => {
    const rows = entryRows("T.A").reverse();
    rows.splice(2, 0, Object.fromEntries(DICTIONARY_COLUMN_NAMES.map((c) => [c, ""])));
    const header = [...DICTIONARY_COLUMN_NAMES].reverse();
    const [entry] = entriesOf(validateDictionaryImport([sheet(rows, { header })]));
    expect(entry!.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads the headers people write and levels written as "Level 3", naming errors by the header as written', () => {
    const LABELS: Record<string, string> = {
      kode: "Kode Kompetensi",
      nama: "NAMA",
      definisi: "Definisi",
      sumber: "Sumber",
      level: "Level",
      deskripsi_level: "Deskripsi Level",
      indikator: "Indikator Perilaku",
    };
    const relabel = (rows: Cells[]) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [LABELS[k]!, k === "level" ? `Level ${v}` : v])));
    const header = DICTIONARY_COLUMN_NAMES.map((c) => LABELS[c]!);
    const [entry] = entriesOf(validateDictionaryImport([sheet(relabel(entryRows("T.A")), { header })]));
    expect(entry!.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    const errors = errorsOf(
      validateDictionaryImport([
        sheet(relabel(entryRows("T.A", { 2: { deskripsi_level: "" } })), { header, fileName: "kamus.xlsx", sheetName: "Kompetensi" }),
      ]),
    );
    expect(errors.map((e) => [e.file, e.sheet, e.row, e.column])).toEqual([["kamus.xlsx", "Kompetensi", 3, "Deskripsi Level"]]);
  });

  it("refuses a code missing a level with one error naming it, on the code's first row", () => {
    const rows = entryRows("T.A").filter((r) => r.level !== "4");
    const errors = errorsOf(validateDictionaryImport([sheet(rows)]));
    expect(where(errors)).toEqual([["kamus.csv", 2, "level"]]);
    expect(errors[0]!.message).toContain("Level 4");
    expect(errors[0]!.message).not.toContain("Level 3");

    const two = errorsOf(
      validateDictionaryImport([sheet(entryRows("T.A").filter((r) => r.level === "1" || r.level === "3" || r.level === "5"))]),
    );
    expect(two).toHaveLength(1);
    expect(two[0]!.message).toContain("Level 2 dan Level 4 tidak ada");
  });

  it("reports a duplicate level row where it is, and not as a missing level", () => {
    const rows = entryRows("T.A");
    rows.splice(3, 0, { ...rows[1]! }); // a second level-2 row at spreadsheet row 5
    const errors = errorsOf(validateDictionaryImport([sheet(rows)]));
    expect(where(errors)).toEqual([["kamus.csv", 5, "level"]]);
    expect(errors[0]!.message).toContain("baris 3");
  });

  it("reports an unreadable level on its row without a cascading missing-level error", () => {
    const errors = errorsOf(validateDictionaryImport([sheet(entryRows("T.A", { 3: { level: "tiga" } }))]));
    expect(where(errors)).toEqual([["kamus.csv", 4, "level"]]);
    expect(errors[0]!.message).toContain('"tiga"');
    expect(where(errorsOf(validateDictionaryImport([sheet(entryRows("T.A", { 5: { level: "6" } }))])))).toEqual([
      ["kamus.csv", 6, "level"],
    ]);
  });

  it("requires name, definition and source to be the same on every row of a code", () => {
    const errors = errorsOf(
      validateDictionaryImport([sheet(entryRows("T.A", { 3: { nama: "Nama Lain" }, 5: { definisi: "Definisi lain.", sumber: "lokal" } }))]),
    );
    expect(where(errors)).toEqual([
      ["kamus.csv", 4, "nama"],
      ["kamus.csv", 6, "definisi"],
      ["kamus.csv", 6, "sumber"],
    ]);
    expect(errors[0]!.message).toContain("baris 2");
  });

  it("maps the schema's issues to the row and column they concern", () => {
    const errors = errorsOf(
      validateDictionaryImport([sheet(entryRows("T.A", { 1: { nama: "" }, 2: { deskripsi_level: "" }, 4: { indikator: "" } }, {}))]),
    );
    // an empty nama on row 2 also differs from the other rows, which is reported on each of them
    expect(errors.filter((e) => e.column !== "nama" || e.row === 2).map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "nama", "Nama kompetensi wajib diisi."],
      [3, "deskripsi_level", "Deskripsi level wajib diisi."],
      [5, "indikator", "Setiap level memerlukan minimal satu indikator perilaku."],
    ]);
    const long = errorsOf(validateDictionaryImport([sheet(entryRows("T.A", { 2: { indikator: `ok\n${"x".repeat(1001)}` } }))]));
    expect(long.map((e) => [e.row, e.column, e.message])).toEqual([[3, "indikator", "Indikator ke-2: Indikator maksimal 1000 karakter."]]);
  });

  it("refuses the regulation codes and allows T.OTDA", () => {
    for (const code of ["M.01", "M.08", "SK.01"]) {
      const errors = errorsOf(validateDictionaryImport([sheet(entryRows(code))]));
      expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
        [2, "kode", "Kode ini milik kamus peraturan dan tidak dapat dipakai."],
      ]);
    }
    expect(entriesOf(validateDictionaryImport([sheet(entryRows("T.OTDA"))]))[0]!.code).toBe("T.OTDA");
  });

  it("checks the code against the schema: characters, and a row without one", () => {
    const rows = [...entryRows("T A"), { ...entryRows("T.B")[0]!, kode: "" }];
    const errors = errorsOf(validateDictionaryImport([sheet(rows)]));
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "kode", "Kode hanya boleh berisi huruf, angka, dan tanda . - / _"],
      [7, "kode", "Kode kompetensi wajib diisi."],
    ]);
  });

  it("reports unknown, missing and duplicate columns on the header row and reads no data then", () => {
    const header = ["kode", "nama", "definisi", "sumber", "level", "deskripsi_level", "kategori", "nama"];
    const errors = errorsOf(validateDictionaryImport([sheet(entryRows("M.01"), { header })]));
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, "kategori"],
      [1, "nama"],
      [1, "indikator"],
    ]);
    expect(errors[0]!.message).toContain("tidak dikenal");
    expect(errors[2]!.message).toContain("Kolom wajib");
  });

  it("refuses a code defined in two files, and a file without data rows", () => {
    const errors = errorsOf(
      validateDictionaryImport([
        sheet(entryRows("T.A")),
        sheet(entryRows("T.A"), { fileName: "lagi.xlsx", sheetName: "Kompetensi" }),
        sheet([], { fileName: "kosong.csv" }),
      ]),
    );
    expect(errors.map((e) => [e.file, e.sheet, e.row, e.column])).toEqual([
      ["lagi.xlsx", "Kompetensi", 2, "kode"],
      ["kosong.csv", undefined, 0, "berkas"],
    ]);
    expect(errors[0]!.message).toContain("kamus.csv baris 2");
    expect(formatImportError(errors[0]!)).toMatch(/^lagi\.xlsx:2: kode: .* \(lembar Kompetensi\)$/);
  });
});

describe("validateDictionaryImport: JSON", () => {
  it("reads the contract's array shape and ignores what an export adds", () => {
    const [entry] = entriesOf(validateDictionaryImport([json([jsonEntry({ type: "teknis", revision: 3, status: "diterbitkan" })])]));
    expect(entry).toMatchObject({ code: "T.JSON", sourceKind: "lokal", definitionText: "Definisi dari JSON." });
    expect(entry!.levels[4]).toEqual({ level: 5, description: "Deskripsi 5.", indicators: ["Indikator 5."] });
  });

  it("uses the 1-based array index as the row and the field path as the column", () => {
    const levels = jsonEntry().levels;
    const bad = jsonEntry({
      code: "T.DUA",
      extra: 1,
      levels: [levels[4], levels[0], { ...levels[2], description: "" }, levels[1], { ...levels[3], indicators: ["ok", ""] }],
    });
    const errors = errorsOf(validateDictionaryImport([json([jsonEntry(), bad])]));
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, "extra"],
      [2, "levels[2].description"],
      [2, "levels[4].indicators[1]"],
    ]);
    expect(errors[2]!.message).toBe("Indikator tidak boleh kosong.");
  });

  it("names missing levels once, refuses a duplicate level and a regulation code", () => {
    const levels = jsonEntry().levels;
    const errors = errorsOf(
      validateDictionaryImport([
        json([
          jsonEntry({ levels: levels.filter((l) => l.level !== 4) }),
          jsonEntry({ code: "T.LAIN", levels: [...levels, { ...levels[0] }] }),
          jsonEntry({ code: "SK.01", type: "sosial_kultural" }),
        ]),
      ]),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, "levels"],
      [2, "levels[5].level"],
      [3, "code"],
    ]);
    expect(errors[0]!.message).toContain("Level 4");
    expect(errors[2]!.message).toContain("kamus peraturan");
  });

  it("says in Indonesian what has the wrong kind, instead of the schema's generic messages", () => {
    const errors = errorsOf(
      validateDictionaryImport([
        json([jsonEntry({ name: 5, levels: "lima" }), "teks", jsonEntry({ code: "T.X", source: "regulasi", type: "manajerial" })]),
      ]),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, "name"],
      [1, "levels"],
      [2, "elemen"],
      [3, "source"],
      [3, "type"],
    ]);
    expect(errors[0]!.message).toBe("Field name harus berupa teks.");
    for (const e of errors) expect(e.message).not.toMatch(/Invalid|expected/);
    expect(where(errorsOf(validateDictionaryImport([json({ code: "T.X" })])))).toEqual([["kamus.json", 0, "berkas"]]);
  });

  it("refuses a code repeated in the array", () => {
    const errors = errorsOf(validateDictionaryImport([json([jsonEntry(), jsonEntry()])]));
    expect(errors.map((e) => [e.row, e.column])).toEqual([[2, "code"]]);
    expect(errors[0]!.message).toContain("kamus.json elemen 1");
  });
});

describe("parseSource and splitIndicators", () => {
  it("accepts the codes and the Indonesian labels, case-insensitively, with the reference after the first colon", () => {
    expect(parseSource(SOURCE)).toEqual({
      ok: true,
      sourceKind: "instansi_pembina",
      sourceReference: "Kemenkominfo, Kamus Kompetensi Teknis 2019",
    });
    expect(parseSource("KAMUS DAERAH LAIN: Kab. Sleman: 2020")).toEqual({
      ok: true,
      sourceKind: "daerah_lain",
      sourceReference: "Kab. Sleman: 2020",
    });
    expect(parseSource("disusun daerah")).toEqual({ ok: true, sourceKind: "lokal", sourceReference: "" });
    expect(parseSource("Instansi pembina :  LKPP ")).toEqual({ ok: true, sourceKind: "instansi_pembina", sourceReference: "LKPP" });
    expect(parseSource("buku")).toMatchObject({ ok: false, message: expect.stringContaining("instansi_pembina, daerah_lain, lokal") });
    expect(parseSource("regulasi: Permenpan")).toMatchObject({ ok: false, message: expect.stringContaining("kamus peraturan") });
    expect(parseSource(" ")).toMatchObject({ ok: false, message: expect.stringContaining("wajib") });
  });

  it("splits one indicator per line and strips the numbering that the app adds on display", () => {
    expect(splitIndicators("3.1 Satu\r\n3.2. Dua\n\n1. Tiga\n2) Empat\n- Lima\n• Enam")).toEqual([
      "Satu",
      "Dua",
      "Tiga",
      "Empat",
      "Lima",
      "Enam",
    ]);
    // a bare number is part of the text ("5 laporan"), not numbering
    expect(splitIndicators("5 laporan disusun tepat waktu")).toEqual(["5 laporan disusun tepat waktu"]);
  });
});

describe("export shape", () => {
  const exported: DictionaryExportEntry[] = [
    {
      code: "T.OTDA",
      type: "teknis",
      name: "Advokasi Kebijakan Otonomi Daerah",
      definition: "Baris satu.\nBaris dua.",
      sourceKind: "instansi_pembina",
      sourceReference: "Catatan: dengan titik dua",
      revision: 2,
      status: "diterbitkan",
      levels: [1, 2, 3, 4, 5].map((level) => ({ level, description: `D${level}`, indicators: [`I${level}a`, `I${level}b`] })),
    },
  ];

  it("writes sheet rows and JSON that read back as the same entry", () => {
    const rows = toSheetRows(exported);
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0]!)).toEqual([...DICTIONARY_COLUMN_NAMES]);
    expect(rows[0]!.sumber).toBe("instansi_pembina: Catatan: dengan titik dua");
    const asCells = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));
    const fromSheet = entriesOf(validateDictionaryImport([sheet(asCells)]));
    const fromJson = entriesOf(validateDictionaryImport([json(JSON.parse(JSON.stringify(toJsonEntries(exported))))]));
    expect(fromJson).toEqual(fromSheet);
    expect(fromSheet[0]).toMatchObject({
      code: "T.OTDA",
      definitionText: "Baris satu.\nBaris dua.",
      sourceKind: "instansi_pembina",
      sourceReference: "Catatan: dengan titik dua",
      levels: exported[0]!.levels,
    });
    expect(Object.keys(toJsonEntries(exported)[0]!)).toEqual([
      "code",
      "type",
      "name",
      "definition",
      "source",
      "revision",
      "status",
      "levels",
    ]);
  });
});
