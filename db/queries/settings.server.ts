import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client.server";
import { settings } from "../schema";

export function listSettings(db: DbOrTx) {
  return db.select().from(settings).orderBy(asc(settings.key)).all();
}

export function settingValue<T>(db: DbOrTx, key: string): T | undefined {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value as T | undefined;
}
