import { sql, type SQL } from "drizzle-orm";
import type { UnitTreeNode } from "~/domain/unit-tree";
import type { DbOrTx } from "../client.server";

/** The units `picked` selects (a select of ids), each with its subtree position count and its number of sub-units. */
function nodes(db: DbOrTx, picked: SQL): UnitTreeNode[] {
  return db
    .all<Omit<UnitTreeNode, "active"> & { active: number }>(sql`
    with recursive picked(id) as (${picked}),
    below(ancestor_id, id, depth) as (
      select id, id, 0 from picked
      union all
      select below.ancestor_id, u.id, below.depth + 1 from org_units u join below on u.parent_id = below.id where below.depth < 64
    ),
    counted(unit_id, n) as (
      select below.ancestor_id, count(p.id) from below join positions p on p.unit_id = below.id and p.active = 1 group by below.ancestor_id
    )
    select u.id, u.code, u.name, u.kind, u.kind_label as kindLabel, u.echelon, u.parent_id as parentId, u.active = 1 as active,
           coalesce(counted.n, 0) as positionCount,
           (select count(*) from org_units c where c.parent_id = u.id) as childCount
    from picked join org_units u on u.id = picked.id left join counted on counted.unit_id = u.id
    order by u.code`)
    .map((u) => ({ ...u, active: Boolean(u.active) }));
}

/** One page of perangkat daerah (top-level units, active or not), ordered by code. */
export function rootUnitsPage(db: DbOrTx, page: number, perPage: number): UnitTreeNode[] {
  return nodes(db, sql`select id from org_units where parent_id is null order by code limit ${perPage} offset ${(page - 1) * perPage}`);
}

/** The direct sub-units of every unit in `parentIds`. */
export function childUnits(db: DbOrTx, parentIds: readonly number[]): UnitTreeNode[] {
  if (parentIds.length === 0) return [];
  return nodes(
    db,
    sql`select id from org_units where parent_id in (${sql.join(
      parentIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
}

/** How many units and perangkat daerah there are (active or not), as the page header says. */
export function unitTreeTotals(db: DbOrTx) {
  return db.get<{ units: number; roots: number }>(
    sql`select count(*) as units, coalesce(sum(parent_id is null), 0) as roots from org_units`,
  )!;
}

/** The page of the tree that holds the perangkat daerah `rootCode`. */
export function pageOfRoot(db: DbOrTx, rootCode: string, perPage: number): number {
  const before = db.get<{ n: number }>(sql`select count(*) as n from org_units where parent_id is null and code < ${rootCode}`)!.n;
  return Math.floor(before / perPage) + 1;
}
