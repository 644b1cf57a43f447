import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../client.server";
import { loginThrottle, sessions, users } from "../schema";
import type { ThrottleState } from "~/domain/login-throttle";

export function insertSession(db: Db, row: { idHash: string; userId: number; expiresAt: Date; now: Date }) {
  db.insert(sessions)
    .values({ idHash: row.idHash, userId: row.userId, expiresAt: row.expiresAt.toISOString(), lastSeenAt: row.now.toISOString() })
    .run();
}

/** The active user of a live session, or undefined when the session is unknown, expired or the user deactivated. */
export function findSessionUser(db: Db, idHash: string, now: Date) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now.toISOString()), eq(users.active, true)))
    .get();
}

export function deleteSession(db: Db, idHash: string) {
  db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
}

export function deleteExpiredSessions(db: Db, now: Date) {
  db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run();
}

export function readThrottle(db: Db, key: string): ThrottleState | null {
  const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  if (!row) return null;
  return {
    failures: row.failures,
    windowStartedAt: new Date(row.windowStartedAt),
    lockedUntil: row.lockedUntil ? new Date(row.lockedUntil) : null,
  };
}

export function writeThrottle(db: Db, key: string, state: ThrottleState) {
  const values = {
    failures: state.failures,
    windowStartedAt: state.windowStartedAt.toISOString(),
    lockedUntil: state.lockedUntil?.toISOString() ?? null,
  };
  db.insert(loginThrottle).values({ key, ...values }).onConflictDoUpdate({ target: loginThrottle.key, set: values }).run();
}

export function clearThrottle(db: Db, key: string) {
  db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}
