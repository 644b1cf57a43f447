import { describe, expect, it } from "vitest";
import { afterFailure, LOCK_MS, lockMessage, lockRemainingMs, MAX_FAILURES, WINDOW_MS, type ThrottleState } from "./login-throttle";

const t0 = new Date("2026-12-01T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(n: number, every = 1000): ThrottleState {
  let state: ThrottleState | null = null;
  for (let i = 0; i < n; i++) state = afterFailure(state, at(i * every));
  return state!;
}

describe("login throttle", () => {
  it("locks after the fifth failure within the window", () => {
    expect(lockRemainingMs(failTimes(MAX_FAILURES - 1), at(5000))).toBe(0);
    const locked = failTimes(MAX_FAILURES);
    expect(lockRemainingMs(locked, at(5000))).toBeGreaterThan(LOCK_MS - 10_000);
  });

  it("forgets failures spread beyond the window", () => {
    const state = failTimes(MAX_FAILURES, WINDOW_MS / 2);
    expect(state.failures).toBeLessThan(MAX_FAILURES);
    expect(state.lockedUntil).toBeNull();
  });

  it("unlocks when the lock has run out and counts afresh", () => {
    const locked = failTimes(MAX_FAILURES);
    const later = at(LOCK_MS + 10_000);
    expect(lockRemainingMs(locked, later)).toBe(0);
    expect(afterFailure(locked, later).failures).toBe(1);
  });

  it("tells the user in Indonesian how long to wait", () => {
    expect(lockMessage(14.2 * 60_000)).toBe("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.");
    expect(lockMessage(5_000)).toContain("1 menit");
  });
});
