// How well what a book prints around an SKJ (the lines under the title, a Unit Kerja line or the book's list of
// positions, the Urusan Pemerintahan, the ikhtisar) fits one of several register positions of that name.
import { fold } from "./text";

export interface PrintedContext {
  headerLines: string[];
  unitText: string | null;
  governmentAffair: string | null;
  summary: string;
}

/** The register side of the comparison: a position's unit path and its own texts. */
export interface PositionFacts {
  unitPath: string[];
  governmentAffair: string | null;
  summary: string;
}

const wordsOf = (text: string) => fold(text).split(" ").filter(Boolean);

export interface ContextFacts {
  /** Header lines, unit and ikhtisar folded, padded with spaces so a unit name is found as whole words. */
  text: string;
  /** The words printed where books name the unit (header lines, Unit Kerja): what a unit path should explain. */
  unitWords: Set<string>;
  affair: string | null;
  summary: string;
  summaryWords: Set<string>;
}

export function contextFacts(printed: PrintedContext): ContextFacts {
  const unitLines = [...printed.headerLines, printed.unitText ?? ""];
  return {
    text: ` ${fold([...unitLines, printed.summary].join(" \n "))} `,
    unitWords: new Set(unitLines.flatMap(wordsOf)),
    affair: printed.governmentAffair ? fold(printed.governmentAffair) : null,
    summary: fold(printed.summary),
    summaryWords: new Set(wordsOf(printed.summary)),
  };
}

interface RegisterFacts {
  units: { folded: string; words: string[] }[];
  affair: string | null;
  summary: string;
  summaryWords: Set<string>;
}

// a register position is compared with every SKJ printed under its name: its texts are folded once
const registerFacts = new WeakMap<PositionFacts, RegisterFacts>();
function factsOf(p: PositionFacts): RegisterFacts {
  let facts = registerFacts.get(p);
  if (!facts) {
    facts = {
      units: p.unitPath.map((u) => ({ folded: ` ${fold(u)} `, words: wordsOf(u) })),
      affair: p.governmentAffair ? fold(p.governmentAffair) : null,
      summary: fold(p.summary),
      summaryWords: new Set(wordsOf(p.summary)),
    };
    registerFacts.set(p, facts);
  }
  return facts;
}

/**
 * The unit part, 0…1: its own unit named counts most and an enclosing one (the perangkat daerah under the
 * title) nearly as much; then how much of the path is named, and how much of what the book prints as the unit the
 * path explains ("Dinas Kesehatan Kabupaten X" fits that dinas better than "Dinas Kesehatan").
 */
function unitFit(context: ContextFacts, units: RegisterFacts["units"]): number {
  let deepest = 0;
  let named = 0;
  const explained = new Set<string>();
  units.forEach((unit, i) => {
    if (!context.text.includes(unit.folded)) return;
    named++;
    deepest = Math.max(deepest, i === units.length - 1 ? 1 : 0.9);
    for (const w of unit.words) if (context.unitWords.has(w)) explained.add(w);
  });
  const share = units.length ? named / units.length : 0;
  const coverage = context.unitWords.size ? explained.size / context.unitWords.size : 0;
  return 0.4 * deepest + 0.3 * share + 0.3 * coverage;
}

/** The ikhtisar, 0…1: the register's own text printed unchanged is 1; a reworded one counts by its words, at most half. */
function summaryFit(context: ContextFacts, facts: RegisterFacts): number {
  if (!context.summary || !facts.summary) return 0;
  if (context.summary === facts.summary) return 1;
  let common = 0;
  for (const w of context.summaryWords) if (facts.summaryWords.has(w)) common++;
  return (0.5 * common) / (context.summaryWords.size + facts.summaryWords.size - common);
}

/** 0…1: the unit weighs most, then the ikhtisar, then the Urusan Pemerintahan. */
export function contextFit(context: ContextFacts, position: PositionFacts): number {
  const facts = factsOf(position);
  const affair = context.affair !== null && context.affair === facts.affair ? 1 : 0;
  return 0.5 * unitFit(context, facts.units) + 0.3 * summaryFit(context, facts) + 0.2 * affair;
}
