// Drafts in bulk (issue 17, contract §7.6): a new draft for each chosen position, optionally filled from one
// similar SKJ. One IMMEDIATE transaction: every draft is made or none, and a draft opened meanwhile by
// someone else is seen and skipped, never doubled.
import { and, desc, eq, sql } from "drizzle-orm";
import { plainTextToDoc, type RichTextNode } from "~/domain/richtext";
import { BULK_DRAFTS_MAX, COPY_PARTS, copyFromSource, type CopyCandidate, type CopyPart, type CopySource } from "~/domain/skj-copy";
import type { SkjDocument } from "~/domain/skj-document";
import type { Db, DbOrTx } from "~db/client.server";
import { parseRegisterQuery } from "~/domain/register-filter";
import { findPositionByCode, positionDetail } from "~db/queries/register.server";
import { createDraft, findOpenDraft } from "~db/queries/skj-drafts.server";
import { skjVersions } from "~db/schema";
import { loadRegister } from "./register.server";
import { newDraftDocument } from "./skj.server";

export interface BulkDraftResult {
  positionCode: string;
  status: "created" | "skipped";
  reason?: string;
}

export interface CopySourceView {
  positionCode: string;
  positionName: string;
  /** "versi 2 yang berlaku" or "draf terbuka": what the analyst copies from. */
  origin: string;
  source: CopySource;
  summaryJson: RichTextNode | null;
}

/** What a position offers to copy: its live published version, else its open draft; null when it has neither. */
export function copySourceOf(db: DbOrTx, positionCode: string): CopySourceView | null {
  const position = findPositionByCode(db, positionCode);
  if (!position) return null;
  const live = db
    .select({ versionNumber: skjVersions.versionNumber, snapshot: skjVersions.snapshot })
    .from(skjVersions)
    // qualified by hand: in a one-table subquery drizzle would write the outer id as a bare "id"
    .where(
      and(
        eq(skjVersions.positionId, position.id),
        sql`not exists (select 1 from skj_version_ends e where e.version_id = "skj_versions"."id")`,
      ),
    )
    .orderBy(desc(skjVersions.versionNumber))
    .get();
  if (live) {
    // the snapshot is our own canonical JSON, immutable in SQL
    const doc = JSON.parse(live.snapshot) as SkjDocument;
    const source = {
      summary: doc.position.summary,
      competencies: doc.competencies.map((c) => ({ code: c.code, level: c.level })),
      requirements: doc.requirements,
    };
    return {
      positionCode: position.code,
      positionName: position.name,
      origin: `versi ${live.versionNumber} yang berlaku`,
      source,
      summaryJson: plainTextToDoc(source.summary),
    };
  }
  const draft = findOpenDraft(db, position.id);
  if (!draft) return null;
  const { document } = draft;
  return {
    positionCode: position.code,
    positionName: position.name,
    origin: "draf terbuka",
    source: { summary: document.position.summary, competencies: document.competencies, requirements: document.requirements },
    summaryJson: draft.summaryJson ?? plainTextToDoc(document.position.summary),
  };
}

export type BulkDraftOutcome = { ok: true; results: BulkDraftResult[] } | { ok: false; message: string };

export interface BulkDraftInput {
  positionCodes: readonly string[];
  fromPositionCode?: string | null;
  parts?: ReadonlySet<CopyPart>;
  actorId: number;
  via: "ui" | "api";
  tokenId?: number;
}

type Prepared = { ok: true; codes: string[]; from: CopySourceView | null; parts: ReadonlySet<CopyPart> } | { ok: false; message: string };

/** The distinct codes and the source to copy from, or the reason the whole request is refused. */
function prepare(db: Db, input: BulkDraftInput): Prepared {
  const codes = [...new Set(input.positionCodes)];
  if (codes.length === 0) return { ok: false, message: "Pilih paling sedikit satu jabatan." };
  if (codes.length > BULK_DRAFTS_MAX)
    return {
      ok: false,
      message: `Paling banyak ${BULK_DRAFTS_MAX.toLocaleString("id-ID")} jabatan sekaligus; yang dipilih ${codes.length.toLocaleString("id-ID")}.`,
    };
  const from = input.fromPositionCode ? copySourceOf(db, input.fromPositionCode) : null;
  if (input.fromPositionCode && !from) {
    return {
      ok: false,
      message: `Jabatan sumber "${input.fromPositionCode}" tidak terdaftar atau belum mempunyai SKJ (versi yang berlaku atau draf) untuk disalin.`,
    };
  }
  return { ok: true, codes, from, parts: input.parts ?? new Set(COPY_PARTS) };
}

/** Why the request as a whole is refused (nothing selected, too many, a source without SKJ), or null. */
export function bulkDraftsRefusal(db: Db, input: BulkDraftInput): string | null {
  const prepared = prepare(db, input);
  return prepared.ok ? null : prepared.message;
}

/** One position's new draft, made exactly as "Susun SKJ" makes it, or the reason it is skipped. */
function draftOne(db: Db, positionCode: string, prepared: Extract<Prepared, { ok: true }>, input: BulkDraftInput): BulkDraftResult {
  const position = findPositionByCode(db, positionCode);
  if (!position) return { positionCode, status: "skipped", reason: "Jabatan tidak terdaftar dalam SOTK." };
  if (!position.active) return { positionCode, status: "skipped", reason: "Jabatan sudah dinonaktifkan." };
  if (findOpenDraft(db, position.id))
    return { positionCode, status: "skipped", reason: "Jabatan ini sudah mempunyai draf SKJ yang terbuka; draf itu tidak diubah." };
  const { from, parts } = prepared;
  const fresh = newDraftDocument(db, position.id);
  const document = from ? copyFromSource(fresh.document, from.source, parts) : fresh.document;
  const summaryJson = from && parts.has("summary") ? from.summaryJson : fresh.summaryJson;
  createDraft(db, {
    positionId: position.id,
    document,
    summaryJson,
    basedOnVersionId: fresh.basedOnVersionId,
    actorId: input.actorId,
    via: input.via,
    tokenId: input.tokenId,
  });
  return { positionCode, status: "created" };
}

/** Every draft in ONE transaction: all or nothing (the API, contract §7.6). */
export function createDraftsInBulk(db: Db, input: BulkDraftInput): BulkDraftOutcome {
  return db.transaction(
    (): BulkDraftOutcome => {
      const prepared = prepare(db, input);
      if (!prepared.ok) return prepared;
      return { ok: true, results: prepared.codes.map((code) => draftOne(db, code, prepared, input)) };
    },
    { behavior: "immediate" },
  );
}

/** Positions per transaction of the background job: small enough that other requests wait at most a moment. */
export const BULK_DRAFTS_CHUNK = 25;

/**
 * The background job's way (docs/decisions/025): one transaction per BULK_DRAFTS_CHUNK positions, the event loop
 * free between them. `onChunk` runs inside each chunk's transaction with every result so far, so what the job
 * records as made is exactly what was committed, even when a later chunk fails.
 */
export async function createDraftsInChunks(
  db: Db,
  input: BulkDraftInput,
  onChunk: (results: readonly BulkDraftResult[], total: number) => void,
): Promise<BulkDraftOutcome> {
  const prepared = prepare(db, input);
  if (!prepared.ok) return prepared;
  const results: BulkDraftResult[] = [];
  for (let start = 0; start < prepared.codes.length; start += BULK_DRAFTS_CHUNK) {
    db.transaction(
      () => {
        const chunk = prepared.codes.slice(start, start + BULK_DRAFTS_CHUNK).map((code) => draftOne(db, code, prepared, input));
        onChunk([...results, ...chunk], prepared.codes.length);
        results.push(...chunk);
      },
      { behavior: "immediate" },
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { ok: true, results };
}

export interface BulkSelection {
  /** The positions chosen, in register order; at most BULK_DRAFTS_MAX. */
  rows: { code: string; name: string; unitName: string; hasOpenDraft: boolean }[];
  /** How many the filter matched when "all matching" was chosen and that is more than BULK_DRAFTS_MAX. */
  tooMany: number | null;
}

/**
 * The positions a register selection names: the ticked `position` codes, or with `semua=1` every position the
 * register's filter (the other parameters) matches, as the register lists them.
 */
export function bulkSelection(db: Db, params: URLSearchParams): BulkSelection {
  if (params.get("semua") === "1") {
    const { rows, total } = loadRegister(db, { ...parseRegisterQuery(params), page: 1 }, BULK_DRAFTS_MAX);
    if (total > BULK_DRAFTS_MAX) return { rows: [], tooMany: total };
    return {
      rows: rows.map((r) => ({ code: r.code, name: r.name, unitName: r.unitName, hasOpenDraft: Boolean(findOpenDraft(db, r.id)) })),
      tooMany: null,
    };
  }
  const codes = [...new Set(params.getAll("position"))].slice(0, BULK_DRAFTS_MAX + 1);
  if (codes.length > BULK_DRAFTS_MAX) return { rows: [], tooMany: params.getAll("position").length };
  const rows = codes.flatMap((code) => {
    const position = findPositionByCode(db, code);
    const detail = position?.active ? positionDetail(db, position.id) : undefined;
    return detail
      ? [{ code, name: detail.position.name, unitName: detail.unit.name, hasOpenDraft: Boolean(findOpenDraft(db, detail.position.id)) }]
      : [];
  });
  return { rows, tooMany: null };
}

/** Positions whose SKJ can be copied (a live version or an open draft), by name: the source picker's choices. */
export function copySourceCandidates(db: Db, q: string, limit = 10): CopyCandidate[] {
  const found = (["ditetapkan", "draf", "diajukan", "disetujui"] as const).flatMap(
    (status) => loadRegister(db, { q, status, page: 1 }, limit).rows,
  );
  return found.slice(0, limit).map((r) => ({ code: r.code, name: r.name, unitName: r.unitName, skjStatus: r.skjStatus }));
}
