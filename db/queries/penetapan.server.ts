import { desc } from "drizzle-orm";
import type { DbOrTx } from "../client.server";
import { penetapan } from "../schema";

export function listPenetapan(db: DbOrTx) {
  return db.select().from(penetapan).orderBy(desc(penetapan.id)).all();
}
