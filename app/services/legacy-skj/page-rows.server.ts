// What the page /skj/impor shows of an analysis and of an import: the rows in words, without the documents.
import { isTechnical } from "~/domain/legacy-skj/document";
import type { AnalysedRow } from "~/domain/legacy-skj/analysed-row";
import type { DbOrTx } from "~db/client.server";
import { findPositionByCode } from "~db/queries/register.server";
import { describeSource } from "~/domain/legacy-skj/document";
import type { LegacyImportResult, LegacyImportRow } from "./import.server";

export function analysedRows(rows: readonly LegacyImportRow[]): AnalysedRow[] {
  return rows.map((row) => {
    const fresh = row.document.competencies.filter((c) => isTechnical(c) && !c.code).length;
    return {
      source: describeSource(row.source),
      name: row.document.position.name || "(tanpa nama)",
      match: row.match,
      candidates: row.candidates.map((c) => ({ positionCode: c.positionCode, name: c.name, unit: c.unitPath.join(" › "), score: c.score })),
      matchedCompetencies: row.document.competencies.length - fresh,
      newCompetencies: fresh,
      problems: row.problems.map((p) => p.message),
    };
  });
}

export interface ImportedRow {
  source: string;
  positionCode: string | null;
  positionId: number | null;
  outcome: string;
}

const REFUSAL: Record<string, string> = {
  diajukan: "Ditolak: draf jabatan ini sedang ditinjau, tidak ditimpa",
  disetujui: "Ditolak: draf jabatan ini sudah disetujui, tidak ditimpa",
  tidak_valid: "Ditolak: dokumen yang terbaca tidak valid, tidak disimpan",
  conflict: "Ditolak: draf berubah saat impor, tidak ditimpa",
  locked: "Ditolak: draf terkunci, tidak ditimpa",
};

/**
 * Each analysed row with what happened to it (`chosen`: the position each row went to, null when left out); a
 * position imported twice reports the later row's outcome on both.
 */
export function importedRows(
  db: DbOrTx,
  rows: readonly LegacyImportRow[],
  chosen: readonly (string | null)[],
  result: LegacyImportResult,
): ImportedRow[] {
  return rows.map((row, i) => {
    const source = describeSource(row.source);
    const code = chosen[i] ?? null;
    if (!code) return { source, positionCode: null, positionId: null, outcome: "Dilewati" };
    const refused = result.refused.find((r) => r.positionCode === code);
    const outcome = result.created.includes(code)
      ? "Draf dibuat"
      : result.replaced.includes(code)
        ? "Draf diganti"
        : result.unchanged.includes(code)
          ? "Tidak berubah"
          : refused
            ? (REFUSAL[refused.state] ?? `Ditolak: ${refused.state}`)
            : "Dilewati";
    return { source, positionCode: code, positionId: findPositionByCode(db, code)?.id ?? null, outcome };
  });
}
