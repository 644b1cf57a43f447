import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { usePolling } from "~/components/job-progress";
import { EXPORT_FORMAT_LABELS, exportFileName, isExportRunning, mayViewExportJob } from "~/domain/export-jobs";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findExportJob } from "~db/queries/export-jobs.server";
import { formatTanggalWaktu } from "~/domain/format-date";
import { EXPORT_STATUS_LABELS } from "~/domain/labels";
export const meta: MetaFunction = () => [{ title: "Ekspor — SKJ Studio" }];

const NOT_FOUND = "Ekspor tidak ditemukan.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const job = findExportJob(getDb(), idParam(params.id, NOT_FOUND));
  // someone else's job is answered as if it did not exist: its title is not theirs to learn
  if (!job || !mayViewExportJob(user, job)) throw new Response(NOT_FOUND, { status: 404 });
  return { job, fileName: exportFileName(job.title, job.format) };
}

export default function ExportJobPage() {
  const { job, fileName } = useLoaderData<typeof loader>();
  const running = isExportRunning(job.status);
  usePolling(running);
  const kib = job.bytes == null ? null : Math.max(1, Math.round(job.bytes / 1024));
  return (
    <>
      {running ? (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      ) : null}
      <div className="page-header">
        <div>
          <p>
            <Link to="/ekspor">← Ekspor saya</Link>
          </p>
          <h1>{job.title}</h1>
          <p className="muted">
            {EXPORT_FORMAT_LABELS[job.format]} · diminta oleh {job.requestedByName ?? "—"} · {formatTanggalWaktu(job.createdAt)}
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="status-ekspor">
        <h2 id="status-ekspor" style={{ marginTop: 0 }}>
          Status: {EXPORT_STATUS_LABELS[job.status]}
        </h2>
        {job.status !== "gagal" ? (
          <p>
            <label htmlFor="export-progress">Kemajuan ekspor</label>{" "}
            <progress
              id="export-progress"
              max={Math.max(job.total, 1)}
              value={job.status === "selesai" ? Math.max(job.total, 1) : job.done}
            >
              {`${job.done} dari ${job.total} SKJ`}
            </progress>{" "}
            <span role="status">{`${job.status === "selesai" ? job.total : job.done} dari ${job.total} SKJ`}</span>
          </p>
        ) : null}
        {job.status === "menunggu" ? <p className="muted">Menunggu giliran; ekspor lain sedang dibuat.</p> : null}
        {running ? (
          <p className="muted">
            Halaman ini memperbarui dirinya sendiri. <Link to={`/ekspor/${job.id}`}>Muat ulang</Link>
          </p>
        ) : null}
        {job.status === "gagal" ? (
          <p className="form-error" role="alert">
            Ekspor gagal. {job.error ?? ""}
          </p>
        ) : null}
        {job.status === "selesai" ? (
          <p>
            <a className="button" href={`/ekspor/${job.id}/unduh`} download={fileName}>
              Unduh {fileName}
            </a>{" "}
            <span className="muted">
              {job.pages ? `${job.pages} halaman, ` : ""}
              {kib} KB
            </span>
          </p>
        ) : null}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
