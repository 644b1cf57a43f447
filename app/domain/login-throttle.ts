// Failed-login throttling: after MAX_FAILURES failures within WINDOW_MS the email is locked for LOCK_MS.
// Keyed by the email as typed (lower-cased), known or not, so the lock reveals nothing about accounts.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export function lockRemainingMs(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const windowOpen = state && now.getTime() - state.windowStartedAt.getTime() < WINDOW_MS && lockRemainingMs(state, now) === 0;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  return {
    failures,
    windowStartedAt,
    lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null,
  };
}

export function lockMessage(remainingMs: number): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`;
}
