// Every background worker of the app starts here, and only here: webhook deliveries, bundle exports and the
// background jobs. With several server processes on one database exactly one of them should own the workers
// (issue 18); each can also be turned off alone (SKJ_WEBHOOKS, SKJ_EXPORTS, SKJ_JOBS = off).
import type { Db } from "~db/client.server";
import { startExportWorker } from "./export-worker";
import { startJobWorker } from "./job-worker";
import { startWebhookWorker } from "./webhook-worker";

export interface Workers {
  /** Stops every worker; resolves when the work each was doing has ended. */
  stop(): Promise<void>;
}

export function startWorkers(db: Db, env: NodeJS.ProcessEnv = process.env): Workers {
  const running = [
    // off for a second server on the same database file, which would otherwise send every event twice
    env.SKJ_WEBHOOKS !== "off" ? startWebhookWorker(db) : null,
    // the same for exports: a second server would queue again the jobs the first one is running
    env.SKJ_EXPORTS !== "off" ? startExportWorker(db) : null,
    // and for background jobs: a second server would end as failed the jobs the first one is running
    env.SKJ_JOBS !== "off" ? startJobWorker(db) : null,
  ];
  return {
    async stop() {
      await Promise.all(running.map((worker) => worker?.stop()));
    },
  };
}
