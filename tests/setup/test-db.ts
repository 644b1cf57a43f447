// Each test file gets real SQLite files in a temp folder: migrated once per worker, copied per test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeSharedDb, getDb, openDatabase, type Db } from "~db/client.server";
import { migrateDatabase } from "~db/migrate.server";
import { seed } from "~seeds/seed.server";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "skj-test-"));
const bases = new Map<string, string>();
let counter = 0;

async function baseFile(kind: "empty" | "reference" | "demo"): Promise<string> {
  const existing = bases.get(kind);
  if (existing) return existing;
  const file = path.join(root, `base-${kind}.sqlite`);
  const db = openDatabase(file);
  migrateDatabase(db);
  if (kind !== "empty") await seed(db, kind);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  bases.set(kind, file);
  return file;
}

export function tempPath(name: string): string {
  return path.join(root, `${++counter}-${name}`);
}

/**
 * A fresh migrated database (optionally seeded), installed as the process-wide connection that
 * loaders, actions and services use through getDb().
 */
export async function useTestDatabase(kind: "empty" | "reference" | "demo" = "demo"): Promise<Db> {
  closeSharedDb();
  const file = tempPath(`${kind}.sqlite`);
  fs.copyFileSync(await baseFile(kind), file);
  process.env.DATABASE_PATH = file;
  return getDb();
}
