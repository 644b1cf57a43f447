// The published SKJ document of contract §5: what the mapping engine reads, byte-for-byte forever.
// Built by extending SkjDocumentSchema, so a change to the draft document shows up here (and in the JSON
// Schema served at /api/v1/schema/skj-published.json) without a second copy to keep in step.
//
// Design choices:
// - `legalBasis` is an object {kind, number, year, title}: the parts a consumer filters or cites by, with
//   the citation text derivable from them (legalBasisLabel); the date signed and the signing official stay
//   on the penetapan, which the app shows, and out of the document the engine compares versions by.
// - `approvedBy` and `publishedBy` carry a name only: the document is read by other systems and must not
//   leak e-mail addresses or account ids.
// - `unit.path` runs from the perangkat daerah down to the unit itself, each step with code and name.
// - Each competency carries the dictionary texts as they were at publication (the pinned revision), so a
//   later dictionary revision never changes what a published SKJ said.
// - `contentHash` is "sha256:" + hex of the canonical JSON (canonical-json.ts) of every other key; the
//   stored and served bytes are that canonical JSON of the whole document.
// - Strict objects throughout (extend keeps SkjDocumentSchema's strictness): the version 1 shape is exact.
import { z } from "zod";
import { PENETAPAN_KINDS, type LegalBasis } from "./penetapan";
import { SkjCompetencySchema, SkjDocumentSchema, type SkjDocument } from "./skj-document";
import { ECHELONS } from "./sotk";

export const COMPETENCY_TYPES = ["manajerial", "sosial_kultural", "teknis"] as const;
export type CompetencyType = (typeof COMPETENCY_TYPES)[number];

export const CONTENT_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

const PersonSchema = z.strictObject({ name: z.string().min(1) }).meta({ description: "Nama pejabat; tanpa surel atau id akun." });

export const SkjPublishedUnitSchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().min(1),
  echelon: z.enum(ECHELONS).nullable(),
  path: z
    .array(z.strictObject({ code: z.string().min(1), name: z.string().min(1) }))
    .min(1)
    .meta({ description: "Dari perangkat daerah sampai unit itu sendiri." }),
});

export const SkjLegalBasisSchema = z
  .strictObject({
    kind: z.enum(PENETAPAN_KINDS),
    number: z.string().min(1),
    year: z.int().min(1945).max(2100),
    title: z.string().min(1),
  })
  .meta({ description: "Penetapan (peraturan/keputusan kepala daerah) yang menetapkan versi ini." });

export const SkjPublishedCompetencySchema = SkjCompetencySchema.extend({
  // rules guarantee 1–5 before approval, so the published level is exact where the draft's is any number
  level: z.int().min(1).max(5),
  type: z.enum(COMPETENCY_TYPES),
  name: z.string().min(1),
  definition: z.string(),
  levelDescription: z.string(),
  indicators: z.array(z.string()),
  dictionaryRevision: z.int().min(1).meta({ description: "Nomor revisi kamus kompetensi yang dipakai saat penetapan." }),
});

export const SkjPublishedDocumentSchema = SkjDocumentSchema.extend({
  competencies: z.array(SkjPublishedCompetencySchema),
  version: z.int().min(1),
  status: z.literal("ditetapkan"),
  publishedAt: z.iso.datetime(),
  effectiveDate: z.iso.date().nullable(),
  legalBasis: SkjLegalBasisSchema,
  approvedBy: PersonSchema,
  publishedBy: PersonSchema,
  unit: SkjPublishedUnitSchema,
  contentHash: z.string().regex(CONTENT_HASH_PATTERN),
}).meta({
  title: "SKJ yang ditetapkan",
  description:
    "Versi SKJ yang ditetapkan (kontrak SKJ Studio versi 1 §5): dokumen SKJ beserta penetapan, unit, dan teks kamus saat penetapan. contentHash = sha256 atas JSON kanonis semua kunci lainnya.",
});

export type SkjPublishedDocument = z.infer<typeof SkjPublishedDocumentSchema>;
export type SkjPublishedCompetency = SkjPublishedDocument["competencies"][number];
export type SkjPublishedUnit = SkjPublishedDocument["unit"];
/** The document before its hash is computed: exactly what contentHash covers. */
export type UnhashedSkjPublishedDocument = Omit<SkjPublishedDocument, "contentHash">;

/** JSON Schema (draft 2020-12) of the published document, generated from the same zod schema. */
export function skjPublishedJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SkjPublishedDocumentSchema) as Record<string, unknown>;
}

/** A pinned dictionary revision as publication reads it. */
export interface PublishedCompetencyTexts {
  type: CompetencyType;
  name: string;
  definition: string;
  revision: number;
  levels: readonly { level: number; description: string; indicators: readonly string[] }[];
}

export interface PublicationFacts {
  version: number;
  publishedAt: string;
  effectiveDate: string | null;
  legalBasis: LegalBasis;
  approvedBy: { name: string };
  publishedBy: { name: string };
  unit: SkjPublishedUnit;
}

/**
 * The published document of an approved draft, from the texts of its pinned dictionary revisions (keyed by
 * code). Refuses, naming the competency, when a code has no pinned revision or the revision lacks the level,
 * since a published SKJ must never carry a competency without its texts.
 */
export function buildPublishedDocument(
  document: SkjDocument,
  texts: ReadonlyMap<string, PublishedCompetencyTexts>,
  facts: PublicationFacts,
): { ok: true; document: UnhashedSkjPublishedDocument } | { ok: false; message: string } {
  const competencies: SkjPublishedCompetency[] = [];
  for (const c of document.competencies) {
    const entry = texts.get(c.code);
    if (!entry) return { ok: false, message: `Kompetensi ${c.code} belum terhubung ke revisi kamus yang diterbitkan.` };
    const level = entry.levels.find((l) => l.level === c.level);
    if (!level) return { ok: false, message: `Revisi ${entry.revision} kompetensi ${c.code} tidak memuat level ${c.level}.` };
    competencies.push({
      code: c.code,
      level: c.level,
      type: entry.type,
      name: entry.name,
      definition: entry.definition,
      levelDescription: level.description,
      indicators: [...level.indicators],
      dictionaryRevision: entry.revision,
    });
  }
  return {
    ok: true,
    document: {
      schemaVersion: document.schemaVersion,
      position: { ...document.position },
      competencies,
      requirements: document.requirements,
      version: facts.version,
      status: "ditetapkan",
      publishedAt: facts.publishedAt,
      effectiveDate: facts.effectiveDate,
      legalBasis: {
        kind: facts.legalBasis.kind,
        number: facts.legalBasis.number,
        year: facts.legalBasis.year,
        title: facts.legalBasis.title,
      },
      approvedBy: { name: facts.approvedBy.name },
      publishedBy: { name: facts.publishedBy.name },
      unit: facts.unit,
    },
  };
}
