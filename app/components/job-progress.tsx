// The progress bar of a background job (docs/decisions/025) and the polling that keeps it current: the page's
// loader is asked again every second while the job is open, and without JavaScript a meta refresh does it.
import { Link, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { isJobOpen, type JobView } from "~/domain/background-jobs";
import { EXPORT_STATUS_LABELS } from "~/domain/labels";

const POLL_MS = 1000;

/** Asks the loader again every second while `active` (with JavaScript; without, the job page's meta refresh does). */
export function usePolling(active: boolean) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!active || state !== "idle") return;
    const timer = setTimeout(revalidate, POLL_MS);
    return () => clearTimeout(timer);
  }, [active, state, revalidate]);
}

/** The job's status, its bar with the percent and what it says of itself, and its failure in words. */
export function JobProgress({ job, label, href }: { job: JobView; label: string; href: string }) {
  const open = isJobOpen(job.status);
  usePolling(open);
  return (
    <section className="card" aria-labelledby="status-pekerjaan">
      {open ? (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      ) : null}
      <h2 id="status-pekerjaan" style={{ marginTop: 0 }}>
        Status: {EXPORT_STATUS_LABELS[job.status]}
      </h2>
      <p>
        <label htmlFor="job-progress">{label}</label>{" "}
        <progress id="job-progress" max={100} value={job.percent}>
          {`${job.percent}%`}
        </progress>{" "}
        <span role="status">{`${job.percent}%${job.note ? ` — ${job.note}` : ""}`}</span>
      </p>
      {job.status === "menunggu" ? <p className="muted">Menunggu giliran; pekerjaan lain sedang berjalan.</p> : null}
      {open ? (
        <p className="muted">
          Halaman ini memperbarui dirinya sendiri. <Link to={href}>Muat ulang</Link>
        </p>
      ) : null}
      {job.status === "gagal" ? (
        <p className="form-error" role="alert">
          {job.error ?? "Pekerjaan gagal."}
        </p>
      ) : null}
    </section>
  );
}
