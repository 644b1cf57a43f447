// The background job of "Buat draf SKJ" (issue 17 item 1; docs/decisions/025): its progress bar while the drafts
// are made, then each position's outcome with a link to its draft. Only the job's requester sees it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JobProgress } from "~/components/job-progress";
import { jobView } from "~/domain/background-jobs";
import { ownJob } from "~/services/background-jobs.server";
import type { BulkDraftRow, BulkDraftsJobResult } from "~/services/skj-bulk-job.server";
import { strictId } from "~/utils/params";
import { getDb } from "~db/client.server";

export const meta: MetaFunction = () => [{ title: "Buat draf SKJ sekaligus — SKJ Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "skj:write");
  const job = ownJob(getDb(), user, strictId(params.id), "draf_massal", "Pekerjaan pembuatan draf tidak ditemukan.");
  // while running, the result is what the committed chunks made so far; it is listed once the job has ended
  const results =
    job.status === "selesai" || job.status === "gagal"
      ? ((job.result ? (JSON.parse(job.result) as BulkDraftsJobResult).results : []) satisfies BulkDraftRow[])
      : null;
  return { job: jobView(job), results };
}

export default function BulkDraftsJob() {
  const { job, results } = useLoaderData<typeof loader>();
  const created = results?.filter((r) => r.status === "created").length ?? 0;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/jabatan">← Jabatan</Link>
          </p>
          <h1>Buat draf SKJ sekaligus</h1>
          <p className="muted">{job.title}</p>
        </div>
      </div>
      <JobProgress job={job} label="Kemajuan pembuatan draf" href={`/skj/draf-massal/${job.id}`} />
      {job.status === "gagal" ? (
        <p className="notice">
          {created > 0
            ? `${created.toLocaleString("id-ID")} draf sudah dibuat sebelum pekerjaan berhenti (tercantum di bawah); jabatan lainnya belum mendapat draf. Pilih jabatannya lagi: yang sudah mempunyai draf akan dilewati.`
            : "Belum ada draf yang dibuat. Pilih jabatannya lagi pada daftar Jabatan."}
        </p>
      ) : null}
      {results && results.length > 0 ? <BulkResults results={results} /> : null}
    </>
  );
}

function BulkResults({ results }: { results: BulkDraftRow[] }) {
  const created = results.filter((r) => r.status === "created").length;
  return (
    <section aria-label="Hasil">
      <p
        role="status"
        className="notice"
      >{`${created.toLocaleString("id-ID")} draf SKJ dibuat, ${(results.length - created).toLocaleString("id-ID")} dilewati.`}</p>
      <table className="data" aria-label="Hasil pembuatan draf">
        <thead>
          <tr>
            <th scope="col">Kode jabatan</th>
            <th scope="col">Hasil</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.positionCode}>
              <td>{r.positionId ? <Link to={`/jabatan/${r.positionId}/skj`}>{r.positionCode}</Link> : r.positionCode}</td>
              <td>{r.status === "created" ? "Draf dibuat" : `Dilewati: ${r.reason ?? ""}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
