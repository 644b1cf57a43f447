// The editor's "Riwayat draf": the latest saved revisions of a draft, each with the note of the change that made
// it when that change was more than typing (a copy from a similar SKJ, its undo). A note is the audit row of the
// draft whose `after.revision` names the revision, so a revision needs no column of its own for it.
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "~db/client.server";
import { draftHistory } from "~db/queries/skj-drafts.server";
import { auditLog } from "~db/schema";

export interface DraftHistoryEntry {
  revision: number;
  savedAt: string;
  savedBy: string | null;
  note: string | null;
}

const SHOWN = 15;

export function draftHistoryWithNotes(db: DbOrTx, draftId: number): DraftHistoryEntry[] {
  const revisions = draftHistory(db, draftId).slice(0, SHOWN);
  const oldest = revisions.at(-1)?.revision ?? 0;
  const notes = new Map(
    db
      .select({ revision: sql<number>`json_extract(${auditLog.after}, '$.revision')`, summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "skj_draft"), eq(auditLog.entityId, String(draftId)), sql`json_extract(${auditLog.after}, '$.revision') >= ${oldest}`))
      .all()
      .map((n) => [n.revision, n.summary]),
  );
  return revisions.map((r) => ({ ...r, note: notes.get(r.revision) ?? null }));
}
