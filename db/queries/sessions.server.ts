import { eq, lt } from "drizzle-orm";
import type { Db } from "../client.server";
import { loginThrottle, sessions, type User } from "../schema";
import { MAX_ATTEMPTS, throttleClock, type AttemptCount } from "~/domain/login-throttle";

export function insertSession(db: Db, row: { idHash: string; userId: number; expiresAt: Date; now: Date }) {
  db.insert(sessions)
    .values({ idHash: row.idHash, userId: row.userId, expiresAt: row.expiresAt.toISOString(), lastSeenAt: row.now.toISOString() })
    .run();
}

/**
 * The active user of a live session, or undefined when the session is unknown, expired or the user deactivated.
 * Every request asks this first; as plain SQL on a kept statement it costs a tenth of drizzle building it anew.
 */
export function findSessionUser(db: Db, idHash: string, now: Date) {
  return db.$client
    .prepare(
      `select u.id, u.email, u.name, u.role from sessions s join users u on u.id = s.user_id
       where s.id_hash = ? and s.expires_at > ? and u.active = 1`,
    )
    .get(idHash, now.toISOString()) as Pick<User, "id" | "email" | "name" | "role"> | undefined;
}

export function deleteSession(db: Db, idHash: string) {
  db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
}

export function deleteExpiredSessions(db: Db, now: Date) {
  db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run();
}

// in an upsert's SET every column names the row as it was before this attempt
const RESTARTS = `(case when locked_until is not null then locked_until <= @now else window_started_at <= @windowOpenedBefore end)`;

/**
 * Counts one login attempt and returns the count after it, in one statement: no other attempt can read or
 * write the row between the count and the decision taken on it (see app/domain/login-throttle.ts).
 * A window restarts once it is older than WINDOW_MS or its lock has run out; a lock, once set, is kept
 * until it runs out, whatever arrives meanwhile.
 */
export function countLoginAttempt(db: Db, key: string, now: Date): AttemptCount {
  const row = db.$client
    .prepare(
      `insert into login_throttle (key, failures, window_started_at, locked_until)
       values (@key, 1, @now, case when 1 >= @max then @lockEnds end)
       on conflict (key) do update set
         failures = case when ${RESTARTS} then 1 else failures + 1 end,
         window_started_at = case when ${RESTARTS} then @now else window_started_at end,
         locked_until = case
           when locked_until > @now then locked_until
           when (case when ${RESTARTS} then 1 else failures + 1 end) >= @max then @lockEnds
         end
       returning failures as attempts, locked_until as lockedUntil`,
    )
    .get({ key, max: MAX_ATTEMPTS, ...throttleClock(now) }) as { attempts: number; lockedUntil: string | null };
  return { attempts: row.attempts, lockedUntil: row.lockedUntil ? new Date(row.lockedUntil) : null };
}

export function clearThrottle(db: Db, key: string) {
  db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}
