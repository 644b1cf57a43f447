// Which synthetic positions each measure works on: disjoint ranges, so no measure's drafts or new versions
// touch what another one reads or writes (the bundle acts take the first 2,200 in id order).
import { BULK_PREFIX } from "./bulk-seed";
import type { Db } from "~db/client.server";

export interface BenchPosition {
  id: number;
  code: string;
  group: string;
}

/**
 * `count` active synthetic positions with a published SKJ, in id order from the one at `offset`, optionally of
 * one group. Published, because the measures start from a complete SKJ (in the national set most have none).
 */
export function bulkPositions(db: Db, offset: number, count: number, group?: string): BenchPosition[] {
  const rows = db.$client
    .prepare(
      `select id, code, "group" as "group" from positions
       where code glob '${BULK_PREFIX}*' and active = 1 ${group ? `and "group" = @group` : ""}
         and exists (select 1 from skj_versions v where v.position_id = positions.id)
         and id >= (select id from positions where code glob '${BULK_PREFIX}*' order by id limit 1 offset @offset)
       order by id limit @count`,
    )
    .all(group ? { count, offset, group } : { count, offset }) as BenchPosition[];
  if (rows.length < count)
    throw new Error(
      `Hanya ${rows.length} jabatan sintetis${group ? ` kelompok ${group}` : ""} yang sudah punya SKJ dari urutan ${offset}, perlu ${count}.`,
    );
  return rows;
}

/** Offsets as fractions of the data set, so the ranges stay disjoint at both sizes. */
export const RANGES = {
  read: 0.25,
  editor: 0.3,
  validate: 0.35,
  save: 0.4,
  load: 0.5,
  publish: 0.8,
} as const;

export const offsetOf = (positions: number, range: keyof typeof RANGES) => Math.floor(positions * RANGES[range]);
