// The SKJ as it prints (Permenpan RB 38/2017 layout): one model for the on-screen preview and the PDF.
import { indicatorNumber } from "./dictionary";
import { lampiranRegion, type InstanceProfile } from "./instance";
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS } from "./labels";
import { golonganLabel, isGolongan, type Importance, type ImportanceRow, type SkjDocument } from "./skj-document";
import type { SkjPublishedDocument } from "./skj-published";
import { formatTanggal } from "./format-date";

/**
 * The mark in the chosen importance column. Real books print "√", but the embedded Arimo subset has no such
 * glyph and Chromium would embed a second font for it; "V" is the tick Indonesian forms type by hand.
 */
export const PRINT_TICK = "V";
/** What prints where the act leaves a blank to fill in by hand (an unknown place or date). */
export const PRINT_BLANK = "....................";

/** The identity lines under the title (§7.3): label, then value; Kode Jabatan is the printed job code only. */
export function identityLines(identity: SkjPrintModel["identity"]): [string, string][] {
  return [
    ["Nama Jabatan", identity.name],
    ["Kelompok Jabatan", identity.group],
    ["Urusan Pemerintahan", identity.governmentAffair],
    ["Kode Jabatan", identity.jobCode],
  ];
}

export interface PrintLevelTexts {
  code: string;
  type: "manajerial" | "sosial_kultural" | "teknis";
  name: string;
  levels: { level: number; description: string; indicators: string[] }[];
  /** The texts are an example, not a sourced text (isExampleText): printed with a visible mark. */
  example?: boolean;
}

/**
 * One row of "III. PERSYARATAN JABATAN" (§7.3): a numbered heading row ("1. Pendidikan", no text of its own)
 * or a row with its texts and its "Tingkat Pentingnya terhadap Jabatan" (null prints three empty cells).
 */
export type PrintRequirementRow =
  | { kind: "heading"; no: string; label: string }
  | { kind: "row"; no: string; label: string; sub: boolean; items: string[]; importance: Importance | null };

export interface SkjPrintModel {
  /** `code` is the register key (file names only); `jobCode` is what prints as Kode Jabatan, "" when none. */
  identity: { name: string; group: string; governmentAffair: string; code: string; jobCode: string; unitPath: string; summary: string };
  groups: {
    title: string;
    rows: {
      no: number;
      code: string;
      name: string;
      level: number;
      description: string;
      indicators: { number: string; text: string }[];
      example: boolean;
    }[];
  }[];
  requirements: PrintRequirementRow[];
  draft: boolean;
  /** The lampiran header of the regulation that established a published version. */
  lampiran?: PrintLampiran;
  /** The signature block of that regulation. */
  signature?: PrintSignature;
}

export interface PrintLampiran {
  /** "PERATURAN GUBERNUR", as printed. */
  kind: string;
  region: string;
  number: string;
  year: number;
  /** What the regulation is about, as printed (upper case). */
  title: string;
}

export interface PrintSignature {
  /** "1 Maret 2026", or null while the penetapan carries no date. */
  signedOn: string | null;
  title: string | null;
  name: string | null;
  /** Where the act is signed ("Ditetapkan di …"), from the instance profile. */
  place: string;
}

export interface PrintPenetapan {
  signerTitle: string | null;
  signerName: string | null;
  /** YYYY-MM-DD */
  signedDate: string | null;
}

const GROUP_TITLES = [
  ["manajerial", "A. Manajerial"],
  ["sosial_kultural", "B. Sosial Kultural"],
  ["teknis", "C. Teknis"],
] as const;

export function skjPrintModel(
  doc: SkjDocument,
  texts: ReadonlyMap<string, PrintLevelTexts>,
  unitPath: string,
  draft: boolean,
): SkjPrintModel {
  const p = doc.position;
  const groupLabel = p.group ? `${GROUP_LABELS[p.group]}${p.functionalLevel ? ` ${FUNCTIONAL_LEVEL_LABELS[p.functionalLevel]}` : ""}` : "—";
  const groups = GROUP_TITLES.map(([type, title]) => ({
    title,
    rows: doc.competencies
      .filter((c) => (texts.get(c.code)?.type ?? "teknis") === type)
      .map((c, i) => {
        const entry = texts.get(c.code);
        const level = entry?.levels.find((l) => l.level === c.level);
        return {
          no: i + 1,
          code: c.code,
          name: entry?.name ?? c.code,
          level: c.level,
          description: level?.description ?? "",
          indicators: (level?.indicators ?? []).map((text, k) => ({ number: indicatorNumber(c.level, k), text })),
          example: entry?.example ?? false,
        };
      }),
  }));
  return {
    identity: {
      name: p.name,
      group: groupLabel,
      governmentAffair: p.governmentAffair ?? "—",
      code: p.code,
      jobCode: p.jobCode?.trim() ?? "",
      unitPath,
      summary: p.summary,
    },
    groups,
    requirements: requirementRows(doc.requirements),
    draft,
  };
}

/** The requirements table in the order of real lampiran (§7.3); a version-1 document has no importance at all. */
function requirementRows(r: SkjDocument["requirements"]): PrintRequirementRow[] {
  const row = (no: string, label: string, items: string[], key: ImportanceRow, sub = true): PrintRequirementRow => ({
    kind: "row",
    no,
    label,
    sub,
    items,
    importance: r.importance?.[key] ?? null,
  });
  return [
    { kind: "heading", no: "1.", label: "Pendidikan" },
    row(
      "a.",
      "Jenjang",
      r.education.map((e) => e.level),
      "educationLevel",
    ),
    row("b.", "Bidang Ilmu", [...new Set(r.education.flatMap((e) => e.fields))], "educationFields"),
    { kind: "heading", no: "2.", label: "Pelatihan" },
    row("a.", "Manajerial", r.training.managerial, "trainingManagerial"),
    row("b.", "Teknis", r.training.technical, "trainingTechnical"),
    row("c.", "Fungsional", r.training.functional, "trainingFunctional"),
    row(
      "3.",
      "Pengalaman Kerja",
      r.experience.map((e) => `${e.description}${e.minYears != null ? ` (paling singkat ${e.minYears} tahun)` : ""}`),
      "experience",
      false,
    ),
    row("4.", "Pangkat", r.rank && isGolongan(r.rank) ? [golonganLabel(r.rank)] : [], "rank", false),
    row("5.", "Indikator Kinerja Jabatan", r.performanceIndicators, "performanceIndicators", false),
  ];
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/**
 * The print model of a published version. Every competency text comes from the snapshot (the dictionary
 * revision pinned at publication), never from today's dictionary, so the PDF of a version never changes.
 */
export function printModelOfPublished(
  doc: SkjPublishedDocument,
  penetapan: PrintPenetapan,
  instance: InstanceProfile,
  exampleCodes: ReadonlySet<string> = new Set(),
): SkjPrintModel {
  const texts = new Map<string, PrintLevelTexts>(
    doc.competencies.map((c) => [
      c.code,
      {
        code: c.code,
        type: c.type,
        name: c.name,
        levels: [{ level: c.level, description: c.levelDescription, indicators: c.indicators }],
        example: exampleCodes.has(c.code),
      },
    ]),
  );
  // one layout: the published model is the draft model plus the regulation's header and signature
  const base = skjPrintModel(doc, texts, doc.unit.path.map((u) => u.name).join(" — "), false);
  return { ...base, lampiran: printLampiran(doc.legalBasis, instance), signature: printSignature(penetapan, instance) };
}

/** The lampiran header of a regulation, as printed. */
export function printLampiran(
  legalBasis: { kind: string; number: string; year: number; title: string },
  instance: InstanceProfile,
): PrintLampiran {
  const { kind, number, year, title } = legalBasis;
  return { kind: kind.toUpperCase(), region: lampiranRegion(kind, instance), number, year, title: title.toUpperCase() };
}

/** The signature block of a regulation, as printed. */
export function printSignature(penetapan: PrintPenetapan, instance: InstanceProfile): PrintSignature {
  return {
    signedOn: penetapan.signedDate ? formatTanggal(penetapan.signedDate) : null,
    // the act may name its signer's office; without it, the head of the instance signs
    title: blank(penetapan.signerTitle) ?? blank(instance.headTitle),
    name: blank(penetapan.signerName),
    place: instance.place,
  };
}
