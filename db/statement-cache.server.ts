import type Database from "better-sqlite3";

/**
 * Keeps the last `capacity` prepared statements of a connection by their SQL text. drizzle prepares every
 * query anew, and preparing cost as much as running the query on the pages people open most; SQLite
 * re-prepares a kept statement by itself when the schema changes under it.
 */
export function cachePreparedStatements(sqlite: Database.Database, capacity: number) {
  const prepare = sqlite.prepare.bind(sqlite) as (source: string, ...internal: unknown[]) => Database.Statement;
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string, ...internal: unknown[]) => {
    // better-sqlite3's own pragma() passes internal arguments: leave those statements alone
    if (internal.length > 0) return prepare(source, ...internal);
    const statement = kept.get(source);
    // one still being iterated cannot run again until its iterator ends
    if (statement && !statement.busy) {
      // most recently used last, so the first key is the one to drop
      kept.delete(source);
      kept.set(source, statement);
      // drizzle switches a statement to arrays (raw) for joins; the next caller expects the default objects
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      return statement;
    }
    const fresh = prepare(source);
    if (!statement) {
      kept.set(source, fresh);
      if (kept.size > capacity) kept.delete(kept.keys().next().value!);
    }
    return fresh;
  }) as Database.Database["prepare"];
}
