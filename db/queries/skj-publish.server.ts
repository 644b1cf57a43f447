// Publishing (menetapkan) and withdrawing (mencabut) SKJ versions. A penetapan publishes all its SKJ in one
// synchronous transaction — versions, snapshots, pins, supersessions, decisions, feed events, audit — so the
// feed and the register never show half an act.
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { canonicalJson } from "~/domain/canonical-json";
import { legalBasisLabel, parseLegalBasis, PenetapanSchema, type LegalBasis, type PenetapanKind } from "~/domain/penetapan";
import { confirmationMismatch } from "~/domain/penetapan-confirmation";
import type { SkjDocument } from "~/domain/skj-document";
import {
  buildPublishedDocument,
  SkjPublishedDocumentSchema,
  type CompetencyType,
  type PublishedCompetencyTexts,
  type SkjPublishedUnit,
  type UnhashedSkjPublishedDocument,
} from "~/domain/skj-published";
import { decideTransition, decideWithdrawal, type WorkflowActor } from "~/domain/skj-workflow";
import type { Db, Tx } from "../client.server";
import {
  events,
  penetapan,
  penetapanItems,
  positions,
  skjCompetencyUses,
  skjDecisions,
  skjDrafts,
  skjVersionEnds,
  skjVersions,
  users,
} from "../schema";
import { recordAudit } from "./audit.server";
import { levelsOfRevisions } from "./competencies.server";
import { draftContributors } from "./skj-drafts.server";
import { insertPenetapan, openPenetapanOfDraft } from "./penetapan.server";
import { findUnitByCode, unitAncestry } from "./register.server";

export type SkjActor = WorkflowActor;
type Status = 403 | 404 | 409 | 422;
export type Refused = { ok: false; status: Status; message: string };

export interface PublishedVersionRef {
  positionCode: string;
  version: number;
  versionId: number;
  contentHash: string;
}
export type PublishResult = { ok: true; penetapanId: number; versions: PublishedVersionRef[] } | Refused;
/** The single publish also hands back the stored bytes, which the API answers as they are. */
export type PublishSingleResult = { ok: true; penetapanId: number; versions: PublishedVersionRef[]; snapshot: string } | Refused;
export type WithdrawResult = { ok: true; positionCode: string; version: number } | Refused;

/** "sha256:" + hex sha256 of the canonical JSON of `value`: contentHash, and the ETag the API serves. */
export function contentHashOf(value: unknown): string {
  return `sha256:${createHash("sha256").update(canonicalJson(value), "utf8").digest("hex")}`;
}

/** The stored snapshot of a published document: canonical JSON of the document with its hash. */
export function sealPublishedDocument(document: UnhashedSkjPublishedDocument): { snapshot: string; contentHash: string } {
  const contentHash = contentHashOf(document);
  return { snapshot: canonicalJson({ ...document, contentHash }), contentHash };
}

// Thrown inside a transaction so better-sqlite3 rolls everything back; caught at the boundary and returned.
class Refusal extends Error {
  constructor(
    readonly status: Status,
    message: string,
  ) {
    super(message);
  }
  result(): Refused {
    return { ok: false, status: this.status, message: this.message };
  }
}

function guarded<T>(run: () => T): T | Refused {
  try {
    return run();
  } catch (error) {
    if (error instanceof Refusal) return error.result();
    throw error;
  }
}

interface ItemRow {
  draftId: number;
  positionId: number;
  positionCode: string;
  state: (typeof skjDrafts.$inferSelect)["state"];
  closedAt: string | null;
  document: unknown;
  submittedBy: number | null;
  approvedByName: string | null;
}

interface PinRow {
  draftId: number;
  code: string;
  type: CompetencyType;
  revisionId: number;
  revisionNumber: number;
  name: string;
  definition: string;
  level: number;
}

function unitOf(tx: Tx, code: string, cache: Map<string, SkjPublishedUnit>): SkjPublishedUnit | undefined {
  const cached = cache.get(code);
  if (cached) return cached;
  const unit = findUnitByCode(tx, code);
  if (!unit) return undefined;
  const value: SkjPublishedUnit = {
    code: unit.code,
    name: unit.name,
    echelon: (unit.echelon || null) as SkjPublishedUnit["echelon"],
    path: unitAncestry(tx, unit.id).map((u) => ({ code: u.code, name: u.name })),
  };
  cache.set(code, value);
  return value;
}

/** Publishes penetapan `penetapanId` inside `tx`; throws a Refusal (rolling back) when any item may not be published. */
function publishInTx(
  tx: Tx,
  penetapanId: number,
  actor: SkjActor,
  now: Date,
  via: string,
  confirmed?: readonly string[],
): { versions: PublishedVersionRef[]; snapshots: string[] } {
  const act = tx.select().from(penetapan).where(eq(penetapan.id, penetapanId)).get();
  if (!act) throw new Refusal(404, "Penetapan tidak ditemukan.");
  if (act.status !== "draf") throw new Refusal(409, "Penetapan ini sudah ditetapkan.");
  const legal = PenetapanSchema.safeParse(act);
  if (!legal.success) throw new Refusal(409, `Data penetapan belum lengkap: ${legal.error.issues[0]!.message}`);
  const legalBasis: LegalBasis = { kind: legal.data.kind, number: legal.data.number, year: legal.data.year, title: legal.data.title };
  const publisher = tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id)).get();
  if (!publisher) throw new Refusal(403, "Pengguna tidak dikenal.");

  const items: ItemRow[] = tx
    .select({
      draftId: skjDrafts.id,
      positionId: positions.id,
      positionCode: positions.code,
      state: skjDrafts.state,
      closedAt: skjDrafts.closedAt,
      document: skjDrafts.document,
      submittedBy: skjDrafts.submittedBy,
      approvedByName: users.name,
    })
    .from(penetapanItems)
    .innerJoin(skjDrafts, eq(skjDrafts.id, penetapanItems.draftId))
    .innerJoin(positions, eq(positions.id, skjDrafts.positionId))
    .leftJoin(users, eq(users.id, skjDrafts.approvedBy))
    .where(eq(penetapanItems.penetapanId, penetapanId))
    // feed events follow this order, so it is a stable one
    .orderBy(asc(positions.code))
    .all();
  if (items.length === 0) throw new Refusal(409, "Penetapan belum memuat SKJ.");
  const mismatch = confirmed
    ? confirmationMismatch(
        confirmed,
        items.map((i) => i.positionCode),
      )
    : null;
  if (mismatch) throw new Refusal(409, mismatch);

  // every check before the first write: the act is refused whole, naming the SKJ that blocks it
  const contributors = draftContributors(
    tx,
    items.map((i) => i.draftId),
  );
  for (const item of items) {
    if (item.closedAt) throw new Refusal(409, `SKJ ${item.positionCode}: draf ini sudah ditutup.`);
    const decision = decideTransition(
      "publish",
      { state: item.state, submittedBy: item.submittedBy, contributors: contributors.get(item.draftId)! },
      actor,
    );
    if (!decision.ok) throw new Refusal(decision.status, `SKJ ${item.positionCode}: ${decision.message}`);
    if (!item.approvedByName) throw new Refusal(409, `SKJ ${item.positionCode}: belum tercatat siapa yang menyetujuinya.`);
    const documentCode = (item.document as SkjDocument).position?.code;
    if (documentCode !== item.positionCode)
      throw new Refusal(409, `SKJ ${item.positionCode}: kode jabatan pada dokumen (${String(documentCode)}) berbeda dengan register.`);
  }

  const draftIds = items.map((i) => i.draftId);
  const positionIds = items.map((i) => i.positionId);
  const pins: PinRow[] = tx.all<PinRow>(sql`
    select u.draft_id as draftId, c.code, c.type, r.id as revisionId, r.number as revisionNumber,
           coalesce(r.name, c.name) as name, r.definition_text as definition, u.level
    from skj_competency_uses u
    join competency_revisions r on r.id = u.competency_revision_id
    join competencies c on c.id = r.competency_id
    where u.draft_id in ${draftIds} and u.version_id is null
    order by u.id`);
  const levels = levelsOfRevisions(tx, [...new Set(pins.map((p) => p.revisionId))]);
  const pinsByDraft = new Map<number, PinRow[]>();
  for (const pin of pins) pinsByDraft.set(pin.draftId, [...(pinsByDraft.get(pin.draftId) ?? []), pin]);
  const lastNumber = new Map(
    tx
      .select({ positionId: skjVersions.positionId, max: sql<number>`max(${skjVersions.versionNumber})` })
      .from(skjVersions)
      .where(inArray(skjVersions.positionId, positionIds))
      .groupBy(skjVersions.positionId)
      .all()
      .map((r) => [r.positionId, r.max]),
  );
  const live = new Map(
    tx
      .select({ positionId: skjVersions.positionId, id: skjVersions.id })
      .from(skjVersions)
      .leftJoin(skjVersionEnds, eq(skjVersionEnds.versionId, skjVersions.id))
      .where(and(inArray(skjVersions.positionId, positionIds), isNull(skjVersionEnds.versionId)))
      .all()
      .map((r) => [r.positionId, r.id]),
  );

  const at = now.toISOString();
  const units = new Map<string, SkjPublishedUnit>();
  const versions: PublishedVersionRef[] = [];
  const snapshots: string[] = [];
  for (const item of items) {
    const document = item.document as SkjDocument;
    const unit = unitOf(tx, document.position.unitCode, units);
    if (!unit) throw new Refusal(409, `SKJ ${item.positionCode}: unit kerja ${document.position.unitCode} tidak ada di register.`);
    const itemPins = pinsByDraft.get(item.draftId) ?? [];
    const texts = new Map<string, PublishedCompetencyTexts>(
      itemPins.map((p) => [
        p.code,
        { type: p.type, name: p.name, definition: p.definition, revision: p.revisionNumber, levels: levels.get(p.revisionId) ?? [] },
      ]),
    );
    const version = (lastNumber.get(item.positionId) ?? 0) + 1;
    const built = buildPublishedDocument(document, texts, {
      version,
      publishedAt: at,
      effectiveDate: legal.data.effectiveDate,
      legalBasis,
      approvedBy: { name: item.approvedByName! },
      publishedBy: { name: publisher.name },
      unit,
    });
    if (!built.ok) throw new Refusal(409, `SKJ ${item.positionCode}: ${built.message}`);
    const { snapshot, contentHash } = sealPublishedDocument(built.document);
    // the stored bytes are the contract's promise: check them against the published schema before they exist
    const check = SkjPublishedDocumentSchema.safeParse(JSON.parse(snapshot));
    if (!check.success)
      throw new Error(
        `Dokumen SKJ ${item.positionCode} yang akan ditetapkan tidak sesuai skema: ${JSON.stringify(check.error.issues.slice(0, 3))}`,
      );

    const versionId = tx
      .insert(skjVersions)
      .values({
        positionId: item.positionId,
        versionNumber: version,
        draftId: item.draftId,
        penetapanId,
        snapshot,
        contentHash,
        publishedAt: at,
        publishedBy: actor.id,
      })
      .returning({ id: skjVersions.id })
      .get().id;
    if (itemPins.length) {
      tx.insert(skjCompetencyUses)
        .values(itemPins.map((p) => ({ versionId, competencyRevisionId: p.revisionId, level: p.level })))
        .run();
    }
    const previous = live.get(item.positionId);
    if (previous !== undefined) {
      tx.insert(skjVersionEnds)
        .values({ versionId: previous, kind: "diganti", replacedByVersionId: versionId, actorId: actor.id, at })
        .run();
    }
    tx.update(skjDrafts)
      .set({ closedAt: at, closedReason: "ditetapkan", updatedAt: at })
      .where(and(eq(skjDrafts.id, item.draftId), isNull(skjDrafts.closedAt)))
      .run();
    tx.insert(skjDecisions)
      .values({ draftId: item.draftId, action: "ditetapkan", comment: legalBasisLabel(legalBasis), actorId: actor.id, at })
      .run();
    tx.insert(events).values({ type: "skj.published", positionCode: item.positionCode, version, occurredAt: at }).run();
    versions.push({ positionCode: item.positionCode, version, versionId, contentHash });
    snapshots.push(snapshot);
  }

  tx.update(penetapan)
    .set({ status: "ditetapkan", publishedBy: actor.id, publishedAt: at, updatedAt: at })
    .where(eq(penetapan.id, penetapanId))
    .run();
  recordAudit(tx, {
    actorId: actor.id,
    tokenId: actor.tokenId,
    action: "skj.publish",
    entityType: "penetapan",
    entityId: penetapanId,
    summary: `${legalBasisLabel(legalBasis)} ditetapkan: ${versions.length} SKJ${via}`,
    after: { versions: versions.map(({ positionCode, version }) => ({ positionCode, version })) },
  });
  return { versions, snapshots };
}

/**
 * Publishes every SKJ a draf penetapan gathers, or nothing: one refused item (four-eyes, not approved,
 * missing texts) refuses the whole act, and any failure while writing rolls all of it back. With `confirmed`
 * (the position codes a person confirmed), an act that no longer holds exactly those SKJ is refused too.
 */
export function publishPenetapan(
  db: Db,
  penetapanId: number,
  actor: SkjActor,
  now: Date = new Date(),
  confirmed?: readonly string[],
): PublishResult {
  return guarded(() =>
    db.transaction(
      (tx): PublishResult => {
        const { versions } = publishInTx(tx, penetapanId, actor, now, "", confirmed);
        return { ok: true, penetapanId, versions };
      },
      // take the write lock up front, so a concurrent writer waits instead of failing the upgrade midway
      { behavior: "immediate" },
    ),
  );
}

export interface SinglePublishInput {
  /** A citation ("Peraturan Gubernur Nomor 12 Tahun 2026 [tentang …]") or its parts. */
  legalBasis: unknown;
  effectiveDate?: string | null;
}

const CITATION_HINT =
  'Tuliskan dasar hukum seperti "Peraturan Gubernur Nomor 12 Tahun 2026" atau sebagai objek {kind, number, year, title}.';

function legalBasisFrom(
  input: unknown,
): { kind: PenetapanKind | string; number: string; year: number | string; title: string | null } | Refused {
  if (typeof input === "string") {
    const parsed = parseLegalBasis(input);
    return parsed ?? { ok: false, status: 422, message: `Dasar hukum "${input.slice(0, 200)}" tidak dapat dibaca. ${CITATION_HINT}` };
  }
  if (input && typeof input === "object" && !Array.isArray(input)) {
    const o = input as Record<string, unknown>;
    return {
      kind: typeof o.kind === "string" ? o.kind : "",
      number: typeof o.number === "string" || typeof o.number === "number" ? String(o.number) : "",
      year: typeof o.year === "number" || typeof o.year === "string" ? o.year : "",
      title: typeof o.title === "string" ? o.title : null,
    };
  }
  return { ok: false, status: 422, message: `Dasar hukum wajib diisi. ${CITATION_HINT}` };
}

/**
 * The API's single publish: a one-item penetapan for the position's approved draft, created and published
 * in one transaction, so a refusal leaves no stray penetapan behind. Without a title in the citation the
 * act is titled after the SKJ it establishes.
 */
export function publishSingle(
  db: Db,
  positionCode: string,
  input: SinglePublishInput,
  actor: SkjActor,
  now: Date = new Date(),
): PublishSingleResult {
  const basis = legalBasisFrom(input.legalBasis);
  if ("ok" in basis) return basis;
  return guarded(() =>
    db.transaction(
      (tx): PublishSingleResult => {
        const position = tx
          .select({ id: positions.id, code: positions.code, name: positions.name })
          .from(positions)
          .where(eq(positions.code, positionCode))
          .get();
        if (!position) throw new Refusal(404, "Jabatan tidak ditemukan.");
        const fields = PenetapanSchema.safeParse({
          ...basis,
          title: basis.title ?? `Standar Kompetensi Jabatan ${position.name}`,
          effectiveDate: input.effectiveDate ?? null,
        });
        if (!fields.success) throw new Refusal(422, fields.error.issues[0]!.message);
        const draft = tx
          .select({ id: skjDrafts.id, state: skjDrafts.state })
          .from(skjDrafts)
          .where(and(eq(skjDrafts.positionId, position.id), isNull(skjDrafts.closedAt)))
          .get();
        if (draft?.state !== "disetujui")
          throw new Refusal(409, `Jabatan ${position.code} belum memiliki SKJ yang disetujui untuk ditetapkan.`);
        const other = openPenetapanOfDraft(tx, draft.id);
        if (other)
          throw new Refusal(
            409,
            `SKJ ${position.code} sudah termasuk dalam ${legalBasisLabel(other)} yang belum ditetapkan; tetapkan melalui penetapan itu.`,
          );
        const penetapanId = insertPenetapan(tx, fields.data, actor.id);
        tx.insert(penetapanItems).values({ penetapanId, draftId: draft.id }).run();
        const { versions, snapshots } = publishInTx(tx, penetapanId, actor, now, " (penetapan tunggal melalui API)");
        return { ok: true, penetapanId, versions, snapshot: snapshots[0]! };
      },
      { behavior: "immediate" },
    ),
  );
}

/** Withdraws (mencabut) the live version of a position, with a reason; the position then has no current SKJ. */
export function withdrawVersion(
  db: Db,
  positionCode: string,
  versionNumber: number,
  actor: SkjActor,
  reason: string,
  now: Date = new Date(),
): WithdrawResult {
  const decision = decideWithdrawal(actor, reason);
  if (!decision.ok) return decision;
  const why = reason.trim();
  return guarded(() =>
    db.transaction(
      (tx): WithdrawResult => {
        const position = tx
          .select({ id: positions.id, code: positions.code })
          .from(positions)
          .where(eq(positions.code, positionCode))
          .get();
        if (!position) throw new Refusal(404, "Jabatan tidak ditemukan.");
        const version = tx
          .select({ id: skjVersions.id, draftId: skjVersions.draftId, ended: skjVersionEnds.kind })
          .from(skjVersions)
          .leftJoin(skjVersionEnds, eq(skjVersionEnds.versionId, skjVersions.id))
          .where(and(eq(skjVersions.positionId, position.id), eq(skjVersions.versionNumber, versionNumber)))
          .get();
        if (!version) throw new Refusal(404, `Versi ${versionNumber} SKJ ${position.code} tidak ditemukan.`);
        if (version.ended)
          throw new Refusal(
            409,
            `Versi ${versionNumber} SKJ ${position.code} sudah ${version.ended}; hanya versi yang berlaku yang dapat dicabut.`,
          );
        const at = now.toISOString();
        tx.insert(skjVersionEnds).values({ versionId: version.id, kind: "dicabut", reason: why, actorId: actor.id, at }).run();
        tx.insert(skjDecisions).values({ draftId: version.draftId, action: "dicabut", comment: why, actorId: actor.id, at }).run();
        tx.insert(events).values({ type: "skj.withdrawn", positionCode: position.code, version: versionNumber, occurredAt: at }).run();
        recordAudit(tx, {
          actorId: actor.id,
          tokenId: actor.tokenId,
          action: "skj.withdraw",
          entityType: "skj_version",
          entityId: version.id,
          summary: `SKJ ${position.code} versi ${versionNumber} dicabut: ${why}`,
        });
        return { ok: true, positionCode: position.code, version: versionNumber };
      },
      { behavior: "immediate" },
    ),
  );
}
