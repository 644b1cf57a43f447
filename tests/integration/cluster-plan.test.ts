import { describe, expect, it } from "vitest";
import { MAX_RESTART_DELAY_MS, processRole, QUICK_DEATH_MS, restartDelayMs, webProcessCount } from "../../server/cluster-plan";

describe("WEB_CONCURRENCY", () => {
  it("defaults to one web process per core", () => {
    expect(webProcessCount(undefined, 2)).toBe(2);
    expect(webProcessCount("", 8)).toBe(8);
    expect(webProcessCount("  ", 4)).toBe(4);
  });

  it("takes a whole number of processes, more or fewer than the cores", () => {
    expect(webProcessCount("1", 8)).toBe(1);
    expect(webProcessCount(" 3 ", 2)).toBe(3);
  });

  it.each(["0", "-1", "1.5", "dua", "2x", "auto"])("refuses %j by name instead of starting a guess", (value) => {
    expect(() => webProcessCount(value, 2)).toThrow(
      `WEB_CONCURRENCY harus bilangan bulat 1 atau lebih (jumlah proses server), bukan "${value}".`,
    );
  });
});

describe("who does what", () => {
  it("one web process migrates, serves and runs the background workers itself", () => {
    expect(processRole(true, 1)).toBe("single");
  });

  it("with several, the primary migrates and runs the workers, and every forked process only serves", () => {
    expect(processRole(true, 2)).toBe("primary");
    expect(processRole(false, 2)).toBe("web");
  });
});

describe("replacing a dead web process", () => {
  it("is at once after a long life", () => {
    expect(restartDelayMs(QUICK_DEATH_MS, 8_000)).toBe(0);
    expect(restartDelayMs(3_600_000, 0)).toBe(0);
  });

  it("backs off when it keeps dying at start, up to 30 s", () => {
    let delay = 0;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) delays.push((delay = restartDelayMs(100, delay)));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, MAX_RESTART_DELAY_MS, MAX_RESTART_DELAY_MS]);
    expect(restartDelayMs(QUICK_DEATH_MS, delay)).toBe(0);
  });
});
