// "Buat draf SKJ" from the register as a background job (issue 17 item 1; docs/decisions/025): the drafts are
// made a chunk per transaction while the page shows how many are done, then lists each position's outcome.
import { COPY_PARTS, type CopyPart } from "~/domain/skj-copy";
import type { Db } from "~db/client.server";
import { findPositionByCode } from "~db/queries/register.server";
import { JobFailure, requestJob, type JobHandler, type JobRequestResult } from "./background-jobs.server";
import { createDraftsInChunks, type BulkDraftResult } from "./skj-bulk.server";

export interface BulkDraftsJobInput {
  positionCodes: string[];
  fromPositionCode: string | null;
  parts: CopyPart[];
}

export type BulkDraftRow = BulkDraftResult & { positionId: number | null };

export interface BulkDraftsJobResult {
  results: BulkDraftRow[];
}

export function requestBulkDraftsJob(db: Db, requestedBy: number, input: BulkDraftsJobInput): JobRequestResult {
  const count = new Set(input.positionCodes).size;
  return requestJob(db, {
    kind: "draf_massal",
    requestedBy,
    title: `Draf SKJ untuk ${count.toLocaleString("id-ID")} jabatan`,
    total: count,
    input,
  });
}

const tally = (results: readonly BulkDraftResult[]) => {
  const created = results.filter((r) => r.status === "created").length;
  return `${created.toLocaleString("id-ID")} draf dibuat, ${(results.length - created).toLocaleString("id-ID")} dilewati`;
};

const withIds = (db: Db, results: readonly BulkDraftResult[]): BulkDraftRow[] =>
  results.map((r) => ({ ...r, positionId: findPositionByCode(db, r.positionCode)?.id ?? null }));

export const bulkDraftsJob: JobHandler = {
  async run(db, job, run) {
    const input = JSON.parse(job.input) as BulkDraftsJobInput;
    const parts = new Set(input.parts.filter((p) => (COPY_PARTS as readonly string[]).includes(p)));
    const outcome = await createDraftsInChunks(
      db,
      { positionCodes: input.positionCodes, fromPositionCode: input.fromPositionCode, parts, actorId: job.requestedBy, via: "ui" },
      (results, total) =>
        run.progress({
          done: results.length,
          total,
          note: tally(results),
          partialResult: { results: withIds(db, results) } satisfies BulkDraftsJobResult,
        }),
    );
    if (!outcome.ok) throw new JobFailure(`${outcome.message} Tidak ada draf yang dibuat.`);
    return { result: { results: withIds(db, outcome.results) } satisfies BulkDraftsJobResult, note: tally(outcome.results) };
  },
};
