// The instance profile lives in the settings table under its own key; a fresh production install has no row.
import { eq } from "drizzle-orm";
import type { ZodError } from "zod";
import { INSTANCE_SETTING_KEY, InstanceProfileSchema, type InstanceProfile, type InstanceProfileInput } from "~/domain/instance";
import type { Db, DbOrTx } from "../client.server";
import { settings } from "../schema";
import { recordAudit } from "./audit.server";

/** The stored profile, or null until an admin (or the demo seed) has filled it in. */
export function instanceProfile(db: DbOrTx): InstanceProfile | null {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, INSTANCE_SETTING_KEY)).get();
  if (!row) return null;
  const parsed = InstanceProfileSchema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

/** When the profile was last saved ("" before it ever was), for the form's stale-save check. */
export function instanceUpdatedAt(db: DbOrTx): string {
  return db.select({ updatedAt: settings.updatedAt }).from(settings).where(eq(settings.key, INSTANCE_SETTING_KEY)).get()?.updatedAt ?? "";
}

export type SaveInstanceResult =
  | { ok: true; profile: InstanceProfile; changed: boolean }
  | { ok: false; error: ZodError }
  | { ok: false; conflict: true };

/**
 * Validates and stores the profile with its audit row, in one transaction; bad input stores nothing.
 * `expectedUpdatedAt` (what the form was opened with) refuses to overwrite another admin's save.
 */
export function saveInstanceProfile(
  db: Db,
  input: InstanceProfileInput | unknown,
  actorId: number | null,
  options: { expectedUpdatedAt?: string } = {},
): SaveInstanceResult {
  const parsed = InstanceProfileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const profile = parsed.data;
  return db.transaction((tx) => {
    if (options.expectedUpdatedAt !== undefined && options.expectedUpdatedAt !== instanceUpdatedAt(tx))
      return { ok: false, conflict: true } as const;
    const before = instanceProfile(tx);
    if (JSON.stringify(before) === JSON.stringify(profile)) return { ok: true, profile, changed: false } as const;
    const now = new Date().toISOString();
    tx.insert(settings)
      .values({
        key: INSTANCE_SETTING_KEY,
        label: "Profil instansi",
        value: profile,
        sourceNote: "Pengaturan instansi, bukan data peraturan.",
        verified: true,
        updatedBy: actorId,
      })
      .onConflictDoUpdate({ target: settings.key, set: { value: profile, updatedAt: now, updatedBy: actorId } })
      .run();
    recordAudit(tx, {
      actorId,
      action: "settings.update",
      entityType: "setting",
      entityId: INSTANCE_SETTING_KEY,
      summary: `Profil instansi ${before ? "diubah" : "diisi"}: ${profile.name} (${profile.headTitle}, ${profile.place})`,
      before,
      after: profile,
    });
    return { ok: true, profile, changed: true } as const;
  });
}
