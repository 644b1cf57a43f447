// The saved revisions of an open draft, newest first, each with the note of the change that made it when that
// change was more than typing: a copy from a similar SKJ, its undo, a mass change. The note is the draft's
// audit row whose `after.revision` names the revision, so a revision needs no column of its own for it.
import { sql } from "drizzle-orm";
import type { SkjDocument } from "~/domain/skj-document";
import type { DbOrTx } from "../client.server";

export interface DraftRevisionNote {
  revision: number;
  savedAt: string;
  savedBy: string | null;
  note: string | null;
}

export interface DraftRevisionEntry extends DraftRevisionNote {
  document: SkjDocument;
}

function revisionRows(db: DbOrTx, draftId: number, limit: number, withDocument: boolean) {
  return db.all<DraftRevisionNote & { document: string | null }>(sql`
    select r.revision, r.created_at as savedAt, u.name as savedBy, ${withDocument ? sql`r.document` : sql`null`} as document,
           (select a.summary from audit_log a
             where a.entity_type = 'skj_draft' and a.entity_id = cast(r.draft_id as text)
               and json_extract(a."after", '$.revision') = r.revision
             order by a.id desc limit 1) as note
    from skj_draft_revisions r left join users u on u.id = r.saved_by
    where r.draft_id = ${draftId}
    order by r.revision desc
    limit ${limit}`);
}

/** The latest `limit` revisions with their notes, as the editor lists them. */
export function draftRevisionNotes(db: DbOrTx, draftId: number, limit: number): DraftRevisionNote[] {
  return revisionRows(db, draftId, limit, false).map(({ document: _, ...entry }) => entry);
}

/** The latest `limit` revisions with their notes and documents, for the history page's differences. */
export function draftRevisionLog(db: DbOrTx, draftId: number, limit: number): DraftRevisionEntry[] {
  return revisionRows(db, draftId, limit, true).map((r) => ({ ...r, document: JSON.parse(r.document!) as SkjDocument }));
}
