import { afterEach, describe, expect, it, vi } from "vitest";
import { startPollingWorker } from "../../server/polling-worker";

afterEach(() => vi.restoreAllMocks());

const failing = (error: unknown) => ({
  runNext: async () => {
    throw error;
  },
});

describe("startPollingWorker", () => {
  it("reports a locked database in one line and a real failure with its error", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    const locked = startPollingWorker("Uji", failing(busy), { intervalMs: 60_000 });
    await locked.drain();
    await locked.stop();
    expect(logged).toHaveBeenLastCalledWith("Uji:", expect.stringContaining("SQLITE_BUSY"));

    const broken = new Error("rusak");
    const failingWorker = startPollingWorker("Uji", failing(broken), { intervalMs: 60_000 });
    await failingWorker.drain();
    await failingWorker.stop();
    expect(logged).toHaveBeenLastCalledWith("Uji:", broken);
  });
});
