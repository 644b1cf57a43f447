// Technical dictionary import (contract §6): turns the rows of a `Kompetensi` sheet (one row per level) or a
// JSON array into entries checked by TechnicalEntrySchema. Kept free of file formats and storage, like the
// SOTK import, so that every rule can be tested on plain data.
import {
  CompetencyCodeSchema,
  isRegulationCode,
  LEVELS,
  SOURCE_KINDS,
  TechnicalEntrySchema,
  type CompetencyType,
  type RevisionStatus,
  type SourceKind,
  type TechnicalEntryInput,
} from "./dictionary";
import { CODE_MAX } from "./sotk";
import { formatChangeCounts, type ChangeCounts, type ColumnSpec, type ImportError, type ParsedRow } from "./sotk-import";
import { SOURCE_KIND_LABELS } from "./labels";
import { headerKey, headerLookup } from "./import-words";

export { formatImportError } from "./sotk-import";
export type { ChangeCounts, ImportError, ParsedRow };

export const DICTIONARY_SHEET_NAME = "Kompetensi";

export const SOURCE_EXAMPLE = "instansi_pembina: Kemenkominfo, Kamus Kompetensi Teknis 2019";

export const DICTIONARY_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "kode",
    label: "Kode",
    aliases: ["Kode Kompetensi"],
    required: true,
    description: `Kode kompetensi teknis, maksimal ${CODE_MAX} karakter: huruf, angka, dan tanda . - / _. Satu kode memerlukan lima baris, satu untuk setiap level 1–5. Kode kamus peraturan (M.01–M.08, SK.01) tidak dapat diimpor.`,
    example: "T.ANJAB",
  },
  {
    name: "nama",
    label: "Nama",
    aliases: ["Nama Kompetensi"],
    required: true,
    description: "Nama kompetensi; sama di kelima baris level.",
    example: "Analisis Jabatan",
  },
  {
    name: "definisi",
    label: "Definisi",
    aliases: ["Definisi Kompetensi"],
    required: true,
    description: "Definisi kompetensi; sama di kelima baris level.",
    example: "Kemampuan menganalisis informasi jabatan.",
  },
  {
    name: "sumber",
    label: "Sumber",
    required: true,
    description: `Asal kompetensi: instansi_pembina, daerah_lain, atau lokal (boleh juga "Instansi pembina", "Kamus daerah lain", "Disusun daerah"), boleh diikuti titik dua dan rujukannya, misalnya "${SOURCE_EXAMPLE}"; sama di kelima baris level.`,
    example: "lokal: Biro Organisasi",
  },
  {
    name: "level",
    label: "Level",
    aliases: ["Level Kompetensi"],
    required: true,
    description: "Level kompetensi, bilangan bulat 1 sampai 5.",
    example: "1",
  },
  {
    name: "deskripsi_level",
    label: "Deskripsi Level",
    aliases: ["Deskripsi"],
    required: true,
    description: "Deskripsi kemampuan pada level ini.",
    example: "Memahami konsep dasar analisis jabatan.",
  },
  {
    name: "indikator",
    label: "Indikator",
    aliases: ["Indikator Kompetensi", "Indikator Perilaku"],
    required: true,
    description: 'Indikator perilaku level ini, satu indikator per baris dalam sel; penomoran di awal baris ("1.1 ", "1. ") diabaikan.',
    example: "Menjelaskan pengertian jabatan.\nMengumpulkan data jabatan.",
  },
];

export const DICTIONARY_COLUMN_NAMES = ["kode", "nama", "definisi", "sumber", "level", "deskripsi_level", "indikator"] as const;
export type DictionaryColumn = (typeof DICTIONARY_COLUMN_NAMES)[number];
const HEADER_LOOKUP = headerLookup(DICTIONARY_COLUMNS);

/** The JSON fields of an entry; `type`, `revision` and `status` are what an export adds, accepted so that it re-imports. */
export const JSON_ENTRY_FIELDS = ["code", "name", "definition", "source", "levels", "type", "revision", "status"] as const;
const JSON_LEVEL_FIELDS = ["level", "description", "indicators"] as const;

export interface DictionarySheet {
  format: "sheet";
  fileName: string;
  /** Set for a workbook sheet, so that errors can say which sheet the row is on. */
  sheetName?: string;
  header: string[];
  rows: ParsedRow[];
}

export interface DictionaryJson {
  format: "json";
  fileName: string;
  value: unknown;
}

export type DictionarySource = DictionarySheet | DictionaryJson;

/** Where an entry was read, so that storage can point at it too. */
export interface EntryOrigin {
  file: string;
  sheet?: string;
  row: number;
  /** "kode" for a sheet, "code" for JSON */
  codeColumn: string;
}

export type DictionaryValidation =
  | { ok: true; entries: TechnicalEntryInput[]; origins: EntryOrigin[] }
  | { ok: false; errors: ImportError[] };

export function formatDictionaryCounts(counts: ChangeCounts): string {
  return `Kompetensi: ${formatChangeCounts(counts)}`;
}

// ---------------------------------------------------------------- cell rules shared by sheets and JSON

const normalizeSourceWord = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
const SOURCE_WORDS = new Map<string, SourceKind>(
  SOURCE_KINDS.flatMap((kind) => [
    [normalizeSourceWord(kind), kind],
    [normalizeSourceWord(SOURCE_KIND_LABELS[kind]), kind],
  ]),
);
const SOURCE_CHOICES = `Pilihan: ${SOURCE_KINDS.join(", ")} (atau ${SOURCE_KINDS.map((k) => `"${SOURCE_KIND_LABELS[k]}"`).join(", ")}), boleh diikuti titik dua dan rujukannya, misalnya "${SOURCE_EXAMPLE}".`;

export type SourceParse = { ok: true; sourceKind: SourceKind; sourceReference: string } | { ok: false; message: string };

/** "instansi_pembina: Kemenkominfo, …" → kind and reference; the reference may itself hold colons. */
export function parseSource(text: string): SourceParse {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: `Sumber wajib diisi. ${SOURCE_CHOICES}` };
  const colon = trimmed.indexOf(":");
  const word = colon === -1 ? trimmed : trimmed.slice(0, colon);
  const reference = colon === -1 ? "" : trimmed.slice(colon + 1).trim();
  const kind = SOURCE_WORDS.get(normalizeSourceWord(word));
  if (kind) return { ok: true, sourceKind: kind, sourceReference: reference };
  if (normalizeSourceWord(word) === "regulasi") {
    return { ok: false, message: `Sumber "regulasi" hanya dipakai kamus peraturan yang dimuat aplikasi. ${SOURCE_CHOICES}` };
  }
  return { ok: false, message: `Sumber ${quoted(word.trim())} tidak dikenal. ${SOURCE_CHOICES}` };
}

/** The `sumber` cell / `source` field as the import reads it back. */
export function formatSource(kind: string, reference: string | null | undefined): string {
  return reference ? `${kind}: ${reference}` : kind;
}

// "3.1 ", "3.1. ", "1. ", "1) " and bullets; a bare "5 " is kept, since an indicator may start with a number
const INDICATOR_NUMBERING = /^(?:\d+(?:\.\d+)+\.?|\d+[.)]|[-–•*])\s+/;

/** One indicator per line of the cell, without the numbering the app adds on display. */
export function splitIndicators(cell: string): string[] {
  return cell
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim().replace(INDICATOR_NUMBERING, "").trim())
    .filter((line) => line !== "");
}

const quoted = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;

function levelList(levels: readonly number[]): string {
  const names = levels.map((l) => `Level ${l}`);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} dan ${names.at(-1)}`;
}

const missingLevelsMessage = (code: string, missing: readonly number[], perRow: boolean) =>
  `Kompetensi ${quoted(code)} belum lengkap: ${levelList(missing)} tidak ada. Setiap kompetensi teknis memerlukan lima level (1–5)${perRow ? ", satu baris per level" : ""}.`;

// "3" or, as level tables are often typed, "Level 3"
function parseLevelText(text: string): number | null {
  const m = /^(?:level\s*)?([1-5])$/i.exec(text);
  return m ? Number(m[1]) : null;
}

const LEVEL_RANGE_MESSAGE = "Level harus bilangan bulat 1 sampai 5.";

// ---------------------------------------------------------------- the one schema, located

interface Located {
  row: number;
  column: string;
}

/** Where each part of a candidate entry came from, so that the schema's issues land on a row and column. */
interface CandidateMap {
  entry: (field: "code" | "name" | "definitionText" | "sourceKind" | "sourceReference" | "levels") => Located;
  /** `prefix` names the indicator when the column alone cannot (a sheet cell holds them all) */
  level: (index: number, field: "description" | "indicators", indicator?: number) => Located & { prefix?: string };
}

/** Skipped in checkEntry: the whole list of levels, already reported as incomplete by the caller. */
const LEVELS_ROOT = "levels:root";

interface Candidate {
  code: unknown;
  name: unknown;
  definitionText: unknown;
  sourceKind: unknown;
  sourceReference: unknown;
  levels: { level: number; description: unknown; indicators: unknown }[];
}

/**
 * Runs TechnicalEntrySchema and turns its issues into located errors. `skip` names the fields already
 * reported (a bad `sumber`, incomplete levels) so that one mistake gives one message.
 */
function checkEntry(
  candidate: Candidate,
  where: CandidateMap,
  skip: ReadonlySet<string>,
  push: (at: Located, message: string) => void,
): TechnicalEntryInput | null {
  const parsed = TechnicalEntrySchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const [field, index, sub, indicator] = issue.path;
    if (typeof field !== "string" || skip.has(field)) continue;
    if (field === "levels") {
      if (typeof index === "number" && (sub === "description" || sub === "indicators")) {
        const at = where.level(index, sub, typeof indicator === "number" ? indicator : undefined);
        push(at, `${at.prefix ?? ""}${issue.message}`);
      } else if (!skip.has(LEVELS_ROOT)) {
        push(where.entry("levels"), issue.message);
      }
      continue;
    }
    const entryFields = ["code", "name", "definitionText", "sourceKind", "sourceReference"] as const;
    // category and keywords have defaults and are not in the file, so nothing else can fail here
    push(where.entry(entryFields.find((k) => k === field) ?? "code"), issue.message);
  }
  return null;
}

// ---------------------------------------------------------------- sheets

function cleanCell(raw: string | undefined): string {
  // spreadsheets on Windows keep CRLF inside cells; compare and store one newline style
  return (raw ?? "").replace(/\r\n?/g, "\n").trim();
}

/** normalized column name → header cell as written; null when the header is unusable. */
function readHeader(sheet: DictionarySheet, err: (row: number, column: string, message: string) => void): Map<string, string> | null {
  const present = new Map<string, string>();
  let ok = true;
  const fail = (column: string, message: string) => {
    ok = false;
    err(1, column, message);
  };
  sheet.header.forEach((raw, i) => {
    const key = headerKey(raw);
    const name = HEADER_LOOKUP.get(key);
    if (key === "")
      fail(`kolom ke-${i + 1}`, "Kolom ini berisi data tetapi tidak berjudul. Beri judul kolom yang dikenal atau hapus isinya.");
    else if (name === undefined)
      fail(raw.trim(), `Kolom ${quoted(raw.trim())} tidak dikenal. Kolom yang dikenal: ${DICTIONARY_COLUMN_NAMES.join(", ")}.`);
    else if (present.has(name))
      fail(
        raw.trim(),
        `Kolom ${quoted(raw.trim())} muncul lebih dari sekali di baris judul (sebagai ${quoted(present.get(name)!.trim())} juga).`,
      );
    else present.set(name, raw);
  });
  for (const spec of DICTIONARY_COLUMNS) {
    if (spec.required && !present.has(spec.name)) fail(spec.name, `Kolom wajib ${quoted(spec.name)} tidak ada di baris judul.`);
  }
  return ok ? present : null;
}

interface SheetRow {
  rowNumber: number;
  cells: Record<DictionaryColumn, string>;
}

interface Parsed {
  entry: TechnicalEntryInput | null;
  code: string | null;
  origin: EntryOrigin;
}

function validateSheet(sheet: DictionarySheet, errors: ImportError[]): Parsed[] {
  let present: Map<string, string> | null = null;
  // errors name the column as the file's header writes it, which is what the user looks for
  const err = (row: number, column: string, message: string) =>
    errors.push({
      file: sheet.fileName,
      ...(sheet.sheetName ? { sheet: sheet.sheetName } : {}),
      row,
      column: present?.get(column)?.trim() || column,
      message,
    });
  present = readHeader(sheet, err);
  // a broken header makes column-by-column checks misleading; the header errors say what to fix
  if (!present) return [];

  const groups = new Map<string, SheetRow[]>();
  let dataRows = 0;
  for (const { rowNumber, values } of sheet.rows) {
    const cells = Object.fromEntries(
      DICTIONARY_COLUMN_NAMES.map((name) => [name, cleanCell(values[present!.get(name)!])]),
    ) as SheetRow["cells"];
    if (Object.values(cells).every((c) => c === "")) continue; // blank rows are layout, not data
    dataRows++;
    if (cells.kode === "") {
      const check = CompetencyCodeSchema.safeParse("");
      err(rowNumber, "kode", check.success ? "Kode kompetensi wajib diisi." : check.error.issues[0]!.message);
      continue;
    }
    const rows = groups.get(cells.kode) ?? [];
    rows.push({ rowNumber, cells });
    groups.set(cells.kode, rows);
  }
  if (dataRows === 0) {
    err(
      0,
      "berkas",
      `Berkas ${sheet.fileName}${sheet.sheetName ? ` lembar ${sheet.sheetName}` : ""} tidak berisi baris data di bawah baris judul.`,
    );
    return [];
  }

  const out: Parsed[] = [];
  for (const [code, rows] of groups) {
    const first = rows[0]!;
    const before = errors.length;
    const skip = new Set<string>();

    for (const row of rows.slice(1)) {
      for (const [column, label] of [
        ["nama", "Nama"],
        ["definisi", "Definisi"],
        ["sumber", "Sumber"],
      ] as const) {
        if (row.cells[column] !== first.cells[column]) {
          err(
            row.rowNumber,
            column,
            `${label} berbeda dengan baris ${first.rowNumber}; ${label.toLowerCase()} kompetensi ${quoted(code)} harus sama di kelima baris level.`,
          );
        }
      }
    }

    const source = parseSource(first.cells.sumber);
    if (!source.ok) {
      err(first.rowNumber, "sumber", source.message);
      skip.add("sourceKind").add("sourceReference");
    }

    const byLevel = new Map<number, SheetRow>();
    let unreadableLevel = false;
    for (const row of rows) {
      const level = parseLevelText(row.cells.level);
      if (level === null) {
        unreadableLevel = true;
        err(
          row.rowNumber,
          "level",
          row.cells.level === ""
            ? `Level wajib diisi. ${LEVEL_RANGE_MESSAGE}`
            : `Level ${quoted(row.cells.level)} tidak valid. ${LEVEL_RANGE_MESSAGE}`,
        );
        continue;
      }
      const seen = byLevel.get(level);
      if (seen) {
        err(
          row.rowNumber,
          "level",
          `Level ${level} kompetensi ${quoted(code)} sudah ada di baris ${seen.rowNumber}; setiap level hanya boleh satu baris.`,
        );
        continue;
      }
      byLevel.set(level, row);
    }
    const missing = LEVELS.filter((l) => !byLevel.has(l));
    // a row with an unreadable level is probably the missing one: its own error says enough
    if (missing.length > 0 && !unreadableLevel) err(first.rowNumber, "level", missingLevelsMessage(code, missing, true));
    if (missing.length > 0) skip.add(LEVELS_ROOT);

    const levelRows = [...byLevel.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
    const entryColumns = {
      code: "kode",
      name: "nama",
      definitionText: "definisi",
      sourceKind: "sumber",
      sourceReference: "sumber",
      levels: "level",
    } as const;
    const entry = checkEntry(
      {
        code,
        name: first.cells.nama,
        definitionText: first.cells.definisi,
        sourceKind: source.ok ? source.sourceKind : undefined,
        sourceReference: source.ok ? source.sourceReference : "",
        levels: levelRows.map((row) => ({
          level: parseLevelText(row.cells.level)!,
          description: row.cells.deskripsi_level,
          indicators: splitIndicators(row.cells.indikator),
        })),
      },
      {
        entry: (field) => ({ row: first.rowNumber, column: entryColumns[field] }),
        level: (index, field, indicator) => ({
          row: levelRows[index]!.rowNumber,
          column: field === "description" ? "deskripsi_level" : "indikator",
          ...(indicator === undefined ? {} : { prefix: `Indikator ke-${indicator + 1}: ` }),
        }),
      },
      skip,
      (at, message) => err(at.row, at.column, message),
    );
    out.push({
      entry: errors.length > before ? null : entry,
      code,
      origin: { file: sheet.fileName, ...(sheet.sheetName ? { sheet: sheet.sheetName } : {}), row: first.rowNumber, codeColumn: "kode" },
    });
  }
  return out;
}

// ---------------------------------------------------------------- JSON

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function validateJson(file: DictionaryJson, errors: ImportError[]): Parsed[] {
  const err = (row: number, column: string, message: string) => errors.push({ file: file.fileName, row, column, message });
  if (!Array.isArray(file.value)) {
    err(
      0,
      "berkas",
      "Berkas JSON harus berisi array entri kompetensi: [{code, name, definition, source, levels: [{level, description, indicators}]}].",
    );
    return [];
  }
  if (file.value.length === 0) {
    err(0, "berkas", `Berkas ${file.fileName} berisi array kosong; tidak ada kompetensi yang diimpor.`);
    return [];
  }
  const out: Parsed[] = [];
  file.value.forEach((item, i) => {
    const row = i + 1;
    const before = errors.length;
    const at = (column: string, message: string) => err(row, column, message);
    if (!isObject(item)) {
      at("elemen", "Setiap elemen array harus berupa objek {code, name, definition, source, levels}.");
      return;
    }
    const skip = new Set<string>();
    for (const key of Object.keys(item)) {
      if (!(JSON_ENTRY_FIELDS as readonly string[]).includes(key))
        at(key, `Field ${quoted(key)} tidak dikenal. Field yang dikenal: ${JSON_ENTRY_FIELDS.join(", ")}.`);
    }
    const text = (key: string, schemaField: string): unknown => {
      const v = item[key];
      if (v !== undefined && v !== null && typeof v !== "string") {
        at(key, `Field ${key} harus berupa teks.`);
        skip.add(schemaField);
      }
      return typeof v === "string" ? v : undefined;
    };
    const code = text("code", "code");
    const name = text("name", "name");
    const definition = text("definition", "definitionText");

    const sourceText = text("source", "sourceKind");
    let sourceKind: SourceKind | undefined;
    let sourceReference = "";
    if (!skip.has("sourceKind")) {
      const source = parseSource(typeof sourceText === "string" ? sourceText : "");
      if (source.ok) ({ sourceKind, sourceReference } = source);
      else at("source", source.message);
      skip.add("sourceReference");
      if (!source.ok) skip.add("sourceKind");
    }

    const type = item.type;
    if (type !== undefined && type !== "teknis" && !(typeof code === "string" && isRegulationCode(code.trim()))) {
      at("type", `Impor kamus hanya menerima kompetensi teknis: type harus "teknis" atau dihilangkan (bukan ${quoted(String(type))}).`);
    }

    // position in the file's levels array of each level kept, in level order
    const kept: { index: number; level: number; description: unknown; indicators: unknown }[] = [];
    const levels = item.levels;
    if (!Array.isArray(levels)) {
      at(
        "levels",
        levels === undefined
          ? "Field levels wajib diisi: array lima level (1–5) {level, description, indicators}."
          : "Field levels harus berupa array berisi lima level {level, description, indicators}.",
      );
      skip.add(LEVELS_ROOT);
    } else {
      const seen = new Map<number, number>();
      let unreadable = false;
      levels.forEach((l, j) => {
        const path = `levels[${j}]`;
        if (!isObject(l)) {
          unreadable = true;
          at(path, "Setiap level harus berupa objek {level, description, indicators}.");
          return;
        }
        for (const key of Object.keys(l)) {
          if (!(JSON_LEVEL_FIELDS as readonly string[]).includes(key))
            at(`${path}.${key}`, `Field ${quoted(key)} tidak dikenal. Field level yang dikenal: ${JSON_LEVEL_FIELDS.join(", ")}.`);
        }
        const level = typeof l.level === "number" && Number.isInteger(l.level) && l.level >= 1 && l.level <= 5 ? l.level : null;
        if (level === null) {
          unreadable = true;
          at(
            `${path}.level`,
            l.level === undefined
              ? `Level wajib diisi. ${LEVEL_RANGE_MESSAGE}`
              : `Level ${quoted(JSON.stringify(l.level))} tidak valid. ${LEVEL_RANGE_MESSAGE}`,
          );
          return;
        }
        const first = seen.get(level);
        if (first !== undefined) {
          at(`${path}.level`, `Level ${level} sudah ada di levels[${first}]; setiap level hanya boleh sekali.`);
          return;
        }
        seen.set(level, j);
        let description = l.description;
        if (description !== undefined && typeof description !== "string") {
          at(`${path}.description`, "Field description harus berupa teks.");
          description = "-";
        }
        let indicators = l.indicators;
        if (!Array.isArray(indicators)) {
          at(`${path}.indicators`, "Field indicators harus berupa array teks, satu indikator per elemen.");
          indicators = ["-"];
        } else {
          indicators = indicators.map((v: unknown, k: number) => {
            if (typeof v === "string") return v;
            at(`${path}.indicators[${k}]`, "Setiap indikator harus berupa teks.");
            return "-";
          });
        }
        kept.push({ index: j, level, description, indicators });
      });
      const missing = LEVELS.filter((n) => !seen.has(n));
      if (missing.length > 0 && !unreadable) at("levels", missingLevelsMessage(String(code ?? ""), missing, false));
      if (missing.length > 0) skip.add(LEVELS_ROOT);
      kept.sort((a, b) => a.level - b.level);
    }

    const entryColumns = {
      code: "code",
      name: "name",
      definitionText: "definition",
      sourceKind: "source",
      sourceReference: "source",
      levels: "levels",
    } as const;
    const entry = checkEntry(
      {
        code,
        name,
        definitionText: definition,
        sourceKind,
        sourceReference,
        levels: kept.map(({ level, description, indicators }) => ({ level, description, indicators })),
      },
      {
        entry: (field) => ({ row, column: entryColumns[field] }),
        level: (index, field, indicator) => ({
          row,
          column: `levels[${kept[index]!.index}].${field}${indicator === undefined ? "" : `[${indicator}]`}`,
        }),
      },
      skip,
      (loc, message) => err(loc.row, loc.column, message),
    );
    out.push({
      entry: errors.length > before ? null : entry,
      code: typeof code === "string" && code.trim() !== "" ? code.trim() : null,
      origin: { file: file.fileName, row, codeColumn: "code" },
    });
  });
  return out;
}

// ---------------------------------------------------------------- the whole import

function describeOrigin(o: EntryOrigin): string {
  return `${o.file}${o.sheet ? ` lembar ${o.sheet}` : ""} ${o.codeColumn === "code" ? "elemen" : "baris"} ${o.row}`;
}

/**
 * Checks every file of one import against contract §6 and TechnicalEntrySchema. Entries come back in
 * file order, each with the place it was read from; any error means no entries at all.
 */
export function validateDictionaryImport(sources: readonly DictionarySource[]): DictionaryValidation {
  const errors: ImportError[] = [];
  const parsed: Parsed[] = [];
  const rank = new Map<string, number>();
  sources.forEach((source, i) => {
    const key = `${source.fileName}\u0000${source.format === "sheet" ? (source.sheetName ?? "") : ""}`;
    if (!rank.has(key)) rank.set(key, i);
    parsed.push(...(source.format === "sheet" ? validateSheet(source, errors) : validateJson(source, errors)));
  });

  const firstSeen = new Map<string, EntryOrigin>();
  for (const p of parsed) {
    if (p.code === null) continue;
    const first = firstSeen.get(p.code);
    if (first) {
      errors.push({
        file: p.origin.file,
        ...(p.origin.sheet ? { sheet: p.origin.sheet } : {}),
        row: p.origin.row,
        column: p.origin.codeColumn,
        message: `Kode ${quoted(p.code)} sudah ada di ${describeOrigin(first)}; setiap kode hanya boleh muncul sekali dalam satu impor.`,
      });
    } else firstSeen.set(p.code, p.origin);
  }

  if (errors.length > 0) {
    const order = (e: ImportError) => rank.get(`${e.file}\u0000${e.sheet ?? ""}`) ?? sources.length;
    // Array.prototype.sort is stable, so errors of one row keep the order they were found in
    return { ok: false, errors: [...errors].sort((a, b) => order(a) - order(b) || a.row - b.row) };
  }
  return { ok: true, entries: parsed.map((p) => p.entry!), origins: parsed.map((p) => p.origin) };
}

// ---------------------------------------------------------------- export, in the import's own shape

/** One published revision as the export writes it. */
export interface DictionaryExportEntry {
  code: string;
  type: CompetencyType;
  name: string;
  definition: string;
  sourceKind: SourceKind | "regulasi";
  sourceReference: string;
  revision: number;
  status: RevisionStatus;
  levels: { level: number; description: string; indicators: string[] }[];
}

export type DictionarySheetRow = Record<DictionaryColumn, string | number>;

/** The `Kompetensi` sheet: one row per level, in exactly the columns the import reads. */
export function toSheetRows(entries: readonly DictionaryExportEntry[]): DictionarySheetRow[] {
  return entries.flatMap((e) =>
    e.levels.map((l) => ({
      kode: e.code,
      nama: e.name,
      definisi: e.definition,
      sumber: formatSource(e.sourceKind, e.sourceReference),
      level: l.level,
      deskripsi_level: l.description,
      indikator: l.indicators.join("\n"),
    })),
  );
}

/** The contract's JSON array shape plus `type`, `revision` and `status`. */
export function toJsonEntries(entries: readonly DictionaryExportEntry[]) {
  return entries.map((e) => ({
    code: e.code,
    type: e.type,
    name: e.name,
    definition: e.definition,
    source: formatSource(e.sourceKind, e.sourceReference),
    revision: e.revision,
    status: e.status,
    levels: e.levels.map((l) => ({ level: l.level, description: l.description, indicators: [...l.indicators] })),
  }));
}
