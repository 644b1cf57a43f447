import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { plainTextToDoc } from "~/domain/richtext";
import type { DbOrTx } from "../client.server";
import { competencies, competencyIndicators, competencyLevels, competencyRevisions, type Competency } from "../schema";

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

export interface RevisionInput {
  definition: string;
  textStatus: "regulasi" | "contoh" | "lokal";
  levels: LevelInput[];
  note?: string;
  publish: boolean;
  actorId: number | null;
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
  const revision = db
    .insert(competencyRevisions)
    .values({
      competencyId,
      number: (last?.number ?? 0) + 1,
      status: "draft",
      definitionJson: input.definition ? plainTextToDoc(input.definition) : null,
      definitionText: input.definition,
      textStatus: input.textStatus,
      note: input.note ?? null,
      createdBy: input.actorId,
      lastEditedBy: input.actorId,
    })
    .returning()
    .get();
  writeLevels(db, revision.id, input.levels);
  if (input.publish) publishRevision(db, revision.id, input.actorId);
  return revision.id;
}

function writeLevels(db: DbOrTx, revisionId: number, levels: LevelInput[]) {
  for (const level of levels) {
    const row = db
      .insert(competencyLevels)
      .values({ revisionId, level: level.level, description: level.description })
      .returning({ id: competencyLevels.id })
      .get();
    level.indicators.forEach((text, i) => {
      db.insert(competencyIndicators).values({ levelId: row.id, ordinal: i + 1, text }).run();
    });
  }
}

export function publishRevision(db: DbOrTx, revisionId: number, actorId: number | null) {
  db.update(competencyRevisions)
    .set({ status: "diterbitkan", publishedAt: new Date().toISOString(), publishedBy: actorId })
    .where(and(eq(competencyRevisions.id, revisionId), inArray(competencyRevisions.status, ["draft", "diajukan"])))
    .run();
}

/** Replaces the texts of an unpublished revision (its levels and indicators are rewritten). */
export function replaceDraftTexts(db: DbOrTx, revisionId: number, input: Omit<RevisionInput, "publish" | "actorId"> & { actorId: number | null }) {
  const levelIds = db.select({ id: competencyLevels.id }).from(competencyLevels).where(eq(competencyLevels.revisionId, revisionId)).all().map((l) => l.id);
  if (levelIds.length) {
    db.delete(competencyIndicators).where(inArray(competencyIndicators.levelId, levelIds)).run();
    db.delete(competencyLevels).where(eq(competencyLevels.revisionId, revisionId)).run();
  }
  db.update(competencyRevisions)
    .set({
      definitionJson: input.definition ? plainTextToDoc(input.definition) : null,
      definitionText: input.definition,
      textStatus: input.textStatus,
      note: input.note ?? null,
      lastEditedBy: input.actorId,
      updatedAt: new Date().toISOString(),
    })
    .where(eq(competencyRevisions.id, revisionId))
    .run();
  writeLevels(db, revisionId, input.levels);
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
  return db.select().from(competencyRevisions).where(eq(competencyRevisions.competencyId, competencyId)).orderBy(asc(competencyRevisions.number)).all();
}

export function levelsOfRevision(db: DbOrTx, revisionId: number) {
  const levels = db.select().from(competencyLevels).where(eq(competencyLevels.revisionId, revisionId)).orderBy(asc(competencyLevels.level)).all();
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

/** Each entry with its newest revision's number, status and text status (for the dictionary list). */
export function listCompetenciesWithLatestRevision(db: DbOrTx) {
  return db
    .select({
      id: competencies.id,
      code: competencies.code,
      type: competencies.type,
      name: competencies.name,
      category: competencies.category,
      isFixed: competencies.isFixed,
      revision: competencyRevisions.number,
      status: competencyRevisions.status,
      textStatus: competencyRevisions.textStatus,
    })
    .from(competencies)
    .innerJoin(
      competencyRevisions,
      and(
        eq(competencyRevisions.competencyId, competencies.id),
        eq(
          competencyRevisions.number,
          sql`(select max(r.number) from ${competencyRevisions} r where r.competency_id = ${competencies.id})`,
        ),
      ),
    )
    .orderBy(asc(competencies.type), asc(competencies.code))
    .all();
}
