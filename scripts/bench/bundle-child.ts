// One bundle printed in a process of its own, so its peak memory (this process, its Chromium and the
// renderer processes) is the bundle's alone: `node --import tsx scripts/bench/bundle-child.ts DB SUBJECT_JSON`.
// Prints one JSON line: milliseconds, pages, bytes, items, peak memory.
import type { BundleSubject } from "~/domain/skj-bundle";
import { closePdfBrowser } from "~/services/pdf.server";
import { bundleContents, renderBundlePdf } from "~/services/skj-bundle.server";
import { openDatabase } from "~db/client.server";
import { sampleTreeMemory } from "./peak-memory";

export interface BundleChildResult {
  contentsMs: number;
  renderMs: number;
  items: number;
  pages: number;
  bytes: number;
  peakPss: number | null;
  peakRss: number | null;
  /** This process's own peak resident set (process.resourceUsage().maxRSS), in bytes. */
  nodeMaxRss: number;
  processes: number;
}

async function main() {
  const [file, subjectJson] = process.argv.slice(2);
  if (!file || !subjectJson) throw new Error("Pemakaian: bundle-child.ts DB SUBJEK_JSON");
  const db = openDatabase(file);
  const memory = sampleTreeMemory(process.pid);
  let started = performance.now();
  const bundle = bundleContents(db, JSON.parse(subjectJson) as BundleSubject);
  if (!bundle) throw new Error(`Bundel ${subjectJson} tidak ditemukan.`);
  const contentsMs = performance.now() - started;
  started = performance.now();
  const pdf = await renderBundlePdf(bundle);
  const renderMs = performance.now() - started;
  const peak = memory.stop();
  await closePdfBrowser();
  db.$client.close();
  const result: BundleChildResult = {
    contentsMs,
    renderMs,
    items: bundle.items.length,
    pages: pdf.pages,
    bytes: pdf.bytes.length,
    peakPss: peak.peakPss,
    peakRss: peak.peakRss,
    nodeMaxRss: process.resourceUsage().maxRSS * 1024,
    processes: peak.maxProcesses,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
