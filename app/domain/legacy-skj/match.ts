// Matching a read SKJ to the register and the dictionary (contract §7.5): the position by name and unit, with a
// score and the candidates when unsure; technical competencies to published entries by name; the printed texts
// of regulation competencies checked against the regulation's.
import { levenshteinRatio, nameTokens, tokenJaccard } from "../similarity";
import { isTechnical, type LegacyDocument, type LegacyTechnical, type RegulationPrint } from "./document";
import type { LegacyProblem } from "./read-skj";
import { fold } from "./text";

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
const MATCH_MARGIN = 0.05;
const NAME_WEIGHT = 0.7;

const round = (n: number) => Math.round(n * 1000) / 1000;
const compact = (s: string) => fold(s).replace(/\s+/g, "");

interface NameFacts {
  compact: string;
  tokens: string[];
  sorted: string;
}

const factsOf = (name: string): NameFacts => {
  const tokens = nameTokens(name);
  return { compact: compact(name), tokens, sorted: [...tokens].sort().join(" ") };
};

// a register of 20,000 positions is compared with every SKJ of a book: each name is read into words once
const factsCache = new WeakMap<object, NameFacts>();
function cachedFacts(entry: { name: string }): NameFacts {
  let facts = factsCache.get(entry);
  if (!facts) factsCache.set(entry, (facts = factsOf(entry.name)));
  return facts;
}

/**
 * The names' similarity (nameSimilarity's score, 1 when equal as printed) where it can reach `min`. The score is
 * the mean of the word overlap and an edit-distance ratio of at most 1, so below an overlap of 2·min − 1 it cannot
 * reach `min`: then the costly edit distance is skipped and a score below `min` is answered.
 */
function nameScore(a: NameFacts, b: NameFacts, min: number): number {
  if (a.compact === b.compact) return 1;
  const jaccard = tokenJaccard(a.tokens, b.tokens);
  if (jaccard < 2 * min - 1) return jaccard / 2;
  return (jaccard + levenshteinRatio(a.sorted, b.sorted)) / 2;
}

/**
 * How well the printed context (the lines under the title, a Unit Kerja line, the Urusan Pemerintahan and the
 * ikhtisar) names the candidate's unit: its own unit named counts most, an enclosing unit (the perangkat
 * daerah printed under the title) nearly as much.
 */
function unitScore(context: { text: string; tokens: string[] }, candidate: RegisterPosition, affair: string | null): number {
  let best = 0;
  candidate.unitPath.forEach((unit, i) => {
    const own = i === candidate.unitPath.length - 1;
    if (context.text.includes(` ${fold(unit)} `)) best = Math.max(best, own ? 1 : 0.9);
  });
  const sameAffair = affair && candidate.governmentAffair && fold(affair) === fold(candidate.governmentAffair) ? 0.3 : 0;
  const summary = candidate.summary && tokenJaccard(context.tokens, nameTokens(candidate.summary)) > 0.5 ? 0.3 : 0;
  return Math.min(1, best + sameAffair + summary);
}

/**
 * The register position an SKJ belongs to. With one position of (nearly) that name, the name decides; with
 * several, the unit the book prints decides too, and without a clear winner the user chooses from the candidates.
 */
export function matchPosition(
  printed: { name: string; governmentAffair: string | null; summary: string; headerLines: string[]; unitText: string | null },
  register: readonly RegisterPosition[],
): { match: { positionCode: string; score: number } | null; candidates: PositionCandidate[] } {
  const joined = [...printed.headerLines, printed.unitText ?? "", printed.summary].join(" \n ");
  const context = { text: ` ${fold(joined)} `, tokens: nameTokens(joined) };
  const name = factsOf(printed.name);
  const named = register.map((p) => ({ p, name: nameScore(name, cachedFacts(p), CANDIDATE_MIN) })).filter((s) => s.name >= CANDIDATE_MIN);
  const scored = named
    .map(({ p, name }) => ({
      positionCode: p.code,
      name: p.name,
      unitCode: p.unitCode,
      unitPath: p.unitPath,
      score: round(named.length === 1 ? name : NAME_WEIGHT * name + (1 - NAME_WEIGHT) * unitScore(context, p, printed.governmentAffair)),
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

export function matchTechnical(name: string, entries: readonly DictionaryEntry[]): DictionaryEntry | null {
  let best: [DictionaryEntry, number] | null = null;
  const facts = factsOf(name);
  for (const e of entries) {
    if (e.type !== "teknis") continue;
    const score = nameScore(facts, cachedFacts(e), TECHNICAL_MATCH_MIN);
    if (score >= TECHNICAL_MATCH_MIN && (!best || score > best[1])) best = [e, score];
  }
  return best?.[0] ?? null;
}

/** Texts compared as printed words: case, accents, punctuation and spacing do not count. */
const sameText = (a: string, b: string) => compact(a) === compact(b);

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
  published: readonly DictionaryEntry[],
  unpublished: readonly DictionaryEntry[] = [],
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
