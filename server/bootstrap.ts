// Start-up seeding lives with the server: db/ only migrates and connects (ADR 037).
import type { Db } from "~db/client.server";
import { migrateDatabase } from "~db/migrate.server";
import { isDatabaseEmpty, seed, type SeedReport } from "~seeds/seed.server";

export type SeedKind = "demo" | "reference" | "none";

/**
 * Which seed a start applies (contract §1): SKJ_SEED when given, else demo on an empty development
 * database; production loads the regulation data but never demo users.
 */
export function chooseSeed(env: { nodeEnv: string; skjSeed?: SeedKind }, empty: boolean): { kind: SeedKind; warning?: string } {
  const production = env.nodeEnv === "production";
  const wanted = env.skjSeed ?? (empty ? (production ? "reference" : "demo") : "none");
  if (wanted === "demo" && production) {
    return {
      kind: "reference",
      warning: "SKJ_SEED=demo diabaikan di produksi: hanya data peraturan yang dimuat (no demo users in production).",
    };
  }
  return { kind: wanted };
}

/** Migrates, then seeds as chooseSeed decides. Safe to run on every start. */
export async function prepareDatabase(
  db: Db,
  env: { nodeEnv: string; skjSeed?: SeedKind },
): Promise<{ kind: SeedKind; report?: SeedReport; warning?: string }> {
  migrateDatabase(db);
  const choice = chooseSeed(env, isDatabaseEmpty(db));
  if (choice.kind === "none") return choice;
  return { ...choice, report: await seed(db, choice.kind) };
}
