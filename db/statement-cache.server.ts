import type Database from "better-sqlite3";
import { RecentlyUsed } from "~/domain/recently-used";

/**
 * Keeps the last `capacity` prepared statements of a connection by their SQL text. drizzle prepares every
 * query anew, and preparing cost as much as running the query on the pages people open most; SQLite
 * re-prepares a kept statement by itself when the schema changes under it.
 */
export function cachePreparedStatements(sqlite: Database.Database, capacity: number) {
  const prepare = sqlite.prepare.bind(sqlite) as (source: string, ...internal: unknown[]) => Database.Statement;
  const kept = new RecentlyUsed<string, Database.Statement>(capacity);
  sqlite.prepare = ((source: string, ...internal: unknown[]) => {
    // better-sqlite3's own pragma() passes internal arguments: leave those statements alone
    if (internal.length > 0) return prepare(source, ...internal);
    const statement = kept.get(source);
    // one still being iterated cannot run again until its iterator ends
    if (statement && !statement.busy) {
      // drizzle switches a statement to arrays (raw) for joins; the next caller expects the default objects
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      return statement;
    }
    const fresh = prepare(source);
    if (!statement) kept.set(source, fresh);
    return fresh;
  }) as Database.Database["prepare"];
}
