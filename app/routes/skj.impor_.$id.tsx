// The reading of an uploaded legacy SKJ book as a background job (issue 16 item 3; docs/decisions/025): its
// progress bar (SKJ found, pages read, percent) while the books are read, then the rows to check and import.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JobProgress } from "~/components/job-progress";
import { AnalysisForm, type LegacyAnalysis } from "~/components/legacy-analysis-form";
import { jobView } from "~/domain/background-jobs";
import { ownJob } from "~/services/background-jobs.server";
import type { LegacyAnalysisJobResult } from "~/services/legacy-skj/analysis-job.server";
import { analysedRows } from "~/services/legacy-skj/page-rows.server";
import { loadPendingAnalysis } from "~/services/legacy-skj/pending.server";
import { strictId } from "~/utils/params";
import { getDb } from "~db/client.server";

export const meta: MetaFunction = () => [{ title: "Impor SKJ lama — SKJ Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "skj:write");
  const job = ownJob(getDb(), user, strictId(params.id), "impor_skj", "Pemeriksaan berkas tidak ditemukan.");
  if (job.status !== "selesai" || !job.result) return { job: jobView(job), analysis: null, gone: false };
  const result = JSON.parse(job.result) as LegacyAnalysisJobResult;
  // the analysis is used up by its import, and forgotten after an hour
  const pending = loadPendingAnalysis(result.analysisId, user.id);
  const analysis: LegacyAnalysis | null = pending && { id: result.analysisId, files: pending.files, rows: analysedRows(pending.rows) };
  return { job: jobView(job), analysis, gone: !pending };
}

export default function LegacyAnalysisJob() {
  const { job, analysis, gone } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/skj/impor">← Impor SKJ lama</Link>
          </p>
          <h1>Impor SKJ lama</h1>
          <p className="muted">{job.title}</p>
        </div>
      </div>
      <JobProgress job={job} label="Kemajuan pemeriksaan berkas" href={`/skj/impor/${job.id}`} />
      {job.status === "gagal" ? (
        <p>
          <Link to="/skj/impor">Unggah berkas lagi</Link>
        </p>
      ) : null}
      {gone ? (
        <p className="notice">
          Hasil pemeriksaan ini sudah diimpor atau sudah kedaluwarsa (1 jam). <Link to="/skj/impor">Unggah berkasnya lagi</Link> bila perlu.
        </p>
      ) : null}
      {analysis ? <AnalysisForm key={analysis.id} reply={analysis} /> : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
