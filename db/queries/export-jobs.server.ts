// Background export jobs (issue 7): queued by a request, run one at a time by the worker of the server
// process, their progress written as they go so the job page can show it.
import { and, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { MAX_OPEN_EXPORT_JOBS_PER_USER, OPEN_EXPORT_STATUSES } from "~/domain/export-jobs";
import type { BundleSubject } from "~/domain/skj-bundle";
import type { Db, DbOrTx } from "../client.server";
import { exportJobs, users, type ExportJob } from "../schema";
import { recordAudit } from "./audit.server";

export type ExportFormat = ExportJob["format"];

const nowIso = () => new Date().toISOString();

export function subjectOfJob(job: Pick<ExportJob, "subjectKind" | "subjectId">): BundleSubject {
  return job.subjectKind === "penetapan" ? { kind: "penetapan", penetapanId: job.subjectId } : { kind: "unit", unitId: job.subjectId };
}

export interface NewExportJob {
  requestedBy: number;
  subject: BundleSubject;
  format: ExportFormat;
  title: string;
  total: number;
}

/**
 * Queues a job (and its audit row) unless its requester already has the most open jobs allowed; the worker picks
 * it up within a tick. The count and the insert are one immediate transaction, so parallel requests (from this
 * or another process) cannot both slip under the cap.
 */
export function createExportJob(db: Db, job: NewExportJob): { ok: true; id: number } | { ok: false } {
  const subjectId = job.subject.kind === "penetapan" ? job.subject.penetapanId : job.subject.unitId;
  return db.transaction(
    (tx) => {
      const open = tx
        .select({ n: count() })
        .from(exportJobs)
        .where(and(eq(exportJobs.requestedBy, job.requestedBy), inArray(exportJobs.status, [...OPEN_EXPORT_STATUSES])))
        .get()!.n;
      if (open >= MAX_OPEN_EXPORT_JOBS_PER_USER) return { ok: false };
      const id = tx
        .insert(exportJobs)
        .values({
          requestedBy: job.requestedBy,
          subjectKind: job.subject.kind,
          subjectId,
          format: job.format,
          title: job.title,
          status: "menunggu",
          total: job.total,
        })
        .returning({ id: exportJobs.id })
        .get().id;
      recordAudit(tx, {
        actorId: job.requestedBy,
        action: "export.create",
        entityType: "export_job",
        entityId: id,
        summary: `Ekspor ${job.format.toUpperCase()} diminta: ${job.title} (${job.total} SKJ)`,
        after: { subject: job.subject, format: job.format },
      });
      return { ok: true, id };
    },
    { behavior: "immediate" },
  );
}

/** Takes the oldest queued job for this process: one UPDATE, so two workers can never take the same job. */
export function claimNextExportJob(db: DbOrTx): ExportJob | undefined {
  return db
    .update(exportJobs)
    .set({ status: "berjalan", startedAt: nowIso(), done: 0 })
    .where(eq(exportJobs.id, sql`(select min(id) from export_jobs where status = 'menunggu')`))
    .returning()
    .get();
}

export function recordExportProgress(db: DbOrTx, id: number, done: number, total: number) {
  db.update(exportJobs).set({ done, total }).where(eq(exportJobs.id, id)).run();
}

export function markExportDone(db: DbOrTx, id: number, result: { pages: number | null; bytes: number }) {
  db.update(exportJobs)
    .set({ status: "selesai", done: sql`${exportJobs.total}`, pages: result.pages, bytes: result.bytes, error: null, finishedAt: nowIso() })
    .where(eq(exportJobs.id, id))
    .run();
}

export function markExportFailed(db: DbOrTx, id: number, message: string) {
  db.update(exportJobs).set({ status: "gagal", error: message, finishedAt: nowIso() }).where(eq(exportJobs.id, id)).run();
}

export function requeueExportJob(db: DbOrTx, id: number) {
  db.update(exportJobs).set({ status: "menunggu", done: 0, startedAt: null }).where(eq(exportJobs.id, id)).run();
}

/** Jobs a crash or a restart left "berjalan" go back to the queue, from the start; returns how many. */
export function requeueInterruptedExportJobs(db: DbOrTx): number {
  return db.update(exportJobs).set({ status: "menunggu", done: 0, startedAt: null }).where(eq(exportJobs.status, "berjalan")).run().changes;
}

/** Finished jobs older than `before` are forgotten; returns them so their files can go too. */
export function deleteExportJobsFinishedBefore(db: DbOrTx, before: Date): Pick<ExportJob, "id" | "format">[] {
  return db
    .delete(exportJobs)
    .where(and(inArray(exportJobs.status, ["selesai", "gagal"]), lt(exportJobs.finishedAt, before.toISOString())))
    .returning({ id: exportJobs.id, format: exportJobs.format })
    .all();
}

export type ExportJobView = ExportJob & { requestedByName: string | null };

export function findExportJob(db: DbOrTx, id: number): ExportJobView | undefined {
  const row = db
    .select({ job: exportJobs, requestedByName: users.name })
    .from(exportJobs)
    .leftJoin(users, eq(users.id, exportJobs.requestedBy))
    .where(eq(exportJobs.id, id))
    .get();
  return row && { ...row.job, requestedByName: row.requestedByName };
}

/** The newest jobs, of one requester or (for an admin) of everyone. */
export function listExportJobs(db: DbOrTx, filter: { requestedBy?: number; limit: number }): ExportJobView[] {
  return db
    .select({ job: exportJobs, requestedByName: users.name })
    .from(exportJobs)
    .leftJoin(users, eq(users.id, exportJobs.requestedBy))
    .where(filter.requestedBy === undefined ? undefined : eq(exportJobs.requestedBy, filter.requestedBy))
    .orderBy(desc(exportJobs.id))
    .limit(filter.limit)
    .all()
    .map((r) => ({ ...r.job, requestedByName: r.requestedByName }));
}
