import { asc, count, eq, sql, type SQL } from "drizzle-orm";
import { ftsQuery, type FunctionalLevel, type PositionGroup, type SkjStatus } from "~/domain/sotk";
import type { DbOrTx } from "../client.server";
import { orgUnits, positions } from "../schema";

export function findUnitByCode(db: DbOrTx, code: string) {
  return db.select().from(orgUnits).where(eq(orgUnits.code, code)).get();
}

export function findUnitById(db: DbOrTx, id: number) {
  return db.select().from(orgUnits).where(eq(orgUnits.id, id)).get();
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

/** The unit and its ancestors, top-level perangkat daerah first. */
export function unitAncestry(db: DbOrTx, unitId: number) {
  return db.all<{ id: number; code: string; name: string; kind: string; echelon: string | null; depth: number }>(sql`
    with recursive up(id, depth) as (
      select ${unitId}, 0
      union all
      select u.parent_id, up.depth + 1 from org_units u join up on u.id = up.id where u.parent_id is not null and up.depth < 64
    )
    select u.id, u.code, u.name, u.kind, u.echelon, up.depth from up join org_units u on u.id = up.id order by up.depth desc`);
}

/** The SKJ status of position `p` in SQL, mirroring skjStatusOf in app/domain/sotk.ts. */
export const skjStatusSql = sql<SkjStatus>`(case
  when exists (select 1 from skj_versions v where v.position_id = p.id
               and not exists (select 1 from skj_version_ends e where e.version_id = v.id)) then 'ditetapkan'
  else coalesce((select case d.state when 'dikembalikan' then 'draf' else d.state end
                 from skj_drafts d where d.position_id = p.id and d.closed_at is null), 'belum_ada')
end)`;

export const REGISTER_SORTS = ["code", "name", "group", "unit", "relevance"] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

export interface RegisterFilter {
  unitId?: number;
  group?: PositionGroup;
  functionalLevel?: FunctionalLevel;
  skjStatus?: SkjStatus;
  q?: string;
  sort?: RegisterSort;
  desc?: boolean;
  page?: number;
  pageSize?: number;
}

export interface RegisterRow {
  id: number;
  code: string;
  name: string;
  group: PositionGroup;
  functionalLevel: FunctionalLevel | null;
  unitCode: string;
  unitName: string;
  governmentAffair: string | null;
  requiredHeadcount: number | null;
  summaryText: string;
  skjStatus: SkjStatus;
}

function registerWhere(filter: RegisterFilter, match: string | null): { from: SQL; where: SQL } {
  const conditions: SQL[] = [sql`p.active = 1`];
  if (filter.unitId) {
    conditions.push(sql`p.unit_id in (with recursive sub(id) as (select ${filter.unitId} union all select u.id from org_units u join sub on u.parent_id = sub.id) select id from sub)`);
  }
  if (filter.group) conditions.push(sql`p."group" = ${filter.group}`);
  if (filter.functionalLevel) conditions.push(sql`p.functional_level = ${filter.functionalLevel}`);
  if (filter.skjStatus) conditions.push(sql`${skjStatusSql} = ${filter.skjStatus}`);
  if (filter.q && !match) conditions.push(sql`0`); // only punctuation typed: nothing can match
  if (match) conditions.push(sql`positions_fts match ${match}`);
  const from = match
    ? sql`positions p join positions_fts on positions_fts.rowid = p.id join org_units u on u.id = p.unit_id`
    : sql`positions p join org_units u on u.id = p.unit_id`;
  return { from, where: sql.join(conditions, sql` and `) };
}

const ORDER: Record<RegisterSort, SQL> = {
  code: sql`p.code`,
  name: sql`p.name collate nocase`,
  group: sql`p."group"`,
  unit: sql`u.code`,
  relevance: sql`bm25(positions_fts)`,
};

/** One page of the register plus the total, filtered in SQL (subtree, group, level, status, full text). */
export function searchRegister(db: DbOrTx, filter: RegisterFilter): { rows: RegisterRow[]; total: number } {
  const match = filter.q ? ftsQuery(filter.q) : null;
  const { from, where } = registerWhere(filter, match);
  // relevance exists only when the full-text index takes part in the query
  const sort: RegisterSort = filter.sort === "relevance" && !match ? "code" : (filter.sort ?? (match ? "relevance" : "code"));
  const direction = filter.desc ? sql`desc` : sql`asc`;
  const pageSize = filter.pageSize ?? 50;
  const offset = (Math.max(1, filter.page ?? 1) - 1) * pageSize;
  const total = db.get<{ n: number }>(sql`select count(*) n from ${from} where ${where}`)?.n ?? 0;
  const rows = db.all<RegisterRow>(sql`
    select p.id, p.code, p.name, p."group" as "group", p.functional_level as functionalLevel, u.code as unitCode, u.name as unitName,
           p.government_affair as governmentAffair, p.required_headcount as requiredHeadcount, p.summary_text as summaryText,
           ${skjStatusSql} as skjStatus
    from ${from} where ${where}
    order by ${ORDER[sort]} ${direction}, p.code asc
    limit ${pageSize} offset ${offset}`);
  return { rows, total };
}

export function registerCounts(db: DbOrTx) {
  return {
    units: db.select({ n: count() }).from(orgUnits).get()?.n ?? 0,
    positions: db.select({ n: count() }).from(positions).get()?.n ?? 0,
  };
}

/** Units for pickers: code, name and depth in the tree, parents before children. */
export function unitOptions(db: DbOrTx) {
  return db.all<{ id: number; code: string; name: string; depth: number; active: number }>(sql`
    with recursive tree(id, depth, sort_path) as (
      select id, 0, code from org_units where parent_id is null
      union all
      select u.id, tree.depth + 1, tree.sort_path || char(31) || u.code from org_units u join tree on u.parent_id = tree.id where tree.depth < 64
    )
    select u.id, u.code, u.name, tree.depth, u.active from tree join org_units u on u.id = tree.id order by tree.sort_path`);
}

export function findPositionById(db: DbOrTx, id: number) {
  return db.select().from(positions).where(eq(positions.id, id)).get();
}

/** A position with its unit path (top first) and SKJ status: what the identity block prints. */
export function positionDetail(db: DbOrTx, id: number) {
  const position = findPositionById(db, id);
  if (!position) return null;
  const path = unitAncestry(db, position.unitId);
  const unit = path.at(-1)!;
  const status = db.get<{ s: SkjStatus }>(sql`select ${skjStatusSql} s from positions p where p.id = ${id}`)!.s;
  return { position, unit, path, skjStatus: status };
}
