// One change laid over many open SKJ drafts at once (issue 17 item 5): add a technical competency, replace one,
// or set a requirement field. Pure, so the preview and the apply compute the same outcome per draft, and the
// values are checked by the document's own zod schemas: a mass change cannot store what the editor could not.
import { z } from "zod";
import { canonicalJson } from "./canonical-json";
import { isRegulationCode, MANDATORY_TECHNICAL_CODE } from "./dictionary";
import { IMPORTANCE_LABELS, IMPORTANCE_ROW_LABELS } from "./labels";
import {
  IMPORTANCE_LEVELS,
  IMPORTANCE_ROWS,
  SkjDocumentSchema,
  SkjEducationSchema,
  SkjRequirementsSchema,
  golonganLabel,
  type SkjDocument,
  type SkjRequirements,
} from "./skj-document";
import { TECHNICAL_MAX } from "./skj-rules";
import { CODE_MAX } from "./sotk";

/** How many drafts one mass change may touch, as many as one bulk creation makes. */
export const MASS_CHANGE_MAX = 1_000;

const competencyCode = (label: string) =>
  z
    .string({ error: `${label} wajib dipilih dari kamus.` })
    .trim()
    .min(1, `${label} wajib dipilih dari kamus.`)
    .max(CODE_MAX, `${label} maksimal ${CODE_MAX} karakter.`)
    .refine(
      (code) => !isRegulationCode(code),
      `${label} harus kompetensi teknis; kompetensi manajerial dan sosial kultural mengikuti level standar.`,
    );
const level = z
  .number({ error: "Level wajib dipilih (1–5)." })
  .int("Level harus bilangan bulat 1–5.")
  .min(1, "Level harus 1–5.")
  .max(5, "Level harus 1–5.");

const training = SkjRequirementsSchema.shape.training.shape;

export const MassChangeSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("addTechnical"), code: competencyCode("Kompetensi yang ditambahkan"), level }),
    z.strictObject({
      kind: z.literal("replaceTechnical"),
      from: competencyCode("Kompetensi yang diganti"),
      code: competencyCode("Kompetensi pengganti"),
      level,
    }),
    z.strictObject({ kind: z.literal("educationLevel"), value: SkjEducationSchema.shape.level }),
    z.strictObject({ kind: z.literal("educationFields"), value: SkjEducationSchema.shape.fields }),
    z.strictObject({ kind: z.literal("trainingManagerial"), value: training.managerial }),
    z.strictObject({ kind: z.literal("trainingTechnical"), value: training.technical }),
    z.strictObject({ kind: z.literal("trainingFunctional"), value: training.functional }),
    z.strictObject({ kind: z.literal("experience"), value: SkjRequirementsSchema.shape.experience }),
    z.strictObject({ kind: z.literal("rank"), value: SkjRequirementsSchema.shape.rank }),
    z.strictObject({ kind: z.literal("performanceIndicators"), value: SkjRequirementsSchema.shape.performanceIndicators }),
    z.strictObject({
      kind: z.literal("importance"),
      row: z.enum(IMPORTANCE_ROWS, { error: "Baris persyaratan wajib dipilih." }),
      value: z.enum(IMPORTANCE_LEVELS, { error: "Tingkat pentingnya harus Mutlak, Penting atau Perlu, atau dikosongkan." }).nullable(),
    }),
  ],
  { error: "Jenis perubahan wajib dipilih." },
);
export type MassChange = z.infer<typeof MassChangeSchema>;
export type MassChangeKind = MassChange["kind"];

/** The kinds as the form offers them, with the words the requirements table prints. */
export const MASS_CHANGE_LABELS: Record<MassChangeKind, string> = {
  addTechnical: "Tambah kompetensi teknis",
  replaceTechnical: "Ganti kompetensi teknis",
  educationLevel: "Jenjang pendidikan",
  educationFields: "Bidang ilmu",
  trainingManagerial: "Pelatihan manajerial",
  trainingTechnical: "Pelatihan teknis",
  trainingFunctional: "Pelatihan fungsional",
  experience: "Pengalaman kerja",
  rank: "Pangkat/golongan ruang",
  performanceIndicators: "Indikator kinerja jabatan",
  importance: "Tingkat pentingnya terhadap jabatan",
};

export interface MassChangeContext {
  regionalGovernment: boolean;
  /** The dictionary name of a code, for messages; the code alone when unknown. */
  nameOf: (code: string) => string;
}

export type MassChangeOutcome = { changed: true; document: SkjDocument } | { changed: false; reason: string };

const named = (ctx: MassChangeContext, code: string) => {
  const name = ctx.nameOf(code);
  return name && name !== code ? `${name} (${code})` : code;
};

/** Why the change cannot be made to any draft, or null: checked once, before any draft is looked at. */
export function massChangeProblem(change: MassChange, ctx: MassChangeContext): string | null {
  if (
    change.kind === "replaceTechnical" &&
    ctx.regionalGovernment &&
    change.from === MANDATORY_TECHNICAL_CODE &&
    change.code !== MANDATORY_TECHNICAL_CODE
  ) {
    return `${named(ctx, MANDATORY_TECHNICAL_CODE)} wajib bagi pemerintah daerah dan tidak dapat diganti dengan kompetensi lain.`;
  }
  return null;
}

/** The document after the change, or why this draft is left as it is. */
export function applyMassChange(document: SkjDocument, change: MassChange, ctx: MassChangeContext): MassChangeOutcome {
  const outcome =
    change.kind === "addTechnical" || change.kind === "replaceTechnical"
      ? changeCompetencies(document, change, ctx)
      : changeRequirements(document, change);
  if (!outcome.changed) return outcome;
  if (canonicalJson(outcome.document) === canonicalJson(document))
    return { changed: false, reason: "Isinya sudah sama; tidak ada yang diubah." };
  const parsed = SkjDocumentSchema.safeParse(outcome.document);
  return parsed.success ? outcome : { changed: false, reason: parsed.error.issues[0]?.message ?? "Hasilnya tidak sesuai format SKJ." };
}

function changeCompetencies(
  document: SkjDocument,
  change: Extract<MassChange, { kind: "addTechnical" | "replaceTechnical" }>,
  ctx: MassChangeContext,
): MassChangeOutcome {
  const rows = document.competencies;
  const present = rows.find((c) => c.code === change.code);
  if (change.kind === "addTechnical") {
    if (present) return { changed: false, reason: `Sudah memuat ${named(ctx, change.code)} (level ${present.level}).` };
    const technical = new Set(rows.filter((c) => !isRegulationCode(c.code)).map((c) => c.code)).size;
    if (technical >= TECHNICAL_MAX)
      return { changed: false, reason: `Sudah memuat ${technical} kompetensi teknis; menambah satu lagi melebihi batas ${TECHNICAL_MAX}.` };
    return { changed: true, document: { ...document, competencies: [...rows, { code: change.code, level: change.level }] } };
  }
  const at = rows.findIndex((c) => c.code === change.from);
  if (at < 0) return { changed: false, reason: `Tidak memuat ${named(ctx, change.from)}.` };
  if (present && change.from !== change.code)
    return { changed: false, reason: `Sudah memuat ${named(ctx, change.code)}; penggantian akan membuatnya ganda.` };
  if (change.from === change.code && rows[at]!.level === change.level)
    return { changed: false, reason: `${named(ctx, change.code)} sudah level ${change.level}.` };
  // in place, so the replacement keeps the row's position in the printed table
  return {
    changed: true,
    document: { ...document, competencies: rows.map((c, i) => (i === at ? { code: change.code, level: change.level } : c)) },
  };
}

function changeRequirements(
  document: SkjDocument,
  change: Exclude<MassChange, { kind: "addTechnical" | "replaceTechnical" }>,
): MassChangeOutcome {
  const r = document.requirements;
  const set = (requirements: SkjRequirements): MassChangeOutcome => ({ changed: true, document: { ...document, requirements } });
  switch (change.kind) {
    case "educationLevel":
      // every education row takes the level; a draft without one gets its first row
      return set({
        ...r,
        education: r.education.length ? r.education.map((e) => ({ ...e, level: change.value })) : [{ level: change.value, fields: [] }],
      });
    case "educationFields":
      if (r.education.length === 0)
        return {
          changed: false,
          reason: "Belum ada jenjang pendidikan; bidang ilmu melekat pada jenjang, isi jenjang pendidikan lebih dulu.",
        };
      return set({ ...r, education: r.education.map((e) => ({ ...e, fields: [...change.value] })) });
    case "trainingManagerial":
      return set({ ...r, training: { ...r.training, managerial: [...change.value] } });
    case "trainingTechnical":
      return set({ ...r, training: { ...r.training, technical: [...change.value] } });
    case "trainingFunctional":
      return set({ ...r, training: { ...r.training, functional: [...change.value] } });
    case "experience":
      return set({ ...r, experience: change.value.map((e) => ({ ...e })) });
    case "rank":
      return set({ ...r, rank: change.value });
    case "performanceIndicators":
      return set({ ...r, performanceIndicators: [...change.value] });
    case "importance": {
      const importance = { ...r.importance };
      if (change.value) importance[change.row] = change.value;
      else delete importance[change.row];
      // clearing a row of a draft that never chose any keeps the key absent, as the editor leaves it
      return set({ ...r, importance: r.importance === undefined && Object.keys(importance).length === 0 ? undefined : importance });
    }
  }
}

const SUMMARY_VALUE_MAX = 160;
const listed = (items: readonly string[]) => {
  const text = items.length ? items.join("; ") : "dikosongkan";
  return text.length > SUMMARY_VALUE_MAX ? `${text.slice(0, SUMMARY_VALUE_MAX - 1)}…` : text;
};

/** The note each changed draft's history shows, e.g. "Perubahan massal: tambah Analisis Jabatan (T.ANJAB) level 3". */
export function describeMassChange(change: MassChange, ctx: Pick<MassChangeContext, "nameOf">): string {
  const c = { regionalGovernment: false, ...ctx };
  const what = (() => {
    switch (change.kind) {
      case "addTechnical":
        return `tambah ${named(c, change.code)} level ${change.level}`;
      case "replaceTechnical":
        return change.from === change.code
          ? `${named(c, change.code)} menjadi level ${change.level}`
          : `ganti ${named(c, change.from)} dengan ${named(c, change.code)} level ${change.level}`;
      case "educationLevel":
        return `jenjang pendidikan menjadi ${change.value}`;
      case "rank":
        return `pangkat menjadi ${change.value ? golonganLabel(change.value) : "kosong"}`;
      case "experience":
        return `pengalaman kerja menjadi: ${listed(change.value.map((e) => (e.minYears === null ? e.description : `${e.description} (${e.minYears} tahun)`)))}`;
      case "importance":
        return `tingkat pentingnya ${IMPORTANCE_ROW_LABELS[change.row]} menjadi ${change.value ? IMPORTANCE_LABELS[change.value] : "kosong"}`;
      default:
        return `${MASS_CHANGE_LABELS[change.kind].toLowerCase()} menjadi: ${listed(change.value)}`;
    }
  })();
  return `Perubahan massal: ${what}`;
}

/** The names of the page's fields; each kind reads only its own. */
export const MASS_CHANGE_FIELDS = {
  kind: "jenis",
  code: "kompetensi",
  from: "kompetensi_lama",
  level: "level",
  educationLevel: "jenjang",
  rank: "pangkat",
  lines: "daftar",
  experience: "pengalaman",
  years: "tahun",
  importanceRow: "baris",
  importance: "tingkat",
} as const;

/** The change the form describes, as input for MassChangeSchema (which names what is wrong with it). */
export function massChangeFromForm(field: (name: string) => string | null): unknown {
  const f = MASS_CHANGE_FIELDS;
  const text = (name: string) => field(name)?.trim() ?? "";
  const lines = (name: string) =>
    text(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  // an empty number field is "not chosen" (undefined), not 0
  const number = (name: string) => (text(name) === "" ? undefined : Number(text(name)));
  const kind = text(f.kind);
  switch (kind) {
    case "addTechnical":
      return { kind, code: text(f.code), level: number(f.level) };
    case "replaceTechnical":
      return { kind, from: text(f.from), code: text(f.code), level: number(f.level) };
    case "educationLevel":
      return { kind, value: text(f.educationLevel) };
    case "rank":
      return { kind, value: text(f.rank) || null };
    case "experience":
      return { kind, value: lines(f.experience).map((description) => ({ description, minYears: number(f.years) ?? null })) };
    case "importance":
      return { kind, row: text(f.importanceRow), value: text(f.importance) || null };
    default:
      return { kind, value: lines(f.lines) };
  }
}
