import { and, count, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { CoverageRow } from "~/domain/skj-coverage";
import type { DbOrTx } from "../client.server";
import { competencies, orgUnits, penetapan, positions, skjDrafts, skjVersions } from "../schema";
import { skjStatusSql } from "./register.server";

const countOf = (q: { n: number } | undefined) => q?.n ?? 0;

/** The figures on Beranda. */
export function overviewCounts(db: DbOrTx) {
  return {
    units: countOf(db.select({ n: count() }).from(orgUnits).where(eq(orgUnits.active, true)).get()),
    positions: countOf(db.select({ n: count() }).from(positions).where(eq(positions.active, true)).get()),
    competencies: countOf(db.select({ n: count() }).from(competencies).get()),
    openDrafts: countOf(db.select({ n: count() }).from(skjDrafts).where(isNull(skjDrafts.closedAt)).get()),
    publishedVersions: countOf(db.select({ n: count() }).from(skjVersions).get()),
    penetapan: countOf(db.select({ n: count() }).from(penetapan).get()),
  };
}

/** SKJ coverage per perangkat daerah (top-level unit), counting the positions of its whole subtree. */
export function coverageByPerangkatDaerah(db: DbOrTx): CoverageRow[] {
  return db.all<CoverageRow>(sql`
    with recursive root_of(id, root_id) as (
      select id, id from org_units where parent_id is null
      union all
      select u.id, r.root_id from org_units u join root_of r on u.parent_id = r.id
    ),
    status(root_id, s) as (
      select r.root_id, ${skjStatusSql} from positions p join root_of r on r.id = p.unit_id where p.active = 1
    )
    select ru.id as unitId, ru.code, ru.name,
           count(status.s) as total,
           coalesce(sum(status.s = 'ditetapkan'), 0) as published,
           coalesce(sum(status.s in ('diajukan', 'disetujui')), 0) as inReview,
           coalesce(sum(status.s = 'draf'), 0) as draft,
           coalesce(sum(status.s = 'belum_ada'), 0) as none
    from org_units ru left join status on status.root_id = ru.id
    where ru.parent_id is null and ru.active = 1
    group by ru.id order by ru.code`);
}

/** "Pekerjaan saya": open drafts I last edited, and submitted drafts that wait for a reviewer other than their author. */
export function myWork(db: DbOrTx, userId: number, canReview: boolean) {
  const draftColumns = {
    draftId: skjDrafts.id,
    state: skjDrafts.state,
    updatedAt: skjDrafts.updatedAt,
    positionId: positions.id,
    positionCode: positions.code,
    positionName: positions.name,
  };
  const myDrafts = db
    .select(draftColumns)
    .from(skjDrafts)
    .innerJoin(positions, eq(positions.id, skjDrafts.positionId))
    .where(and(isNull(skjDrafts.closedAt), eq(skjDrafts.lastEditedBy, userId), sql`${skjDrafts.state} in ('draf', 'dikembalikan')`))
    .orderBy(desc(skjDrafts.updatedAt))
    .limit(20)
    .all();
  const reviews = canReview
    ? db
        .select(draftColumns)
        .from(skjDrafts)
        .innerJoin(positions, eq(positions.id, skjDrafts.positionId))
        .where(
          and(
            isNull(skjDrafts.closedAt),
            eq(skjDrafts.state, "diajukan"),
            ne(skjDrafts.submittedBy, userId),
            ne(skjDrafts.lastEditedBy, userId),
          ),
        )
        .orderBy(skjDrafts.submittedAt)
        .limit(20)
        .all()
    : [];
  return { myDrafts, reviews };
}
