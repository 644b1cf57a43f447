// The SKJ as it prints (Permenpan RB 38/2017 layout): one model for the preview now and the PDF later.
import { indicatorNumber } from "./dictionary";
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS } from "./labels";
import { golonganLabel, isGolongan, type SkjDocument } from "./skj-document";

export interface PrintLevelTexts {
  code: string;
  type: "manajerial" | "sosial_kultural" | "teknis";
  name: string;
  levels: { level: number; description: string; indicators: string[] }[];
}

export interface SkjPrintModel {
  identity: { name: string; group: string; governmentAffair: string; code: string; unitPath: string; summary: string };
  groups: { title: string; rows: { no: number; code: string; name: string; level: number; description: string; indicators: { number: string; text: string }[] }[] }[];
  requirements: {
    rank: string;
    education: { level: string; fields: string }[];
    training: { managerial: string[]; technical: string[]; functional: string[] };
    experience: string[];
    performanceIndicators: string[];
  };
  draft: boolean;
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
