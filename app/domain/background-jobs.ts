// Background jobs (issues 16 and 17; docs/decisions/025): reading a legacy SKJ book and making drafts in bulk
// run after the request that asked for them, with a progress bar. They share the export jobs' statuses
// (menunggu, berjalan, selesai, gagal) and their cap per user.
import { EXPORT_STATUSES, type ExportStatus } from "./export-jobs";

export const JOB_KINDS = ["impor_skj", "draf_massal"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = EXPORT_STATUSES;
export type JobStatus = ExportStatus;

/** Jobs that still take a place in the queue. */
export const OPEN_JOB_STATUSES = ["menunggu", "berjalan"] as const satisfies readonly JobStatus[];

export function isJobOpen(status: JobStatus): boolean {
  return (OPEN_JOB_STATUSES as readonly JobStatus[]).includes(status);
}

/**
 * Queued plus running jobs one user may have at a time. Jobs run one after another, so without a cap one user
 * could hold everyone else's up for a long time.
 */
export const MAX_OPEN_JOBS_PER_USER = 3;

export const TOO_MANY_OPEN_JOBS = `Anda sudah memiliki ${MAX_OPEN_JOBS_PER_USER} pekerjaan yang menunggu atau sedang berjalan; tunggu sampai salah satunya selesai, lalu coba lagi.`;

/**
 * A job that was running when the server stopped is not run again: a book half read is read again from its
 * upload quickly, and drafts half made are listed, so the user decides what happens next.
 */
export const INTERRUPTED_MESSAGE = "Pekerjaan ini terhenti karena server dimulai ulang saat pekerjaan berjalan.";

/** Finished jobs are forgotten after this many days; their results were shown when they finished. */
export const JOB_RETENTION_DAYS = 7;

/** A job is only its requester's: what it read or made is nobody else's business, admins included. */
export function mayViewJob(viewer: { id: number }, job: { requestedBy: number }): boolean {
  return job.requestedBy === viewer.id;
}

/** Whole percent of the work done, 100 once finished; never 100 while still running. */
export function jobPercent(job: { status: JobStatus; done: number; total: number }): number {
  if (job.status === "selesai") return 100;
  if (job.total <= 0) return 0;
  return Math.min(99, Math.floor((job.done / job.total) * 100));
}

/** What a job page shows of its job. */
export interface JobView {
  id: number;
  title: string;
  status: JobStatus;
  percent: number;
  note: string | null;
  error: string | null;
}

export function jobView(job: {
  id: number;
  title: string;
  status: JobStatus;
  done: number;
  total: number;
  progressNote: string | null;
  error: string | null;
}): JobView {
  return { id: job.id, title: job.title, status: job.status, percent: jobPercent(job), note: job.progressNote, error: job.error };
}
