// Runs the queued bundle exports (issue 7) in the server process, one at a time so a 2,000-SKJ lampiran
// takes one print slot and leaves the other to people downloading a single SKJ. Jobs a crash or restart
// interrupted are queued again at start, and finished jobs past their retention are deleted with their files.
import { deleteExpiredExports, requeueInterruptedExports, runNextExportJob } from "~/services/export-jobs.server";
import type { Db } from "~db/client.server";
import { startPollingWorker, type PollingWorker, type PollingWorkerOptions } from "./polling-worker";

export type ExportWorkerOptions = PollingWorkerOptions;
export type ExportWorker = PollingWorker;

export function startExportWorker(db: Db, options: ExportWorkerOptions = {}): ExportWorker {
  const requeued = requeueInterruptedExports(db);
  if (requeued > 0) console.log(`Ekspor: ${requeued} pekerjaan yang terputus dijalankan ulang.`);
  return startPollingWorker(
    "Export worker",
    { runNext: (stopping) => runNextExportJob(db, stopping), cleanUp: () => deleteExpiredExports(db) },
    options,
  );
}
