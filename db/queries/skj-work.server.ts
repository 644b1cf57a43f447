// The work lists of /skj: open SKJ drafts with who submitted, reviews and approves them, and the dictionary
// revisions that wait for a reviewer to publish them.
import { sql } from "drizzle-orm";
import type { DraftState } from "~/domain/skj-workflow";
import type { DbOrTx } from "../client.server";

export interface WorkDraft {
  draftId: number;
  state: DraftState;
  updatedAt: string;
  positionId: number;
  positionCode: string;
  positionName: string;
  editorName: string | null;
  submittedBy: number | null;
  lastEditedBy: number | null;
  submitterName: string | null;
  submittedAt: string | null;
  approverName: string | null;
  /** The reviewer who last returned the draft, and why (for "dikembalikan"). */
  returnedBy: string | null;
  returnComment: string | null;
  /** The latest reviewer to comment since the submission (for "diajukan"): someone is already on it. */
  reviewingName: string | null;
}

/** Which open drafts a list shows: the position's unit subtree and words of its name or code. */
export interface DraftFilter {
  unitId?: number;
  q?: string;
}

function openDraftsWhere(filter: DraftFilter) {
  const conditions = [sql`d.closed_at is null`];
  if (filter.unitId !== undefined) {
    conditions.push(
      sql`p.unit_id in (with recursive sub(id) as (select ${filter.unitId} union all select u.id from org_units u join sub on u.parent_id = sub.id) select id from sub)`,
    );
  }
  if (filter.q) conditions.push(sql`(instr(lower(p.name), lower(${filter.q})) > 0 or instr(lower(p.code), lower(${filter.q})) > 0)`);
  return sql.join(conditions, sql` and `);
}

/** Open drafts, newest change first, with the people of their review. */
export function openDraftsWithReviewers(db: DbOrTx, filter: DraftFilter = {}, limit = 200): WorkDraft[] {
  return db.all<WorkDraft>(sql`
    select d.id as draftId, d.state, d.updated_at as updatedAt, p.id as positionId, p.code as positionCode, p.name as positionName,
           editor.name as editorName, d.submitted_by as submittedBy, d.last_edited_by as lastEditedBy,
           submitter.name as submitterName, d.submitted_at as submittedAt, approver.name as approverName,
           returned.name as returnedBy, returned.comment as returnComment,
           (select u.name from review_comments c join users u on u.id = c.author_id
             where c.draft_id = d.id and d.state = 'diajukan' and c.author_id is not d.submitted_by and c.created_at >= d.submitted_at
             order by c.id desc limit 1) as reviewingName
    from skj_drafts d
    join positions p on p.id = d.position_id
    left join users editor on editor.id = d.last_edited_by
    left join users submitter on submitter.id = d.submitted_by
    left join users approver on approver.id = d.approved_by
    left join (
      select dec.draft_id, u.name, dec.comment from skj_decisions dec join users u on u.id = dec.actor_id
      where dec.id in (select max(id) from skj_decisions where action = 'dikembalikan' group by draft_id)
    ) returned on returned.draft_id = d.id and d.state = 'dikembalikan'
    where ${openDraftsWhere(filter)}
    order by d.updated_at desc
    limit ${limit}`);
}

export interface ChangeableDraft {
  draftId: number;
  revision: number;
  state: DraftState;
  positionId: number;
  positionCode: string;
  positionName: string;
  unitName: string;
}

/**
 * The open drafts a mass change names, in register code order: every open draft the filter matches, narrowed
 * to the `positionCodes` or `draftIds` given. At most `limit` rows.
 */
export function openDraftsToChange(
  db: DbOrTx,
  filter: DraftFilter & { positionCodes?: readonly string[]; draftIds?: readonly number[] },
  limit: number,
): ChangeableDraft[] {
  if (filter.positionCodes?.length === 0 || filter.draftIds?.length === 0) return [];
  const named = sql.join([
    filter.positionCodes ? sql` and p.code in ${filter.positionCodes}` : sql``,
    filter.draftIds ? sql` and d.id in ${filter.draftIds}` : sql``,
  ]);
  return db.all<ChangeableDraft>(sql`
    select d.id as draftId, d.revision, d.state, p.id as positionId, p.code as positionCode, p.name as positionName, u.name as unitName
    from skj_drafts d join positions p on p.id = d.position_id join org_units u on u.id = p.unit_id
    where ${openDraftsWhere(filter)}${named}
    order by p.code
    limit ${limit}`);
}

export function countOpenDrafts(db: DbOrTx, filter: DraftFilter): number {
  return (
    db.get<{ n: number }>(
      sql`select count(*) as n from skj_drafts d join positions p on p.id = d.position_id where ${openDraftsWhere(filter)}`,
    )?.n ?? 0
  );
}

export interface AwaitingRevision {
  code: string;
  name: string;
  revision: number;
  submitterName: string | null;
  updatedAt: string;
}

/**
 * Dictionary revisions submitted for publication that `userId` may publish: four-eyes keeps out the ones
 * they submitted or last edited, as it keeps their own SKJ out of their review queue.
 */
export function revisionsAwaitingPublication(db: DbOrTx, userId: number): AwaitingRevision[] {
  return db.all<AwaitingRevision>(sql`
    select c.code, coalesce(r.name, c.name) as name, r.number as revision, submitter.name as submitterName, r.updated_at as updatedAt
    from competency_revisions r
    join competencies c on c.id = r.competency_id
    left join users submitter on submitter.id = r.submitted_by
    where r.status = 'diajukan' and r.submitted_by is not ${userId} and r.last_edited_by is not ${userId}
    order by r.updated_at asc`);
}
