import { asc, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client.server";
import { orgUnits, positions } from "../schema";

export function findUnitByCode(db: DbOrTx, code: string) {
  return db.select().from(orgUnits).where(eq(orgUnits.code, code)).get();
}

export function findPositionByCode(db: DbOrTx, code: string) {
  return db.select().from(positions).where(eq(positions.code, code)).get();
}

/** Every unit with its direct position count, ordered by code so that a parent precedes its children. */
export function listUnitsWithCounts(db: DbOrTx) {
  return db
    .select({
      id: orgUnits.id,
      code: orgUnits.code,
      name: orgUnits.name,
      kind: orgUnits.kind,
      echelon: orgUnits.echelon,
      parentId: orgUnits.parentId,
      active: orgUnits.active,
      positionCount: sql<number>`(select count(*) from ${positions} where ${positions.unitId} = ${orgUnits.id})`,
    })
    .from(orgUnits)
    .orderBy(asc(orgUnits.code))
    .all();
}

export function listPositions(db: DbOrTx) {
  return db
    .select({
      id: positions.id,
      code: positions.code,
      name: positions.name,
      group: positions.group,
      functionalLevel: positions.functionalLevel,
      unitName: orgUnits.name,
      unitCode: orgUnits.code,
    })
    .from(positions)
    .innerJoin(orgUnits, eq(orgUnits.id, positions.unitId))
    .orderBy(asc(orgUnits.code), asc(positions.code))
    .all();
}

export function registerCounts(db: DbOrTx) {
  return {
    units: db.select({ n: count() }).from(orgUnits).get()?.n ?? 0,
    positions: db.select({ n: count() }).from(positions).get()?.n ?? 0,
  };
}
