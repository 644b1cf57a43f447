// Import of national JF standards from a JSON array, a `Standar JF` sheet (one row per JF and jenjang) or the JF
// SKJ of a legacy SKJ book (jf-standard-book.ts), all checked by JfStandardSchema and located to file, sheet,
// row and column (for a book: file, page and SKJ). Free of file formats and storage, so
// every rule can be tested on plain data; the dictionary check needs the database and lives in the query module.
import type { z } from "zod";
import { REGULATION_CODES } from "./dictionary";
import { headerKey, headerLookup } from "./import-words";
import { jfMatchKey, jfStandardTitle, JfStandardSchema, type JfStandard, type JfStandardInput } from "./jf-standard";
import type { ColumnSpec, ImportError, ParsedRow } from "./sotk-import";
import { STANDARD_LEVEL_NAMES } from "./settings";

export const JF_STANDARD_SHEET_NAME = "Standar JF";

export const JF_STANDARD_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "jf",
    label: "Jabatan Fungsional",
    aliases: ["Nama JF", "JF", "Nama Jabatan Fungsional"],
    required: true,
    description: "Nama jabatan fungsional tanpa jenjang.",
    example: "Perawat",
  },
  {
    name: "jenjang",
    label: "Jenjang",
    required: true,
    description: "Jenjang jabatan fungsional, mis. Ahli Pertama, Penyelia.",
    example: "Penyelia",
  },
  {
    name: "instansi_pembina",
    label: "Instansi Pembina",
    required: true,
    description: "Instansi pembina yang menetapkan standar.",
    example: "Kementerian Kesehatan",
  },
  {
    name: "dasar_hukum",
    label: "Dasar Hukum",
    required: true,
    description: "Peraturan yang menetapkan standar kompetensi JF ini.",
    example: "Peraturan Menteri … Nomor … Tahun …",
  },
  ...REGULATION_CODES.map((code) => ({
    name: code,
    label: code,
    aliases: [STANDARD_LEVEL_NAMES[code]],
    required: true,
    description: `Level ${STANDARD_LEVEL_NAMES[code]} (1–5).`,
    example: "3",
  })),
  {
    name: "kompetensi_teknis",
    label: "Kompetensi Teknis",
    required: true,
    description: 'Satu kompetensi teknis per baris dalam sel: kode kamus dan level, mis. "T.ASUHAN-KEPERAWATAN: 3".',
    example: "T.ASUHAN-KEPERAWATAN: 3",
  },
  {
    name: "terverifikasi",
    label: "Terverifikasi",
    required: false,
    description: "ya bila teks sudah dicocokkan dengan peraturannya; kosong berarti tidak.",
    example: "tidak",
  },
  { name: "contoh", label: "Contoh", required: false, description: "ya bila standar ini hanya contoh, bukan teks resmi.", example: "ya" },
];

const HEADER_LOOKUP = headerLookup(JF_STANDARD_COLUMNS);
const COLUMN_NAMES = JF_STANDARD_COLUMNS.map((c) => c.name);
export const JF_STANDARD_JSON_FIELDS = [
  "jf",
  "jenjang",
  "instansiPembina",
  "legalBasis",
  "levels",
  "technical",
  "verified",
  "example",
] as const;

export interface JfStandardSheet {
  format: "sheet";
  fileName: string;
  sheetName?: string;
  header: string[];
  rows: ParsedRow[];
}

export interface JfStandardJson {
  format: "json";
  fileName: string;
  value: unknown;
}

/** The JF SKJ of a legacy SKJ book as standards (jfStandardBook), with what kept the others from being one. */
export interface JfStandardBook {
  format: "book";
  fileName: string;
  items: { value: JfStandardInput; origin: JfStandardOrigin }[];
  /** Why an SKJ of a JF cannot become its standard (an unknown competency, a missing level): each refuses the import. */
  errors: ImportError[];
  /** SKJ that are no JF standard (structural, pelaksana) or repeat one: listed, not imported. */
  skipped: SkippedSkj[];
}

export interface SkippedSkj {
  where: string;
  name: string;
  reason: string;
}

export type JfStandardSource = JfStandardSheet | JfStandardJson | JfStandardBook;

/** Where a standard was read, so that the dictionary check can point at it too. */
export interface JfStandardOrigin {
  file: string;
  sheet?: string;
  row: number;
  /** The column of the technical competencies: "kompetensi_teknis" (as the header wrote it) or "technical". */
  technicalColumn: string;
}

export type JfStandardValidation =
  | { ok: true; standards: JfStandard[]; origins: JfStandardOrigin[] }
  | { ok: false; errors: ImportError[] };

const quoted = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;

// "T.KODE: 3", "T.KODE = 3", "T.KODE 3", "T.KODE (level 3)"
const TECHNICAL_LINE = /^([^\s:=()]+)\s*(?::|=|\(|\s)\s*(?:level\s*)?(\S+?)\s*\)?$/i;
const YES = new Set(["ya", "y", "yes", "true", "1", "benar"]);
const NO = new Set(["", "tidak", "t", "no", "false", "0", "salah"]);

function parseYesNo(cell: string): boolean | string {
  const word = cell.trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return cell;
}

/** The JSON path of a schema issue: `levels.M.01`, `technical[1].code`. */
function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

function issueMessage(issue: z.core.$ZodIssue, known: readonly string[]): string[] {
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((k) => `Kolom ${quoted(k)} tidak dikenal. Yang dikenal: ${known.join(", ")}.`);
  return [issue.message];
}

// ---------------------------------------------------------------- sheets

function validateSheet(sheet: JfStandardSheet, errors: ImportError[]): { standard: JfStandard; origin: JfStandardOrigin }[] {
  const written = new Map<string, string>();
  const err = (row: number, column: string, message: string) =>
    errors.push({
      file: sheet.fileName,
      ...(sheet.sheetName ? { sheet: sheet.sheetName } : {}),
      row,
      column: written.get(column)?.trim() || column,
      message,
    });
  const before = errors.length;
  sheet.header.forEach((raw, i) => {
    const name = HEADER_LOOKUP.get(headerKey(raw));
    if (headerKey(raw) === "") err(1, `kolom ke-${i + 1}`, "Kolom ini berisi data tetapi tidak berjudul.");
    else if (!name) err(1, raw.trim(), `Kolom ${quoted(raw.trim())} tidak dikenal. Kolom yang dikenal: ${COLUMN_NAMES.join(", ")}.`);
    else if (written.has(name)) err(1, raw.trim(), `Kolom ${quoted(raw.trim())} muncul lebih dari sekali di baris judul.`);
    else written.set(name, raw);
  });
  for (const spec of JF_STANDARD_COLUMNS)
    if (spec.required && !written.has(spec.name)) err(1, spec.name, `Kolom wajib ${quoted(spec.name)} tidak ada di baris judul.`);
  if (errors.length > before) return [];
  if (sheet.rows.length === 0) err(0, "berkas", `Lembar ${sheet.sheetName ?? sheet.fileName} tidak berisi standar.`);

  const out: { standard: JfStandard; origin: JfStandardOrigin }[] = [];
  for (const row of sheet.rows) {
    const cell = (name: string) => (written.has(name) ? (row.values[written.get(name)!] ?? "").replace(/\r\n?/g, "\n").trim() : "");
    const at = (column: string, message: string) => err(row.rowNumber, column, message);
    const rowStart = errors.length;
    const levels: Record<string, unknown> = {};
    for (const code of REGULATION_CODES) {
      const text = cell(code);
      levels[code] = /^\d+$/.test(text) ? Number(text) : text === "" ? undefined : text;
    }
    const technical: { code: string; level: unknown }[] = [];
    cell("kompetensi_teknis")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .forEach((line, i) => {
        const m = TECHNICAL_LINE.exec(line);
        if (!m)
          at(
            "kompetensi_teknis",
            `Baris ke-${i + 1} dalam sel (${quoted(line)}): tulis kode kamus dan levelnya, mis. "T.ASUHAN-KEPERAWATAN: 3".`,
          );
        else technical.push({ code: m[1]!, level: /^\d+$/.test(m[2]!) ? Number(m[2]) : m[2] });
      });
    const flags = { verified: parseYesNo(cell("terverifikasi")), example: parseYesNo(cell("contoh")) };
    for (const [field, column] of [
      ["verified", "terverifikasi"],
      ["example", "contoh"],
    ] as const)
      if (typeof flags[field] === "string") at(column, `Isi ${quoted(flags[field] as string)} tidak dikenal; tulis "ya" atau "tidak".`);
    if (errors.length > rowStart) continue;
    const parsed = JfStandardSchema.safeParse({
      jf: cell("jf"),
      jenjang: cell("jenjang"),
      instansiPembina: cell("instansi_pembina"),
      legalBasis: cell("dasar_hukum"),
      levels,
      technical,
      verified: flags.verified,
      example: flags.example,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, key] = issue.path;
        const column =
          field === "levels" && typeof key === "string"
            ? key
            : ((
                {
                  jf: "jf",
                  jenjang: "jenjang",
                  instansiPembina: "instansi_pembina",
                  legalBasis: "dasar_hukum",
                  technical: "kompetensi_teknis",
                  levels: REGULATION_CODES[0],
                } as Record<string, string>
              )[String(field)] ?? "jf");
        const prefix = field === "technical" && typeof key === "number" ? `Baris ke-${key + 1} dalam sel: ` : "";
        for (const message of issueMessage(issue, COLUMN_NAMES)) at(column, `${prefix}${message}`);
      }
      continue;
    }
    out.push({
      standard: parsed.data,
      origin: {
        file: sheet.fileName,
        ...(sheet.sheetName ? { sheet: sheet.sheetName } : {}),
        row: row.rowNumber,
        technicalColumn: written.get("kompetensi_teknis")!.trim(),
      },
    });
  }
  return out;
}

// ---------------------------------------------------------------- JSON

function validateJson(file: JfStandardJson, errors: ImportError[]): { standard: JfStandard; origin: JfStandardOrigin }[] {
  const err = (row: number, column: string, message: string) => errors.push({ file: file.fileName, row, column, message });
  const shape = "[{jf, jenjang, instansiPembina, legalBasis, levels: {M.01 … SK.01}, technical: [{code, level}], verified, example}]";
  if (!Array.isArray(file.value)) {
    err(0, "berkas", `Berkas JSON harus berisi array standar: ${shape}.`);
    return [];
  }
  if (file.value.length === 0) {
    err(0, "berkas", `Berkas ${file.fileName} berisi array kosong; tidak ada standar yang diimpor.`);
    return [];
  }
  const out: { standard: JfStandard; origin: JfStandardOrigin }[] = [];
  file.value.forEach((item, i) => {
    const parsed = JfStandardSchema.safeParse(item);
    if (parsed.success) out.push({ standard: parsed.data, origin: { file: file.fileName, row: i + 1, technicalColumn: "technical" } });
    else
      for (const issue of parsed.error.issues)
        for (const message of issueMessage(issue, JF_STANDARD_JSON_FIELDS)) err(i + 1, jsonPath(issue.path) || "elemen", message);
  });
  return out;
}

// ---------------------------------------------------------------- legacy SKJ books

/** The book's column names for a schema path: the words of the SKJ, as its errors already use them. */
const BOOK_COLUMNS: Record<string, string> = {
  jf: "nama jabatan",
  jenjang: "nama jabatan",
  instansiPembina: "instansi pembina",
  legalBasis: "dasar hukum",
  technical: "kompetensi teknis",
};

function validateBook(book: JfStandardBook, errors: ImportError[]): { standard: JfStandard; origin: JfStandardOrigin }[] {
  errors.push(...book.errors);
  const out: { standard: JfStandard; origin: JfStandardOrigin }[] = [];
  for (const { value, origin } of book.items) {
    const parsed = JfStandardSchema.safeParse(value);
    if (parsed.success) out.push({ standard: parsed.data, origin });
    else
      for (const issue of parsed.error.issues) {
        const [field, key] = issue.path;
        const column = field === "levels" && typeof key === "string" ? key : (BOOK_COLUMNS[String(field)] ?? "SKJ");
        errors.push({ file: origin.file, row: origin.row, column, message: issue.message });
      }
  }
  return out;
}

const originText = (origin: JfStandardOrigin) => (origin.row > 0 ? `${origin.file} baris ${origin.row}` : origin.file);

/** Every source checked; one bad row anywhere refuses the whole import. */
export function validateJfStandardImport(sources: readonly JfStandardSource[]): JfStandardValidation {
  const errors: ImportError[] = [];
  const read = sources.flatMap((s) =>
    s.format === "sheet" ? validateSheet(s, errors) : s.format === "json" ? validateJson(s, errors) : validateBook(s, errors),
  );
  const first = new Map<string, JfStandardOrigin>();
  for (const { standard, origin } of read) {
    const key = jfMatchKey(standard.jf, standard.jenjang);
    const earlier = first.get(key);
    if (earlier)
      errors.push({
        file: origin.file,
        ...(origin.sheet ? { sheet: origin.sheet } : {}),
        row: origin.row,
        column: "jf",
        message: `Standar ${jfStandardTitle(standard)} sudah ada di ${originText(earlier)}; setiap JF dan jenjang hanya boleh muncul sekali.`,
      });
    else first.set(key, origin);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, standards: read.map((r) => r.standard), origins: read.map((r) => r.origin) };
}
