// The national standard of a functional position (Standar nasional JF): per JF and jenjang, the managerial and
// socio-cultural levels and the technical competencies its instansi pembina set, with the act that sets them.
// One schema for the import files, the stored rows, the pages and the rules engine (docs/decisions/028).
import { z } from "zod";
import { CompetencyCodeSchema, MANDATORY_TECHNICAL_CODE, REGULATION_CODES } from "./dictionary";
import { functionalLevelOf } from "./import-words";
import { fold } from "./legacy-skj/text";
import { FUNCTIONAL_LEVEL_LABELS } from "./labels";
import type { SkjCompetency } from "./skj-document";
import { FUNCTIONAL_LEVELS, type FunctionalLevel } from "./sotk";

export const JF_NAME_MAX = 200;
export const JF_TEXT_MAX = 300;
/** The rules allow at most six technical competencies in an SKJ; a standard cannot ask for more. */
export const JF_TECHNICAL_MAX = 6;

export const STANDARD_LEVEL_FIELDS = REGULATION_CODES;

const levelMessage = (code: string) => `Level ${code} harus bilangan bulat 1 sampai 5.`;
const levelOf = (code: string) =>
  z
    .number({ error: levelMessage(code) })
    .int({ error: levelMessage(code) })
    .min(1, { error: levelMessage(code) })
    .max(5, { error: levelMessage(code) });

const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, `${label} wajib diisi.`)
    .max(max, `${label} maksimal ${max} karakter.`);

const JENJANG_CHOICES = FUNCTIONAL_LEVELS.map((l) => FUNCTIONAL_LEVEL_LABELS[l]).join(", ");

export const JfStandardSchema = z.strictObject(
  {
    jf: requiredText("Nama jabatan fungsional", JF_NAME_MAX),
    // the words of the regulation ("Ahli Pertama") as well as the codes
    jenjang: z.preprocess(
      (v) => (typeof v === "string" ? (functionalLevelOf(v) ?? v) : v),
      z.enum(FUNCTIONAL_LEVELS, { error: `Jenjang tidak dikenal. Pilihan: ${JENJANG_CHOICES}.` }),
    ),
    instansiPembina: requiredText("Instansi pembina", JF_TEXT_MAX),
    legalBasis: requiredText("Dasar hukum", JF_TEXT_MAX),
    levels: z.strictObject(
      Object.fromEntries(STANDARD_LEVEL_FIELDS.map((code) => [code, levelOf(code)])) as Record<
        (typeof REGULATION_CODES)[number],
        ReturnType<typeof levelOf>
      >,
      { error: "Level kompetensi manajerial dan sosial kultural (M.01–M.08, SK.01) wajib diisi." },
    ),
    technical: z
      .array(
        z.strictObject({
          code: CompetencyCodeSchema,
          level: levelOf("kompetensi teknis"),
        }),
        { error: "Kompetensi teknis harus berupa daftar kode dan level." },
      )
      .min(1, "Cantumkan paling sedikit satu kompetensi teknis yang ditetapkan instansi pembina.")
      .max(JF_TECHNICAL_MAX, `Paling banyak ${JF_TECHNICAL_MAX} kompetensi teknis.`)
      .superRefine((rows, ctx) => {
        const seen = new Set<string>();
        rows.forEach((row, i) => {
          if (seen.has(row.code))
            ctx.addIssue({ code: "custom", path: [i, "code"], message: `Kompetensi ${row.code} tercantum lebih dari sekali.` });
          seen.add(row.code);
        });
      }),
    verified: z.boolean({ error: "Terverifikasi harus ya atau tidak." }).default(false),
    // a text that illustrates the format, not the act's own: printed and shown with EXAMPLE_MARK
    example: z.boolean({ error: "Contoh harus ya atau tidak." }).default(false),
  },
  { error: "Setiap standar harus berupa objek JSON." },
);

export type JfStandardInput = z.input<typeof JfStandardSchema>;
export type JfStandard = z.output<typeof JfStandardSchema>;

/** What the rules engine and a new draft read of a standard. */
export type JfStandardRef = Pick<JfStandard, "jf" | "jenjang" | "legalBasis" | "levels" | "technical" | "verified" | "example">;

/** "Perawat Penyelia": the JF with its jenjang, as position names are written. */
export function jfStandardTitle(standard: { jf: string; jenjang: FunctionalLevel }): string {
  return `${standard.jf} ${FUNCTIONAL_LEVEL_LABELS[standard.jenjang]}`;
}

/** Names are compared as the legacy import compares them: lower case, accents and punctuation dropped. */
export const normaliseJfName = fold;

/** The key a position's name is matched on: "<JF name> <jenjang>" normalised, the way register names are written. */
export function jfMatchKey(jf: string, jenjang: FunctionalLevel): string {
  return normaliseJfName(`${jf} ${FUNCTIONAL_LEVEL_LABELS[jenjang]}`);
}

/** The key of a position, or null when it is not a functional position with a jenjang. */
export function positionMatchKey(position: {
  name: string;
  group: string | null | undefined;
  functionalLevel: string | null | undefined;
}): string | null {
  if (position.group !== "fungsional" || !position.functionalLevel) return null;
  return normaliseJfName(position.name);
}

/** The citation the rules give: the act, marked when the standard is an example or not yet verified. */
export function jfStandardCitation(standard: Pick<JfStandard, "jf" | "jenjang" | "legalBasis" | "verified" | "example">): string {
  const marks = [standard.example ? "CONTOH — bukan teks resmi" : null, standard.verified ? null : "belum diverifikasi"].filter(Boolean);
  return `Standar nasional JF ${jfStandardTitle(standard)}: ${standard.legalBasis}${marks.length ? ` (${marks.join("; ")})` : ""}`;
}

/**
 * The competency rows a new draft of a position of the JF starts with: M.01…M.08 and SK.01 at the standard's
 * levels, T.OTDA in a regional government (its level as SK.01, like a draft from the group table), then the
 * standard's technical competencies.
 */
export function competenciesFromStandard(standard: Pick<JfStandard, "levels" | "technical">, regionalGovernment: boolean): SkjCompetency[] {
  const rows: SkjCompetency[] = REGULATION_CODES.map((code) => ({ code, level: standard.levels[code] }));
  if (regionalGovernment) rows.push({ code: MANDATORY_TECHNICAL_CODE, level: standard.levels["SK.01"] });
  for (const t of standard.technical) if (!rows.some((r) => r.code === t.code)) rows.push({ code: t.code, level: t.level });
  return rows;
}
