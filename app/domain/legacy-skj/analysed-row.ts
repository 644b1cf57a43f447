/** One analysed SKJ as the page /skj/impor lists it: in words, without the document. */
export interface AnalysedRow {
  source: string;
  name: string;
  match: { positionCode: string; score: number } | null;
  candidates: { positionCode: string; name: string; unit: string; score: number }[];
  /** Competencies found in the register's dictionary (managerial and socio-cultural included). */
  matchedCompetencies: number;
  /** Technical competencies the dictionary does not know: each becomes a dictionary draft. */
  newCompetencies: number;
  problems: string[];
}
