// A readable diff between two revisions of an entry: field by field, level by level, indicator by indicator.
import { indicatorNumber } from "./dictionary";

export interface RevisionTexts {
  name: string;
  category: string;
  sourceKind: string;
  sourceReference: string;
  keywords: string[];
  definition: string;
  levels: { level: number; description: string; indicators: string[] }[];
}

export interface FieldChange {
  field: keyof Omit<RevisionTexts, "levels">;
  label: string;
  before: string;
  after: string;
}

export type IndicatorChange =
  | { kind: "same"; text: string; beforeNumber: string; afterNumber: string }
  | { kind: "added"; text: string; afterNumber: string }
  | { kind: "removed"; text: string; beforeNumber: string }
  | { kind: "changed"; before: string; after: string; beforeNumber: string; afterNumber: string };

export interface LevelChange {
  level: number;
  description: { before: string; after: string } | null;
  indicators: IndicatorChange[];
  changed: boolean;
}

export interface RevisionDiff {
  fields: FieldChange[];
  levels: LevelChange[];
  identical: boolean;
}

const FIELD_LABELS: Record<FieldChange["field"], string> = {
  name: "Nama",
  category: "Kategori",
  sourceKind: "Sumber",
  sourceReference: "Rujukan sumber",
  keywords: "Kata kunci",
  definition: "Definisi",
};

/** Longest-common-subsequence alignment of two indicator lists. */
function alignIndicators(level: number, a: string[], b: string[]): IndicatorChange[] {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: IndicatorChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: "same", text: a[i]!, beforeNumber: indicatorNumber(level, i), afterNumber: indicatorNumber(level, j) });
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // removals first on a tie, so that an edit reads as "removed, added" and merges into "changed"
      out.push({ kind: "removed", text: a[i]!, beforeNumber: indicatorNumber(level, i) });
      i++;
    } else {
      out.push({ kind: "added", text: b[j]!, afterNumber: indicatorNumber(level, j) });
      j++;
    }
  }
  // a removal directly followed by an addition reads better as one edited indicator
  const merged: IndicatorChange[] = [];
  for (const change of out) {
    const prev = merged.at(-1);
    if (change.kind === "added" && prev?.kind === "removed") {
      merged[merged.length - 1] = {
        kind: "changed",
        before: prev.text,
        after: change.text,
        beforeNumber: prev.beforeNumber,
        afterNumber: change.afterNumber,
      };
    } else merged.push(change);
  }
  return merged;
}

export function diffRevisions(before: RevisionTexts, after: RevisionTexts): RevisionDiff {
  const fields: FieldChange[] = [];
  for (const field of Object.keys(FIELD_LABELS) as FieldChange["field"][]) {
    const a = field === "keywords" ? before.keywords.join(", ") : before[field];
    const b = field === "keywords" ? after.keywords.join(", ") : after[field];
    if (a !== b) fields.push({ field, label: FIELD_LABELS[field], before: a, after: b });
  }
  const levelNumbers = [...new Set([...before.levels, ...after.levels].map((l) => l.level))].sort((x, y) => x - y);
  const levels = levelNumbers.map((level): LevelChange => {
    const a = before.levels.find((l) => l.level === level) ?? { level, description: "", indicators: [] };
    const b = after.levels.find((l) => l.level === level) ?? { level, description: "", indicators: [] };
    const description = a.description === b.description ? null : { before: a.description, after: b.description };
    const indicators = alignIndicators(level, a.indicators, b.indicators);
    return { level, description, indicators, changed: description !== null || indicators.some((c) => c.kind !== "same") };
  });
  return { fields, levels, identical: fields.length === 0 && levels.every((l) => !l.changed) };
}
