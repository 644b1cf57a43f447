// Background jobs (docs/decisions/025): queued by a request, run one at a time by the worker of the process that
// owns the workers, their progress written as they go so the job page can show it.
import { and, count, eq, inArray, lt, sql } from "drizzle-orm";
import { INTERRUPTED_MESSAGE, MAX_OPEN_JOBS_PER_USER, OPEN_JOB_STATUSES, type JobKind } from "~/domain/background-jobs";
import type { Db, DbOrTx } from "../client.server";
import { backgroundJobs, type BackgroundJob } from "../schema";
import { recordAudit } from "./audit.server";

const nowIso = () => new Date().toISOString();

export interface NewBackgroundJob {
  kind: JobKind;
  requestedBy: number;
  title: string;
  total: number;
  input: unknown;
}

/**
 * Queues a job (and its audit row) unless its requester already has the most open jobs allowed. The count and the
 * insert are one immediate transaction, so parallel requests (from this or another process) cannot both slip
 * under the cap.
 */
export function createBackgroundJob(db: Db, job: NewBackgroundJob): { ok: true; id: number } | { ok: false } {
  return db.transaction(
    (tx) => {
      const open = tx
        .select({ n: count() })
        .from(backgroundJobs)
        .where(and(eq(backgroundJobs.requestedBy, job.requestedBy), inArray(backgroundJobs.status, [...OPEN_JOB_STATUSES])))
        .get()!.n;
      if (open >= MAX_OPEN_JOBS_PER_USER) return { ok: false as const };
      const id = tx
        .insert(backgroundJobs)
        .values({
          kind: job.kind,
          requestedBy: job.requestedBy,
          title: job.title,
          status: "menunggu",
          total: job.total,
          input: JSON.stringify(job.input),
        })
        .returning({ id: backgroundJobs.id })
        .get().id;
      recordAudit(tx, {
        actorId: job.requestedBy,
        action: "job.create",
        entityType: "background_job",
        entityId: id,
        summary: `Pekerjaan latar diminta: ${job.title}`,
      });
      return { ok: true as const, id };
    },
    { behavior: "immediate" },
  );
}

/** Takes the oldest queued job: one UPDATE, so two workers can never take the same job. */
export function claimNextBackgroundJob(db: DbOrTx): BackgroundJob | undefined {
  return db
    .update(backgroundJobs)
    .set({ status: "berjalan", startedAt: nowIso(), done: 0 })
    .where(eq(backgroundJobs.id, sql`(select min(id) from background_jobs where status = 'menunggu')`))
    .returning()
    .get();
}

export interface JobProgress {
  done: number;
  total: number;
  note?: string | null;
  /** What the job has made so far (drafts created): kept even when the job fails later. */
  partialResult?: unknown;
}

export function recordJobProgress(db: DbOrTx, id: number, progress: JobProgress) {
  db.update(backgroundJobs)
    .set({
      done: progress.done,
      total: progress.total,
      ...(progress.note !== undefined ? { progressNote: progress.note } : {}),
      ...(progress.partialResult !== undefined ? { result: JSON.stringify(progress.partialResult) } : {}),
    })
    .where(eq(backgroundJobs.id, id))
    .run();
}

export function markJobDone(db: DbOrTx, id: number, result: unknown, note: string | null) {
  db.update(backgroundJobs)
    .set({
      status: "selesai",
      done: sql`${backgroundJobs.total}`,
      result: JSON.stringify(result),
      progressNote: note,
      error: null,
      finishedAt: nowIso(),
    })
    .where(eq(backgroundJobs.id, id))
    .run();
}

/** Ends the job failed; a partial result recorded earlier (what was already made) stays for the page to list. */
export function markJobFailed(db: DbOrTx, id: number, message: string) {
  db.update(backgroundJobs).set({ status: "gagal", error: message, finishedAt: nowIso() }).where(eq(backgroundJobs.id, id)).run();
}

/** At startup: jobs a crash or a restart left "berjalan" end failed, saying so; returns them. */
export function failInterruptedJobs(db: DbOrTx): Pick<BackgroundJob, "id" | "kind">[] {
  return db
    .update(backgroundJobs)
    .set({ status: "gagal", error: INTERRUPTED_MESSAGE, finishedAt: nowIso() })
    .where(eq(backgroundJobs.status, "berjalan"))
    .returning({ id: backgroundJobs.id, kind: backgroundJobs.kind })
    .all();
}

/** Finished jobs older than `before` are forgotten; returns them so their files can go too. */
export function deleteJobsFinishedBefore(db: DbOrTx, before: Date): Pick<BackgroundJob, "id">[] {
  return db
    .delete(backgroundJobs)
    .where(and(inArray(backgroundJobs.status, ["selesai", "gagal"]), lt(backgroundJobs.finishedAt, before.toISOString())))
    .returning({ id: backgroundJobs.id })
    .all();
}

export function findBackgroundJob(db: DbOrTx, id: number): BackgroundJob | undefined {
  return db.select().from(backgroundJobs).where(eq(backgroundJobs.id, id)).get();
}
