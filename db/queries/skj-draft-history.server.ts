// The saved revisions of an open draft, newest first, each with the note of the change that made it where one
// was recorded (a mass change writes its note to the audit row of each draft it changed, naming the revision).
import { sql } from "drizzle-orm";
import type { SkjDocument } from "~/domain/skj-document";
import type { DbOrTx } from "../client.server";

export interface DraftRevisionEntry {
  revision: number;
  savedAt: string;
  savedBy: string | null;
  note: string | null;
  document: SkjDocument;
}

export function draftRevisionLog(db: DbOrTx, draftId: number, limit: number): DraftRevisionEntry[] {
  const rows = db.all<Omit<DraftRevisionEntry, "document"> & { document: string }>(sql`
    select r.revision, r.created_at as savedAt, u.name as savedBy, r.document,
           (select a.summary from audit_log a
             where a.entity_type = 'skj_draft' and a.entity_id = cast(r.draft_id as text) and a.action = 'skj.draft.mass_change'
               and json_extract(a."after", '$.revision') = r.revision
             order by a.id desc limit 1) as note
    from skj_draft_revisions r left join users u on u.id = r.saved_by
    where r.draft_id = ${draftId}
    order by r.revision desc
    limit ${limit}`);
  return rows.map((r) => ({ ...r, document: JSON.parse(r.document) as SkjDocument }));
}
