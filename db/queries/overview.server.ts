import { count, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client.server";
import { competencies, competencyRevisions, orgUnits, penetapan, positions, skjDrafts, skjVersions } from "../schema";

const countOf = (db: DbOrTx, q: { n: number } | undefined) => q?.n ?? 0;

/** The figures on Beranda. */
export function overviewCounts(db: DbOrTx) {
  return {
    units: countOf(db, db.select({ n: count() }).from(orgUnits).where(eq(orgUnits.active, true)).get()),
    positions: countOf(db, db.select({ n: count() }).from(positions).where(eq(positions.active, true)).get()),
    competencies: countOf(db, db.select({ n: count() }).from(competencies).get()),
    publishedRevisions: countOf(db, db.select({ n: count() }).from(competencyRevisions).where(eq(competencyRevisions.status, "diterbitkan")).get()),
    openDrafts: countOf(db, db.select({ n: count() }).from(skjDrafts).where(isNull(skjDrafts.closedAt)).get()),
    publishedVersions: countOf(db, db.select({ n: count() }).from(skjVersions).get()),
    penetapan: countOf(db, db.select({ n: count() }).from(penetapan).get()),
  };
}
