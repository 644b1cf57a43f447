import { and, asc, eq, inArray } from "drizzle-orm";
import {
  describeSettingChanges,
  REGULATION_TABLE_KEYS,
  SETTING_KEYS,
  settingUpdateSchema,
  type SettingKey,
  type SettingUpdate,
} from "~/domain/settings";
import { INSTANCE_SETTING_KEY } from "~/domain/instance";
import type { Db, DbOrTx } from "../client.server";
import { settings, users } from "../schema";
import { recordAudit } from "./audit.server";

export function listSettings(db: DbOrTx) {
  return db.select().from(settings).orderBy(asc(settings.key)).all();
}

export function settingValue<T>(db: DbOrTx, key: string): T | undefined {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value as T | undefined;
}

const keyOrder = (key: string) => {
  const i = (SETTING_KEYS as readonly string[]).indexOf(key);
  return i < 0 ? SETTING_KEYS.length : i;
};

/** Every setting with the name of whoever changed it last, in the order of SETTING_KEYS (the seed's order). */
export function listSettingsWithEditor(db: DbOrTx) {
  return (
    db
      .select({
        key: settings.key,
        label: settings.label,
        value: settings.value,
        sourceNote: settings.sourceNote,
        verified: settings.verified,
        updatedAt: settings.updatedAt,
        updatedBy: settings.updatedBy,
        updatedByName: users.name,
      })
      .from(settings)
      .leftJoin(users, eq(users.id, settings.updatedBy))
      .all()
      // the instance profile has its own page (/admin/instansi), not the table editor
      .filter((row) => row.key !== INSTANCE_SETTING_KEY)
      .sort((a, b) => keyOrder(a.key) - keyOrder(b.key) || a.key.localeCompare(b.key))
  );
}

export function getSetting(db: DbOrTx, key: string) {
  return db.select().from(settings).where(eq(settings.key, key)).get();
}

/**
 * The regulation tables still unverified, for <UnverifiedNotice>. regionalGovernment is left out by default:
 * it is an instance choice, not a table that could disagree with the regulation.
 */
export function unverifiedSettings(
  db: DbOrTx,
  keys: readonly string[] = REGULATION_TABLE_KEYS,
): { key: string; label: string; verified: boolean }[] {
  if (keys.length === 0) return [];
  return db
    .select({ key: settings.key, label: settings.label, verified: settings.verified })
    .from(settings)
    .where(and(eq(settings.verified, false), inArray(settings.key, [...keys])))
    .all()
    .sort((a, b) => keyOrder(a.key) - keyOrder(b.key));
}

const SUMMARY_CHANGES_MAX = 40;

export type UpdateSettingResult = { ok: true; changes: string[] } | { ok: false; reason: "not_found" | "conflict" };

/**
 * Stores a setting and its audit row in one transaction. The input is parsed again here, so no caller can
 * hand the rules engine a table of the wrong shape. `expectedUpdatedAt` (the value the form was opened with)
 * refuses to overwrite a change another admin saved in the meantime. Saving with nothing changed stores nothing.
 */
export function updateSetting<K extends SettingKey>(
  db: Db,
  key: K,
  input: SettingUpdate<K>,
  actorId: number | null,
  options: { expectedUpdatedAt?: string } = {},
): UpdateSettingResult {
  const next = settingUpdateSchema(key).parse(input);
  return db.transaction((tx) => {
    const before = tx.select().from(settings).where(eq(settings.key, key)).get();
    if (!before) return { ok: false, reason: "not_found" } as const;
    if (options.expectedUpdatedAt && options.expectedUpdatedAt !== before.updatedAt) return { ok: false, reason: "conflict" } as const;
    const old = { value: before.value, sourceNote: before.sourceNote, verified: before.verified };
    const changes = describeSettingChanges(key, old, next);
    if (changes.length === 0) return { ok: true, changes } as const;
    tx.update(settings)
      .set({
        value: next.value,
        sourceNote: next.sourceNote,
        verified: next.verified,
        updatedAt: new Date().toISOString(),
        updatedBy: actorId,
      })
      .where(eq(settings.key, key))
      .run();
    const shown = changes.slice(0, SUMMARY_CHANGES_MAX).join("; ");
    const more = changes.length > SUMMARY_CHANGES_MAX ? `; … dan ${changes.length - SUMMARY_CHANGES_MAX} perubahan lain` : "";
    recordAudit(tx, {
      actorId,
      action: "settings.update",
      entityType: "setting",
      entityId: key,
      summary: `Pengaturan ${before.label} diubah: ${shown}${more}`,
      before: old,
      after: next,
    });
    return { ok: true, changes } as const;
  });
}
