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

// the SKJ status of every active position, keyed by the active perangkat daerah (top-level unit) above it
const positionsByRoot = sql`
    with recursive root_of(id, root_id) as (
      select id, id from org_units where parent_id is null and active = 1
      union all
      select u.id, r.root_id from org_units u join root_of r on u.parent_id = r.id
    ),
    status(root_id, s) as (
      select r.root_id, ${skjStatusSql} from positions p join root_of r on r.id = p.unit_id where p.active = 1
    )`;

const coverageColumns = sql`count(status.s) as total,
           coalesce(sum(status.s = 'ditetapkan'), 0) as published,
           coalesce(sum(status.s in ('diajukan', 'disetujui')), 0) as inReview,
           coalesce(sum(status.s = 'draf'), 0) as draft,
           coalesce(sum(status.s = 'belum_ada'), 0) as none`;

/**
 * SKJ coverage per active perangkat daerah, counting the positions of its whole subtree: by code, or with the
 * most positions still without a published SKJ first (what Beranda shows); `limit`/`offset` page it.
 */
export function coverageByPerangkatDaerah(
  db: DbOrTx,
  options: { mostOpenFirst?: boolean; limit?: number; offset?: number } = {},
): CoverageRow[] {
  const order = options.mostOpenFirst ? sql`(total - published) desc, ru.code` : sql`ru.code`;
  return db.all<CoverageRow>(sql`${positionsByRoot}
    select ru.id as unitId, ru.code, ru.name, ${coverageColumns}
    from org_units ru left join status on status.root_id = ru.id
    where ru.parent_id is null and ru.active = 1
    group by ru.id order by ${order} limit ${options.limit ?? -1} offset ${options.offset ?? 0}`);
}

/** The coverage of every active perangkat daerah together, and how many there are. */
export function coverageTotals(db: DbOrTx): Omit<CoverageRow, "unitId" | "code" | "name"> & { perangkatDaerah: number } {
  return db.get(sql`${positionsByRoot}
    select ${coverageColumns},
           (select count(*) from org_units where parent_id is null and active = 1) as perangkatDaerah
    from status`)!;
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
