// Which published versions a bundle (issue 7) gathers, in register order: the unit tree by code path, then
// the position code, so a lampiran reads like the SOTK and two exports of the same subject list alike.
import type { Db } from "../client.server";

export interface BundleVersionRow {
  positionCode: string;
  positionName: string;
  version: number;
  snapshot: string;
  signerTitle: string | null;
  signerName: string | null;
  signedDate: string | null;
}

// sort_path joins the unit codes from the top with char(31), which sorts below every printable character,
// so a parent comes right before its own children
const TREE = (start: string) => `tree(id, sort_path, depth) as (
  select id, code, 0 from org_units where ${start}
  union all
  select u.id, tree.sort_path || char(31) || u.code, tree.depth + 1 from org_units u join tree on u.parent_id = tree.id where tree.depth < 64
)`;
const COLUMNS = `p.code as positionCode, p.name as positionName, v.version_number as version, v.snapshot,
  a.signer_title as signerTitle, a.signer_name as signerName, a.signed_date as signedDate`;
const FROM =
  "skj_versions v join positions p on p.id = v.position_id join tree on tree.id = p.unit_id left join penetapan a on a.id = v.penetapan_id";

export function findPenetapanForBundle(db: Db, id: number) {
  return db.$client
    .prepare(
      "select id, kind, number, year, title, status, signed_date as signedDate, signer_title as signerTitle, signer_name as signerName from penetapan where id = ?",
    )
    .get(id) as
    | {
        id: number;
        kind: string;
        number: string;
        year: number;
        title: string;
        status: "draf" | "ditetapkan";
        signedDate: string | null;
        signerTitle: string | null;
        signerName: string | null;
      }
    | undefined;
}

/** The versions a penetapan established (superseded or withdrawn since or not: the act's lampiran is fixed). */
export function versionsOfPenetapan(db: Db, penetapanId: number): BundleVersionRow[] {
  return db.$client
    .prepare(
      `with recursive ${TREE("parent_id is null")} select ${COLUMNS} from ${FROM} where v.penetapan_id = ? order by tree.sort_path, p.code`,
    )
    .all(penetapanId) as BundleVersionRow[];
}

/** The live version (neither superseded nor withdrawn) of every position in the unit's subtree. */
export function liveVersionsUnder(db: Db, unitId: number): BundleVersionRow[] {
  return db.$client
    .prepare(
      `with recursive ${TREE("id = ?")} select ${COLUMNS} from ${FROM}
       where not exists (select 1 from skj_version_ends e where e.version_id = v.id) order by tree.sort_path, p.code`,
    )
    .all(unitId) as BundleVersionRow[];
}

/** How many versions the penetapan established. */
export function countVersionsOfPenetapan(db: Db, penetapanId: number): number {
  return (db.$client.prepare("select count(*) as n from skj_versions where penetapan_id = ?").get(penetapanId) as { n: number }).n;
}

/** How many live versions the unit's subtree holds: whether its page offers the bundle at all. */
export function countLiveVersionsUnder(db: Db, unitId: number): number {
  return (
    db.$client
      .prepare(
        `with recursive ${TREE("id = ?")} select count(*) as n from ${FROM} where not exists (select 1 from skj_version_ends e where e.version_id = v.id)`,
      )
      .get(unitId) as { n: number }
  ).n;
}
