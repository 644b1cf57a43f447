// "Salin dari SKJ serupa" in the editor (issue 17 item 2): the chosen parts of another position's SKJ laid over
// this position's open draft as ONE saved revision on the revision the user previewed, and its undo, which
// restores the revision the copy was made on as one more revision. The history note of each is an audit row that
// names the revision it made and, for a copy, the revision it was made on (see draftRevisionNotes), so the undo
// is found from the history alone: after a reload, or by another user (docs/decisions/036).
import { and, eq, sql } from "drizzle-orm";
import {
  copyChanges,
  copyFromSource,
  copyNote,
  type CopyApplied,
  type CopyPart,
  type CopyPreview,
  type UndoableCopy,
} from "~/domain/skj-copy";
import type { RichTextNode } from "~/domain/richtext";
import type { SkjDocument } from "~/domain/skj-document";
import type { Db, DbOrTx } from "~db/client.server";
import { recordAudit } from "~db/queries/audit.server";
import { findPositionById } from "~db/queries/register.server";
import { EDITABLE_STATES, draftPins, draftRevisionContent, findOpenDraft, saveDraft, type DraftView } from "~db/queries/skj-drafts.server";
import { auditLog } from "~db/schema";
import { copySourceOf, type CopySourceView } from "./skj-bulk.server";
import { catalogFor } from "./skj-editor.server";

export const COPY_STALE_MESSAGE =
  "Draf ini sudah diubah (di tab lain, oleh orang lain, atau oleh simpan otomatis Anda) sejak pratinjau dibuat; tidak ada yang disalin. Lihat pratinjau lagi, lalu terapkan.";
export const UNDO_STALE_MESSAGE =
  "Draf ini sudah diubah sesudah penyalinan; urungkan dibatalkan agar perubahan itu tidak hilang. Hapus bagian yang tidak diinginkan secara manual.";
const LOCKED_MESSAGE =
  "Draf ini sedang ditinjau atau sudah disetujui, sehingga terkunci dan tidak dapat menerima salinan. Minta peninjau mengembalikannya dahulu.";
const NO_DRAFT_MESSAGE = "Jabatan ini tidak mempunyai draf SKJ yang terbuka; mungkin sudah ditetapkan. Muat ulang halaman.";

type Refusal = { ok: false; status: 404 | 409 | 422; message: string };

interface Planned {
  draft: DraftView;
  from: CopySourceView;
  document: SkjDocument;
  summaryJson: RichTextNode | null;
}

/** The draft with the copy laid over it, or why no copy can be taken into it. */
function plan(db: DbOrTx, positionId: number, sourceCode: string, parts: ReadonlySet<CopyPart>): Planned | Refusal {
  const draft = findOpenDraft(db, positionId);
  if (!draft) return { ok: false, status: 404, message: NO_DRAFT_MESSAGE };
  if (!EDITABLE_STATES.includes(draft.state)) return { ok: false, status: 409, message: LOCKED_MESSAGE };
  if (parts.size === 0)
    return {
      ok: false,
      status: 422,
      message: "Pilih paling sedikit satu bagian yang disalin: kompetensi teknis, persyaratan jabatan, atau ikhtisar jabatan.",
    };
  if (findPositionById(db, positionId)?.code === sourceCode)
    return { ok: false, status: 422, message: "Jabatan sumber adalah jabatan ini sendiri; pilih jabatan lain." };
  const from = copySourceOf(db, sourceCode);
  if (!from)
    return {
      ok: false,
      status: 422,
      message: `Jabatan sumber "${sourceCode}" tidak terdaftar atau belum mempunyai SKJ (versi yang berlaku atau draf) untuk disalin.`,
    };
  const document = copyFromSource(draft.document, from.source, parts);
  return { draft, from, document, summaryJson: parts.has("summary") ? from.summaryJson : draft.summaryJson };
}

export function previewCopy(
  db: DbOrTx,
  positionId: number,
  sourceCode: string,
  parts: ReadonlySet<CopyPart>,
): { ok: true; preview: CopyPreview } | Refusal {
  const planned = plan(db, positionId, sourceCode, parts);
  if (!("draft" in planned)) return planned;
  const { draft, from, document } = planned;
  const names = new Map(
    catalogFor(
      db,
      [...draft.document.competencies, ...document.competencies].map((c) => c.code),
    ).map((c) => [c.code, c.name]),
  );
  return {
    ok: true,
    preview: {
      source: { code: from.positionCode, name: from.positionName, origin: from.origin },
      revision: draft.revision,
      parts: copyChanges(draft.document, document, parts, (code) => names.get(code) ?? code),
    },
  };
}

/** Saves the copy as one revision if the draft is still at `baseRevision` (the previewed one); else nothing changes. */
export function applyCopy(
  db: Db,
  input: { positionId: number; sourceCode: string; parts: ReadonlySet<CopyPart>; baseRevision: number; actorId: number },
): { ok: true; applied: CopyApplied } | Refusal {
  return db.transaction(
    () => {
      const planned = plan(db, input.positionId, input.sourceCode, input.parts);
      if (!("draft" in planned)) return planned;
      const { draft, from } = planned;
      if (draft.revision !== input.baseRevision) return { ok: false, status: 409, message: COPY_STALE_MESSAGE };
      const note = copyNote(from.positionName, from.origin, input.parts);
      return saveAsRevision(db, draft, planned, input.actorId, {
        action: "skj.draft.copy",
        note,
        unchanged: `Bagian yang dipilih dari ${from.positionName} sudah sama dengan isi draf ini; tidak ada yang disalin.`,
        record: {
          sourceCode: from.positionCode,
          sourceName: from.positionName,
          origin: from.origin,
          parts: [...input.parts],
          baseRevision: draft.revision,
        },
      });
    },
    { behavior: "immediate" },
  );
}

/**
 * The copy that "Urungkan" can still undo: the draft's latest revision when a copy made it, so nothing was saved
 * after it. Read from the history, it is offered after a reload and to anyone who opens the draft.
 */
export function findUndoableCopy(db: DbOrTx, draft: { id: number; revision: number }): UndoableCopy | null {
  const copy = copyRecord(db, draft.id, draft.revision);
  return copy ? { revision: draft.revision, sourceName: copy.sourceName } : null;
}

/**
 * Undoes the copy that made revision `baseRevision`, if that is still the draft's revision: the revision the
 * copy was made on comes back as a new revision, so nothing saved is ever dropped from the history.
 */
export function undoCopy(
  db: Db,
  input: { positionId: number; baseRevision: number; actorId: number },
): { ok: true; applied: CopyApplied } | Refusal {
  return db.transaction(
    () => {
      const draft = findOpenDraft(db, input.positionId);
      if (!draft) return { ok: false, status: 404, message: NO_DRAFT_MESSAGE };
      if (!EDITABLE_STATES.includes(draft.state))
        return {
          ok: false,
          status: 409,
          message: "Draf ini sedang ditinjau atau sudah disetujui, sehingga terkunci; penyalinan tidak dapat diurungkan.",
        };
      if (draft.revision !== input.baseRevision) return { ok: false, status: 409, message: UNDO_STALE_MESSAGE };
      const copy = copyRecord(db, draft.id, input.baseRevision);
      const previous = copy ? draftRevisionContent(db, draft.id, copy.baseRevision) : undefined;
      if (!copy || !previous)
        return {
          ok: false,
          status: 422,
          message: `Revisi ${input.baseRevision} bukan hasil penyalinan, sehingga tidak ada yang diurungkan.`,
        };
      return saveAsRevision(db, draft, previous, input.actorId, {
        action: "skj.draft.copy-undo",
        note: `Penyalinan dari ${copy.sourceName} diurungkan: isi revisi ${copy.baseRevision} dipulihkan`,
        unchanged: "Isi sebelum penyalinan sama dengan isi sekarang; tidak ada yang diurungkan.",
        record: { undoneRevision: input.baseRevision },
      });
    },
    { behavior: "immediate" },
  );
}

function saveAsRevision(
  db: Db,
  draft: DraftView,
  content: { document: SkjDocument; summaryJson: RichTextNode | null },
  actorId: number,
  entry: { action: "skj.draft.copy" | "skj.draft.copy-undo"; note: string; unchanged: string; record: Record<string, unknown> },
): { ok: true; applied: CopyApplied } | Refusal {
  const saved = saveDraft(db, {
    draftId: draft.id,
    baseRevision: draft.revision,
    document: content.document,
    summaryJson: content.summaryJson,
    actorId,
  });
  if (!saved.ok) return { ok: false, status: 409, message: saved.reason === "locked" ? LOCKED_MESSAGE : COPY_STALE_MESSAGE };
  if (saved.unchanged) return { ok: false, status: 422, message: entry.unchanged };
  const { revision, updatedAt, document, summaryJson } = saved.draft;
  recordAudit(db, {
    actorId,
    action: entry.action,
    entityType: "skj_draft",
    entityId: draft.id,
    summary: entry.note,
    after: { revision, ...entry.record },
  });
  const pins = new Map(draftPins(db, draft.id).map((p) => [p.code, p.pinnedRevisionId]));
  const catalog = catalogFor(
    db,
    document.competencies.map((c) => c.code),
    pins,
  );
  return { ok: true, applied: { revision, savedAt: updatedAt, document, summaryJson, note: entry.note, catalog } };
}

/** The audit row of the copy that made `revision` of the draft, if a copy made it. */
function copyRecord(db: DbOrTx, draftId: number, revision: number): { sourceName: string; baseRevision: number } | undefined {
  const row = db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, "skj_draft"),
        eq(auditLog.entityId, String(draftId)),
        eq(auditLog.action, "skj.draft.copy"),
        sql`json_extract(${auditLog.after}, '$.revision') = ${revision}`,
      ),
    )
    .get();
  if (!row) return undefined;
  const after = row.after as { sourceName: string; baseRevision?: number };
  // rows written before the base was recorded: a copy is saved on the revision just before it (saveDraft's compare-and-set)
  return { sourceName: after.sourceName, baseRevision: after.baseRevision ?? revision - 1 };
}
