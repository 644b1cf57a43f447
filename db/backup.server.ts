import fs from "node:fs";
import path from "node:path";
import type { Db } from "./client.server";

/** SQLite online backup: consistent while the app keeps writing; the copy opens as a normal database. */
export async function backupDatabase(db: Db, file: string) {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new Error(`Berkas ${file} sudah ada; pilih nama lain.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await db.$client.backup(target);
}
