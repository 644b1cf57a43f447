// Background exports (issue 7): who may see a job, how it is labelled, what its file is called, how long it is kept.
import { z } from "zod";
import { can, type Role } from "./permissions";
import type { BundleSubject } from "./skj-bundle";

export const EXPORT_STATUSES = ["menunggu", "berjalan", "selesai", "gagal"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * Finished jobs and their files are deleted this many days after they finished: a bundle is printed again in
 * seconds from immutable versions, so an old file is never the only copy of anything.
 */
export const EXPORT_RETENTION_DAYS = 7;

/** A job is its requester's; an admin sees everyone's. Anyone else is told it does not exist. */
export function mayViewExportJob(viewer: { id: number; role: Role }, job: { requestedBy: number }): boolean {
  return job.requestedBy === viewer.id || can(viewer.role, "exports:all");
}

/**
 * Queued plus running jobs one user may have at a time. A bundle of a province takes a minute or more and jobs
 * run one after another, so without a cap one user could queue enough to hold everyone else's up for hours.
 */
export const MAX_OPEN_EXPORT_JOBS_PER_USER = 3;

export const TOO_MANY_OPEN_EXPORTS = `Anda sudah memiliki ${MAX_OPEN_EXPORT_JOBS_PER_USER} ekspor yang menunggu atau sedang dibuat; tunggu sampai salah satunya selesai, lalu minta ekspor ini lagi.`;

/** Jobs that still take a place in the queue. */
export const OPEN_EXPORT_STATUSES = ["menunggu", "berjalan"] as const satisfies readonly ExportStatus[];

export function isExportRunning(status: ExportStatus): boolean {
  return (OPEN_EXPORT_STATUSES as readonly ExportStatus[]).includes(status);
}

/** How a format is named to users. */
export const EXPORT_FORMAT_LABELS = { pdf: "PDF", docx: "Word" } as const;

/** "Lampiran Peraturan Gubernur Nomor 12 Tahun 2026" → "Lampiran-Peraturan-Gubernur-Nomor-12-Tahun-2026.pdf": ASCII, safe in Content-Disposition and on any disk. */
export function exportFileName(title: string, format: "pdf" | "docx"): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/, "");
  return `${base || "Ekspor-SKJ"}.${format}`;
}

/** The export form: what to bundle and in which format (the buttons on the penetapan and unit pages, the export page). */
export const ExportRequestSchema = z.object({
  subject: z.enum(["penetapan", "unit"], { error: "Pilih apa yang diekspor: lampiran penetapan atau SKJ sebuah unit." }),
  id: z.coerce
    .number({ error: "Pilih penetapan atau unit yang diekspor." })
    .int("Pilih penetapan atau unit yang diekspor.")
    .positive("Pilih penetapan atau unit yang diekspor."),
  format: z.enum(["pdf", "docx"], { error: "Format ekspor harus PDF atau Word." }).default("pdf"),
});
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

export function subjectOfRequest(request: ExportRequest): BundleSubject {
  return request.subject === "penetapan" ? { kind: "penetapan", penetapanId: request.id } : { kind: "unit", unitId: request.id };
}
