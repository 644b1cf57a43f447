// Penetapan (legal acts) while they are being assembled: their identity and which approved SKJ they gather.
// Publishing one is skj-publish.server.ts; once published, SQL triggers freeze the row.
import { and, asc, count, desc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { fieldErrorsOf, type FieldErrors } from "~/domain/forms";
import { legalBasisLabel, PenetapanSchema, type PenetapanFields, type PenetapanInput } from "~/domain/penetapan";
import type { Db, DbOrTx } from "../client.server";
import { penetapan, penetapanItems, positions, skjDrafts, skjVersions, users } from "../schema";
import { recordAudit } from "./audit.server";
import { escapeLike } from "./register.server";
import { draftContributors } from "./skj-drafts.server";

export type PenetapanRow = typeof penetapan.$inferSelect;

export type PenetapanResult<T extends object = { id: number }> =
  | ({ ok: true } & T)
  | { ok: false; status: 404 | 409 | 422; message: string; fieldErrors?: FieldErrors };

const refuse = (status: 404 | 409 | 422, message: string, fieldErrors?: FieldErrors) => ({
  ok: false as const,
  status,
  message,
  ...(fieldErrors ? { fieldErrors } : {}),
});

export function listPenetapan(db: DbOrTx) {
  return db.select().from(penetapan).orderBy(desc(penetapan.id)).all();
}

function validate(input: PenetapanFields): { ok: true; value: PenetapanInput } | ReturnType<typeof refuse> {
  const parsed = PenetapanSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors = fieldErrorsOf(parsed.error);
  return refuse(422, Object.values(fieldErrors)[0] ?? "Data penetapan tidak valid.", fieldErrors);
}

/** Inserts a penetapan in draf; shared with the API's single publish, which makes a one-item penetapan. */
export function insertPenetapan(db: DbOrTx, value: PenetapanInput, actorId: number | null): number {
  return db
    .insert(penetapan)
    .values({ ...value, status: "draf", createdBy: actorId })
    .returning({ id: penetapan.id })
    .get().id;
}

export function createPenetapan(db: Db, input: PenetapanFields, actorId: number): PenetapanResult {
  const checked = validate(input);
  if (!checked.ok) return checked;
  const value = checked.value;
  return db.transaction((tx) => {
    const id = insertPenetapan(tx, value, actorId);
    recordAudit(tx, {
      actorId,
      action: "penetapan.create",
      entityType: "penetapan",
      entityId: id,
      summary: `Penetapan ${legalBasisLabel(value)} dibuat`,
      after: value,
    });
    return { ok: true as const, id };
  });
}

/** Replaces the identity of a penetapan; only while it is still a draf (a published one is a legal fact). */
export function updatePenetapan(db: Db, id: number, input: PenetapanFields, actorId: number): PenetapanResult {
  const checked = validate(input);
  if (!checked.ok) return checked;
  const value = checked.value;
  return db.transaction((tx): PenetapanResult => {
    const current = tx.select().from(penetapan).where(eq(penetapan.id, id)).get();
    if (!current) return refuse(404, "Penetapan tidak ditemukan.");
    if (current.status !== "draf") return refuse(409, "Penetapan yang sudah ditetapkan tidak dapat diubah.");
    tx.update(penetapan)
      .set({ ...value, updatedAt: new Date().toISOString() })
      .where(and(eq(penetapan.id, id), eq(penetapan.status, "draf")))
      .run();
    const before = {
      kind: current.kind,
      number: current.number,
      year: current.year,
      title: current.title,
      signedDate: current.signedDate,
      effectiveDate: current.effectiveDate,
      signerTitle: current.signerTitle,
      signerName: current.signerName,
    };
    recordAudit(tx, {
      actorId,
      action: "penetapan.update",
      entityType: "penetapan",
      entityId: id,
      summary: `Penetapan ${legalBasisLabel(value)} diubah`,
      before,
      after: value,
    });
    return { ok: true, id };
  });
}

/** The open (draf) penetapan that already gathers the draft, if any. */
export function openPenetapanOfDraft(db: DbOrTx, draftId: number) {
  return db
    .select({ id: penetapan.id, kind: penetapan.kind, number: penetapan.number, year: penetapan.year })
    .from(penetapanItems)
    .innerJoin(penetapan, eq(penetapan.id, penetapanItems.penetapanId))
    .where(and(eq(penetapanItems.draftId, draftId), eq(penetapan.status, "draf")))
    .get();
}

/** Adds an approved SKJ to a draf penetapan; a draft belongs to one open penetapan at most. */
export function addToPenetapan(
  db: Db,
  penetapanId: number,
  draftId: number,
  actorId: number,
): PenetapanResult<{ penetapanId: number; draftId: number }> {
  return db.transaction((tx) => {
    const act = tx.select().from(penetapan).where(eq(penetapan.id, penetapanId)).get();
    if (!act) return refuse(404, "Penetapan tidak ditemukan.");
    if (act.status !== "draf") return refuse(409, "Penetapan yang sudah ditetapkan tidak dapat diubah isinya.");
    const draft = tx
      .select({ id: skjDrafts.id, state: skjDrafts.state, closedAt: skjDrafts.closedAt, positionCode: positions.code })
      .from(skjDrafts)
      .innerJoin(positions, eq(positions.id, skjDrafts.positionId))
      .where(eq(skjDrafts.id, draftId))
      .get();
    if (!draft || draft.closedAt) return refuse(404, "Draf SKJ tidak ditemukan atau sudah ditutup.");
    if (draft.state !== "disetujui")
      return refuse(409, `SKJ ${draft.positionCode} belum disetujui; hanya SKJ yang disetujui yang dapat dimasukkan ke penetapan.`);
    const other = openPenetapanOfDraft(tx, draftId);
    if (other) {
      return refuse(
        409,
        other.id === penetapanId
          ? `SKJ ${draft.positionCode} sudah termasuk dalam penetapan ini.`
          : `SKJ ${draft.positionCode} sudah termasuk dalam ${legalBasisLabel(other)} yang belum ditetapkan.`,
      );
    }
    tx.insert(penetapanItems).values({ penetapanId, draftId }).run();
    recordAudit(tx, {
      actorId,
      action: "penetapan.add",
      entityType: "penetapan",
      entityId: penetapanId,
      summary: `SKJ ${draft.positionCode} dimasukkan ke ${legalBasisLabel(act)}`,
      after: { draftId },
    });
    return { ok: true as const, penetapanId, draftId };
  });
}

export function removeFromPenetapan(
  db: Db,
  penetapanId: number,
  draftId: number,
  actorId: number,
): PenetapanResult<{ penetapanId: number; draftId: number }> {
  return db.transaction((tx) => {
    const act = tx.select().from(penetapan).where(eq(penetapan.id, penetapanId)).get();
    if (!act) return refuse(404, "Penetapan tidak ditemukan.");
    if (act.status !== "draf") return refuse(409, "Penetapan yang sudah ditetapkan tidak dapat diubah isinya.");
    const removed = tx
      .delete(penetapanItems)
      .where(and(eq(penetapanItems.penetapanId, penetapanId), eq(penetapanItems.draftId, draftId)))
      .run();
    if (removed.changes === 0) return refuse(404, "SKJ ini tidak termasuk dalam penetapan tersebut.");
    const code = tx
      .select({ code: positions.code })
      .from(skjDrafts)
      .innerJoin(positions, eq(positions.id, skjDrafts.positionId))
      .where(eq(skjDrafts.id, draftId))
      .get()?.code;
    recordAudit(tx, {
      actorId,
      action: "penetapan.remove",
      entityType: "penetapan",
      entityId: penetapanId,
      summary: `SKJ ${code ?? `draf #${draftId}`} dikeluarkan dari ${legalBasisLabel(act)}`,
      before: { draftId },
    });
    return { ok: true as const, penetapanId, draftId };
  });
}

const approver = alias(users, "approver");
const creator = alias(users, "creator");
const publisher = alias(users, "publisher");

export interface PenetapanItemView {
  draftId: number;
  positionId: number;
  positionCode: string;
  positionName: string;
  draftState: (typeof skjDrafts.$inferSelect)["state"];
  closedAt: string | null;
  approvedBy: number | null;
  approvedByName: string | null;
  approvedAt: string | null;
  // the UI greys out "Tetapkan" for the submitter and every contributor (four-eyes) before the server refuses
  submittedBy: number | null;
  lastEditedBy: number | null;
  contributors: number[];
  /** The version this item became, once the penetapan is published. */
  versionNumber: number | null;
}

/** A penetapan without its items (they may be thousands: see itemsOfPenetapan), or undefined. */
export function penetapanHeader(db: DbOrTx, id: number) {
  const act = db
    .select({ penetapan, createdByName: creator.name, publishedByName: publisher.name })
    .from(penetapan)
    .leftJoin(creator, eq(creator.id, penetapan.createdBy))
    .leftJoin(publisher, eq(publisher.id, penetapan.publishedBy))
    .where(eq(penetapan.id, id))
    .get();
  if (!act) return undefined;
  return {
    ...act.penetapan,
    label: legalBasisLabel(act.penetapan),
    createdByName: act.createdByName,
    publishedByName: act.publishedByName,
  };
}

/** The items whose position name holds every word of `q`, or whose position code starts with it. */
function itemsMatching(id: number, q: string): SQL {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const inAct = eq(penetapanItems.penetapanId, id);
  if (words.length === 0) return inAct;
  const byName = and(...words.map((w) => sql`${positions.name} like ${`%${escapeLike(w)}%`} escape '!'`))!;
  return and(inAct, or(byName, sql`${positions.code} like ${`${escapeLike(q.trim())}%`} escape '!'`))!;
}

export function countPenetapanItems(db: DbOrTx, id: number, q = ""): number {
  return db
    .select({ n: count() })
    .from(penetapanItems)
    .innerJoin(skjDrafts, eq(skjDrafts.id, penetapanItems.draftId))
    .innerJoin(positions, eq(positions.id, skjDrafts.positionId))
    .where(itemsMatching(id, q))
    .get()!.n;
}

/** The items of penetapan `id` by position code: all of them, or one page of those matching `q`. */
export function itemsOfPenetapan(db: DbOrTx, id: number, page?: { q: string; limit: number; offset: number }): PenetapanItemView[] {
  const query = db
    .select({
      draftId: skjDrafts.id,
      positionId: positions.id,
      positionCode: positions.code,
      positionName: positions.name,
      draftState: skjDrafts.state,
      closedAt: skjDrafts.closedAt,
      approvedBy: skjDrafts.approvedBy,
      approvedByName: approver.name,
      approvedAt: skjDrafts.approvedAt,
      submittedBy: skjDrafts.submittedBy,
      lastEditedBy: skjDrafts.lastEditedBy,
      versionNumber: skjVersions.versionNumber,
    })
    .from(penetapanItems)
    .innerJoin(skjDrafts, eq(skjDrafts.id, penetapanItems.draftId))
    .innerJoin(positions, eq(positions.id, skjDrafts.positionId))
    .leftJoin(approver, eq(approver.id, skjDrafts.approvedBy))
    .leftJoin(skjVersions, and(eq(skjVersions.draftId, skjDrafts.id), eq(skjVersions.penetapanId, penetapanItems.penetapanId)))
    .where(itemsMatching(id, page?.q ?? ""))
    .orderBy(asc(positions.code))
    .$dynamic();
  const rows = page ? query.limit(page.limit).offset(page.offset).all() : query.all();
  const contributors = draftContributors(
    db,
    rows.map((r) => r.draftId),
  );
  return rows.map((r) => ({ ...r, contributors: contributors.get(r.draftId) ?? [] }));
}

/** A penetapan with all its items (by position code), or undefined. */
export function penetapanDetail(db: DbOrTx, id: number) {
  const act = penetapanHeader(db, id);
  return act ? { ...act, items: itemsOfPenetapan(db, id) } : undefined;
}

/** Open approved drafts that no draf penetapan gathers yet: what "Tambahkan SKJ" offers. */
export function approvedDraftsNotInPenetapan(db: DbOrTx) {
  return db
    .select({
      draftId: skjDrafts.id,
      positionId: positions.id,
      positionCode: positions.code,
      positionName: positions.name,
      approvedByName: approver.name,
      approvedAt: skjDrafts.approvedAt,
    })
    .from(skjDrafts)
    .innerJoin(positions, eq(positions.id, skjDrafts.positionId))
    .leftJoin(approver, eq(approver.id, skjDrafts.approvedBy))
    .where(
      and(
        eq(skjDrafts.state, "disetujui"),
        isNull(skjDrafts.closedAt),
        sql`not exists (select 1 from ${penetapanItems} i join ${penetapan} p on p.id = i.penetapan_id where i.draft_id = ${skjDrafts.id} and p.status = 'draf')`,
      ),
    )
    .orderBy(asc(positions.code))
    .all();
}
