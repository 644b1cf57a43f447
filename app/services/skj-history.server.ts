// Published versions of a position as documents: for the review diff, the history and the timeline.
import { asc, desc, eq, sql } from "drizzle-orm";
import { SkjDocumentSchema, type SkjDocument } from "~/domain/skj-document";
import type { DbOrTx } from "~db/client.server";
import { skjVersionEnds, skjVersions, users } from "~db/schema";

/** The SKJ document inside a published snapshot (the snapshot adds texts and metadata around it). */
export function documentOfSnapshot(snapshot: string): SkjDocument | null {
  const published = JSON.parse(snapshot) as Record<string, unknown> & { competencies?: { code: string; level: number }[] };
  const parsed = SkjDocumentSchema.safeParse({
    schemaVersion: 1,
    position: published.position,
    competencies: (published.competencies ?? []).map((c) => ({ code: c.code, level: c.level })),
    requirements: published.requirements,
  });
  return parsed.success ? parsed.data : null;
}

export function positionVersions(db: DbOrTx, positionId: number) {
  return db
    .select({
      id: skjVersions.id,
      version: skjVersions.versionNumber,
      publishedAt: skjVersions.publishedAt,
      contentHash: skjVersions.contentHash,
      publishedBy: users.name,
      endKind: skjVersionEnds.kind,
      endReason: skjVersionEnds.reason,
      endedAt: skjVersionEnds.at,
      replacedByVersionId: skjVersionEnds.replacedByVersionId,
      penetapanId: skjVersions.penetapanId,
    })
    .from(skjVersions)
    .innerJoin(users, eq(users.id, skjVersions.publishedBy))
    .leftJoin(skjVersionEnds, eq(skjVersionEnds.versionId, skjVersions.id))
    .where(eq(skjVersions.positionId, positionId))
    .orderBy(desc(skjVersions.versionNumber))
    .all();
}

export function versionDocument(db: DbOrTx, positionId: number, version: number): SkjDocument | null {
  const row = db
    .select({ snapshot: skjVersions.snapshot })
    .from(skjVersions)
    .where(sql`${skjVersions.positionId} = ${positionId} and ${skjVersions.versionNumber} = ${version}`)
    .orderBy(asc(skjVersions.id))
    .get();
  return row ? documentOfSnapshot(row.snapshot) : null;
}

/** The live (not superseded, not withdrawn) version of a position, as a document. */
export function currentPublishedDocument(db: DbOrTx, positionId: number): { version: number; document: SkjDocument } | null {
  const row = db
    .select({ version: skjVersions.versionNumber, snapshot: skjVersions.snapshot })
    .from(skjVersions)
    .leftJoin(skjVersionEnds, eq(skjVersionEnds.versionId, skjVersions.id))
    .where(sql`${skjVersions.positionId} = ${positionId} and ${skjVersionEnds.versionId} is null`)
    .orderBy(desc(skjVersions.versionNumber))
    .get();
  const document = row ? documentOfSnapshot(row.snapshot) : null;
  return row && document ? { version: row.version, document } : null;
}
