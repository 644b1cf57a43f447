// Runs the queued background jobs (docs/decisions/025): legacy SKJ books read and drafts made in bulk, one at a
// time. Jobs a restart interrupted end failed with a message at start; finished jobs past their retention go.
import {
  deleteExpiredJobs,
  failInterruptedBackgroundJobs,
  runNextBackgroundJob,
  type JobHandlers,
} from "~/services/background-jobs.server";
import { JOB_HANDLERS } from "~/services/job-handlers.server";
import type { Db } from "~db/client.server";
import { startPollingWorker, type PollingWorker, type PollingWorkerOptions } from "./polling-worker";

export function startJobWorker(db: Db, options: PollingWorkerOptions & { handlers?: JobHandlers } = {}): PollingWorker {
  const interrupted = failInterruptedBackgroundJobs(db);
  if (interrupted > 0) console.log(`Pekerjaan latar: ${interrupted} pekerjaan yang terputus ditandai gagal.`);
  const handlers = options.handlers ?? JOB_HANDLERS;
  return startPollingWorker(
    "Job worker",
    { runNext: () => runNextBackgroundJob(db, handlers), cleanUp: () => deleteExpiredJobs(db) },
    options,
  );
}
