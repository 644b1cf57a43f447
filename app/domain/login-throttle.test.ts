import { describe, expect, it } from "vitest";
import { attemptVerdict, LOCK_MS, lockMessage, MAX_ATTEMPTS, throttleClock, WINDOW_MS } from "./login-throttle";

const now = new Date("2026-12-01T08:00:00Z");

describe("login throttle", () => {
  it("checks the password of the first attempts of a window and of no later one", () => {
    expect(attemptVerdict({ attempts: MAX_ATTEMPTS, lockedUntil: new Date(now.getTime() + LOCK_MS) }, now)).toEqual({ allowed: true });
    expect(attemptVerdict({ attempts: MAX_ATTEMPTS + 1, lockedUntil: new Date(now.getTime() + 60_000) }, now)).toEqual({
      allowed: false,
      remainingMs: 60_000,
    });
  });

  it("gives the statement instants that compare as strings like the instants themselves", () => {
    const clock = throttleClock(now);
    expect(clock.windowOpenedBefore < clock.now && clock.now < clock.lockEnds).toBe(true);
    expect(new Date(clock.lockEnds).getTime() - now.getTime()).toBe(LOCK_MS);
    expect(now.getTime() - new Date(clock.windowOpenedBefore).getTime()).toBe(WINDOW_MS);
  });

  it("tells the user in Indonesian how long to wait", () => {
    expect(lockMessage(14.2 * 60_000)).toBe("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.");
    expect(lockMessage(5_000)).toContain("1 menit");
  });
});
