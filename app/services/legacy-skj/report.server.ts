// The legacy import as the CLI prints it without --json: one line per SKJ found, its problems under it.
import { describeSource } from "~/domain/legacy-skj/document";
import type { LegacyImportResult, LegacyImportRow } from "./import.server";

export function formatLegacyImport(rows: readonly LegacyImportRow[]): string {
  return rows
    .flatMap((row) => {
      const name = row.document.position.name || "(tanpa nama)";
      const match = row.match
        ? `→ ${row.match.positionCode} (skor ${row.match.score.toFixed(2)})`
        : row.candidates.length
          ? `→ belum pasti; kandidat: ${row.candidates.map((c) => `${c.positionCode} (${c.score.toFixed(2)})`).join(", ")}`
          : "→ tidak ditemukan di register";
      const newOnes = row.unmatchedCompetencies.length ? `; ${row.unmatchedCompetencies.length} kompetensi teknis baru` : "";
      return [`${describeSource(row.source)}: ${name} ${match}${newOnes}`, ...row.problems.map((p) => `  - ${p.path}: ${p.message}`)];
    })
    .join("\n");
}

export function formatLegacyResult(r: LegacyImportResult): string {
  const lines = [
    `Draf dibuat: ${r.created.length}, diganti: ${r.replaced.length}, tidak berubah: ${r.unchanged.length}, ditolak: ${r.refused.length}; draf kamus baru: ${r.dictionaryDrafts.length}.`,
  ];
  for (const x of r.refused)
    lines.push(
      `  - ${x.positionCode}: ${x.state === "tidak_valid" ? "dokumen tidak valid, tidak disimpan" : `draf berstatus ${x.state}, tidak ditimpa`}`,
    );
  return lines.join("\n");
}
