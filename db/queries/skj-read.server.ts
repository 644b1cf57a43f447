// Read side of the published SKJ (contract §5, issue 6): what the mapping engine polls far more often than
// people open pages. A snapshot is returned as the exact stored text, so every route that sends it sends the
// same bytes; nothing here parses or re-serializes a document.
import type Database from "better-sqlite3";
import type { Db } from "../client.server";

export interface PublishedBytes {
  bytes: string;
  contentHash: string;
}

export interface PublishedRow extends PublishedBytes {
  id: number;
  positionCode: string;
  version: number;
}

export type FeedEventType = "skj.published" | "skj.withdrawn";

export interface FeedEventRow {
  id: number;
  type: FeedEventType;
  positionCode: string;
  version: number;
  occurredAt: string;
}

// A version is live until a superseding or a withdrawal is recorded beside it in skj_version_ends.
const LIVE = "not exists (select 1 from skj_version_ends e where e.version_id = v.id)";
const SUBTREE =
  "with recursive sub(id) as (select @unitId union all select u.id from org_units u join sub on u.parent_id = sub.id) select id from sub";
const ROW = "v.id, p.code as positionCode, v.version_number as version, v.snapshot as bytes, v.content_hash as contentHash";

export interface VersionRef {
  id: number;
  contentHash: string;
}

interface Statements {
  ref: Database.Statement<[string, number], VersionRef>;
  version: Database.Statement<[string, number], PublishedBytes>;
  current: Database.Statement<[string], PublishedRow>;
  list: Database.Statement<[{ afterId: number; limit: number }], PublishedRow>;
  listInUnit: Database.Statement<[{ afterId: number; limit: number; unitId: number }], PublishedRow>;
  changes: Database.Statement<[number, number], FeedEventRow>;
}

// Compiling a statement costs many times what running one of these lookups does (~0.1 ms against a few µs),
// so each connection prepares them once.
// Keyed by the connection, so a test that swaps databases never runs a statement of a closed one.
const prepared = new WeakMap<Database.Database, Statements>();

function statements(db: Db): Statements {
  const client = db.$client;
  let s = prepared.get(client);
  if (!s) {
    s = {
      // positions.code is unique and (position_id, version_number) is skj_versions_number_uq: two index probes
      ref: client.prepare(
        "select v.id, v.content_hash as contentHash from positions p join skj_versions v on v.position_id = p.id where p.code = ? and v.version_number = ?",
      ),
      version: client.prepare(
        "select v.snapshot as bytes, v.content_hash as contentHash from positions p join skj_versions v on v.position_id = p.id where p.code = ? and v.version_number = ?",
      ),
      current: client.prepare(
        `select ${ROW} from positions p join skj_versions v on v.position_id = p.id where p.code = ? and ${LIVE} order by v.version_number desc limit 1`,
      ),
      list: client.prepare(
        `select ${ROW} from skj_versions v join positions p on p.id = v.position_id where v.id > @afterId and ${LIVE} order by v.id limit @limit`,
      ),
      listInUnit: client.prepare(
        `select ${ROW} from skj_versions v join positions p on p.id = v.position_id where v.id > @afterId and ${LIVE} and p.unit_id in (${SUBTREE}) order by v.id limit @limit`,
      ),
      changes: client.prepare(
        "select id, type, position_code as positionCode, version, occurred_at as occurredAt from events where id > ? order by id limit ?",
      ),
    };
    prepared.set(client, s);
  }
  return s;
}

/** The stored bytes and hash of version `n` of a position, live or not (a published version never changes). */
export function publishedVersionBytes(db: Db, positionCode: string, n: number): PublishedBytes | undefined {
  return statements(db).version.get(positionCode, n);
}

/**
 * Which row version `n` of a position is, without copying its snapshot: enough to answer a conditional
 * request, or to find bytes kept from an earlier read (the row behind an id never changes).
 */
export function publishedVersionRef(db: Db, positionCode: string, n: number): VersionRef | undefined {
  return statements(db).ref.get(positionCode, n);
}

/** The live published version of a position (neither superseded nor withdrawn), or undefined. */
export function currentPublished(db: Db, positionCode: string): PublishedRow | undefined {
  return statements(db).current.get(positionCode);
}

/**
 * Live versions after `afterId` in id order, at most `limit`; with `unitId`, only positions in that
 * unit's subtree. Keyset by version id, so a version published while a client walks the list lands
 * on a later page instead of shifting the one it is reading.
 */
export function listCurrentPublished(db: Db, filter: { afterId: number; limit: number; unitId?: number }): PublishedRow[] {
  const s = statements(db);
  const { afterId, limit, unitId } = filter;
  return unitId === undefined ? s.list.all({ afterId, limit }) : s.listInUnit.all({ afterId, limit, unitId });
}

/** Feed events with ids above `afterId`, ascending, at most `limit`. */
export function changesAfter(db: Db, afterId: number, limit: number): FeedEventRow[] {
  return statements(db).changes.all(afterId, limit);
}
