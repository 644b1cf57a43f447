// The fault test's database, prepared before the first start: the demo province (with its published SKJ),
// API tokens, and for each worker its own positions with a complete SKJ document that passes every error rule.
import { and, eq, sql } from "drizzle-orm";
import type { Scope } from "~/domain/api-tokens";
import { SkjDocumentSchema, type SkjDocument } from "~/domain/skj-document";
import { hasBlockingErrors } from "~/domain/skj-rules";
import { newDraftDocument, validateDocument } from "~/services/skj.server";
import { openDatabase, type Db } from "~db/client.server";
import { migrateDatabase } from "~db/migrate.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { createDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { competencies, competencyRevisions, positions, skjDrafts } from "~db/schema";
import { seed } from "~seeds/seed.server";

export interface PoolPosition {
  id: number;
  code: string;
  /** The complete document; every save sends it with its own marker (see withMarker). */
  document: SkjDocument;
}

export interface Fixture {
  /** The seed's last skj_decisions id: decisions the stream acknowledges come after it. */
  lastDecisionId: number;
  users: { analis: number; reviewer: number; reviewer2: number };
  tokens: { analisWrite: string; reviewerReview: string; reviewer2Review: string; read: string };
  pools: {
    /** Pushed again and again through POST /api/v1/skj/drafts, one list per API client. */
    apiSavers: PoolPosition[][];
    /** Autosaved through the editor's action by two clients at once (two tabs): revision conflicts happen. */
    editor: PoolPosition;
    /** Submitted, approved and published one by one through the API. */
    single: PoolPosition[];
    /** Gathered in batches into penetapan published from the UI. */
    penetapan: PoolPosition[];
  };
}

export const API_SAVERS = 2;
const POSITIONS_PER_API_SAVER = 2;
const SINGLE_POSITIONS = 3;
export const PENETAPAN_BATCH = 3;
const PENETAPAN_POSITIONS = PENETAPAN_BATCH * 2;
const TECHNICAL_PREFERRED = ["T.OTDA", "T.ANJAB", "T.KELEMBAGAAN"];

/** The document with a marker no other save carries, so the stored revision proves which save it is. */
export function withMarker(document: SkjDocument, marker: string): SkjDocument {
  return { ...document, requirements: { ...document.requirements, performanceIndicators: [`Indikator uji gangguan ${marker}`] } };
}

function technicalCodes(db: Db): string[] {
  const published = db
    .selectDistinct({ code: competencies.code })
    .from(competencies)
    .innerJoin(competencyRevisions, eq(competencyRevisions.competencyId, competencies.id))
    .where(and(eq(competencies.type, "teknis"), eq(competencyRevisions.status, "diterbitkan")))
    .all()
    .map((r) => r.code);
  const chosen = [
    ...TECHNICAL_PREFERRED.filter((c) => published.includes(c)),
    ...published.filter((c) => !TECHNICAL_PREFERRED.includes(c)),
  ].slice(0, 3);
  if (chosen.length < 3 || !chosen.includes("T.OTDA"))
    throw new Error(`Kamus demo tidak memuat tiga kompetensi teknis terbit termasuk T.OTDA (ada: ${published.join(", ")}).`);
  return chosen;
}

function completeDocument(db: Db, positionId: number, technical: string[]): SkjDocument {
  const { document } = newDraftDocument(db, positionId);
  return SkjDocumentSchema.parse({
    ...document,
    competencies: [...document.competencies.filter((c) => !c.code.startsWith("T.")), ...technical.map((code) => ({ code, level: 2 }))],
    requirements: {
      rank: "III/c",
      education: [{ level: "S-1", fields: ["Administrasi Negara"] }],
      training: { managerial: [], technical: ["Analisis Jabatan"], functional: [] },
      experience: [{ description: "Pelaksana di bidang yang sama", minYears: 2 }],
      performanceIndicators: ["Indikator uji gangguan awal"],
    },
  });
}

function token(db: Db, userId: number, name: string, scopes: Scope[]): string {
  return createApiToken(db, { userId, name, scopes }, null).token;
}

export async function prepareFixture(file: string): Promise<Fixture> {
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    await seed(db, "demo", { demoSkj: true });
    const user = (email: string) => {
      const found = findUserByEmail(db, email);
      if (!found) throw new Error(`Pengguna demo ${email} tidak ada.`);
      return found.id;
    };
    const users = { analis: user("analis@demo.go.id"), reviewer: user("reviewer@demo.go.id"), reviewer2: user("reviewer2@demo.go.id") };
    const tokens = {
      analisWrite: token(db, users.analis, "uji gangguan tulis", ["skj:write"]),
      reviewerReview: token(db, users.reviewer, "uji gangguan tinjau", ["skj:review"]),
      reviewer2Review: token(db, users.reviewer2, "uji gangguan tetapkan", ["skj:review"]),
      read: token(db, users.analis, "uji gangguan baca", ["skj:read"]),
    };

    const technical = technicalCodes(db);
    // positions the demo SKJ leave free (no open draft), whose complete document passes every error rule
    const free = db
      .select({ id: positions.id, code: positions.code })
      .from(positions)
      .where(
        and(
          eq(positions.active, true),
          sql`not exists (select 1 from ${skjDrafts} d where d.position_id = ${positions.id} and d.closed_at is null)`,
        ),
      )
      .orderBy(positions.code)
      .all()
      .map((p) => ({ ...p, document: completeDocument(db, p.id, technical) }))
      .filter((p) => !hasBlockingErrors(validateDocument(db, p.document)));
    const needed = API_SAVERS * POSITIONS_PER_API_SAVER + 1 + SINGLE_POSITIONS + PENETAPAN_POSITIONS;
    if (free.length < needed) throw new Error(`Hanya ${free.length} jabatan demo yang dapat dipakai; uji gangguan memerlukan ${needed}.`);
    const take = (n: number) => free.splice(0, n);
    const apiSavers = Array.from({ length: API_SAVERS }, () => take(POSITIONS_PER_API_SAVER));
    const [editor] = take(1);
    // the editor edits an open draft; "Susun SKJ" would create it, here it is created up front
    createDraft(db, {
      positionId: editor!.id,
      document: editor!.document,
      summaryJson: null,
      basedOnVersionId: null,
      actorId: users.analis,
      via: "ui",
    });
    const lastDecisionId = (db.$client.prepare("select coalesce(max(id), 0) as id from skj_decisions").get() as { id: number }).id;
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    return {
      lastDecisionId,
      users,
      tokens,
      pools: { apiSavers, editor: editor!, single: take(SINGLE_POSITIONS), penetapan: take(PENETAPAN_POSITIONS) },
    };
  } finally {
    db.$client.close();
  }
}
