// The SKJ as it prints (Permenpan RB 38/2017 layout): one model for the on-screen preview and the PDF.
import { indicatorNumber } from "./dictionary";
import { lampiranRegion, type InstanceProfile } from "./instance";
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS } from "./labels";
import { golonganLabel, isGolongan, type SkjDocument } from "./skj-document";
import type { SkjPublishedDocument } from "./skj-published";

export interface PrintLevelTexts {
  code: string;
  type: "manajerial" | "sosial_kultural" | "teknis";
  name: string;
  levels: { level: number; description: string; indicators: string[] }[];
  /** The texts are an example, not a sourced text (isExampleText): printed with a visible mark. */
  example?: boolean;
}

export interface SkjPrintModel {
  identity: { name: string; group: string; governmentAffair: string; code: string; unitPath: string; summary: string };
  groups: { title: string; rows: { no: number; code: string; name: string; level: number; description: string; indicators: { number: string; text: string }[]; example: boolean }[] }[];
  requirements: {
    rank: string;
    education: { level: string; fields: string }[];
    training: { managerial: string[]; technical: string[]; functional: string[] };
    experience: string[];
    performanceIndicators: string[];
  };
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
  ["manajerial", "A. Kompetensi Manajerial"],
  ["sosial_kultural", "B. Kompetensi Sosial Kultural"],
  ["teknis", "C. Kompetensi Teknis"],
] as const;

export function skjPrintModel(doc: SkjDocument, texts: ReadonlyMap<string, PrintLevelTexts>, unitPath: string, draft: boolean): SkjPrintModel {
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
  const r = doc.requirements;
  return {
    identity: { name: p.name, group: groupLabel, governmentAffair: p.governmentAffair ?? "—", code: p.code, unitPath, summary: p.summary },
    groups,
    requirements: {
      rank: r.rank && isGolongan(r.rank) ? golonganLabel(r.rank) : "—",
      education: r.education.map((e) => ({ level: e.level, fields: e.fields.join(", ") })),
      training: r.training,
      experience: r.experience.map((e) => `${e.description}${e.minYears != null ? ` (paling singkat ${e.minYears} tahun)` : ""}`),
      performanceIndicators: r.performanceIndicators,
    },
    draft,
  };
}

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** "2026-03-01" → "1 Maret 2026"; spelled out here so the printed date never depends on the runtime's ICU data. */
export function indonesianDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : isoDate;
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

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
export function printLampiran(legalBasis: { kind: string; number: string; year: number; title: string }, instance: InstanceProfile): PrintLampiran {
  const { kind, number, year, title } = legalBasis;
  return { kind: kind.toUpperCase(), region: lampiranRegion(kind, instance), number, year, title: title.toUpperCase() };
}

/** The signature block of a regulation, as printed. */
export function printSignature(penetapan: PrintPenetapan, instance: InstanceProfile): PrintSignature {
  return {
    signedOn: penetapan.signedDate ? indonesianDate(penetapan.signedDate) : null,
    // the act may name its signer's office; without it, the head of the instance signs
    title: blank(penetapan.signerTitle) ?? blank(instance.headTitle),
    name: blank(penetapan.signerName),
    place: instance.place,
  };
}
