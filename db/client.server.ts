import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { stemText } from "~/domain/search-text.server";
import * as schema from "./schema";
import { cachePreparedStatements } from "./statement-cache.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The drizzle handle inside `db.transaction(tx => …)`; query modules accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export const DEFAULT_DATABASE_PATH = "data/skj.sqlite";

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL with synchronous=NORMAL is durable against process crashes, which is what we must survive
  sqlite.pragma("synchronous = NORMAL");
  // the search indexes' triggers and backfills call it (drizzle/0012_search_stems.sql): a connection without
  // it cannot write positions or rebuild an index, so every connection of the app registers it here
  sqlite.function("stem_id", { deterministic: true }, (text: unknown) => stemText(typeof text === "string" ? text : null));
  cachePreparedStatements(sqlite, 500);
  const db = drizzle(sqlite, { schema }) as Db;
  // Every transaction takes the write lock at BEGIN (IMMEDIATE). A deferred one reads first and upgrades on its
  // first write; if another connection (the CLI, a second server) committed meanwhile, SQLite refuses the
  // upgrade at once with SQLITE_BUSY and busy_timeout never applies. Immediate transactions wait instead.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config })) as Db["transaction"];
  return db;
}

let shared: Db | undefined;

/** The process-wide connection to DATABASE_PATH, opened on first use. */
export function getDb(): Db {
  shared ??= openDatabase(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
  return shared;
}

export function closeSharedDb() {
  shared?.$client.close();
  shared = undefined;
}
