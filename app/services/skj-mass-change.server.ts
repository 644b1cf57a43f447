// "Ubah banyak draf sekaligus" (issue 17 item 5): one change laid over many open drafts. The preview and the
// apply run the same pure function; the apply writes one revision per changed draft, all in one IMMEDIATE
// transaction, and skips (never overwrites) a draft someone changed since the preview. See ADR 029.
import { isRegulationCode } from "~/domain/dictionary";
import {
  applyMassChange,
  describeMassChange,
  MASS_CHANGE_MAX,
  massChangeProblem,
  type MassChange,
  type MassChangeContext,
} from "~/domain/skj-mass-change";
import type { Db, DbOrTx } from "~db/client.server";
import { latestPublishedRevisions } from "~db/queries/competencies.server";
import { findUnitByCode } from "~db/queries/register.server";
import { recordAudit } from "~db/queries/audit.server";
import { EDITABLE_STATES, findOpenDraftById, saveDraft, type DraftState } from "~db/queries/skj-drafts.server";
import { countOpenDrafts, openDraftsToChange, type ChangeableDraft, type DraftFilter } from "~db/queries/skj-work.server";
import { catalogFor } from "./skj-editor.server";
import { ruleSettings } from "./skj.server";

/** The filter of the open-draft lists from the URL: `unit` (a unit code, its whole subtree) and `q` (name or code). */
export function draftFilterOf(db: DbOrTx, params: URLSearchParams): DraftFilter {
  const unitCode = params.get("unit")?.trim();
  const q = params.get("q")?.trim().slice(0, 200);
  // an unknown unit matches nothing rather than everything
  const unitId = unitCode ? (findUnitByCode(db, unitCode)?.id ?? -1) : undefined;
  return { ...(unitId !== undefined ? { unitId } : {}), ...(q ? { q } : {}) };
}

export interface MassChangeSelection {
  rows: ChangeableDraft[];
  /** How many drafts "all matching" named when that is more than MASS_CHANGE_MAX (nothing is selected then). */
  tooMany: number | null;
}

/** The drafts a selection names: the ticked `draf` position codes, or with `semua=1` every open draft the filter matches. */
export function massChangeSelection(db: DbOrTx, params: URLSearchParams): MassChangeSelection {
  if (params.get("semua") === "1") {
    const filter = draftFilterOf(db, params);
    const total = countOpenDrafts(db, filter);
    if (total > MASS_CHANGE_MAX) return { rows: [], tooMany: total };
    return { rows: openDraftsToChange(db, filter, MASS_CHANGE_MAX), tooMany: null };
  }
  const codes = [...new Set(params.getAll("draf"))];
  if (codes.length > MASS_CHANGE_MAX) return { rows: [], tooMany: codes.length };
  return { rows: openDraftsToChange(db, { positionCodes: codes }, MASS_CHANGE_MAX), tooMany: null };
}

/** The technical competencies the selected drafts hold, with how many of them hold each: what "replace" offers. */
export function technicalInDrafts(db: DbOrTx, draftIds: readonly number[]): { code: string; name: string; drafts: number }[] {
  const counts = new Map<string, number>();
  for (const id of draftIds) {
    const codes = new Set(
      findOpenDraftById(db, id)
        ?.document.competencies.map((c) => c.code)
        .filter((c) => !isRegulationCode(c)),
    );
    for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const names = competencyNames(db, [...counts.keys()]);
  return [...counts]
    .map(([code, drafts]) => ({ code, name: names(code), drafts }))
    .sort((a, b) => b.drafts - a.drafts || a.code.localeCompare(b.code));
}

function competencyNames(db: DbOrTx, codes: readonly string[]): (code: string) => string {
  const names = new Map(catalogFor(db, codes).map((c) => [c.code, c.name]));
  return (code) => names.get(code) ?? code;
}

function contextFor(db: DbOrTx, change: MassChange): MassChangeContext {
  const codes = change.kind === "replaceTechnical" ? [change.from, change.code] : change.kind === "addTechnical" ? [change.code] : [];
  return { regionalGovernment: ruleSettings(db).regionalGovernment, nameOf: competencyNames(db, codes) };
}

/** The note each changed draft's history will show. */
export function massChangeNote(db: DbOrTx, change: MassChange): string {
  return describeMassChange(change, contextFor(db, change));
}

/** Why the change cannot be made at all (a competency that is not a published technical entry, T.OTDA replaced), or null. */
export function massChangeRefusal(db: DbOrTx, change: MassChange): string | null {
  if (change.kind === "addTechnical" || change.kind === "replaceTechnical") {
    const entry = latestPublishedRevisions(db, [change.code])[0];
    if (entry?.type !== "teknis") return `Kompetensi ${change.code} bukan kompetensi teknis yang diterbitkan dalam kamus.`;
  }
  return massChangeProblem(change, contextFor(db, change));
}

export interface MassChangeRow extends ChangeableDraft {
  changed: boolean;
  reason?: string;
}

const LOCKED_REASONS: Record<DraftState, string> = {
  draf: "",
  dikembalikan: "",
  diajukan: "Sedang diajukan untuk ditinjau; draf terkunci sampai dikembalikan.",
  disetujui: "Sudah disetujui dan menunggu penetapan; draf terkunci.",
};

/** What the change would do to each selected draft, without writing anything. */
export function previewMassChange(db: DbOrTx, rows: readonly ChangeableDraft[], change: MassChange): MassChangeRow[] {
  const ctx = contextFor(db, change);
  return rows.map((row) => {
    if (!EDITABLE_STATES.includes(row.state)) return { ...row, changed: false, reason: LOCKED_REASONS[row.state] };
    const draft = findOpenDraftById(db, row.draftId);
    if (!draft) return { ...row, changed: false, reason: "Draf sudah tidak terbuka." };
    const outcome = applyMassChange(draft.document, change, ctx);
    return outcome.changed
      ? { ...row, revision: draft.revision, changed: true }
      : { ...row, revision: draft.revision, changed: false, reason: outcome.reason };
  });
}

/** A draft as the preview saw it: the apply changes it only if it is still at that revision. */
export interface MassChangeTarget {
  draftId: number;
  revision: number;
}

export type MassChangeOutcome = { ok: true; note: string; results: MassChangeRow[] } | { ok: false; message: string };

/**
 * Applies the change to the targets in one IMMEDIATE transaction: each changed draft gets one new revision and
 * an audit row whose summary is the note its history shows. A draft that is locked, closed, or saved by anyone
 * since the preview is skipped and reported; an error anywhere rolls every draft back.
 */
export function applyMassChangeToDrafts(
  db: Db,
  input: { targets: readonly MassChangeTarget[]; change: MassChange; actorId: number },
): MassChangeOutcome {
  const targets = [...new Map(input.targets.map((t) => [t.draftId, t])).values()];
  if (targets.length === 0) return { ok: false, message: "Tidak ada draf yang akan diubah; buat pratinjau lagi." };
  if (targets.length > MASS_CHANGE_MAX)
    return {
      ok: false,
      message: `Paling banyak ${MASS_CHANGE_MAX.toLocaleString("id-ID")} draf sekaligus; yang dipilih ${targets.length.toLocaleString("id-ID")}.`,
    };
  return db.transaction(
    (): MassChangeOutcome => {
      const refusal = massChangeRefusal(db, input.change);
      if (refusal) return { ok: false, message: refusal };
      const ctx = contextFor(db, input.change);
      const note = massChangeNote(db, input.change);
      const rows = openDraftsToChangeById(
        db,
        targets.map((t) => t.draftId),
      );
      const results = targets.map((target): MassChangeRow => {
        const row = rows.get(target.draftId);
        const draft = findOpenDraftById(db, target.draftId);
        if (!row || !draft)
          return {
            ...(row ?? unknownRow(target)),
            changed: false,
            reason: "Draf sudah tidak terbuka (mungkin sudah ditetapkan); tidak diubah.",
          };
        if (!EDITABLE_STATES.includes(draft.state)) return { ...row, changed: false, reason: LOCKED_REASONS[draft.state] };
        if (draft.revision !== target.revision) {
          return {
            ...row,
            changed: false,
            reason: `Diubah oleh ${draft.lastEditorName ?? "pengguna lain"} sesudah pratinjau (revisi ${target.revision} menjadi ${draft.revision}); perubahan itu tidak ditimpa. Buat pratinjau lagi untuk menyertakan draf ini.`,
          };
        }
        const outcome = applyMassChange(draft.document, input.change, ctx);
        if (!outcome.changed) return { ...row, changed: false, reason: outcome.reason };
        const saved = saveDraft(db, {
          draftId: draft.id,
          baseRevision: draft.revision,
          document: outcome.document,
          summaryJson: draft.summaryJson,
          actorId: input.actorId,
        });
        // the transaction holds the write lock, so nobody can have saved in between: anything else is a bug
        if (!saved.ok) throw new Error(`mass change: draft ${draft.id} could not be saved (${saved.reason})`);
        recordAudit(db, {
          actorId: input.actorId,
          action: "skj.draft.mass_change",
          entityType: "skj_draft",
          entityId: draft.id,
          summary: note,
          before: { revision: draft.revision },
          after: { revision: saved.draft.revision, positionCode: row.positionCode },
        });
        return { ...row, revision: saved.draft.revision, changed: true };
      });
      return { ok: true, note, results };
    },
    { behavior: "immediate" },
  );
}

function openDraftsToChangeById(db: DbOrTx, draftIds: readonly number[]): Map<number, ChangeableDraft> {
  return new Map(openDraftsToChange(db, { draftIds }, draftIds.length).map((r) => [r.draftId, r]));
}

const unknownRow = (target: MassChangeTarget): ChangeableDraft => ({
  ...target,
  state: "draf",
  positionId: 0,
  positionCode: "—",
  positionName: "Draf tidak dikenal",
  unitName: "",
});
