// The loop every queue worker of the server shares (webhook deliveries, bundle exports, background jobs): look at
// the queue every `intervalMs`, run what is there until it is empty, never two ticks at once, and tidy up hourly.
export interface PollingWorkerOptions {
  /** How often an idle worker looks at the queue. */
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

export interface PollingWorker {
  /** Stops the timer; resolves when the job running (if any) has ended. */
  stop(): Promise<void>;
  /** Runs queued jobs until the queue is empty. */
  drain(): Promise<void>;
}

const CLEANUP_EVERY_MS = 3600_000;

// a long write elsewhere (an import of a whole SOTK) held the database past busy_timeout: the job stays queued
// and the next tick takes it, so a line is enough, not a stack trace every tick
const BUSY_MESSAGE = "basis data sedang dikunci oleh penulisan lain (SQLITE_BUSY); antrean dicoba lagi pada putaran berikutnya.";
const isDatabaseBusy = (error: unknown) => (error as { code?: unknown } | null)?.code === "SQLITE_BUSY";

export function startPollingWorker(
  name: string,
  work: { runNext: (stopping: () => boolean) => Promise<boolean>; cleanUp?: () => Promise<unknown> },
  options: PollingWorkerOptions = {},
): PollingWorker {
  const { intervalMs = 500, onError = (error) => console.error(`${name}:`, isDatabaseBusy(error) ? BUSY_MESSAGE : error) } = options;
  const report = (error: unknown) => {
    try {
      onError(error);
    } catch {
      // a failing reporter must not turn into an unhandled rejection in the timer
    }
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastCleanup = 0;

  async function tick() {
    if (work.cleanUp && Date.now() - lastCleanup > CLEANUP_EVERY_MS) {
      lastCleanup = Date.now();
      await work.cleanUp();
    }
    while (!stopped && (await work.runNext(() => stopped)));
  }

  // ticks never overlap: a caller arriving during one waits for it, then runs its own
  let chain: Promise<void> = Promise.resolve();
  const drain = () => (chain = chain.then(tick).catch(report));

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => void drain().finally(schedule), intervalMs);
    // the worker alone must not keep a process (a test, a CLI run) alive
    timer.unref();
  }
  schedule();

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      return chain;
    },
    drain,
  };
}
