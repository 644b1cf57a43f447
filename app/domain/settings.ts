// The admin-editable tables the rules engine reads (contract §4, reference README "data of low or medium
// trust"). Pure: the edit form runs the same schemas in the browser that the action and updateSetting run.
//
// Design choices:
// - One schema per setting key, and one schema per cell, so every message names the cell the admin must fix
//   ("Standar level JF Ahli Muda, Integritas (M.01): …") instead of a bare path.
// - Objects strip unknown keys rather than reject them: the seeded minimum-rank table carries a "V.a" row
//   that no unit can hold (ECHELONS stops at IV.b), and rejecting it would make the seed itself invalid.
//   Saving the table therefore drops such rows, and the audit row shows it.
// - The form sends one field per cell, named like `value[administrator][M.01]`; names with brackets keep
//   keys such as "M.01" and "fungsional:ahli_muda" intact, which dotted paths would split.
import { z } from "zod";
import { REGULATION_CODES } from "./dictionary";
import { FUNCTIONAL_LEVEL_LABELS } from "./labels";
import { TRAINING_TIER_LABELS, TRAINING_TIERS, type TrainingTier } from "./leadership-training";
import { EDUCATION_LEVELS, GOLONGAN_CODES } from "./skj-document";
import { ECHELONS, FUNCTIONAL_LEVELS } from "./sotk";

export const SETTING_KEYS = [
  "standardLevels",
  "minimumRankByEselon",
  "lowestEselonByGroup",
  "minimumEducationByGroup",
  "leadershipTrainingByGroup",
  "leadershipTrainingAliases",
  "minimumExperienceByGroup",
  "regionalGovernment",
  "webhookAllowedHosts",
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** The tables copied from (possibly wrong) secondary sources; regionalGovernment is an instance choice, not regulation data. */
export const REGULATION_TABLE_KEYS = [
  "standardLevels",
  "minimumRankByEselon",
  "lowestEselonByGroup",
  "minimumEducationByGroup",
  "leadershipTrainingByGroup",
  "leadershipTrainingAliases",
  "minimumExperienceByGroup",
] as const satisfies readonly SettingKey[];

export function isSettingKey(value: unknown): value is SettingKey {
  return typeof value === "string" && (SETTING_KEYS as readonly string[]).includes(value);
}

export const STRUCTURAL_GROUPS = ["jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas"] as const;
export type StructuralGroup = (typeof STRUCTURAL_GROUPS)[number];

/** Rows of the per-group tables: the six non-functional groups, then one row per functional level. */
export const GROUP_KEYS = [...STRUCTURAL_GROUPS, "pelaksana", ...FUNCTIONAL_LEVELS.map((level) => `fungsional:${level}` as const)] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

const SHORT_GROUP_LABELS: Record<string, string> = {
  jpt_utama: "JPT Utama",
  jpt_madya: "JPT Madya",
  jpt_pratama: "JPT Pratama",
  administrator: "Administrator",
  pengawas: "Pengawas",
  pelaksana: "Pelaksana",
};

/** A short row label that fits a grid and a message: "JPT Pratama", "JF Ahli Muda". */
export function groupKeyLabel(key: string): string {
  if (key.startsWith("fungsional:")) {
    const level = key.slice("fungsional:".length);
    return `JF ${FUNCTIONAL_LEVEL_LABELS[level] ?? level}`;
  }
  return SHORT_GROUP_LABELS[key] ?? key;
}

export const STANDARD_LEVEL_CODES = REGULATION_CODES;
export type StandardLevelCode = (typeof STANDARD_LEVEL_CODES)[number];

// Fixed by contract §2, so the grid and its messages need no database read.
export const STANDARD_LEVEL_NAMES: Record<StandardLevelCode, string> = {
  "M.01": "Integritas",
  "M.02": "Kerja Sama",
  "M.03": "Komunikasi",
  "M.04": "Orientasi pada Hasil",
  "M.05": "Pelayanan Publik",
  "M.06": "Pengembangan Diri dan Orang Lain",
  "M.07": "Mengelola Perubahan",
  "M.08": "Pengambilan Keputusan",
  "SK.01": "Perekat Bangsa",
};

export const LEVEL_MIN = 1;
export const LEVEL_MAX = 5;
export const TRAINING_NAME_MAX = 100;
export const SOURCE_NOTE_MAX = 2_000;
export const TRAINING_ALIASES_MAX = 40;
export const EXPERIENCE_YEARS_MAX = 40;
export const ARTICLE_MAX = 300;
export const ARTICLE_TEXT_MAX = 3_000;
/** The columns of one row of minimumExperienceByGroup. */
export const EXPERIENCE_COLUMNS = ["years", "article", "text"] as const;

// Cell labels: the UI shows them as input labels and every message starts with them, followed by ": ".
export const cellLabels = {
  standardLevels: (group: string, code: string) =>
    `Standar level ${groupKeyLabel(group)}, ${STANDARD_LEVEL_NAMES[code as StandardLevelCode] ?? code} (${code})`,
  minimumRankByEselon: (eselon: string) => `Pangkat terendah eselon ${eselon}`,
  lowestEselonByGroup: (group: string) => `Eselon terendah ${groupKeyLabel(group)}`,
  minimumEducationByGroup: (group: string) => `Pendidikan minimum ${groupKeyLabel(group)}`,
  leadershipTrainingByGroup: (group: string) => `Pelatihan kepemimpinan ${groupKeyLabel(group)}`,
  leadershipTrainingAliases: (tier: string) => `Nama pelatihan ${TRAINING_TIER_LABELS[tier as TrainingTier] ?? tier}`,
  minimumExperienceByGroup: (group: string, column: string) =>
    `${{ years: "Pengalaman minimum", article: "Dasar (pasal)", text: "Teks pasal" }[column] ?? column} ${groupKeyLabel(group)}`,
  regionalGovernment: () => "Instansi pemerintah daerah",
  webhookAllowedHosts: () => "Host webhook yang diizinkan",
};

/** z.object over a fixed key list, keeping the keys in the type (Object.fromEntries would widen them to string). */
function objectOf<K extends string, S extends z.ZodType>(keys: readonly K[], cell: (key: K) => S, error: string) {
  const shape = Object.fromEntries(keys.map((k) => [k, cell(k)])) as { [P in K]: S };
  return z.object(shape, { error });
}

const levelCell = (group: string, code: string) => {
  const message = `${cellLabels.standardLevels(group, code)}: harus bilangan bulat ${LEVEL_MIN}–${LEVEL_MAX}.`;
  return z.number({ error: message }).int({ error: message }).min(LEVEL_MIN, { error: message }).max(LEVEL_MAX, { error: message });
};

const StandardLevelsSchema = objectOf(
  GROUP_KEYS,
  (group) =>
    objectOf(STANDARD_LEVEL_CODES, (code) => levelCell(group, code), `Standar level ${groupKeyLabel(group)}: baris wajib diisi lengkap.`),
  "Standar level harus berupa tabel kelompok jabatan × kompetensi.",
);

const MinimumRankByEselonSchema = objectOf(
  ECHELONS,
  (eselon) => z.enum(GOLONGAN_CODES, { error: `${cellLabels.minimumRankByEselon(eselon)}: pilih golongan ruang I/a–IV/e.` }),
  "Pangkat terendah harus berupa tabel eselon → golongan ruang.",
);

const LowestEselonByGroupSchema = objectOf(
  STRUCTURAL_GROUPS,
  (group) =>
    z.enum(ECHELONS, { error: `${cellLabels.lowestEselonByGroup(group)}: pilih eselon ${ECHELONS[0]}–${ECHELONS[ECHELONS.length - 1]}.` }),
  "Eselon terendah harus berupa tabel kelompok jabatan → eselon.",
);

// Partial: a group without a row (pelaksana, JF Pemula in the seed) has no minimum, so no warning fires.
const MinimumEducationByGroupSchema = objectOf(
  GROUP_KEYS,
  (group) =>
    z.enum(EDUCATION_LEVELS, { error: `${cellLabels.minimumEducationByGroup(group)}: pilih jenjang pendidikan yang tersedia.` }).optional(),
  "Pendidikan minimum harus berupa tabel kelompok jabatan → jenjang pendidikan.",
);

const LeadershipTrainingByGroupSchema = objectOf(
  STRUCTURAL_GROUPS,
  (group) => {
    const label = cellLabels.leadershipTrainingByGroup(group);
    return z
      .string({ error: `${label}: wajib diisi.` })
      .trim()
      .min(1, { error: `${label}: wajib diisi.` })
      .max(TRAINING_NAME_MAX, { error: `${label}: maksimal ${TRAINING_NAME_MAX} karakter.` });
  },
  "Pelatihan kepemimpinan harus berupa tabel kelompok jabatan → nama pelatihan.",
);

const LeadershipTrainingAliasesSchema = objectOf(
  TRAINING_TIERS,
  (tier) => {
    const label = cellLabels.leadershipTrainingAliases(tier);
    const name = z
      .string()
      .trim()
      .min(1, { error: `${label}: baris kosong tidak boleh ada.` })
      .max(TRAINING_NAME_MAX, { error: `${label}: setiap nama maksimal ${TRAINING_NAME_MAX} karakter.` });
    return z
      .array(name, { error: `${label}: wajib diisi, satu nama per baris.` })
      .min(1, { error: `${label}: wajib diisi, satu nama per baris.` })
      .max(TRAINING_ALIASES_MAX, { error: `${label}: paling banyak ${TRAINING_ALIASES_MAX} nama.` });
  },
  "Padanan nama pelatihan kepemimpinan harus berupa tabel tingkat → daftar nama.",
);

// Years may be absent (the group then has no minimum and SKJ-PENGALAMAN-PP stays silent); the article and its
// text are what the settings page and the rule's message show, quoted from the regulation where it was found.
const MinimumExperienceByGroupSchema = objectOf(
  STRUCTURAL_GROUPS,
  (group) => {
    const label = (column: string) => cellLabels.minimumExperienceByGroup(group, column);
    const yearsError = `${label("years")}: harus bilangan bulat 1–${EXPERIENCE_YEARS_MAX} tahun, atau kosong bila tidak ada minimum.`;
    return z.object(
      {
        years: z
          .number({ error: yearsError })
          .int({ error: yearsError })
          .min(1, { error: yearsError })
          .max(EXPERIENCE_YEARS_MAX, { error: yearsError })
          .optional(),
        article: z
          .string()
          .trim()
          .max(ARTICLE_MAX, { error: `${label("article")}: maksimal ${ARTICLE_MAX} karakter.` })
          .default(""),
        text: z
          .string()
          .trim()
          .max(ARTICLE_TEXT_MAX, { error: `${label("text")}: maksimal ${ARTICLE_TEXT_MAX.toLocaleString("id-ID")} karakter.` })
          .default(""),
      },
      { error: `Pengalaman minimum ${groupKeyLabel(group)}: baris wajib ada.` },
    );
  },
  "Pengalaman minimum harus berupa tabel kelompok jabatan → tahun, pasal dan teksnya.",
);

const RegionalGovernmentSchema = z.boolean({ error: `${cellLabels.regionalGovernment()}: harus ya atau tidak.` });

export const ALLOWED_HOSTS_MAX = 50;

/**
 * A host as written in a URL ("intranet.example.go.id", "10.1.2.3", "[fd00::1]"), normalised the way the URL
 * parser normalises a webhook's host so that the two compare equal; null when it is not a bare host.
 */
export function normaliseHost(value: string): string | null {
  if (/[/?#@\s]/.test(value)) return null;
  try {
    const url = new URL(`http://${value}/`);
    return url.port || url.hostname === "" ? null : url.hostname;
  } catch {
    return null;
  }
}

// checked as a whole list, so that a message lands on the one text area rather than on a line of it
const WebhookAllowedHostsSchema = z
  .array(z.string().trim(), { error: `${cellLabels.webhookAllowedHosts()}: harus berupa daftar nama host.` })
  .max(ALLOWED_HOSTS_MAX, { error: `${cellLabels.webhookAllowedHosts()}: paling banyak ${ALLOWED_HOSTS_MAX} host.` })
  .transform((values, ctx) => {
    const hosts: string[] = [];
    for (const value of values) {
      const host = normaliseHost(value);
      if (host === null) {
        ctx.addIssue({
          code: "custom",
          message: `${cellLabels.webhookAllowedHosts()}: "${value}" bukan nama host; tulis nama host saja, satu per baris, tanpa http:// atau nomor port.`,
        });
        return z.NEVER;
      }
      if (!hosts.includes(host)) hosts.push(host);
    }
    return hosts;
  });

export const SETTING_SCHEMAS = {
  standardLevels: StandardLevelsSchema,
  minimumRankByEselon: MinimumRankByEselonSchema,
  lowestEselonByGroup: LowestEselonByGroupSchema,
  minimumEducationByGroup: MinimumEducationByGroupSchema,
  leadershipTrainingByGroup: LeadershipTrainingByGroupSchema,
  leadershipTrainingAliases: LeadershipTrainingAliasesSchema,
  minimumExperienceByGroup: MinimumExperienceByGroupSchema,
  regionalGovernment: RegionalGovernmentSchema,
  webhookAllowedHosts: WebhookAllowedHostsSchema,
} as const satisfies Record<SettingKey, z.ZodType>;

export type SettingValue<K extends SettingKey = SettingKey> = z.output<(typeof SETTING_SCHEMAS)[K]>;

export const SourceNoteSchema = z
  .string({ error: "Catatan sumber wajib diisi." })
  .trim()
  .min(1, { error: "Catatan sumber wajib diisi." })
  .max(SOURCE_NOTE_MAX, { error: "Catatan sumber maksimal 2.000 karakter." });

/** What the edit form sends and updateSetting stores: the table, where it came from, and whether it was checked. */
export function settingUpdateSchema<K extends SettingKey>(key: K): z.ZodType<SettingUpdate<K>> {
  const schema = z.object({
    value: SETTING_SCHEMAS[key] as z.ZodType,
    sourceNote: SourceNoteSchema,
    verified: z.boolean({ error: "Status verifikasi harus ya atau tidak." }),
  });
  // z.object cannot follow a generic key through its shape; the value schema is SETTING_SCHEMAS[K] by construction
  return schema as unknown as z.ZodType<SettingUpdate<K>>;
}
export type SettingUpdate<K extends SettingKey = SettingKey> = { value: SettingValue<K>; sourceNote: string; verified: boolean };

// ---------------------------------------------------------------- form fields

export const cellFieldName = (row: string, column: string) => `value[${row}][${column}]`;
export const rowFieldName = (row: string) => `value[${row}]`;
export const VALUE_FIELD = "value";
export const SOURCE_NOTE_FIELD = "sourceNote";
export const VERIFIED_FIELD = "verified";

/** The settings edited as one row per group or eselon. */
export type RecordSettingKey = Exclude<SettingKey, "standardLevels" | "regionalGovernment" | "webhookAllowedHosts">;

/** The rows of a record setting, in display order. */
export function settingRows(key: RecordSettingKey): readonly string[] {
  switch (key) {
    case "minimumRankByEselon":
      return ECHELONS;
    case "lowestEselonByGroup":
    case "leadershipTrainingByGroup":
    case "minimumExperienceByGroup":
      return STRUCTURAL_GROUPS;
    case "leadershipTrainingAliases":
      return TRAINING_TIERS;
    case "minimumEducationByGroup":
      return GROUP_KEYS;
  }
}

type FieldReader = (name: string) => string | null;

const blank = (v: string | null) => v === null || v.trim() === "";

/**
 * Turns the edit form's fields into the shape settingUpdateSchema checks. Empty fields become absent keys,
 * so the schema, not this function, decides whether a cell is required.
 */
export function settingFormInput(key: SettingKey, read: FieldReader): { value: unknown; sourceNote: string; verified: boolean } {
  const common = { sourceNote: read(SOURCE_NOTE_FIELD) ?? "", verified: read(VERIFIED_FIELD) === "on" };
  if (key === "regionalGovernment") return { value: read(VALUE_FIELD) === "on", ...common };
  // one host per line; blank lines are only spacing
  if (key === "webhookAllowedHosts") return { value: (read(VALUE_FIELD) ?? "").split(/\r?\n/).filter((line) => !blank(line)), ...common };
  const value: Record<string, unknown> = {};
  if (key === "standardLevels") {
    for (const group of GROUP_KEYS) {
      const row: Record<string, unknown> = {};
      for (const code of STANDARD_LEVEL_CODES) {
        const raw = read(cellFieldName(group, code));
        // Number("") is 0 and would read as "out of range"; absent keeps the message about a required cell
        if (!blank(raw)) row[code] = Number(raw);
      }
      value[group] = row;
    }
    return { value, ...common };
  }
  if (key === "minimumExperienceByGroup") {
    for (const row of settingRows(key)) {
      const years = read(cellFieldName(row, "years"));
      value[row] = {
        ...(blank(years) ? {} : { years: Number(years) }),
        article: read(cellFieldName(row, "article")) ?? "",
        text: read(cellFieldName(row, "text")) ?? "",
      };
    }
    return { value, ...common };
  }
  for (const row of settingRows(key)) {
    const raw = read(rowFieldName(row));
    if (key === "leadershipTrainingAliases") {
      // one name per line; blank lines are the gaps people leave between groups of names
      if (raw !== null) value[row] = raw.split(/\r?\n/).filter((line) => line.trim() !== "");
    } else if (key === "leadershipTrainingByGroup" ? raw !== null : !blank(raw)) value[row] = raw;
  }
  return { value, ...common };
}

export type SettingFieldErrors = Record<string, string>;

/** First message per form field, keyed by the field's name so each message lands on its cell. */
export function settingErrorsOf(error: z.ZodError): SettingFieldErrors {
  const out: SettingFieldErrors = {};
  for (const issue of error.issues) {
    const [head, ...rest] = issue.path.map(String);
    // list items (a training name's line) report on their list's field, which is the one the form has
    const cells = rest.filter((p) => !/^\d+$/.test(p)).slice(0, 2);
    const name = head === VALUE_FIELD ? VALUE_FIELD + cells.map((p) => `[${p}]`).join("") : (head ?? "_form");
    out[name] ??= issue.message;
  }
  return out;
}

/** Splits "Standar level X, Integritas (M.01): harus …" into the cell label and the problem, for a compact grid. */
export function splitCellMessage(message: string): { cell: string; problem: string } {
  const at = message.indexOf(": ");
  return at < 0 ? { cell: "", problem: message } : { cell: message.slice(0, at), problem: message.slice(at + 2) };
}

// ---------------------------------------------------------------- audit summary

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function leaves(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, `${prefix}.${k}`, out);
  } else {
    out.set(prefix, value);
  }
}

function show(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "boolean") return value ? "ya" : "tidak";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** The changed cells, e.g. "standardLevels.administrator.M.01: 3 → 4", then the verified flag and the source note. */
export function describeSettingChanges(
  key: string,
  before: { value: unknown; sourceNote: string; verified: boolean },
  after: { value: unknown; sourceNote: string; verified: boolean },
): string[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before.value, key, a);
  leaves(after.value, key, b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const changes = paths
    .filter((p) => JSON.stringify(a.get(p)) !== JSON.stringify(b.get(p)))
    .map((p) => `${p}: ${show(a.get(p))} → ${show(b.get(p))}`);
  if (before.verified !== after.verified) changes.push(`verified: ${show(before.verified)} → ${show(after.verified)}`);
  if (before.sourceNote !== after.sourceNote) changes.push("catatan sumber diubah");
  return changes;
}
