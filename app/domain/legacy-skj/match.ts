// Matching a read SKJ to the register and the dictionary (contract §7.5): the position by name and unit, with a
// score and the candidates when unsure; technical competencies to published entries by name; the printed texts
// of regulation competencies checked against the regulation's.
import { isTechnical, type LegacyDocument, type LegacyTechnical, type RegulationPrint } from "./document";
import { compactName, NameIndex } from "./name-index";
import { contextFacts, contextFit, type PrintedContext } from "./position-context";
import type { LegacyProblem } from "./read-skj";

export interface RegisterPosition {
  code: string;
  name: string;
  unitCode: string;
  /** Unit names from the perangkat daerah down to the position's own unit. */
  unitPath: string[];
  governmentAffair: string | null;
  summary: string;
}

export interface PositionCandidate {
  positionCode: string;
  name: string;
  unitCode: string;
  unitPath: string[];
  score: number;
}

/** Below this a position is no candidate at all. */
const CANDIDATE_MIN = 0.6;
/** A best candidate at or above this, clearly ahead of the next, is the match. */
export const MATCH_MIN = 0.8;
const MATCH_MARGIN = 0.04;
const NAME_WEIGHT = 0.7;

const round = (n: number) => Math.round(n * 1000) / 1000;
/**
 * The register position an SKJ belongs to. With one position of (nearly) that name, the name decides; with
 * several, the unit the book prints decides too, and without a clear winner the user chooses from the candidates.
 */
export function matchPosition(
  printed: PrintedContext & { name: string },
  register: NameIndex<RegisterPosition>,
): { match: { positionCode: string; score: number } | null; candidates: PositionCandidate[] } {
  const context = contextFacts(printed);
  const named = register.matches(printed.name, CANDIDATE_MIN).map(({ entry, score }) => ({ p: entry, name: score }));
  const scored = named
    .map(({ p, name }) => ({
      positionCode: p.code,
      name: p.name,
      unitCode: p.unitCode,
      unitPath: p.unitPath,
      score: round(named.length === 1 ? name : NAME_WEIGHT * name + (1 - NAME_WEIGHT) * contextFit(context, p)),
    }))
    .sort((a, b) => b.score - a.score || a.positionCode.localeCompare(b.positionCode));
  const [best, next] = scored;
  const sure =
    best && best.score >= (named.length === 1 ? MATCH_MIN : MATCH_MIN * NAME_WEIGHT) && (!next || best.score - next.score >= MATCH_MARGIN);
  return { match: sure ? { positionCode: best.positionCode, score: best.score } : null, candidates: scored.slice(0, 5) };
}

export interface DictionaryEntry {
  code: string;
  type: "manajerial" | "sosial_kultural" | "teknis";
  name: string;
  levels: { level: number; description: string; indicators: string[] }[];
}

/** Close spellings of a technical name still match ("Analisa Jabatan" / "Analisis Jabatan"). */
const TECHNICAL_MATCH_MIN = 0.85;

/** The technical entries of a dictionary, indexed by name for matchTechnical. */
export const technicalIndex = (entries: readonly DictionaryEntry[]) => new NameIndex(entries.filter((e) => e.type === "teknis"));

/** The closest technical entry by name; of equal scores, the one listed first. */
export function matchTechnical(name: string, entries: NameIndex<DictionaryEntry>): DictionaryEntry | null {
  let best: { entry: DictionaryEntry; score: number; order: number } | null = null;
  for (const m of entries.matches(name, TECHNICAL_MATCH_MIN))
    if (!best || m.score > best.score || (m.score === best.score && m.order < best.order)) best = m;
  return best?.entry ?? null;
}

/** Texts compared as printed words: case, accents, punctuation and spacing do not count. */
const sameText = (a: string, b: string) => compactName(a) === compactName(b);

/**
 * The printed level texts of M.01…SK.01 against the regulation's: a difference is a problem, and the
 * regulation's text stays (the printed one is never stored).
 */
export function regulationTextProblems(prints: readonly RegulationPrint[], entries: readonly DictionaryEntry[]): LegacyProblem[] {
  const problems: LegacyProblem[] = [];
  for (const p of prints) {
    const level = entries.find((e) => e.code === p.code)?.levels.find((l) => l.level === p.level);
    if (!level) continue;
    const differs = !sameText(p.description, level.description) || !sameText(p.indicators.join(" "), level.indicators.join(" "));
    if (differs)
      problems.push({
        path: `competencies[${p.index}]`,
        message: `Teks level ${p.level} ${p.name} (${p.code}) yang tercetak berbeda dari teks Permenpan RB 38/2017; yang dipakai teks peraturan, teks tercetak tidak disimpan.`,
      });
  }
  return problems;
}

/**
 * Technical rows with the dictionary's codes where the name is known (a published entry first, else one not
 * yet published); the rest stay without a code.
 */
export function matchTechnicals(
  document: LegacyDocument,
  published: NameIndex<DictionaryEntry>,
  unpublished: NameIndex<DictionaryEntry>,
): { document: LegacyDocument; unmatched: LegacyTechnical[] } {
  const unmatched: LegacyTechnical[] = [];
  const competencies = document.competencies.map((c) => {
    if (!isTechnical(c)) return c;
    const entry = matchTechnical(c.name, published) ?? matchTechnical(c.name, unpublished);
    if (!entry) unmatched.push(c);
    return { ...c, code: entry?.code ?? null };
  });
  return { document: { ...document, competencies }, unmatched };
}
