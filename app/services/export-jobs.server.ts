// Bundle exports as background jobs (issue 7): a request queues a job, the server's worker renders it and
// writes the file into exports/ beside the database, the job page shows progress and then the download.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXPORT_RETENTION_DAYS, TOO_MANY_OPEN_EXPORTS } from "~/domain/export-jobs";
import { INSTANCE_MISSING_MESSAGE } from "~/domain/instance";
import type { BundleSubject, SkjBundle } from "~/domain/skj-bundle";
import { DEFAULT_DATABASE_PATH, type Db } from "~db/client.server";
import {
  claimNextExportJob,
  createExportJob,
  deleteExportJobsFinishedBefore,
  markExportDone,
  markExportFailed,
  recordExportProgress,
  requeueExportJob,
  requeueInterruptedExportJobs,
  subjectOfJob,
  type ExportFormat,
} from "~db/queries/export-jobs.server";
import { findPenetapanForBundle, countLiveVersionsUnder, countVersionsOfPenetapan } from "~db/queries/skj-bundle.server";
import { findUnitById } from "~db/queries/register.server";
import { instanceProfile } from "~db/queries/instance.server";
import type { ExportJob } from "~db/schema";
import { writeFileAtomically } from "./atomic-file.server";
import { renderBundleDocxInThread } from "./skj-bundle-docx-thread.server";
import { bundleContents, bundleTitle, renderBundlePdf } from "./skj-bundle.server";

type Renderer = (
  bundle: SkjBundle,
  onProgress: (done: number, total: number) => void,
) => Promise<{ bytes: Uint8Array; pages: number | null }>;

/** How each format is made from the one bundle model: a new format is one line here. */
const RENDERERS: Record<ExportFormat, Renderer> = {
  pdf: (bundle, onProgress) => renderBundlePdf(bundle, { onProgress }),
  docx: async (bundle) => ({ bytes: await renderBundleDocxInThread(bundle), pages: null }),
};

/** exports/ beside the database file (like pdf-cache/); a temporary folder for an in-memory database. */
export function exportsFolder(): string {
  const database = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  if (database === ":memory:") return path.join(os.tmpdir(), "skj-exports");
  return path.join(path.dirname(path.resolve(database)), "exports");
}

export function exportFilePath(job: Pick<ExportJob, "id" | "format">): string {
  return path.join(exportsFolder(), `${job.id}.${job.format}`);
}

export type ExportRequestResult = { ok: true; id: number } | { ok: false; status: 404 | 422 | 429; message: string };

/** Queues the bundle of `subject`, or says in words why there is nothing to export. */
export function requestBundleExport(db: Db, requestedBy: number, subject: BundleSubject, format: ExportFormat): ExportRequestResult {
  if (!instanceProfile(db)) return { ok: false, status: 422, message: INSTANCE_MISSING_MESSAGE };
  let total: number;
  if (subject.kind === "penetapan") {
    const act = findPenetapanForBundle(db, subject.penetapanId);
    if (!act) return { ok: false, status: 404, message: "Penetapan tidak ditemukan." };
    if (act.status !== "ditetapkan")
      return { ok: false, status: 422, message: "Penetapan ini belum ditetapkan, jadi belum memiliki lampiran SKJ." };
    total = countVersionsOfPenetapan(db, act.id);
    if (total === 0) return { ok: false, status: 422, message: "Penetapan ini tidak memuat SKJ yang ditetapkan." };
  } else {
    const unit = findUnitById(db, subject.unitId);
    if (!unit) return { ok: false, status: 404, message: "Unit organisasi tidak ditemukan." };
    total = countLiveVersionsUnder(db, unit.id);
    if (total === 0) return { ok: false, status: 422, message: `Belum ada SKJ yang berlaku di ${unit.name} dan unit di bawahnya.` };
  }
  const title = bundleTitle(db, subject)!;
  const created = createExportJob(db, { requestedBy, subject, format, title, total });
  return created.ok ? created : { ok: false, status: 429, message: TOO_MANY_OPEN_EXPORTS };
}

function failureMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `Berkas tidak dapat dibuat: ${detail.split("\n")[0]!.slice(0, 300)}`;
}

async function runJob(db: Db, job: ExportJob): Promise<void> {
  const render = RENDERERS[job.format];
  // the contents are read when the job runs: a unit's live versions are those of that moment
  const bundle = bundleContents(db, subjectOfJob(job));
  if (!bundle)
    return markExportFailed(
      db,
      job.id,
      job.subjectKind === "penetapan" ? "Penetapan tidak ditemukan lagi." : "Unit organisasi tidak ditemukan lagi.",
    );
  if (bundle.items.length === 0) return markExportFailed(db, job.id, "Tidak ada SKJ yang berlaku untuk diekspor saat ekspor dijalankan.");
  const result = await render(bundle, (done, total) => recordExportProgress(db, job.id, done, total));
  await writeFileAtomically(exportFilePath(job), result.bytes);
  markExportDone(db, job.id, { pages: result.pages, bytes: result.bytes.length });
}

/**
 * Runs the oldest queued job to its end (done or failed); false when the queue was empty. `stopping` tells a
 * failure caused by the server shutting down (the browser closed under the print), which queues the job again.
 */
export async function runNextExportJob(db: Db, stopping: () => boolean = () => false): Promise<boolean> {
  const job = claimNextExportJob(db);
  if (!job) return false;
  try {
    await runJob(db, job);
  } catch (error) {
    // whatever went wrong, the job ends failed with a reason rather than staying "berjalan"
    if (stopping()) requeueExportJob(db, job.id);
    else markExportFailed(db, job.id, failureMessage(error));
  }
  return true;
}

/** At startup: jobs a crash or restart interrupted go back to the queue; returns how many. */
export function requeueInterruptedExports(db: Db): number {
  return requeueInterruptedExportJobs(db);
}

/** Deletes jobs finished more than EXPORT_RETENTION_DAYS ago, and their files; returns how many. */
export async function deleteExpiredExports(db: Db, now = new Date()): Promise<number> {
  const expired = deleteExportJobsFinishedBefore(db, new Date(now.getTime() - EXPORT_RETENTION_DAYS * 86_400_000));
  for (const job of expired) await fs.promises.rm(exportFilePath(job), { force: true });
  return expired.length;
}
