// Which handler runs each kind of background job (docs/decisions/025): a new kind is one line here.
import type { JobHandlers } from "./background-jobs.server";
import { legacyAnalysisJob } from "./legacy-skj/analysis-job.server";
import { bulkDraftsJob } from "./skj-bulk-job.server";

export const JOB_HANDLERS: JobHandlers = {
  impor_skj: legacyAnalysisJob,
  draf_massal: bulkDraftsJob,
};
