// SOTK import (contract §6): validates unit and position sheets after they have been read from CSV or
// XLSX. Kept free of file formats and storage so that every rule can be tested on plain data.

import {
  echelonOf,
  FUNCTIONAL_LEVEL_CHOICES,
  functionalLevelOf,
  headerKey,
  headerLookup,
  POSITION_GROUP_CHOICES,
  positionGroupOf,
  UNIT_KIND_CHOICES,
  unitKindOf,
} from "./import-words";
import {
  CODE_MAX,
  CODE_PATTERN,
  ECHELONS,
  GOVERNMENT_AFFAIR_MAX,
  HEADCOUNT_MAX,
  LEGAL_BASIS_KIND_MAX,
  LEGAL_BASIS_NUMBER_MAX,
  LEGAL_BASIS_YEARS,
  NAME_MAX,
  SUMMARY_MAX,
  type Echelon,
  type FunctionalLevel,
  type PositionGroup,
  type UnitKind,
} from "./sotk";

// "Peraturan Gubernur Nomor 45 Tahun 2021"; the number may carry letters or slashes ("061/12/2021").
const LEGAL_BASIS_PATTERN = /^(.+?)\s+nomor\s+(\S+)\s+tahun\s+(\d{4})$/i;
export const LEGAL_BASIS_EXAMPLE = "Peraturan Gubernur Nomor 45 Tahun 2021";

export type SheetKind = "unit" | "jabatan";

export interface ColumnSpec {
  name: string;
  /** The header our exports and the template write; matched like the name (contract §7.4). */
  label: string;
  /** Other headers people write for this column. */
  aliases?: readonly string[];
  /** Required in the header row; an optional column that is absent leaves existing values untouched. */
  required: boolean;
  description: string;
  example: string;
}

/** Codes of the template's example rows: refused by the import, so an untouched example never lands. */
export const EXAMPLE_CODE_PREFIX = "CONTOH.";

export const UNIT_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "kode_unit",
    label: "Kode Unit",
    required: true,
    description: `Kode unik unit, maksimal ${CODE_MAX} karakter: huruf, angka, dan tanda . - / _ (tanpa spasi). Impor ulang dengan kode yang sama memperbarui unit tersebut. Kode yang diawali ${EXAMPLE_CODE_PREFIX} hanya untuk contoh dan ditolak.`,
    example: `${EXAMPLE_CODE_PREFIX}SETDA`,
  },
  {
    name: "nama_unit",
    label: "Nama Unit",
    required: true,
    description: `Nama resmi unit, maksimal ${NAME_MAX} karakter.`,
    example: "Sekretariat Daerah Provinsi",
  },
  {
    name: "jenis_unit",
    label: "Jenis Unit",
    required: true,
    description: `Jenis unit sebagaimana ditulis dalam peraturan SOTK, huruf besar atau kecil: ${UNIT_KIND_CHOICES.join(", ")}. Kata yang ditulis tetap ditampilkan.`,
    example: "Sekretariat Daerah",
  },
  {
    name: "eselon",
    label: "Eselon",
    required: false,
    description: `Eselon unit: ${ECHELONS.join(", ")} (boleh juga ditulis III/a, IIIa, atau III A); kosongkan bila tidak bereselon.`,
    example: "I.b",
  },
  {
    name: "kode_unit_induk",
    label: "Kode Unit Induk",
    required: true,
    description:
      "Kode unit atasan langsung, yang ada di berkas impor atau sudah ada di aplikasi; kosongkan untuk perangkat daerah (unit tingkat teratas).",
    example: "",
  },
  {
    name: "dasar_hukum",
    label: "Dasar Hukum",
    required: false,
    description: `Peraturan pembentukan unit dengan pola "<jenis> Nomor <nomor> Tahun <tahun>", misalnya "${LEGAL_BASIS_EXAMPLE}"; boleh kosong.`,
    example: "Peraturan Daerah Nomor 8 Tahun 2016",
  },
];

export const POSITION_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "kode_jabatan",
    label: "Kode Jabatan",
    required: true,
    description: `Kode unik jabatan, maksimal ${CODE_MAX} karakter: huruf, angka, dan tanda . - / _ (tanpa spasi). Impor ulang dengan kode yang sama memperbarui jabatan tersebut. Kode yang diawali ${EXAMPLE_CODE_PREFIX} hanya untuk contoh dan ditolak.`,
    example: `${EXAMPLE_CODE_PREFIX}SETDA.SEKDA`,
  },
  {
    name: "nama_jabatan",
    label: "Nama Jabatan",
    required: true,
    description: `Nama jabatan, maksimal ${NAME_MAX} karakter.`,
    example: "Sekretaris Daerah",
  },
  {
    name: "kelompok_jabatan",
    label: "Kelompok Jabatan",
    aliases: ["Kelompok"],
    required: true,
    description: `Kelompok jabatan: ${POSITION_GROUP_CHOICES.join(", ")} (boleh juga JPT Pratama, Administrator, Fungsional, dan seterusnya).`,
    example: "Jabatan Pimpinan Tinggi Madya",
  },
  {
    name: "jenjang",
    label: "Jenjang",
    aliases: ["Jenjang Jabatan"],
    required: false,
    description: `Jenjang jabatan fungsional, wajib untuk kelompok fungsional dan dikosongkan untuk kelompok lain: ${FUNCTIONAL_LEVEL_CHOICES.join(", ")}.`,
    example: "",
  },
  {
    name: "kode_unit",
    label: "Kode Unit",
    required: true,
    description: "Kode unit tempat jabatan berada, yang ada di berkas impor atau sudah ada di aplikasi.",
    example: `${EXAMPLE_CODE_PREFIX}SETDA`,
  },
  {
    name: "urusan_pemerintahan",
    label: "Urusan Pemerintahan",
    required: false,
    description: `Urusan pemerintahan yang ditangani, maksimal ${GOVERNMENT_AFFAIR_MAX} karakter; boleh kosong.`,
    example: "Pemerintahan Umum",
  },
  {
    name: "ikhtisar_jabatan",
    label: "Ikhtisar Jabatan",
    required: false,
    description: `Ikhtisar jabatan, maksimal ${SUMMARY_MAX.toLocaleString("id-ID")} karakter; baris kosong memisahkan paragraf.`,
    example:
      "Membantu Gubernur dalam penyusunan kebijakan dan pengoordinasian administratif terhadap pelaksanaan tugas perangkat daerah serta pelayanan administratif.",
  },
  {
    name: "kebutuhan",
    label: "Kebutuhan",
    required: false,
    description: "Jumlah kebutuhan pegawai, bilangan bulat 0 atau lebih; boleh kosong.",
    example: "1",
  },
];

export const COLUMNS: Record<SheetKind, readonly ColumnSpec[]> = { unit: UNIT_COLUMNS, jabatan: POSITION_COLUMNS };

/**
 * Columns our exports add for reading (the register's unit name and SKJ status): accepted so that an
 * export imports back, and never read, since the app derives them.
 */
export const READ_ONLY_HEADERS: Record<SheetKind, readonly string[]> = { unit: [], jabatan: ["Unit", "Status SKJ"] };

const HEADER_LOOKUP: Record<SheetKind, Map<string, string>> = { unit: headerLookup(UNIT_COLUMNS), jabatan: headerLookup(POSITION_COLUMNS) };
const READ_ONLY_KEYS: Record<SheetKind, Set<string>> = {
  unit: new Set(READ_ONLY_HEADERS.unit.map(headerKey)),
  jabatan: new Set(READ_ONLY_HEADERS.jabatan.map(headerKey)),
};

export interface ParsedRow {
  /** The row number a spreadsheet shows; the header is row 1. */
  rowNumber: number;
  /** Cell text keyed by the header cell as written in the file. */
  values: Record<string, string>;
}

export interface ParsedSheet {
  fileName: string;
  /** Set for a workbook sheet, so that errors can say which sheet the row is on. */
  sheetName?: string;
  kind: SheetKind;
  header: string[];
  rows: ParsedRow[];
}

export interface ImportError {
  file: string;
  sheet?: string;
  /** Spreadsheet row; 1 is the header, 0 means the file as a whole. */
  row: number;
  column: string;
  message: string;
}

export interface LegalBasis {
  kind: string;
  number: string;
  year: number;
}

// In the rows below `undefined` means "the file has no such column": an existing record keeps its
// value and a new one gets none, so a file that omits an optional column does not wipe data.
export interface UnitRow {
  code: string;
  name: string;
  kind: UnitKind;
  /** The kind as the file wrote it, when it says more than the kind's label */
  kindLabel: string | null;
  echelon: Echelon | null | undefined;
  parentCode: string | null;
  legalBasis: LegalBasis | null | undefined;
}

export interface PositionRow {
  code: string;
  name: string;
  group: PositionGroup;
  functionalLevel: FunctionalLevel | null;
  unitCode: string;
  governmentAffair: string | null | undefined;
  summary: string | undefined;
  requiredHeadcount: number | null | undefined;
}

export type SotkValidation = { ok: true; units: UnitRow[]; positions: PositionRow[] } | { ok: false; errors: ImportError[] };

export interface ChangeCounts {
  create: number;
  update: number;
  unchanged: number;
}

export interface SotkImportCounts {
  units: ChangeCounts;
  positions: ChangeCounts;
}

/** A CSV file carries no sheet name, so its kind is told by its header (contract §6). */
export function detectSheetKind(header: readonly string[]): SheetKind | null {
  const keys = header.map(headerKey);
  const names = (kind: SheetKind) => new Set(keys.map((k) => HEADER_LOOKUP[kind].get(k)));
  const unit = names("unit").has("kode_unit") && names("unit").has("nama_unit");
  const position = names("jabatan").has("kode_jabatan");
  if (unit && !position) return "unit";
  if (position && !unit) return "jabatan";
  return null;
}

export function formatImportError(e: ImportError): string {
  return `${e.file}:${e.row}: ${e.column}: ${e.message}${e.sheet ? ` (lembar ${e.sheet})` : ""}`;
}

export function formatChangeCounts(c: ChangeCounts): string {
  return `${c.create} baru, ${c.update} diubah, ${c.unchanged} tetap`;
}

export function formatSotkCounts(counts: SotkImportCounts): string {
  return `Unit: ${formatChangeCounts(counts.units)}; Jabatan: ${formatChangeCounts(counts.positions)}`;
}

export function parseLegalBasis(text: string): LegalBasis | null {
  const m = LEGAL_BASIS_PATTERN.exec(text.replace(/\s+/g, " ").trim());
  if (!m) return null;
  return { kind: m[1]!, number: m[2]!, year: Number(m[3]) };
}

const quoted = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
const choices = (list: readonly string[]) => `Pilihan: ${list.join(", ")}.`;

function cleanCell(raw: string | undefined): string | undefined {
  // spreadsheets on Windows keep CRLF inside cells; compare and store one newline style
  return raw === undefined ? undefined : raw.replace(/\r\n?/g, "\n").trim();
}

interface SheetHeader {
  /** normalized column name → header cell as written, for the columns present */
  present: Map<string, string>;
  headerOk: boolean;
}

function readHeader(sheet: ParsedSheet, errors: ImportError[]): SheetHeader {
  const specs = COLUMNS[sheet.kind];
  const present = new Map<string, string>();
  const err = (column: string, message: string) => errors.push({ file: sheet.fileName, sheet: sheet.sheetName, row: 1, column, message });
  const before = errors.length;
  sheet.header.forEach((raw, i) => {
    const key = headerKey(raw);
    const name = HEADER_LOOKUP[sheet.kind].get(key);
    if (key === "") {
      err(`kolom ke-${i + 1}`, "Kolom ini berisi data tetapi tidak berjudul. Beri judul kolom yang dikenal atau hapus isinya.");
    } else if (READ_ONLY_KEYS[sheet.kind].has(key)) {
      // filled in by the app on export; the file cannot change it
    } else if (name === undefined) {
      err(
        raw.trim(),
        `Kolom ${quoted(raw.trim())} tidak dikenal. Kolom yang dikenal: ${specs.map((c) => `${c.label} (${c.name})`).join(", ")}.`,
      );
    } else if (present.has(name)) {
      err(
        raw.trim(),
        `Kolom ${quoted(raw.trim())} muncul lebih dari sekali di baris judul (sebagai ${quoted(present.get(name)!.trim())} juga).`,
      );
    } else {
      present.set(name, raw);
    }
  });
  for (const spec of specs) {
    if (spec.required && !present.has(spec.name))
      err(spec.name, `Kolom wajib ${quoted(spec.label)} (${spec.name}) tidak ada di baris judul.`);
  }
  return { present, headerOk: errors.length === before };
}

interface Located<T> {
  row: T;
  file: string;
  sheet: string | undefined;
  rowNumber: number;
}

type LocatedUnit = Located<UnitRow> & { parentColumn: string };

/**
 * Checks every sheet of one import against contract §6. `knownUnitCodes` are the units already stored;
 * `knownUnitParents` (code → parent code), when given, lets a re-parenting that closes a loop through
 * stored units be caught too. Units come back parents first, so they can be inserted in that order.
 */
export function validateSotkImport(
  sheets: readonly ParsedSheet[],
  knownUnitCodes: ReadonlySet<string>,
  knownUnitParents?: ReadonlyMap<string, string | null>,
): SotkValidation {
  const errors: ImportError[] = [];
  const units: LocatedUnit[] = [];
  const positions: Located<PositionRow>[] = [];
  const seenUnits = new Map<string, string>();
  const seenPositions = new Map<string, string>();
  // codes declared in the import, even on rows with other mistakes, so one typo does not cascade
  const importedUnitCodes = new Set<string>();
  const unitRefs: { code: string; column: string; parent: boolean; at: Omit<ImportError, "column" | "message">; self?: string }[] = [];

  for (const sheet of sheets) {
    const reader = readHeader(sheet, errors);
    const codeColumn = sheet.kind === "unit" ? "kode_unit" : "kode_jabatan";
    // errors name the column as the file's header writes it, which is what the user looks for
    const col = (name: string) => reader.present.get(name)?.trim() || name;
    for (const { rowNumber, values } of sheet.rows) {
      const get = (name: string): string | undefined => {
        const raw = reader.present.get(name);
        return raw === undefined ? undefined : cleanCell(values[raw] ?? "");
      };
      const cells = [...reader.present.keys()].map(get);
      if (cells.every((c) => !c)) continue; // blank rows are layout, not data
      if (!reader.present.has(codeColumn)) continue; // reported once, on the header
      const at = { file: sheet.fileName, sheet: sheet.sheetName, row: rowNumber };
      let rowOk = true;
      const err = (column: string, message: string) => {
        rowOk = false;
        errors.push({ ...at, column, message });
      };

      const code = checkCode(get(codeColumn) ?? "", sheet.kind === "unit" ? "unit" : "jabatan", (m) => err(col(codeColumn), m));
      if (code?.toUpperCase().startsWith(EXAMPLE_CODE_PREFIX)) {
        err(
          col(codeColumn),
          `Kode ${quoted(code)} adalah baris contoh templat (diawali ${EXAMPLE_CODE_PREFIX}) dan tidak diimpor. Hapus baris ini atau ganti dengan kode yang sebenarnya.`,
        );
      }
      if (code !== null) {
        const seen = sheet.kind === "unit" ? seenUnits : seenPositions;
        const first = seen.get(code);
        if (first)
          err(col(codeColumn), `Kode ${quoted(code)} sudah dipakai di ${first}; setiap kode hanya boleh muncul sekali dalam satu impor.`);
        else seen.set(code, `${sheet.fileName}${sheet.sheetName ? ` lembar ${sheet.sheetName}` : ""} baris ${rowNumber}`);
        if (sheet.kind === "unit") importedUnitCodes.add(code);
      }
      // a broken header makes column-by-column checks misleading; the header errors say what to fix
      if (!reader.headerOk) continue;

      if (sheet.kind === "unit") {
        const name = checkText(get("nama_unit"), "Nama unit", NAME_MAX, true, (m) => err(col("nama_unit"), m));
        const kindText = get("jenis_unit") ?? "";
        const kindReading = unitKindOf(kindText);
        if (kindText === "") err(col("jenis_unit"), `Jenis unit wajib diisi. ${choices(UNIT_KIND_CHOICES)}`);
        else if (!kindReading) err(col("jenis_unit"), `Jenis unit ${quoted(kindText)} tidak dikenal. ${choices(UNIT_KIND_CHOICES)}`);

        const echelonText = get("eselon");
        let echelon: Echelon | null | undefined = echelonText === undefined ? undefined : null;
        if (echelonText) {
          echelon = echelonOf(echelonText);
          if (!echelon)
            err(col("eselon"), `Eselon ${quoted(echelonText)} tidak dikenal. ${choices(ECHELONS)} Kosongkan bila unit tidak bereselon.`);
        }

        const parentText = get("kode_unit_induk") ?? "";
        let parentCode: string | null = null;
        if (parentText !== "") {
          parentCode = checkCode(parentText, "unit induk", (m) => err(col("kode_unit_induk"), m));
          if (parentCode !== null)
            unitRefs.push({ code: parentCode, column: col("kode_unit_induk"), parent: true, at, self: code ?? undefined });
        }

        const legalText = get("dasar_hukum");
        let legalBasis: LegalBasis | null | undefined = legalText === undefined ? undefined : null;
        if (legalText) {
          legalBasis = parseLegalBasis(legalText);
          const problem = legalBasis === null ? null : legalBasisProblem(legalBasis);
          if (legalBasis === null)
            err(
              "dasar_hukum",
              `Dasar hukum ${quoted(legalText)} tidak sesuai pola "<jenis> Nomor <nomor> Tahun <tahun>", misalnya "${LEGAL_BASIS_EXAMPLE}".`,
            );
          else if (problem) err(col("dasar_hukum"), problem);
        }

        if (rowOk && code !== null && name !== null && kindReading) {
          const row = { code, name, kind: kindReading.kind, kindLabel: kindReading.label, echelon, parentCode, legalBasis };
          units.push({ row, ...locate(at), parentColumn: col("kode_unit_induk") });
        }
      } else {
        const name = checkText(get("nama_jabatan"), "Nama jabatan", NAME_MAX, true, (m) => err(col("nama_jabatan"), m));
        const groupText = get("kelompok_jabatan") ?? "";
        const group: PositionGroup | null = positionGroupOf(groupText);
        if (groupText === "") err(col("kelompok_jabatan"), `Kelompok jabatan wajib diisi. ${choices(POSITION_GROUP_CHOICES)}`);
        else if (!group)
          err(col("kelompok_jabatan"), `Kelompok jabatan ${quoted(groupText)} tidak dikenal. ${choices(POSITION_GROUP_CHOICES)}`);

        // an absent jenjang column means "no jenjang": keeping a stored one could contradict the group
        const levelText = get("jenjang") ?? "";
        const level = functionalLevelOf(levelText);
        let functionalLevel: FunctionalLevel | null = null;
        if (levelText !== "" && !level) {
          err(col("jenjang"), `Jenjang ${quoted(levelText)} tidak dikenal. ${choices(FUNCTIONAL_LEVEL_CHOICES)}`);
        } else if (group === "fungsional") {
          if (!level) err(col("jenjang"), `Jenjang wajib diisi untuk jabatan fungsional. ${choices(FUNCTIONAL_LEVEL_CHOICES)}`);
          else functionalLevel = level;
        } else if (group !== null && levelText !== "") {
          err(col("jenjang"), `Jenjang hanya diisi untuk jabatan fungsional; kosongkan untuk kelompok ${quoted(groupText)}.`);
        }

        const unitText = get("kode_unit") ?? "";
        let unitCode: string | null = null;
        if (unitText === "") err(col("kode_unit"), "Kode unit jabatan wajib diisi.");
        else {
          unitCode = checkCode(unitText, "unit", (m) => err(col("kode_unit"), m));
          if (unitCode !== null) unitRefs.push({ code: unitCode, column: col("kode_unit"), parent: false, at });
        }

        const affairText = get("urusan_pemerintahan");
        const affair = checkText(affairText, "Urusan pemerintahan", GOVERNMENT_AFFAIR_MAX, false, (m) =>
          err(col("urusan_pemerintahan"), m),
        );
        const governmentAffair = affairText === undefined ? undefined : affair || null;

        const summaryText = get("ikhtisar_jabatan");
        const summary =
          summaryText === undefined
            ? undefined
            : (checkText(summaryText, "Ikhtisar jabatan", SUMMARY_MAX, false, (m) => err(col("ikhtisar_jabatan"), m)) ?? "");

        const headcountText = get("kebutuhan");
        let requiredHeadcount: number | null | undefined = headcountText === undefined ? undefined : null;
        if (headcountText) {
          if (!/^\d+$/.test(headcountText))
            err(col("kebutuhan"), `Kebutuhan harus bilangan bulat 0 atau lebih, atau dikosongkan (bukan ${quoted(headcountText)}).`);
          else if (Number(headcountText) > HEADCOUNT_MAX)
            err(col("kebutuhan"), `Kebutuhan paling banyak ${HEADCOUNT_MAX.toLocaleString("id-ID")}.`);
          else requiredHeadcount = Number(headcountText);
        }

        if (rowOk && code !== null && name !== null && group !== null && unitCode !== null) {
          positions.push({
            row: { code, name, group, functionalLevel, unitCode, governmentAffair, summary, requiredHeadcount },
            ...locate(at),
          });
        }
      }
    }
  }

  for (const ref of unitRefs) {
    if (ref.self !== undefined && ref.code === ref.self) {
      errors.push({ ...ref.at, column: ref.column, message: "Unit tidak boleh menjadi induk dirinya sendiri." });
    } else if (!importedUnitCodes.has(ref.code) && !knownUnitCodes.has(ref.code)) {
      const what = ref.parent ? "Unit induk" : "Unit";
      errors.push({ ...ref.at, column: ref.column, message: `${what} ${quoted(ref.code)} tidak ada di berkas impor maupun di aplikasi.` });
    }
  }

  errors.push(...findCycles(units, knownUnitParents));

  if (errors.length > 0) return { ok: false, errors: sortErrors(errors, sheets) };
  return { ok: true, units: parentsFirst(units.map((u) => u.row)), positions: positions.map((p) => p.row) };
}

function legalBasisProblem(basis: LegalBasis): string | null {
  if (basis.kind.length > LEGAL_BASIS_KIND_MAX) return `Jenis peraturan pada dasar hukum maksimal ${LEGAL_BASIS_KIND_MAX} karakter.`;
  if (basis.number.length > LEGAL_BASIS_NUMBER_MAX) return `Nomor peraturan pada dasar hukum maksimal ${LEGAL_BASIS_NUMBER_MAX} karakter.`;
  if (basis.year < LEGAL_BASIS_YEARS.min || basis.year > LEGAL_BASIS_YEARS.max)
    return `Tahun dasar hukum harus antara ${LEGAL_BASIS_YEARS.min} dan ${LEGAL_BASIS_YEARS.max} (bukan ${basis.year}).`;
  return null;
}

function locate(at: { file: string; sheet: string | undefined; row: number }) {
  return { file: at.file, sheet: at.sheet, rowNumber: at.row };
}

function checkCode(value: string, what: string, err: (message: string) => void): string | null {
  if (value === "") {
    err(`Kode ${what} wajib diisi.`);
    return null;
  }
  if (value.length > CODE_MAX) {
    err(`Kode ${what} maksimal ${CODE_MAX} karakter (sekarang ${value.length}).`);
    return null;
  }
  if (!CODE_PATTERN.test(value)) {
    err(`Kode ${what} ${quoted(value)} tidak valid: gunakan huruf, angka, dan tanda . - / _ saja, tanpa spasi.`);
    return null;
  }
  return value;
}

function checkText(
  value: string | undefined,
  label: string,
  max: number,
  required: boolean,
  err: (message: string) => void,
): string | null {
  const text = value ?? "";
  if (required && text === "") {
    err(`${label} wajib diisi.`);
    return null;
  }
  if (text.length > max) {
    err(`${label} maksimal ${max.toLocaleString("id-ID")} karakter (sekarang ${text.length.toLocaleString("id-ID")}).`);
    return null;
  }
  return text;
}

function findCycles(units: LocatedUnit[], knownParents: ReadonlyMap<string, string | null> | undefined): ImportError[] {
  const parentOf = new Map<string, string | null>(knownParents ?? []);
  for (const u of units) parentOf.set(u.row.code, u.row.parentCode);
  const errors: ImportError[] = [];
  for (const u of units) {
    if (u.row.parentCode === null || u.row.parentCode === u.row.code) continue; // self-parent is reported on its own
    const chain = [u.row.code];
    const visited = new Set(chain);
    let current: string | null = u.row.parentCode;
    while (current !== null && !visited.has(current)) {
      chain.push(current);
      visited.add(current);
      current = parentOf.get(current) ?? null;
    }
    if (current === u.row.code) {
      errors.push({
        file: u.file,
        sheet: u.sheet,
        row: u.rowNumber,
        column: u.parentColumn,
        message: `Hierarki unit melingkar: ${[...chain, u.row.code].join(" → ")}. Sebuah unit tidak boleh menjadi atasan dirinya sendiri.`,
      });
    }
  }
  return errors;
}

/** Orders units so that a parent that is part of the import comes before its children; otherwise keeps file order. */
export function parentsFirst(units: readonly UnitRow[]): UnitRow[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const placed = new Set<string>();
  const out: UnitRow[] = [];
  const place = (u: UnitRow, path: Set<string>) => {
    if (placed.has(u.code) || path.has(u.code)) return;
    path.add(u.code);
    const parent = u.parentCode === null ? undefined : byCode.get(u.parentCode);
    if (parent) place(parent, path);
    placed.add(u.code);
    out.push(u);
  };
  for (const u of units) place(u, new Set());
  return out;
}

function sortErrors(errors: ImportError[], sheets: readonly ParsedSheet[]): ImportError[] {
  const order = new Map<string, number>();
  sheets.forEach((s, i) => {
    const key = `${s.fileName}\u0000${s.sheetName ?? ""}`;
    if (!order.has(key)) order.set(key, i);
  });
  const rank = (e: ImportError) => order.get(`${e.file}\u0000${e.sheet ?? ""}`) ?? sheets.length;
  // Array.prototype.sort is stable, so errors of one row keep the column order they were found in
  return [...errors].sort((a, b) => rank(a) - rank(b) || a.row - b.row);
}
