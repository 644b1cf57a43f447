// Submission and review of SKJ drafts: transitions (checked by the workflow module), decisions and comments.
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { anchorProblem } from "~/domain/comment-anchors";
import type { RuleResult } from "~/domain/skj-rules";
import { COMMENT_MAX, decideTransition, type WorkflowActor } from "~/domain/skj-workflow";
import type { Db, DbOrTx } from "../client.server";
import { positions, reviewComments, skjDecisions, skjDrafts, users } from "../schema";
import { anchorLabel } from "~/domain/comment-anchors";
import { recordAudit } from "./audit.server";
import { draftContributors } from "./skj-drafts.server";

export type ReviewResult = { ok: true } | { ok: false; status: 403 | 404 | 409 | 422; message: string };

const ACTION_WORDS = { submit: "diajukan", approve: "disetujui", return: "dikembalikan" } as const;
const DECISION_OF = { submit: "diajukan", approve: "disetujui", return: "dikembalikan" } as const;

/** Submit, approve or return a draft; the rule results are those of the stored document (submission only). */
export function moveDraft(
  db: Db,
  input: {
    draftId: number;
    transition: "submit" | "approve" | "return";
    actor: WorkflowActor;
    results?: readonly RuleResult[];
    justification?: string | null;
    comment?: string | null;
  },
): ReviewResult {
  return db.transaction((tx): ReviewResult => {
    const draft = tx
      .select()
      .from(skjDrafts)
      .where(and(eq(skjDrafts.id, input.draftId), isNull(skjDrafts.closedAt)))
      .get();
    if (!draft) return { ok: false, status: 404, message: "Draf SKJ tidak ditemukan." };
    const facts = { state: draft.state, submittedBy: draft.submittedBy, contributors: draftContributors(tx, [draft.id]).get(draft.id)! };
    const decision = decideTransition(input.transition, facts, input.actor, {
      results: input.results,
      justification: input.justification,
      comment: input.comment,
    });
    if (!decision.ok) return decision;
    const now = new Date().toISOString();
    const comment = input.comment?.trim().slice(0, COMMENT_MAX) || null;
    const changes =
      input.transition === "submit"
        ? {
            state: "diajukan" as const,
            submittedBy: input.actor.id,
            submittedAt: now,
            justification: input.justification?.trim() || null,
            approvedBy: null,
            approvedAt: null,
          }
        : input.transition === "approve"
          ? { state: "disetujui" as const, approvedBy: input.actor.id, approvedAt: now }
          : { state: "dikembalikan" as const, approvedBy: null, approvedAt: null };
    tx.update(skjDrafts)
      .set({ ...changes, updatedAt: now })
      .where(eq(skjDrafts.id, draft.id))
      .run();
    tx.insert(skjDecisions).values({ draftId: draft.id, action: DECISION_OF[input.transition], comment, actorId: input.actor.id }).run();
    const position = tx.select({ code: positions.code }).from(positions).where(eq(positions.id, draft.positionId)).get();
    recordAudit(tx, {
      actorId: input.actor.id,
      tokenId: input.actor.tokenId,
      action: `skj.${input.transition}`,
      entityType: "skj_draft",
      entityId: draft.id,
      summary: `SKJ ${position?.code ?? draft.positionId} ${ACTION_WORDS[input.transition]}${comment ? `: ${comment}` : ""}`,
      before: { state: draft.state },
      after: { state: changes.state },
    });
    return { ok: true };
  });
}

export function draftDecisions(db: DbOrTx, draftId: number) {
  return db
    .select({ id: skjDecisions.id, action: skjDecisions.action, comment: skjDecisions.comment, at: skjDecisions.at, actorName: users.name })
    .from(skjDecisions)
    .innerJoin(users, eq(users.id, skjDecisions.actorId))
    .where(eq(skjDecisions.draftId, draftId))
    .orderBy(desc(skjDecisions.id))
    .all();
}

/**
 * A new thread needs an anchor the user chose (a section or a competency row, see ~/domain/comment-anchors);
 * a reply always joins its thread's anchor, whatever the form sent.
 */
export function addComment(
  db: Db,
  input: { draftId: number; anchor: string; body: string; parentId: number | null; actorId: number },
): ReviewResult {
  const body = input.body.trim();
  if (!body) return { ok: false, status: 422, message: "Komentar tidak boleh kosong." };
  if (body.length > COMMENT_MAX) return { ok: false, status: 422, message: `Komentar maksimal ${COMMENT_MAX} karakter.` };
  const anchorRefusal = input.parentId ? null : anchorProblem(input.anchor);
  if (anchorRefusal) return { ok: false, status: 422, message: anchorRefusal };
  return db.transaction((tx): ReviewResult => {
    let anchor = input.anchor;
    if (input.parentId) {
      const parent = tx
        .select({ draftId: reviewComments.draftId, anchor: reviewComments.anchor, parentId: reviewComments.parentId })
        .from(reviewComments)
        .where(eq(reviewComments.id, input.parentId))
        .get();
      if (parent?.draftId !== input.draftId || parent.parentId !== null)
        return { ok: false, status: 422, message: "Komentar yang dibalas tidak ditemukan." };
      anchor = parent.anchor;
    }
    const row = tx
      .insert(reviewComments)
      .values({ draftId: input.draftId, anchor, body, parentId: input.parentId, authorId: input.actorId })
      .returning({ id: reviewComments.id })
      .get();
    recordAudit(tx, {
      actorId: input.actorId,
      action: "skj.comment",
      entityType: "skj_draft",
      entityId: input.draftId,
      summary: `Komentar pada ${anchorLabel(anchor)}: ${body.slice(0, 120)}`,
      after: { commentId: row.id },
    });
    return { ok: true };
  });
}

export function resolveComment(db: Db, input: { draftId: number; commentId: number; actorId: number }): ReviewResult {
  return db.transaction((tx): ReviewResult => {
    const updated = tx
      .update(reviewComments)
      .set({ resolvedAt: new Date().toISOString(), resolvedBy: input.actorId })
      .where(
        and(
          eq(reviewComments.id, input.commentId),
          eq(reviewComments.draftId, input.draftId),
          isNull(reviewComments.parentId),
          isNull(reviewComments.resolvedAt),
        ),
      )
      .run();
    if (updated.changes === 0) return { ok: false, status: 404, message: "Komentar tidak ditemukan atau sudah diselesaikan." };
    recordAudit(tx, {
      actorId: input.actorId,
      action: "skj.comment.resolve",
      entityType: "skj_draft",
      entityId: input.draftId,
      summary: `Komentar #${input.commentId} diselesaikan`,
    });
    return { ok: true };
  });
}

export interface CommentThread {
  id: number;
  anchor: string;
  body: string;
  authorName: string;
  createdAt: string;
  resolvedAt: string | null;
  resolverName: string | null;
  replies: { id: number; body: string; authorName: string; createdAt: string }[];
}

const resolvers = alias(users, "resolvers");

export function commentThreads(db: DbOrTx, draftId: number): CommentThread[] {
  const rows = db
    .select({
      id: reviewComments.id,
      parentId: reviewComments.parentId,
      anchor: reviewComments.anchor,
      body: reviewComments.body,
      createdAt: reviewComments.createdAt,
      resolvedAt: reviewComments.resolvedAt,
      authorName: users.name,
      resolverName: resolvers.name,
    })
    .from(reviewComments)
    .innerJoin(users, eq(users.id, reviewComments.authorId))
    .leftJoin(resolvers, eq(resolvers.id, reviewComments.resolvedBy))
    .where(eq(reviewComments.draftId, draftId))
    .orderBy(asc(reviewComments.id))
    .all();
  const threads = new Map<number, CommentThread>();
  for (const r of rows) {
    if (r.parentId === null)
      threads.set(r.id, {
        id: r.id,
        anchor: r.anchor,
        body: r.body,
        authorName: r.authorName,
        createdAt: r.createdAt,
        resolvedAt: r.resolvedAt,
        resolverName: r.resolverName,
        replies: [],
      });
    else threads.get(r.parentId)?.replies.push({ id: r.id, body: r.body, authorName: r.authorName, createdAt: r.createdAt });
  }
  return [...threads.values()];
}

/** Every decision on every draft of a position, newest first: the timeline of the history page. */
export function positionDecisions(db: DbOrTx, positionId: number) {
  return db
    .select({
      id: skjDecisions.id,
      action: skjDecisions.action,
      comment: skjDecisions.comment,
      at: skjDecisions.at,
      actorName: users.name,
      draftId: skjDecisions.draftId,
    })
    .from(skjDecisions)
    .innerJoin(skjDrafts, eq(skjDrafts.id, skjDecisions.draftId))
    .innerJoin(users, eq(users.id, skjDecisions.actorId))
    .where(eq(skjDrafts.positionId, positionId))
    .orderBy(desc(skjDecisions.id))
    .all();
}
