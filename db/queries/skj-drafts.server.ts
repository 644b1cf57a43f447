// SKJ drafts: one open draft per position, optimistic concurrency on every save, every revision kept.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { canonicalJson } from "~/domain/canonical-json";
import type { RichTextNode } from "~/domain/richtext";
import type { SkjDocument } from "~/domain/skj-document";
import type { Db, DbOrTx, Tx } from "../client.server";
import { competencies, competencyRevisions, skjCompetencyUses, skjDraftRevisions, skjDrafts, users } from "../schema";
import { recordAudit } from "./audit.server";
import { latestPublishedRevisions } from "./competencies.server";

export type DraftState = (typeof skjDrafts.$inferSelect)["state"];
export const EDITABLE_STATES: readonly DraftState[] = ["draf", "dikembalikan"];

export interface DraftView {
  id: number;
  positionId: number;
  state: DraftState;
  revision: number;
  document: SkjDocument;
  summaryJson: RichTextNode | null;
  updatedAt: string;
  lastEditedBy: number | null;
  lastEditorName: string | null;
  submittedBy: number | null;
  justification: string | null;
}

function draftView(db: DbOrTx, where: ReturnType<typeof eq>): DraftView | undefined {
  const row = db
    .select({
      id: skjDrafts.id,
      positionId: skjDrafts.positionId,
      state: skjDrafts.state,
      revision: skjDrafts.revision,
      document: skjDrafts.document,
      summaryJson: skjDrafts.summaryJson,
      updatedAt: skjDrafts.updatedAt,
      lastEditedBy: skjDrafts.lastEditedBy,
      lastEditorName: users.name,
      submittedBy: skjDrafts.submittedBy,
      justification: skjDrafts.justification,
    })
    .from(skjDrafts)
    .leftJoin(users, eq(users.id, skjDrafts.lastEditedBy))
    .where(and(where, isNull(skjDrafts.closedAt)))
    .get();
  return row ? { ...row, document: row.document as SkjDocument, summaryJson: (row.summaryJson as RichTextNode | null) ?? null } : undefined;
}

export function findOpenDraft(db: DbOrTx, positionId: number): DraftView | undefined {
  return draftView(db, eq(skjDrafts.positionId, positionId));
}

export function findOpenDraftById(db: DbOrTx, draftId: number): DraftView | undefined {
  return draftView(db, eq(skjDrafts.id, draftId));
}

/**
 * Pins each competency of the draft to a dictionary revision: new codes take the latest published
 * revision, codes already pinned keep theirs (until the analyst takes the dictionary update), removed codes go.
 */
function syncCompetencyPins(tx: Tx, draftId: number, document: SkjDocument, refresh: ReadonlySet<string> = new Set()) {
  const current = tx
    .select({ id: skjCompetencyUses.id, code: competencies.code, revisionId: skjCompetencyUses.competencyRevisionId })
    .from(skjCompetencyUses)
    .innerJoin(competencyRevisions, eq(competencyRevisions.id, skjCompetencyUses.competencyRevisionId))
    .innerJoin(competencies, eq(competencies.id, competencyRevisions.competencyId))
    .where(eq(skjCompetencyUses.draftId, draftId))
    .all();
  const pinned = new Map(current.map((c) => [c.code, c.revisionId]));
  const codes = [...new Set(document.competencies.map((c) => c.code))];
  const latestPublished = new Map(latestPublishedRevisions(tx, codes).map((r) => [r.code, r.revisionId]));
  tx.delete(skjCompetencyUses).where(eq(skjCompetencyUses.draftId, draftId)).run();
  const seen = new Set<string>();
  for (const c of document.competencies) {
    if (seen.has(c.code)) continue;
    seen.add(c.code);
    const revisionId = (!refresh.has(c.code) && pinned.get(c.code)) || latestPublished.get(c.code);
    if (!revisionId || !Number.isInteger(c.level)) continue; // unknown or unpublished codes are reported by the rules
    tx.insert(skjCompetencyUses).values({ draftId, competencyRevisionId: revisionId, level: c.level }).run();
  }
}

function appendHistory(
  tx: Tx,
  draftId: number,
  revision: number,
  document: SkjDocument,
  summaryJson: RichTextNode | null,
  actorId: number | null,
) {
  tx.insert(skjDraftRevisions).values({ draftId, revision, document, summaryJson, savedBy: actorId }).run();
}

export function createDraft(
  db: Db,
  input: {
    positionId: number;
    document: SkjDocument;
    summaryJson: RichTextNode | null;
    basedOnVersionId: number | null;
    actorId: number | null;
    via: "ui" | "api";
    tokenId?: number;
  },
): DraftView {
  return db.transaction((tx) => {
    const row = tx
      .insert(skjDrafts)
      .values({
        positionId: input.positionId,
        state: "draf",
        revision: 1,
        document: input.document,
        summaryJson: input.summaryJson,
        basedOnVersionId: input.basedOnVersionId,
        createdBy: input.actorId,
        lastEditedBy: input.actorId,
      })
      .returning({ id: skjDrafts.id })
      .get();
    appendHistory(tx, row.id, 1, input.document, input.summaryJson, input.actorId);
    syncCompetencyPins(tx, row.id, input.document);
    recordAudit(tx, {
      actorId: input.actorId,
      tokenId: input.tokenId,
      action: "skj.draft.create",
      entityType: "skj_draft",
      entityId: row.id,
      summary: `Draf SKJ ${input.document.position.code} dibuat${input.basedOnVersionId ? " dari versi yang ditetapkan" : ""}${input.via === "api" ? " melalui API" : ""}`,
    });
    return findOpenDraftById(tx, row.id)!;
  });
}

export type SaveDraftResult =
  | { ok: true; draft: DraftView; unchanged?: boolean }
  | { ok: false; reason: "conflict"; current: DraftView }
  | { ok: false; reason: "locked" | "missing"; current?: DraftView };

/**
 * Saves the draft if it is still at `baseRevision`; otherwise nothing is written and the current draft is
 * returned so the editor can show both versions. The compare-and-set is one UPDATE, so of two saves on the
 * same revision exactly one wins.
 */
export function saveDraft(
  db: Db,
  input: {
    draftId: number;
    baseRevision: number;
    document: SkjDocument;
    summaryJson: RichTextNode | null;
    actorId: number | null;
    refreshCodes?: ReadonlySet<string>;
  },
): SaveDraftResult {
  return db.transaction((tx): SaveDraftResult => {
    const current = findOpenDraftById(tx, input.draftId);
    if (!current) return { ok: false, reason: "missing" };
    if (!EDITABLE_STATES.includes(current.state)) return { ok: false, reason: "locked", current };
    // a save that changes nothing is no edit: no revision, and its author does not become a contributor
    const refreshes = (input.refreshCodes?.size ?? 0) > 0;
    if (current.revision === input.baseRevision && !refreshes && sameContent(current, input))
      return { ok: true, draft: current, unchanged: true };
    const updated = tx
      .update(skjDrafts)
      .set({
        document: input.document,
        summaryJson: input.summaryJson,
        revision: sql`${skjDrafts.revision} + 1`,
        lastEditedBy: input.actorId,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(skjDrafts.id, input.draftId), eq(skjDrafts.revision, input.baseRevision), isNull(skjDrafts.closedAt)))
      .run();
    if (updated.changes === 0) return { ok: false, reason: "conflict", current };
    appendHistory(tx, input.draftId, input.baseRevision + 1, input.document, input.summaryJson, input.actorId);
    syncCompetencyPins(tx, input.draftId, input.document, input.refreshCodes);
    // one audit row per save would drown the log in autosaves: the history table holds every revision
    return { ok: true, draft: findOpenDraftById(tx, input.draftId)! };
  });
}

function sameContent(current: DraftView, input: { document: SkjDocument; summaryJson: RichTextNode | null }): boolean {
  return (
    canonicalJson(current.document) === canonicalJson(input.document) &&
    canonicalJson(current.summaryJson ?? null) === canonicalJson(input.summaryJson ?? null)
  );
}

/**
 * Who changed the content of each draft (four-eyes): the saver of its first revision and of every revision
 * whose document differs from the one before it. Drafts are closed when published, so this is everyone
 * since the last published version.
 */
export function draftContributors(db: DbOrTx, draftIds: readonly number[]): Map<number, number[]> {
  const byDraft = new Map<number, number[]>(draftIds.map((id) => [id, []]));
  if (draftIds.length === 0) return byDraft;
  const rows = db.all<{ draftId: number; userId: number }>(sql`
    select distinct r.draft_id as draftId, r.saved_by as userId
    from skj_draft_revisions r
    left join skj_draft_revisions p on p.draft_id = r.draft_id and p.revision = r.revision - 1
    where r.draft_id in ${draftIds} and r.saved_by is not null and (p.id is null or p.document <> r.document)`);
  for (const row of rows) byDraft.get(row.draftId)?.push(row.userId);
  return byDraft;
}

/** The dictionary revision each competency of the draft is pinned to, with the newest published one. */
export function draftPins(db: DbOrTx, draftId: number) {
  return db.all<{ code: string; pinnedRevision: number; pinnedRevisionId: number; latestRevision: number | null }>(sql`
    select c.code, r.number as pinnedRevision, r.id as pinnedRevisionId,
           (select max(r2.number) from competency_revisions r2 where r2.competency_id = c.id and r2.status = 'diterbitkan') as latestRevision
    from skj_competency_uses u
    join competency_revisions r on r.id = u.competency_revision_id
    join competencies c on c.id = r.competency_id
    where u.draft_id = ${draftId}`);
}

/** A saved revision of the draft as it was stored (the summary's rich text is null for revisions saved before 0010). */
export function draftRevisionContent(
  db: DbOrTx,
  draftId: number,
  revision: number,
): { document: SkjDocument; summaryJson: RichTextNode | null } | undefined {
  const row = db
    .select({ document: skjDraftRevisions.document, summaryJson: skjDraftRevisions.summaryJson })
    .from(skjDraftRevisions)
    .where(and(eq(skjDraftRevisions.draftId, draftId), eq(skjDraftRevisions.revision, revision)))
    .orderBy(asc(skjDraftRevisions.id))
    .get();
  return row ? { document: row.document as SkjDocument, summaryJson: (row.summaryJson as RichTextNode | null) ?? null } : undefined;
}
