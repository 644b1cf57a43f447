import { and, asc, eq } from "drizzle-orm";
import { changedFields, describeChanges } from "~/domain/audit";
import { ROLE_LABELS } from "~/domain/labels";
import type { Role } from "~/domain/permissions";
import type { Db } from "../client.server";
import { sessions, users, type User } from "../schema";
import { recordAudit } from "./audit.server";
import { revokeTokensOfUser } from "./api-tokens.server";

export type PublicUser = Omit<User, "passwordHash">;

function publicView(u: User): PublicUser {
  const { passwordHash: _omit, ...rest } = u;
  return rest;
}

export function findUserByEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function getUser(db: Db, id: number): PublicUser | undefined {
  const u = db.select().from(users).where(eq(users.id, id)).get();
  return u && publicView(u);
}

export function listUsers(db: Db): PublicUser[] {
  return db.select().from(users).orderBy(asc(users.name)).all().map(publicView);
}

export class DuplicateEmailError extends Error {
  constructor() {
    super("Email sudah terdaftar.");
  }
}

export function createUser(
  db: Db,
  input: { email: string; name: string; role: Role; passwordHash: string; isDemo?: boolean },
  actorId: number | null,
): PublicUser {
  return db.transaction((tx) => {
    const email = input.email.trim().toLowerCase();
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw new DuplicateEmailError();
    const row = tx
      .insert(users)
      .values({ email, name: input.name, role: input.role, passwordHash: input.passwordHash, isDemo: input.isDemo ?? false })
      .returning()
      .get();
    const after = publicView(row);
    recordAudit(tx, {
      actorId,
      action: "user.create",
      entityType: "user",
      entityId: row.id,
      summary: `Pengguna ${row.email} dibuat dengan peran ${ROLE_LABELS[row.role]}`,
      after: { email: after.email, name: after.name, role: after.role, active: after.active },
    });
    return after;
  });
}

export function updateUser(
  db: Db,
  id: number,
  changes: { name: string; role: Role; active: boolean; passwordHash?: string },
  actorId: number | null,
): PublicUser {
  return db.transaction((tx) => {
    const before = tx.select().from(users).where(eq(users.id, id)).get();
    if (!before) throw new Error(`user ${id} not found`);
    const row = tx
      .update(users)
      .set({ ...changes, updatedAt: new Date().toISOString() })
      .where(eq(users.id, id))
      .returning()
      .get();
    // a deactivated user, a changed role or a new password ends the sessions that user has open
    if (!row.active || row.role !== before.role || changes.passwordHash) {
      tx.delete(sessions).where(eq(sessions.userId, id)).run();
    }
    // and deactivation or a new password ends their API tokens for good: reactivating brings none back
    const revokedTokens = !row.active || changes.passwordHash ? revokeTokensOfUser(tx, id) : 0;
    const pick = (u: User) => ({ name: u.name, role: u.role, active: u.active });
    const diff = changedFields(pick(before), pick(row));
    const summary = [
      describeChanges(diff),
      changes.passwordHash ? "kata sandi diganti" : "",
      revokedTokens ? `${revokedTokens} token API dicabut` : "",
    ]
      .filter(Boolean)
      .join("; ");
    recordAudit(tx, {
      actorId,
      action: "user.update",
      entityType: "user",
      entityId: id,
      summary: `Pengguna ${row.email} diubah: ${summary || "tanpa perubahan"}`,
      before: pick(before),
      after: pick(row),
    });
    return publicView(row);
  });
}

/** True while any demo account can still sign in: the UI then shows a warning banner. */
export function demoUsersActive(db: Db): boolean {
  return Boolean(
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.isDemo, true), eq(users.active, true)))
      .get(),
  );
}
