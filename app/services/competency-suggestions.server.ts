// Suggested technical competencies for a position, with the dictionary texts the SKJ editor's picker needs
// to add one exactly as it adds a search result.
import { rankSuggestions, SUGGESTION_LIMIT, type SuggestedEntry } from "~/domain/competency-suggestions";
import type { DbOrTx } from "~db/client.server";
import { suggestionSignals } from "~db/queries/competency-suggestions.server";
import { findPositionById } from "~db/queries/register.server";
import { catalogFor } from "./skj-editor.server";

/**
 * Best first; null when the position does not exist. `exclude` are the codes the SKJ already holds;
 * `summary` is the ikhtisar as the draft has it (the register's when omitted).
 */
export function suggestTechnicalCompetencies(
  db: DbOrTx,
  positionId: number,
  options: { exclude: Iterable<string>; summary?: string; limit?: number },
): SuggestedEntry[] | null {
  const position = findPositionById(db, positionId);
  if (!position) return null;
  const signals = suggestionSignals(db, {
    positionId,
    name: position.name,
    unitId: position.unitId,
    governmentAffair: position.governmentAffair,
    summary: options.summary ?? position.summaryText,
  });
  const ranked = rankSuggestions(signals, new Set(options.exclude), options.limit ?? SUGGESTION_LIMIT);
  const entries = new Map(
    catalogFor(
      db,
      ranked.map((s) => s.code),
    ).map((e) => [e.code, e]),
  );
  return ranked.flatMap((s) => {
    const entry = entries.get(s.code);
    return entry ? [{ ...entry, reasons: s.reasons }] : [];
  });
}
