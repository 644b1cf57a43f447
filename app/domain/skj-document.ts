// The SKJ document of contract §3: the one schema shared by the editor form, the actions, the draft import
// and the API. Pure: no Remix, React, database or node imports, so the editor can run it in the browser.
//
// Design choices:
// - The schema only checks shape. Content problems (an empty name, an unknown code, a level of 7) are left
//   to the rules engine, so an unfinished draft still parses and the analyst sees every rule at once
//   instead of a single "wrong shape" message. Hence `level` is any number and names may be empty.
// - No transforms (no trim, no defaults): the parsed document is byte-for-byte what was sent, which keeps
//   draft revisions and published versions stable, and the same schema converts to JSON Schema as is.
// - Objects are strict: an unknown key (usually a typo such as "perfomanceIndicators") is a SKJ-SCHEMA
//   error rather than data that would be silently dropped on import.
// - Every key is required; "nothing chosen" is `null` (or "" as a form select sends it) where the domain
//   has such a state: functionalLevel, governmentAffair, rank, and group (so SKJ-IDENTITAS can name it).
import { z } from "zod";
import { CODE_MAX, CODE_PATTERN, FUNCTIONAL_LEVELS, GOVERNMENT_AFFAIR_MAX, NAME_MAX, POSITION_GROUPS, SUMMARY_MAX } from "./sotk";

export const SKJ_SCHEMA_VERSION = 1;

// Generous for any real SKJ, small enough that a hostile or broken payload cannot make the server or the
// editor do unbounded work.
export const SKJ_NAME_MAX = NAME_MAX;
export const SKJ_SUMMARY_MAX = SUMMARY_MAX;
export const SKJ_GOVERNMENT_AFFAIR_MAX = GOVERNMENT_AFFAIR_MAX;
export const SKJ_COMPETENCIES_MAX = 50;
export const SKJ_EDUCATION_MAX = 30;
export const SKJ_EDUCATION_FIELDS_MAX = 30;
export const SKJ_EDUCATION_FIELD_MAX = 200;
export const SKJ_TRAINING_ITEMS_MAX = 50;
export const SKJ_TRAINING_NAME_MAX = 500;
export const SKJ_EXPERIENCE_MAX = 30;
export const SKJ_EXPERIENCE_DESCRIPTION_MAX = 2_000;
export const SKJ_EXPERIENCE_YEARS_MAX = 60;
export const SKJ_PERFORMANCE_INDICATORS_MAX = 50;
export const SKJ_PERFORMANCE_INDICATOR_MAX = 1_000;
export const SKJ_JOB_CODE_MAX = 100;

/** "Tingkat Pentingnya terhadap Jabatan" of a requirement row (contract §7.2), as the printed columns order them. */
export const IMPORTANCE_LEVELS = ["mutlak", "penting", "perlu"] as const;
export type Importance = (typeof IMPORTANCE_LEVELS)[number];
/** The rows of the printed requirements table that carry an importance, in the printed order (§7.3). */
export const IMPORTANCE_ROWS = [
  "educationLevel",
  "educationFields",
  "trainingManagerial",
  "trainingTechnical",
  "trainingFunctional",
  "experience",
  "rank",
  "performanceIndicators",
] as const;
export type ImportanceRow = (typeof IMPORTANCE_ROWS)[number];

/** Golongan ruang from lowest to highest, with the pangkat names of seeds/reference/golongan-pendidikan.json. */
export const GOLONGAN = [
  { code: "I/a", pangkat: "Juru Muda" },
  { code: "I/b", pangkat: "Juru Muda Tingkat I" },
  { code: "I/c", pangkat: "Juru" },
  { code: "I/d", pangkat: "Juru Tingkat I" },
  { code: "II/a", pangkat: "Pengatur Muda" },
  { code: "II/b", pangkat: "Pengatur Muda Tingkat I" },
  { code: "II/c", pangkat: "Pengatur" },
  { code: "II/d", pangkat: "Pengatur Tingkat I" },
  { code: "III/a", pangkat: "Penata Muda" },
  { code: "III/b", pangkat: "Penata Muda Tingkat I" },
  { code: "III/c", pangkat: "Penata" },
  { code: "III/d", pangkat: "Penata Tingkat I" },
  { code: "IV/a", pangkat: "Pembina" },
  { code: "IV/b", pangkat: "Pembina Tingkat I" },
  { code: "IV/c", pangkat: "Pembina Utama Muda" },
  { code: "IV/d", pangkat: "Pembina Utama Madya" },
  { code: "IV/e", pangkat: "Pembina Utama" },
] as const;
export type Golongan = (typeof GOLONGAN)[number]["code"];
export const GOLONGAN_CODES = GOLONGAN.map((g) => g.code) as unknown as readonly [Golongan, ...Golongan[]];

/** Education levels from lowest to highest, with the labels of seeds/reference/golongan-pendidikan.json. */
export const EDUCATION = [
  { code: "SD", name: "Sekolah Dasar / sederajat" },
  { code: "SMP", name: "SMP / SLTP / sederajat" },
  { code: "SMA", name: "SMA / SLTA / sederajat" },
  { code: "D-I", name: "Diploma I" },
  { code: "D-II", name: "Diploma II" },
  { code: "D-III", name: "Diploma III" },
  { code: "D-IV", name: "Diploma IV (Sarjana Terapan)" },
  { code: "S-1", name: "Sarjana" },
  { code: "S-2", name: "Magister" },
  { code: "S-3", name: "Doktor" },
] as const;
export type EducationLevel = (typeof EDUCATION)[number]["code"];
export const EDUCATION_LEVELS = EDUCATION.map((e) => e.code) as unknown as readonly [EducationLevel, ...EducationLevel[]];

const GOLONGAN_INDEX = new Map<string, number>(GOLONGAN_CODES.map((code, i) => [code, i]));
// PP 11/2017 sets "sarjana atau diploma empat" as one minimum and the seeded setting says "S-1/D-IV",
// so D-IV and S-1 compare as equal: a D-IV holder meets an S-1 minimum. The list order is kept for display.
const EDUCATION_RANK = new Map<string, number>(
  EDUCATION_LEVELS.map((code, i) => [code, code === "S-1" ? EDUCATION_LEVELS.indexOf("D-IV") : i]),
);

export function isGolongan(value: unknown): value is Golongan {
  return typeof value === "string" && GOLONGAN_INDEX.has(value);
}

export function isEducationLevel(value: unknown): value is EducationLevel {
  return typeof value === "string" && EDUCATION_RANK.has(value);
}

/** Negative when `a` is a lower golongan than `b`, 0 when equal, positive when higher. */
export function compareRank(a: Golongan, b: Golongan): number {
  return (GOLONGAN_INDEX.get(a) ?? Number.NaN) - (GOLONGAN_INDEX.get(b) ?? Number.NaN);
}

/** Negative when `a` is a lower education level than `b`; D-IV and S-1 are equal (see EDUCATION_RANK). */
export function compareEducation(a: EducationLevel, b: EducationLevel): number {
  return (EDUCATION_RANK.get(a) ?? Number.NaN) - (EDUCATION_RANK.get(b) ?? Number.NaN);
}

export function golonganLabel(code: Golongan): string {
  const g = GOLONGAN.find((x) => x.code === code);
  return g ? `${g.pangkat} (${g.code})` : code;
}

// Messages name the field the way the printed SKJ does, so the analyst recognises it.
type Issue = { code: string; input?: unknown };
const kindError = (label: string, kind: string) => (iss: Issue) =>
  iss.input === undefined ? `${label} wajib ada.` : `${label} harus berupa ${kind}.`;
const text = (label: string, max: number) =>
  z.string({ error: kindError(label, "teks") }).max(max, `${label} maksimal ${formatCount(max)} karakter.`);
const list = <T extends z.ZodType>(item: T, label: string, max: number) =>
  z.array(item, { error: kindError(label, "daftar") }).max(max, `${label} paling banyak ${formatCount(max)} butir.`);
const object = <S extends z.core.$ZodLooseShape>(shape: S, label: string) =>
  z.strictObject(shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `${label} memuat kolom yang tidak dikenal: ${(iss as { keys?: string[] }).keys?.join(", ") ?? ""}.`
        : kindError(label, "objek")(iss),
  });
const choice = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, {
    error: (iss) =>
      iss.input === undefined ? `${label} wajib ada.` : `${label} harus salah satu dari: ${values.filter(Boolean).join(", ")}.`,
  });
// Select-backed fields: null or "" mean "not chosen yet"; the rules report it where the regulation needs it.
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .enum([...values, ""] as unknown as readonly [T[number] | "", ...(T[number] | "")[]], {
      error: (iss) =>
        iss.input === undefined
          ? `${label} wajib ada (null bila belum dipilih).`
          : `${label} harus salah satu dari: ${values.join(", ")}, atau dikosongkan.`,
    })
    .nullable();

export const SkjPositionSchema = object(
  {
    code: z
      .string({ error: kindError("Kode jabatan", "teks") })
      // abort: an empty code needs one message, not also the pattern one
      .min(1, { error: "Kode jabatan wajib diisi.", abort: true })
      .max(CODE_MAX, `Kode jabatan maksimal ${CODE_MAX} karakter.`)
      .regex(CODE_PATTERN, "Kode jabatan hanya boleh berisi huruf, angka, dan tanda . - / _"),
    name: text("Nama jabatan", SKJ_NAME_MAX),
    group: optionalChoice(POSITION_GROUPS, "Kelompok jabatan"),
    functionalLevel: optionalChoice(FUNCTIONAL_LEVELS, "Jenjang jabatan fungsional"),
    unitCode: text("Kode unit kerja", CODE_MAX),
    governmentAffair: text("Urusan pemerintahan", SKJ_GOVERNMENT_AFFAIR_MAX).nullable(),
    summary: text("Ikhtisar jabatan", SKJ_SUMMARY_MAX),
    // Optional (§7.2): version-1 documents and published versions without it stay valid and unchanged.
    // Free text as the instansi prints it ("800.1.3.2", words with spaces), unlike the register key `code`.
    jobCode: text("Kode jabatan (cetak)", SKJ_JOB_CODE_MAX).nullable().optional(),
  },
  "Identitas jabatan",
);

export const SkjCompetencySchema = object(
  {
    // Unknown or empty codes are a rule result (SKJ-KOMPETENSI-TIDAK-DIKENAL), not a shape error.
    code: text("Kode kompetensi", CODE_MAX),
    // Any number: a non-integer or out-of-range level is reported by SKJ-LEVEL-RENTANG.
    level: z.number({ error: kindError("Level kompetensi", "angka") }),
  },
  "Baris kompetensi",
);

export const SkjEducationSchema = object(
  {
    level: choice(EDUCATION_LEVELS, "Jenjang pendidikan"),
    fields: list(text("Bidang ilmu", SKJ_EDUCATION_FIELD_MAX), "Bidang ilmu", SKJ_EDUCATION_FIELDS_MAX),
  },
  "Baris pendidikan",
);

const trainingList = (label: string) =>
  list(text(`Nama pelatihan ${label}`, SKJ_TRAINING_NAME_MAX), `Pelatihan ${label}`, SKJ_TRAINING_ITEMS_MAX);

export const SkjExperienceSchema = object(
  {
    description: text("Uraian pengalaman kerja", SKJ_EXPERIENCE_DESCRIPTION_MAX),
    minYears: z
      .number({ error: kindError("Lama pengalaman (tahun)", "angka") })
      .min(0, "Lama pengalaman tidak boleh negatif.")
      .max(SKJ_EXPERIENCE_YEARS_MAX, `Lama pengalaman paling lama ${SKJ_EXPERIENCE_YEARS_MAX} tahun.`)
      .nullable(),
  },
  "Baris pengalaman kerja",
);

export const SkjRequirementsSchema = object(
  {
    rank: optionalChoice(GOLONGAN_CODES, "Pangkat/golongan ruang"),
    education: list(SkjEducationSchema, "Kualifikasi pendidikan", SKJ_EDUCATION_MAX),
    training: object(
      {
        managerial: trainingList("manajerial"),
        technical: trainingList("teknis"),
        functional: trainingList("fungsional"),
      },
      "Pelatihan",
    ),
    experience: list(SkjExperienceSchema, "Pengalaman kerja", SKJ_EXPERIENCE_MAX),
    performanceIndicators: list(
      text("Indikator kinerja jabatan", SKJ_PERFORMANCE_INDICATOR_MAX),
      "Indikator kinerja jabatan",
      SKJ_PERFORMANCE_INDICATORS_MAX,
    ),
    // Optional, and each row optional: a row without a choice prints an empty cell (§7.2).
    importance: object(
      Object.fromEntries(IMPORTANCE_ROWS.map((row) => [row, choice(IMPORTANCE_LEVELS, "Tingkat pentingnya").optional()])) as Record<
        ImportanceRow,
        z.ZodOptional<z.ZodEnum<{ [K in Importance]: K }>>
      >,
      "Tingkat pentingnya terhadap jabatan",
    ).optional(),
  },
  "Persyaratan jabatan",
);

export const SkjDocumentSchema = object(
  {
    schemaVersion: z.literal(SKJ_SCHEMA_VERSION, {
      error: (iss) => (iss.input === undefined ? "schemaVersion wajib ada." : `schemaVersion harus ${SKJ_SCHEMA_VERSION}.`),
    }),
    position: SkjPositionSchema,
    competencies: list(SkjCompetencySchema, "Daftar kompetensi", SKJ_COMPETENCIES_MAX),
    requirements: SkjRequirementsSchema,
  },
  "Dokumen SKJ",
).meta({
  title: "Dokumen SKJ",
  description: "Standar Kompetensi Jabatan (Permenpan RB 38/2017), kontrak SKJ Studio versi 1 §3: masukan validasi dan impor draf.",
});

export type SkjDocument = z.infer<typeof SkjDocumentSchema>;
export type SkjPosition = SkjDocument["position"];
export type SkjCompetency = SkjDocument["competencies"][number];
export type SkjRequirements = SkjDocument["requirements"];

/** JSON Schema (draft 2020-12) generated from SkjDocumentSchema, so the two can never drift apart. */
export function skjDocumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SkjDocumentSchema) as Record<string, unknown>;
}

/** 20000 → "20.000", as Indonesian text writes it. */
function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}
