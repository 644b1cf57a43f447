import type { RegisterQuery } from "~/domain/register-filter";
import type { Db } from "~db/client.server";
import { findUnitByCode, searchRegister, type RegisterFilter } from "~db/queries/register.server";

export const REGISTER_PAGE_SIZE = 50;

/** Turns the register's URL query into a database filter (a unit code becomes its id; unknown → no rows). */
export function registerFilterOf(db: Db, query: RegisterQuery, pageSize = REGISTER_PAGE_SIZE): RegisterFilter | null {
  let unitId: number | undefined;
  if (query.unit) {
    const unit = findUnitByCode(db, query.unit);
    if (!unit) return null;
    unitId = unit.id;
  }
  return {
    unitId,
    group: query.group,
    functionalLevel: query.level,
    skjStatus: query.status,
    q: query.q,
    sort: query.sort,
    desc: query.desc === "1",
    page: query.page,
    pageSize,
  };
}

export function loadRegister(db: Db, query: RegisterQuery, pageSize = REGISTER_PAGE_SIZE) {
  const filter = registerFilterOf(db, query, pageSize);
  return filter ? searchRegister(db, filter) : { rows: [], total: 0 };
}
