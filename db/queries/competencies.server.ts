import { and, asc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import { definitionColumns } from "~/domain/dictionary";
import type { RichTextNode } from "~/domain/richtext";
import type { DbOrTx } from "../client.server";
import { rankedPublishedIds } from "./dictionary-search.server";
import {
  competencies,
  competencyIndicators,
  competencyLevels,
  competencyRevisionContributors,
  competencyRevisions,
  type Competency,
} from "../schema";

export interface LevelInput {
  level: number;
  description: string;
  indicators: string[];
}

export interface CompetencyInput {
  code: string;
  type: Competency["type"];
  name: string;
  category?: string | null;
  isFixed?: boolean;
  sourceKind: Competency["sourceKind"];
  sourceReference?: string | null;
  keywords?: string[];
}

/** Entry-level texts a revision carries; a new revision without them copies the entry's current ones. */
export interface RevisionEntryFields {
  name: string;
  category: string | null;
  sourceKind: Competency["sourceKind"];
  sourceReference: string | null;
  keywords: string[];
}

export interface RevisionInput {
  /** the rich text; its plain text is derived (definitionFromPlainText turns a file's text into it) */
  definition: RichTextNode | null;
  textStatus: "regulasi" | "contoh" | "lokal";
  levels: LevelInput[];
  note?: string;
  publish: boolean;
  actorId: number | null;
  entry?: RevisionEntryFields;
}

export function findCompetencyByCode(db: DbOrTx, code: string) {
  return db.select().from(competencies).where(eq(competencies.code, code)).get();
}

/** Adds a revision with its five levels; a published one is written as a draft first, since triggers freeze it once published. */
export function addRevision(db: DbOrTx, competencyId: number, input: RevisionInput) {
  const last = db
    .select({ number: competencyRevisions.number })
    .from(competencyRevisions)
    .where(eq(competencyRevisions.competencyId, competencyId))
    .orderBy(asc(competencyRevisions.number))
    .all()
    .at(-1);
  const entry = input.entry ?? db.select().from(competencies).where(eq(competencies.id, competencyId)).get()!;
  const revision = db
    .insert(competencyRevisions)
    .values({
      competencyId,
      number: (last?.number ?? 0) + 1,
      status: "draft",
      name: entry.name,
      category: entry.category,
      sourceKind: entry.sourceKind,
      sourceReference: entry.sourceReference,
      keywords: entry.keywords,
      ...definitionColumns(input.definition),
      textStatus: input.textStatus,
      note: input.note ?? null,
      createdBy: input.actorId,
      lastEditedBy: input.actorId,
    })
    .returning()
    .get();
  writeLevels(db, revision.id, input.levels);
  recordContributor(db, revision.id, input.actorId);
  if (input.publish) publishRevision(db, revision.id, input.actorId);
  return revision.id;
}

/** Called by every write of a revision's texts: four-eyes keeps each writer from publishing it. */
function recordContributor(db: DbOrTx, revisionId: number, userId: number | null) {
  if (userId === null) return;
  db.insert(competencyRevisionContributors).values({ revisionId, userId }).onConflictDoNothing().run();
}

/** Everyone who wrote texts into the revision (the operator's import and the seed have no user). */
export function revisionContributors(db: DbOrTx, revisionId: number): number[] {
  return db
    .select({ userId: competencyRevisionContributors.userId })
    .from(competencyRevisionContributors)
    .where(eq(competencyRevisionContributors.revisionId, revisionId))
    .all()
    .map((r) => r.userId);
}

export function writeLevels(db: DbOrTx, revisionId: number, levels: LevelInput[]) {
  for (const level of levels) {
    const row = db
      .insert(competencyLevels)
      .values({ revisionId, level: level.level, description: level.description })
      .returning({ id: competencyLevels.id })
      .get();
    level.indicators.forEach((text, i) => {
      db.insert(competencyIndicators)
        .values({ levelId: row.id, ordinal: i + 1, text })
        .run();
    });
  }
}

export function publishRevision(db: DbOrTx, revisionId: number, actorId: number | null) {
  db.update(competencyRevisions)
    .set({ status: "diterbitkan", publishedAt: new Date().toISOString(), publishedBy: actorId })
    .where(and(eq(competencyRevisions.id, revisionId), inArray(competencyRevisions.status, ["draft", "diajukan"])))
    .run();
}

/** Replaces the texts of an unpublished revision (its levels and indicators are rewritten; entry-level texts only when given). */
export function replaceDraftTexts(
  db: DbOrTx,
  revisionId: number,
  input: Omit<RevisionInput, "publish" | "actorId"> & { actorId: number | null },
) {
  const levelIds = db
    .select({ id: competencyLevels.id })
    .from(competencyLevels)
    .where(eq(competencyLevels.revisionId, revisionId))
    .all()
    .map((l) => l.id);
  if (levelIds.length) {
    db.delete(competencyIndicators).where(inArray(competencyIndicators.levelId, levelIds)).run();
    db.delete(competencyLevels).where(eq(competencyLevels.revisionId, revisionId)).run();
  }
  db.update(competencyRevisions)
    .set({
      ...definitionColumns(input.definition),
      textStatus: input.textStatus,
      note: input.note ?? null,
      lastEditedBy: input.actorId,
      updatedAt: new Date().toISOString(),
      ...(input.entry
        ? {
            name: input.entry.name,
            category: input.entry.category,
            sourceKind: input.entry.sourceKind,
            sourceReference: input.entry.sourceReference,
            keywords: input.entry.keywords,
          }
        : {}),
    })
    .where(eq(competencyRevisions.id, revisionId))
    .run();
  writeLevels(db, revisionId, input.levels);
  recordContributor(db, revisionId, input.actorId);
}

export function insertCompetency(db: DbOrTx, input: CompetencyInput): number {
  return db
    .insert(competencies)
    .values({
      code: input.code,
      type: input.type,
      name: input.name,
      category: input.category ?? null,
      isFixed: input.isFixed ?? false,
      sourceKind: input.sourceKind,
      sourceReference: input.sourceReference ?? null,
      keywords: input.keywords ?? [],
    })
    .returning({ id: competencies.id })
    .get().id;
}

export function revisionsOf(db: DbOrTx, competencyId: number) {
  return db
    .select()
    .from(competencyRevisions)
    .where(eq(competencyRevisions.competencyId, competencyId))
    .orderBy(asc(competencyRevisions.number))
    .all();
}

export function levelsOfRevision(db: DbOrTx, revisionId: number) {
  const levels = db
    .select()
    .from(competencyLevels)
    .where(eq(competencyLevels.revisionId, revisionId))
    .orderBy(asc(competencyLevels.level))
    .all();
  return levels.map((l) => ({
    level: l.level,
    description: l.description,
    indicators: db
      .select({ text: competencyIndicators.text })
      .from(competencyIndicators)
      .where(eq(competencyIndicators.levelId, l.id))
      .orderBy(asc(competencyIndicators.ordinal))
      .all()
      .map((i) => i.text),
  }));
}

// SQLite caps bound parameters per statement; chunks of this size stay far below every build's limit.
const ID_CHUNK = 900;

/** Levels with their ordered indicators for many revisions in two queries per chunk (not one per level). */
export function levelsOfRevisions(db: DbOrTx, revisionIds: readonly number[]): Map<number, LevelInput[]> {
  const out = new Map<number, LevelInput[]>();
  for (let i = 0; i < revisionIds.length; i += ID_CHUNK) {
    const ids = revisionIds.slice(i, i + ID_CHUNK);
    const levels = db
      .select({
        id: competencyLevels.id,
        revisionId: competencyLevels.revisionId,
        level: competencyLevels.level,
        description: competencyLevels.description,
      })
      .from(competencyLevels)
      .where(inArray(competencyLevels.revisionId, ids))
      .orderBy(asc(competencyLevels.revisionId), asc(competencyLevels.level))
      .all();
    const byLevelId = new Map<number, LevelInput>();
    for (const l of levels) {
      const level: LevelInput = { level: l.level, description: l.description, indicators: [] };
      byLevelId.set(l.id, level);
      const list = out.get(l.revisionId) ?? [];
      list.push(level);
      out.set(l.revisionId, list);
    }
    const indicators = db
      .select({ levelId: competencyIndicators.levelId, text: competencyIndicators.text })
      .from(competencyIndicators)
      .innerJoin(competencyLevels, eq(competencyLevels.id, competencyIndicators.levelId))
      .where(inArray(competencyLevels.revisionId, ids))
      .orderBy(asc(competencyIndicators.levelId), asc(competencyIndicators.ordinal))
      .all();
    for (const ind of indicators) byLevelId.get(ind.levelId)?.indicators.push(ind.text);
  }
  return out;
}

export interface PublishedEntryFilter {
  /** undefined: every type */
  type?: Competency["type"];
  /** words to search for, as the dictionary page does (rankedPublishedIds): the rows then come best first */
  q?: string;
  /** keyset pagination: the rows after this competency id, by id, or with q after it in rank order */
  afterId?: number;
  limit?: number;
}

/**
 * Each entry at its latest published revision, by competency id (with q: by rank), with levels and
 * indicators; an entry that has never been published is left out. Entry-level texts come from the
 * revision, as published.
 */
export function listPublishedEntries(db: DbOrTx, filter: PublishedEntryFilter = {}) {
  const name = sql<string>`coalesce(${competencyRevisions.name}, ${competencies.name})`;
  const conditions: SQL[] = [];
  if (filter.type) conditions.push(eq(competencies.type, filter.type));
  const ranked = filter.q?.trim() ? rankedPage(db, filter.q, filter) : null;
  if (ranked) conditions.push(inArray(competencies.id, ranked));
  else if (filter.afterId) conditions.push(gt(competencies.id, filter.afterId));
  const query = db
    .select({
      id: competencies.id,
      code: competencies.code,
      type: competencies.type,
      revisionId: competencyRevisions.id,
      revision: competencyRevisions.number,
      status: competencyRevisions.status,
      name,
      definition: competencyRevisions.definitionText,
      sourceKind: sql<Competency["sourceKind"]>`coalesce(${competencyRevisions.sourceKind}, ${competencies.sourceKind})`,
      sourceReference: sql<string | null>`coalesce(${competencyRevisions.sourceReference}, ${competencies.sourceReference})`,
    })
    .from(competencies)
    .innerJoin(
      competencyRevisions,
      and(
        eq(competencyRevisions.competencyId, competencies.id),
        eq(
          competencyRevisions.number,
          sql`(select max(r.number) from ${competencyRevisions} r where r.competency_id = ${competencies.id} and r.status = 'diterbitkan')`,
        ),
      ),
    )
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(competencies.id));
  const found = ranked || filter.limit === undefined ? query.all() : query.limit(filter.limit).all();
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ranked ? ranked.flatMap((id) => byId.get(id) ?? []) : found;
  const levels = levelsOfRevisions(
    db,
    rows.map((r) => r.revisionId),
  );
  return rows.map((r) => ({ ...r, levels: levels.get(r.revisionId) ?? [] }));
}

/**
 * The ids of the page of a search, best first. The cursor is the last id served: the page continues after
 * it in rank order, and a cursor that no longer matches (the entry changed meanwhile) ends the walk.
 */
function rankedPage(db: DbOrTx, q: string, filter: PublishedEntryFilter): number[] {
  const ids = rankedPublishedIds(db, q, filter.type);
  const at = filter.afterId ? ids.indexOf(filter.afterId) : -1;
  if (filter.afterId && at < 0) return [];
  return ids.slice(at + 1, filter.limit === undefined ? undefined : at + 1 + filter.limit);
}

/**
 * The newest published revision of each of `codes` (revision ids grow with their numbers), for pinning a
 * draft's competencies and for showing their texts. Codes without a published revision are absent.
 */
export function latestPublishedRevisions(
  db: DbOrTx,
  codes: readonly string[],
): { code: string; type: Competency["type"]; revisionId: number }[] {
  if (codes.length === 0) return [];
  return db
    .select({ code: competencies.code, type: competencies.type, revisionId: sql<number>`max(${competencyRevisions.id})` })
    .from(competencyRevisions)
    .innerJoin(competencies, eq(competencies.id, competencyRevisions.competencyId))
    .where(and(inArray(competencies.code, [...codes]), eq(competencyRevisions.status, "diterbitkan")))
    .groupBy(competencies.code)
    .all();
}
