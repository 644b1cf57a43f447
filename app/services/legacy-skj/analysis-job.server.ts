// The upload of /skj/impor read as a background job (issue 16 item 3; docs/decisions/025): the books are read
// and matched in a worker thread that reports how far it is, then the analysis waits on disk for the check.
import path from "node:path";
import type { DictionaryEntry, RegisterPosition } from "~/domain/legacy-skj/match";
import type { Db } from "~db/client.server";
import { JobFailure, jobFilesOf, requestJob, type JobHandler, type JobRequestResult } from "../background-jobs.server";
import { runInThread, ThreadExitError } from "../thread.server";
import { dictionaryForMatching, registerPositions, type LegacyImportRow } from "./import.server";
import { savePendingAnalysis } from "./pending.server";

export interface AnalysisThreadInput {
  files: { name: string; path: string }[];
  register: RegisterPosition[];
  dictionary: { published: DictionaryEntry[]; unpublished: DictionaryEntry[] };
}
export interface AnalysisProgress {
  /** Of the whole job, 0–1. */
  fraction: number;
  skj: number;
  file: string;
  page: number | null;
}
export type AnalysisThreadReply = { rows: LegacyImportRow[] } | { refusal: string };

export interface LegacyAnalysisJobInput {
  files: string[];
}
export interface LegacyAnalysisJobResult {
  /** The analysis waiting in legacy-imports/ (pending.server.ts) for "Impor N draf". */
  analysisId: string;
  files: string[];
  found: number;
}

/** The progress bar counts in thousandths: fine enough for a 1,000-page book. */
const STEPS = 1000;

export function requestLegacyAnalysisJob(
  db: Db,
  requestedBy: number,
  files: readonly { name: string; bytes: Uint8Array }[],
): JobRequestResult {
  const names = files.map((f) => f.name);
  return requestJob(
    db,
    {
      kind: "impor_skj",
      requestedBy,
      title: `Pemeriksaan ${names.join(", ")}`,
      total: STEPS,
      input: { files: names } satisfies LegacyAnalysisJobInput,
    },
    files,
  );
}

function progressNote(p: Pick<AnalysisProgress, "skj" | "file" | "page">): string {
  const where = p.page === null ? p.file : `${p.file}, halaman ${p.page.toLocaleString("id-ID")}`;
  return `${p.skj.toLocaleString("id-ID")} SKJ ditemukan; dibaca sampai ${where}`;
}

export const legacyAnalysisJob: JobHandler = {
  async run(db, job, run) {
    const { files } = JSON.parse(job.input) as LegacyAnalysisJobInput;
    const input: AnalysisThreadInput = {
      files: files.map((name, i) => ({ name, path: path.join(jobFilesOf(job.id), String(i)) })),
      register: registerPositions(db),
      dictionary: dictionaryForMatching(db),
    };
    let reply: AnalysisThreadReply;
    try {
      reply = await runInThread<AnalysisThreadReply, AnalysisProgress>("app/services/legacy-skj/analysis-thread-entry.server.ts", input, {
        onProgress: (p) => run.progress({ done: Math.round(p.fraction * STEPS), total: STEPS, note: progressNote(p) }),
      });
    } catch (error) {
      if (error instanceof ThreadExitError)
        throw new JobFailure(`Pembacaan berkas berhenti tanpa hasil (kode ${error.code}). Tidak ada yang disimpan.`);
      throw error;
    }
    if ("refusal" in reply) throw new JobFailure(`${reply.refusal} Tidak ada yang disimpan.`);
    const analysisId = savePendingAnalysis(job.requestedBy, files, reply.rows);
    const result: LegacyAnalysisJobResult = { analysisId, files, found: reply.rows.length };
    return { result, note: `${reply.rows.length.toLocaleString("id-ID")} SKJ ditemukan di ${files.join(", ")}` };
  },
};
