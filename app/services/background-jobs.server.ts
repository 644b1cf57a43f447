// Background jobs (docs/decisions/025): a request queues a job, the worker of the process that owns the workers
// runs it with the handler of its kind, and the job page shows its progress and then its result.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { JOB_RETENTION_DAYS, mayViewJob, TOO_MANY_OPEN_JOBS, type JobKind } from "~/domain/background-jobs";
import { DEFAULT_DATABASE_PATH, type Db } from "~db/client.server";
import {
  claimNextBackgroundJob,
  createBackgroundJob,
  deleteJobsFinishedBefore,
  failInterruptedJobs,
  findBackgroundJob,
  markJobDone,
  markJobFailed,
  recordJobProgress,
  type JobProgress,
  type NewBackgroundJob,
} from "~db/queries/background-jobs.server";
import type { BackgroundJob } from "~db/schema";

export interface JobRun {
  progress(progress: JobProgress): void;
}

/** How one kind of job is run; `result` is what its page shows, `note` what stays under the full bar. */
export interface JobHandler {
  run(db: Db, job: BackgroundJob, run: JobRun): Promise<{ result: unknown; note: string | null }>;
}

export type JobHandlers = Record<JobKind, JobHandler>;

/** A failure to tell the user as it is (already Indonesian and naming what went wrong). */
export class JobFailure extends Error {}

/** jobs/ beside the database file (like exports/): what a job reads, such as an uploaded book; a temporary folder for an in-memory database. */
export function jobsFolder(): string {
  const database = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  if (database === ":memory:") return path.join(os.tmpdir(), "skj-jobs");
  return path.join(path.dirname(path.resolve(database)), "jobs");
}

/** The folder of one job's files, named by its id (`jobFilesOf`), so it goes with its job. */
export const jobFilesOf = (id: number) => path.join(jobsFolder(), String(id));

export type JobRequestResult = { ok: true; id: number } | { ok: false; status: 429; message: string };

/**
 * Queues a job; `files` (an upload the job reads) are written into the job's folder in the same synchronous step,
 * so this process's worker cannot claim the job before they are there.
 */
export function requestJob(db: Db, job: NewBackgroundJob, files: readonly { name: string; bytes: Uint8Array }[] = []): JobRequestResult {
  const created = createBackgroundJob(db, job);
  if (!created.ok) return { ok: false, status: 429, message: TOO_MANY_OPEN_JOBS };
  if (files.length > 0) {
    const folder = jobFilesOf(created.id);
    fs.mkdirSync(folder, { recursive: true });
    files.forEach((f, i) => fs.writeFileSync(path.join(folder, String(i)), f.bytes, { mode: 0o600 }));
  }
  return created;
}

function failureMessage(error: unknown): string {
  if (error instanceof JobFailure) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Pekerjaan gagal karena kesalahan di server: ${detail.split("\n")[0]!.slice(0, 300)}`;
}

/** Runs the oldest queued job to its end (done or failed); false when the queue was empty. */
export async function runNextBackgroundJob(db: Db, handlers: JobHandlers): Promise<boolean> {
  const job = claimNextBackgroundJob(db);
  if (!job) return false;
  try {
    const { result, note } = await handlers[job.kind].run(db, job, { progress: (p) => recordJobProgress(db, job.id, p) });
    markJobDone(db, job.id, result, note);
  } catch (error) {
    // whatever went wrong, the job ends failed with a reason rather than staying "berjalan"
    markJobFailed(db, job.id, failureMessage(error));
  } finally {
    // the job's input files are read once: a failed job is asked for again with a new upload
    fs.rmSync(jobFilesOf(job.id), { recursive: true, force: true });
  }
  return true;
}

/** At startup: jobs a restart interrupted end failed with INTERRUPTED_MESSAGE; returns how many. */
export function failInterruptedBackgroundJobs(db: Db): number {
  const failed = failInterruptedJobs(db);
  for (const job of failed) fs.rmSync(jobFilesOf(job.id), { recursive: true, force: true });
  return failed.length;
}

/** Deletes jobs finished more than JOB_RETENTION_DAYS ago, with any files left; returns how many. */
export async function deleteExpiredJobs(db: Db, now = new Date()): Promise<number> {
  const expired = deleteJobsFinishedBefore(db, new Date(now.getTime() - JOB_RETENTION_DAYS * 86_400_000));
  for (const job of expired) await fs.promises.rm(jobFilesOf(job.id), { recursive: true, force: true });
  return expired.length;
}

/**
 * The job of this kind the route's id names, if it is the user's; anyone else is told it does not exist, so the
 * title (the names of uploaded files) does not leak.
 */
export function ownJob(db: Db, user: { id: number }, id: number | null, kind: JobKind, notFound: string): BackgroundJob {
  const job = id === null ? undefined : findBackgroundJob(db, id);
  if (!job || job.kind !== kind || !mayViewJob(user, job)) throw new Response(notFound, { status: 404 });
  return job;
}
