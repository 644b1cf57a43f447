// Runs in a worker thread (see analysis-job.server.ts): reads the uploaded books and matches every SKJ found,
// posting how far it is as it goes, so a 1,000-page book never holds up the server's other requests.
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { identityLine } from "~/domain/legacy-skj/read-skj";
import { LegacyFileError } from "./errors.server";
import { matchLegacySkj } from "./import.server";
import { readLegacyFile, type LegacyFileSkj } from "./read-file.server";
import type { AnalysisProgress, AnalysisThreadInput, AnalysisThreadReply } from "./analysis-job.server";

// a progress message at most this often: the main thread writes each one to the database
const PROGRESS_EVERY_MS = 200;
// reading is most of the work; matching the rest
const READING_SHARE = 0.95;

const { files, register, dictionary } = workerData as AnalysisThreadInput;
const sizes = files.map((f) => fs.statSync(f.path).size);
const totalBytes = Math.max(
  1,
  sizes.reduce((a, b) => a + b, 0),
);
let lastPost = 0;

function post(progress: AnalysisProgress, force = false) {
  const now = Date.now();
  if (!force && now - lastPost < PROGRESS_EVERY_MS) return;
  lastPost = now;
  parentPort!.postMessage({ progress });
}

async function analyse(): Promise<AnalysisThreadReply> {
  const skjs: LegacyFileSkj[] = [];
  let bytesBefore = 0;
  for (const [i, file] of files.entries()) {
    // the SKJ of this file counted as its rows arrive: each starts at its "Nama Jabatan" line, as the reader says
    let counted = 0;
    let found = 0;
    const read = await readLegacyFile(file.name, new Uint8Array(fs.readFileSync(file.path)), ({ fraction, rows, page }) => {
      for (; counted < rows.length; counted++) if (identityLine(rows[counted]!)?.key === "name") found++;
      const done = ((bytesBefore + fraction * sizes[i]!) / totalBytes) * READING_SHARE;
      post({ fraction: done, skj: skjs.length + found, file: file.name, page });
    });
    skjs.push(...read);
    bytesBefore += sizes[i]!;
    post({ fraction: (bytesBefore / totalBytes) * READING_SHARE, skj: skjs.length, file: file.name, page: null }, true);
  }
  return { rows: matchLegacySkj(skjs, register, dictionary) };
}

let reply: AnalysisThreadReply;
try {
  reply = await analyse();
} catch (error) {
  // a file that cannot be read is told in words; anything else is the thread's error
  if (!(error instanceof LegacyFileError)) throw error;
  reply = { refusal: error.message };
}
parentPort!.postMessage(reply);
