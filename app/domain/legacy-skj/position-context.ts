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
  /** The words of each line printed where books name the unit (header lines, Unit Kerja): what a unit path should explain. */
  unitLines: string[][];
  affair: string | null;
  summary: string;
  summaryWords: Set<string>;
}

export function contextFacts(printed: PrintedContext): ContextFacts {
  const unitLines = [...printed.headerLines, printed.unitText ?? ""];
  return {
    text: ` ${fold([...unitLines, printed.summary].join(" \n "))} `,
    unitLines: unitLines.map(wordsOf).filter((words) => words.length > 0),
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
 * The unit part, 0…1: how much of the unit lines the book prints the units of the path it names explain, times how
 * much of the path is named. "Dinas Kesehatan — Sekretariat" fits that dinas's Sekretariat and much less the
 * Sekretariat of another dinas; a line naming none of the path (the instansi under the title) does not count.
 * A unit named only in the ikhtisar counts half.
 */
function unitFit(context: ContextFacts, units: RegisterFacts["units"]): number {
  const explaining = new Set<string>();
  let named = 0;
  for (const unit of units) {
    if (!context.text.includes(unit.folded)) continue;
    named++;
    for (const w of unit.words) explaining.add(w);
  }
  if (named === 0) return 0;
  const share = named / units.length;
  let words = 0;
  let explained = 0;
  for (const line of context.unitLines) {
    const own = line.filter((w) => explaining.has(w)).length;
    if (own === 0) continue;
    words += line.length;
    explained += own;
  }
  return words === 0 ? 0.5 * share : (explained / words) * (0.5 + 0.5 * share);
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
  return 0.6 * unitFit(context, facts.units) + 0.25 * summaryFit(context, facts) + 0.15 * affair;
}
