import { count, eq, sql, type SQL } from "drizzle-orm";
import { stemmedMatch } from "~/domain/search-text.server";
import type { FunctionalLevel, PositionGroup, SkjStatus } from "~/domain/sotk";
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

/** Every typed word as a prefix of a word of the name or summary, or by its Indonesian root word (drizzle/0012). */
const positionMatch = (q: string) => stemmedMatch(q, ["name_stem", "summary_stem"]);

function registerWhere(filter: RegisterFilter, match: string | null): { from: SQL; countFrom: SQL; where: SQL } {
  const conditions: SQL[] = [sql`p.active = 1`];
  if (filter.unitId) {
    conditions.push(
      sql`p.unit_id in (with recursive sub(id) as (select ${filter.unitId} union all select u.id from org_units u join sub on u.parent_id = sub.id) select id from sub)`,
    );
  }
  if (filter.group) conditions.push(sql`p."group" = ${filter.group}`);
  if (filter.functionalLevel) conditions.push(sql`p.functional_level = ${filter.functionalLevel}`);
  if (filter.skjStatus) conditions.push(sql`${skjStatusSql} = ${filter.skjStatus}`);
  if (filter.q && !match) conditions.push(sql`0`); // only punctuation typed: nothing can match
  if (match) conditions.push(sql`positions_fts match ${match}`);
  const countFrom = match ? sql`positions p join positions_fts on positions_fts.rowid = p.id` : sql`positions p`;
  // every position has its unit (a foreign key, not null), so only the rows, not the total, need the join
  return { from: sql`${countFrom} join org_units u on u.id = p.unit_id`, countFrom, where: sql.join(conditions, sql` and `) };
}

const ORDER: Record<RegisterSort, SQL> = {
  code: sql`p.code`,
  name: sql`p.name collate nocase`,
  group: sql`p."group"`,
  unit: sql`u.code`,
  // root-word columns weigh half: a word found as written also matches its root and so ranks higher
  relevance: sql`bm25(positions_fts, 1, 1, 0.5, 0.5)`,
};

/** One page of the register plus the total, filtered in SQL (subtree, group, level, status, full text). */
export function searchRegister(db: DbOrTx, filter: RegisterFilter): { rows: RegisterRow[]; total: number } {
  const match = filter.q ? positionMatch(filter.q) : null;
  const { from, countFrom, where } = registerWhere(filter, match);
  // relevance exists only when the full-text index takes part in the query
  const sort: RegisterSort = filter.sort === "relevance" && !match ? "code" : (filter.sort ?? (match ? "relevance" : "code"));
  const direction = filter.desc ? sql`desc` : sql`asc`;
  const pageSize = filter.pageSize ?? 50;
  const offset = (Math.max(1, filter.page ?? 1) - 1) * pageSize;
  const total = db.get<{ n: number }>(sql`select count(*) n from ${countFrom} where ${where}`)?.n ?? 0;
  // The page's ids first, then its rows: skipping to a late page would otherwise read every skipped row and
  // its status (40 ms for the last page of 20,000 against 0.4 ms on the index). Codes are unique, so by
  // code needs no tie-breaker, and only the unit sort needs the unit.
  const orderFrom = sort === "unit" ? from : countFrom;
  const tieBreaker = sort === "code" ? sql`` : sql`, p.code asc`;
  const ids = db
    .all<{ id: number }>(sql`
      select p.id from ${orderFrom} where ${where}
      order by ${ORDER[sort]} ${direction}${tieBreaker}
      limit ${pageSize} offset ${offset}`)
    .map((r) => r.id);
  return { rows: registerRowsInOrder(db, ids), total };
}

/** The register rows of `ids`, in that order. */
function registerRowsInOrder(db: DbOrTx, ids: number[]): RegisterRow[] {
  if (ids.length === 0) return [];
  const rows = db.all<RegisterRow>(sql`
    select p.id, p.code, p.name, p."group" as "group", p.functional_level as functionalLevel, u.code as unitCode, u.name as unitName,
           p.government_affair as governmentAffair, p.required_headcount as requiredHeadcount, p.summary_text as summaryText,
           ${skjStatusSql} as skjStatus
    from positions p join org_units u on u.id = p.unit_id
    where p.id in (select value from json_each(${JSON.stringify(ids)}))`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  // a position deleted between the two statements is simply not on the page
  return ids.flatMap((id) => byId.get(id) ?? []);
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

export interface UnitChoice {
  code: string;
  name: string;
  /** The units above it, nearest first, so two "Subbagian Umum" of two perangkat daerah can be told apart. */
  above: string[];
  active: boolean;
}

// "!" rather than a backslash: it needs no escaping of its own in this file's template literals
/** `text` as a literal inside a LIKE pattern written with `escape '!'`. */
export const escapeLike = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

/**
 * Units for a picker: each typed word in the name (any case) or the whole text as the start of the code; the
 * perangkat daerah when nothing is typed. Names that start with the text come first, then higher units.
 */
export function searchUnitChoices(db: DbOrTx, q: string, limit: number, options: { activeOnly?: boolean } = {}): UnitChoice[] {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const typed = words.join(" ");
  const matching = words.length
    ? sql`((${sql.join(
        words.map((w) => sql`u.name like ${`%${escapeLike(w)}%`} escape '!'`),
        sql` and `,
      )}) or u.code like ${`${escapeLike(typed)}%`} escape '!')`
    : sql`u.parent_id is null`;
  const where = options.activeOnly ? sql`${matching} and u.active = 1` : matching;
  const units = db.all<{ id: number; code: string; name: string; active: number }>(sql`
    select u.id, u.code, u.name, u.active from org_units u
    where ${where}
    order by (u.name like ${`${escapeLike(typed)}%`} escape '!') desc, (u.parent_id is null) desc, length(u.code), u.code
    limit ${limit}`);
  const paths = unitPaths(
    db,
    units.map((u) => u.id),
  );
  return units.map((u) => ({
    code: u.code,
    name: u.name,
    above: (paths.get(u.id) ?? [])
      .slice(0, -1)
      .map((a) => a.name)
      .reverse(),
    active: Boolean(u.active),
  }));
}

/** The code and name of the unit `code`, as a picker shows its current choice; undefined when there is none. */
export function pickedUnit(db: DbOrTx, code: string): { code: string; name: string } | undefined {
  return db.select({ code: orgUnits.code, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, code)).get();
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

// ---------------------------------------------------------------- HTTP API (keyset pages by id)

export interface ApiUnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  echelon: string | null;
  parentCode: string | null;
  path: string[];
}

/** Active units with id > afterId, by id, each with its path of codes from the perangkat daerah down; two queries per page. */
export function listUnitsAfter(db: DbOrTx, afterId: number, limit: number): ApiUnitRow[] {
  const rows = db.all<Omit<ApiUnitRow, "path">>(sql`
    select u.id, u.code, u.name, u.kind, u.echelon, parent.code as parentCode
    from org_units u left join org_units parent on parent.id = u.parent_id
    where u.active = 1 and u.id > ${afterId}
    order by u.id limit ${limit}`);
  const paths = unitPaths(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, path: paths.get(r.id)?.map((u) => u.code) ?? [r.code] }));
}

/** The ancestry (codes and names, top first) of many units in one recursive query: unitAncestry for a whole page. */
export function unitPaths(db: DbOrTx, unitIds: readonly number[]): Map<number, { code: string; name: string }[]> {
  const paths = new Map<number, { code: string; name: string }[]>();
  if (unitIds.length === 0) return paths;
  const ids = sql.join(
    unitIds.map((id) => sql`(${id})`),
    sql`, `,
  );
  const rows = db.all<{ startId: number; code: string; name: string }>(sql`
    with recursive start(id) as (values ${ids}),
    up(start_id, id, depth) as (
      select id, id, 0 from start
      union all
      select up.start_id, u.parent_id, up.depth + 1 from org_units u join up on u.id = up.id where u.parent_id is not null and up.depth < 64
    )
    select up.start_id as startId, u.code, u.name from up join org_units u on u.id = up.id order by up.start_id, up.depth desc`);
  for (const { startId, code, name } of rows) {
    const path = paths.get(startId);
    if (path) path.push({ code, name });
    else paths.set(startId, [{ code, name }]);
  }
  return paths;
}

/**
 * Register rows with id > afterId, by id, under the register's own filters (active positions, unit subtree,
 * group, full text), so the API and the register page can never disagree about what matches.
 */
export function listPositionsAfter(
  db: DbOrTx,
  filter: Pick<RegisterFilter, "unitId" | "group" | "q">,
  afterId: number,
  limit: number,
): RegisterRow[] {
  const { from, where } = registerWhere(filter, filter.q ? positionMatch(filter.q) : null);
  return db.all<RegisterRow>(sql`
    select p.id, p.code, p.name, p."group" as "group", p.functional_level as functionalLevel, u.code as unitCode, u.name as unitName,
           p.government_affair as governmentAffair, p.required_headcount as requiredHeadcount, p.summary_text as summaryText,
           ${skjStatusSql} as skjStatus
    from ${from} where ${where} and p.id > ${afterId}
    order by p.id limit ${limit}`);
}
