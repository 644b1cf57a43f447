// The neutral form every legacy file is turned into before the SKJ is understood: a list of rows in reading
// order, each with its cells placed on a column grid. A paragraph outside a table is a row of one cell.
// Word, Excel and PDF differ only in how they fill this form, so the SKJ reader is written once.

export interface LegacyCell {
  text: string;
  /** First grid column the cell covers (0-based). */
  col: number;
  /** Number of grid columns the cell covers (1 for an ordinary cell). */
  span: number;
  /** The lower part of a vertically merged cell: its text belongs to the cell above. */
  continued?: boolean;
}

export interface LegacyRow {
  cells: LegacyCell[];
  /** 1-based number of the table the row is in (Word), or null for a paragraph. */
  table: number | null;
  /** 1-based page where it is known (PDF, Word page breaks). */
  page: number | null;
  /** Worksheet name (Excel). */
  sheet?: string;
  /**
   * The row is one printed line (PDF): a text without a list marker continues the same cell's text in the
   * row above rather than starting a new item.
   */
  wrapped?: boolean;
}

export const paragraphRow = (text: string, page: number | null = null): LegacyRow => ({
  cells: [{ text, col: 0, span: 1 }],
  table: null,
  page,
});

/** The row's own texts, left to right, without merged-cell continuations and blanks. */
export function rowTexts(row: LegacyRow): string[] {
  return row.cells.filter((c) => !c.continued && c.text.trim() !== "").map((c) => c.text.trim());
}

export function rowText(row: LegacyRow): string {
  return rowTexts(row).join(" ");
}

/** The cell covering grid column `col`, if any. */
export function cellAt(row: LegacyRow, col: number): LegacyCell | undefined {
  return row.cells.find((c) => col >= c.col && col < c.col + c.span);
}

/** How far a reader is through one file: a fraction of its bytes or pages, the rows so far, the page reached. */
export type ReadProgress = (read: { fraction: number; rows: readonly LegacyRow[]; page: number | null }) => void;
