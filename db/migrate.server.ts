import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client.server";

/** Applies the committed migrations in drizzle/ (run from the project root, like every script). */
export function migrateDatabase(db: Db) {
  migrate(db, { migrationsFolder: path.resolve(process.cwd(), "drizzle") });
}
