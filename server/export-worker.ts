// Runs the queued bundle exports (issue 7) in the server process, one at a time so a 2,000-SKJ lampiran
// takes one print slot and leaves the other to people downloading a single SKJ. Jobs a crash or restart
// interrupted are queued again at start, and finished jobs past their retention are deleted with their files.
import { deleteExpiredExports, requeueInterruptedExports, runNextExportJob } from "~/services/export-jobs.server";
import type { Db } from "~db/client.server";

export interface ExportWorkerOptions {
  /** How often an idle worker looks at the queue. */
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

export interface ExportWorker {
  /** Stops the timer; resolves when the job running (if any) has ended. */
  stop(): Promise<void>;
  /** Runs queued jobs until the queue is empty. */
  drain(): Promise<void>;
}

const CLEANUP_EVERY_MS = 3600_000;

export function startExportWorker(db: Db, options: ExportWorkerOptions = {}): ExportWorker {
  const { intervalMs = 500, onError = (error) => console.error("Export worker:", error) } = options;
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

  const requeued = requeueInterruptedExports(db);
  if (requeued > 0) console.log(`Ekspor: ${requeued} pekerjaan yang terputus dijalankan ulang.`);

  async function tick() {
    if (Date.now() - lastCleanup > CLEANUP_EVERY_MS) {
      lastCleanup = Date.now();
      await deleteExpiredExports(db);
    }
    while (!stopped && (await runNextExportJob(db, () => stopped)));
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
