// A read SKJ as the document of contract §3 with §7.2, before it is matched to the register: managerial and
// socio-cultural rows become their regulation codes by name; technical rows keep their printed texts until the
// dictionary decides their code.
import { STANDARD_LEVEL_NAMES, type StandardLevelCode } from "../settings";
import type { SkjDocument } from "../skj-document";
import { nameSimilarity } from "../similarity";
import type { LegacyProblem, LegacySkjRead } from "./read-skj";
import { requirementsOf } from "./requirements";
import { fold } from "./text";
import { parseGroup } from "./values";

export interface LegacyTechnical {
  code: string | null;
  name: string;
  level: number;
  description: string;
  indicators: string[];
}
export type LegacyDocumentCompetency = { code: string; level: number } | LegacyTechnical;

/** §3 document whose position code and unit are still empty and whose technical rows carry their texts. */
export type LegacyDocument = Omit<SkjDocument, "competencies"> & { competencies: LegacyDocumentCompetency[] };

/** The texts an SKJ printed for a regulation competency, checked against the regulation when matching. */
export interface RegulationPrint {
  index: number;
  code: StandardLevelCode;
  name: string;
  level: number;
  description: string;
  indicators: string[];
}

export const isTechnical = (c: LegacyDocumentCompetency): c is LegacyTechnical => "name" in c;

/** Where an SKJ was printed: its file, and its page or table where the file tells them. */
export interface LegacySource {
  file: string;
  page?: number;
  table?: number | string;
}

/** "buku.docx, hlm. 12": where an SKJ was printed, as messages name it. */
export function describeSource(source: LegacySource): string {
  return [
    source.file,
    source.page !== undefined ? `hlm. ${source.page}` : null,
    source.table !== undefined ? `tabel ${source.table}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

const REGULATION = Object.entries(STANDARD_LEVEL_NAMES) as [StandardLevelCode, string][];
/** Close spellings ("Kerjasama", "Orientasi Pada Hasil", "Pengembangan Diri & Orang Lain") still match. */
const REGULATION_NAME_THRESHOLD = 0.85;

/** M.01…M.08 or SK.01 for a printed name, or null. */
export function regulationCodeOf(name: string): StandardLevelCode | null {
  const folded = fold(name).replace(/\s+/g, "");
  const exact = REGULATION.find(([, n]) => fold(n).replace(/\s+/g, "") === folded);
  if (exact) return exact[0];
  let best: [StandardLevelCode, number] | null = null;
  for (const [code, n] of REGULATION) {
    const score = nameSimilarity(name, n).score;
    if (score >= REGULATION_NAME_THRESHOLD && (!best || score > best[1])) best = [code, score];
  }
  return best?.[0] ?? null;
}

export function legacyDocument(read: LegacySkjRead): {
  document: LegacyDocument;
  problems: LegacyProblem[];
  regulationPrints: RegulationPrint[];
} {
  const regulationPrints: RegulationPrint[] = [];
  const problems = [...read.problems];
  const name = read.identity.name ?? "";
  const { group, functionalLevel } = parseGroup(read.identity.group ?? "", name);
  if (read.identity.group && group === null)
    problems.push({ path: "position.group", message: `Kelompok jabatan "${read.identity.group}" tidak dikenal.` });
  const competencies: LegacyDocumentCompetency[] = [];
  read.competencies.forEach((c, i) => {
    if (c.level === null) return; // already reported by the reader
    const code = c.group === "teknis" ? null : regulationCodeOf(c.name);
    if (code) {
      regulationPrints.push({
        index: competencies.length,
        code,
        name: c.name,
        level: c.level,
        description: c.description,
        indicators: c.indicators,
      });
      competencies.push({ code, level: c.level });
    } else if (c.group === "manajerial" || c.group === "sosial_kultural")
      problems.push({
        path: `competencies[${i}]`,
        message: `Kompetensi "${c.name}" tercetak di kelompok ${c.group === "manajerial" ? "manajerial" : "sosial kultural"} tetapi bukan kompetensi peraturan (M.01–M.08, SK.01); tidak diimpor.`,
      });
    else competencies.push({ code: null, name: c.name, level: c.level, description: c.description, indicators: c.indicators });
  });
  const jobCode = read.identity.jobCode?.trim();
  const document: LegacyDocument = {
    schemaVersion: 1,
    position: {
      code: "",
      name,
      group,
      functionalLevel,
      unitCode: "",
      governmentAffair: read.identity.governmentAffair?.trim() || null,
      summary: read.summary,
      jobCode: jobCode && jobCode !== "-" ? jobCode : null,
    },
    competencies,
    requirements: requirementsOf(read.requirementTexts, read.requirementTicks, problems),
  };
  if (!name) problems.push({ path: "position.name", message: "Nama jabatan kosong." });
  if (!read.summary) problems.push({ path: "position.summary", message: "Ikhtisar jabatan tidak ditemukan." });
  if (read.competencies.length === 0) problems.push({ path: "competencies", message: "Tabel standar kompetensi tidak ditemukan." });
  return { document, problems, regulationPrints };
}
