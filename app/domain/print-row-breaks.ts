// Which printed table rows may break across pages (PDF and Word alike). A row that does not fit the rest of a
// page moves whole to the next one, which leaves its height blank at the foot: fine for a short row, a third
// of a page for a competency with many indicators. So only rows taller than a quarter page may split.
// The print context runs no script, so the height is estimated from the texts and the column widths.
import type { PrintRequirementRow, SkjPrintModel } from "./skj-print";

type CompetencyRow = SkjPrintModel["groups"][number]["rows"][number];

/** About a quarter of an A4 page's text area in lines of 10.5pt Arimo (the page holds about 60). */
export const SPLITTABLE_ROW_LINES = 15;

// characters of 10.5pt Arimo a line of each column holds, as measured in printed PDFs (rounded down, so a row
// is rather thought taller than it is)
const CHARS_PER_LINE = { competencyName: 13, description: 24, indicator: 31, requirementLabel: 13, requirementItem: 40 } as const;

const linesOf = (text: string, charsPerLine: number) => Math.max(1, Math.ceil(text.length / charsPerLine));
const linesOfAll = (texts: string[], charsPerLine: number) => texts.reduce((sum, t) => sum + linesOf(t, charsPerLine), 0);

/** The estimated height of a competency row in lines: its tallest cell. */
export function competencyRowLines(row: CompetencyRow): number {
  return Math.max(
    linesOf(row.name, CHARS_PER_LINE.competencyName),
    linesOf(row.description, CHARS_PER_LINE.description),
    linesOfAll(
      row.indicators.map((i) => i.text),
      CHARS_PER_LINE.indicator,
    ),
  );
}

/** The estimated height of a requirement row in lines: its tallest cell (a heading row is one line). */
export function requirementRowLines(row: PrintRequirementRow): number {
  if (row.kind === "heading") return 1;
  return Math.max(
    linesOf(`${row.no} ${row.label}`, CHARS_PER_LINE.requirementLabel),
    linesOfAll(row.items, CHARS_PER_LINE.requirementItem),
  );
}

/** Whether a row of this many estimated lines may break across pages rather than move whole. */
export const mayBreakAcrossPages = (lines: number) => lines > SPLITTABLE_ROW_LINES;
