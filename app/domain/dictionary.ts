// The competency dictionary (kamus kompetensi): one schema for the editor, the actions, the import and the API.
import { z } from "zod";
import { docToPlainText, plainTextToDoc, type RichTextNode } from "./richtext";
import { CODE_MAX, CODE_PATTERN } from "./sotk";

export const COMPETENCY_TYPES = ["manajerial", "sosial_kultural", "teknis"] as const;
export type CompetencyType = (typeof COMPETENCY_TYPES)[number];

/** Entries seeded from the regulation (contract §2): never editable by users. */
export const REGULATION_CODES = ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"] as const;
/** Technical entry every regional government must keep: its texts are editable, the entry cannot be removed. */
export const MANDATORY_TECHNICAL_CODE = "T.OTDA";

export const SOURCE_KINDS = ["instansi_pembina", "daerah_lain", "lokal"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const REVISION_STATUSES = ["draft", "diajukan", "diterbitkan"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

export const LEVELS = [1, 2, 3, 4, 5] as const;
export const NAME_MAX = 200;
export const DEFINITION_MAX = 5_000;
export const LEVEL_DESCRIPTION_MAX = 2_000;
export const INDICATOR_MAX = 1_000;
export const INDICATORS_MAX = 20;
export const KEYWORDS_MAX = 30;

export const LevelSchema = z.object({
  level: z.number().int().min(1).max(5),
  description: z
    .string({ error: "Deskripsi level wajib diisi." })
    .trim()
    .min(1, "Deskripsi level wajib diisi.")
    .max(LEVEL_DESCRIPTION_MAX, `Deskripsi level maksimal ${LEVEL_DESCRIPTION_MAX} karakter.`),
  indicators: z
    .array(z.string().trim().min(1, "Indikator tidak boleh kosong.").max(INDICATOR_MAX, `Indikator maksimal ${INDICATOR_MAX} karakter.`))
    .min(1, "Setiap level memerlukan minimal satu indikator perilaku.")
    .max(INDICATORS_MAX, `Paling banyak ${INDICATORS_MAX} indikator per level.`),
});
export type LevelInput = z.output<typeof LevelSchema>;

/** Exactly levels 1..5, each once and in order; a missing level is named in the message. */
export const LevelsSchema = z.array(LevelSchema).superRefine((levels, ctx) => {
  for (const n of LEVELS) {
    const count = levels.filter((l) => l.level === n).length;
    if (count === 0)
      ctx.addIssue({ code: "custom", path: [], message: `Level ${n} belum diisi: setiap kompetensi teknis memerlukan lima level (1–5).` });
    if (count > 1) ctx.addIssue({ code: "custom", path: [], message: `Level ${n} tercantum lebih dari sekali.` });
  }
  levels.forEach((l, i) => {
    if (l.level !== i + 1 && levels.length === 5)
      ctx.addIssue({ code: "custom", path: [i, "level"], message: "Level harus berurutan dari 1 sampai 5." });
  });
});

export const CompetencyCodeSchema = z
  .string({ error: "Kode kompetensi wajib diisi." })
  .trim()
  .min(1, "Kode kompetensi wajib diisi.")
  .max(CODE_MAX, `Kode kompetensi maksimal ${CODE_MAX} karakter.`)
  .regex(CODE_PATTERN, "Kode hanya boleh berisi huruf, angka, dan tanda . - / _")
  .refine((c) => !(REGULATION_CODES as readonly string[]).includes(c), "Kode ini milik kamus peraturan dan tidak dapat dipakai.");

/** A technical entry as the editor, the actions and the import send it. */
export const TechnicalEntrySchema = z.object({
  code: CompetencyCodeSchema,
  name: z
    .string({ error: "Nama kompetensi wajib diisi." })
    .trim()
    .min(1, "Nama kompetensi wajib diisi.")
    .max(NAME_MAX, `Nama maksimal ${NAME_MAX} karakter.`),
  category: z.string().trim().max(200, "Kategori maksimal 200 karakter.").default(""),
  sourceKind: z.enum(SOURCE_KINDS, { error: "Pilih sumber kompetensi." }),
  sourceReference: z.string().trim().max(500, "Rujukan sumber maksimal 500 karakter.").default(""),
  keywords: z.array(z.string().trim().min(1).max(60)).max(KEYWORDS_MAX, `Paling banyak ${KEYWORDS_MAX} kata kunci.`).default([]),
  definitionText: z
    .string({ error: "Definisi wajib diisi." })
    .trim()
    .min(1, "Definisi wajib diisi.")
    .max(DEFINITION_MAX, `Definisi maksimal ${DEFINITION_MAX} karakter.`),
  levels: LevelsSchema,
});
export type TechnicalEntryInput = z.output<typeof TechnicalEntrySchema>;

/** Keywords typed as "a, b; c" → ["a", "b", "c"], de-duplicated case-insensitively. */
export function parseKeywords(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(/[,;\n]/)) {
    const k = raw.trim();
    if (k && !seen.has(k.toLowerCase())) {
      seen.add(k.toLowerCase());
      out.push(k);
    }
  }
  return out;
}

/** Indicator numbers as printed: "3.1", "3.2" … */
export function indicatorNumber(level: number, index: number): string {
  return `${level}.${index + 1}`;
}

export function isRegulationCode(code: string): boolean {
  return (REGULATION_CODES as readonly string[]).includes(code);
}

/**
 * A definition is stored once, as rich text; the plain text that search, diffs, the API and published
 * snapshots read is always derived from it here, so no writer can make the two say different things.
 */
export function definitionColumns(doc: RichTextNode | null): { definitionJson: RichTextNode | null; definitionText: string } {
  const definitionText = docToPlainText(doc);
  return { definitionJson: definitionText ? doc : null, definitionText };
}

/** A definition that arrives as plain text (seed, import files) becomes rich text first, like any other. */
export function definitionFromPlainText(text: string): RichTextNode | null {
  return text.trim() ? plainTextToDoc(text) : null;
}
