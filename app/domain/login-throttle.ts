// Login throttling (issue 13): every attempt is counted BEFORE its password is checked, and the count and
// the decision are one SQL statement (countLoginAttempt in db/queries/sessions.server.ts), so parallel
// attempts cannot all slip under the limit while their password hashes are being verified. A failure writes
// nothing more, so it can never reset a lock; only a successful login clears the count.
// Keyed by the email as typed (lower-cased), known or not, so the lock reveals nothing about accounts.
export const MAX_ATTEMPTS = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/** The count after this attempt was added: the attempts of the current window and the lock they set, if any. */
export interface AttemptCount {
  attempts: number;
  lockedUntil: Date | null;
}

export type AttemptVerdict = { allowed: true } | { allowed: false; remainingMs: number };

/** The first MAX_ATTEMPTS attempts of a window have their password checked; every later one waits out the lock. */
export function attemptVerdict(count: AttemptCount, now: Date): AttemptVerdict {
  if (count.attempts <= MAX_ATTEMPTS) return { allowed: true };
  return { allowed: false, remainingMs: Math.max(0, (count.lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) };
}

/** The instants the counting statement compares against, as ISO strings (which sort like the instants). */
export function throttleClock(now: Date) {
  return {
    now: now.toISOString(),
    windowOpenedBefore: new Date(now.getTime() - WINDOW_MS).toISOString(),
    lockEnds: new Date(now.getTime() + LOCK_MS).toISOString(),
  };
}

export function lockMessage(remainingMs: number): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`;
}
