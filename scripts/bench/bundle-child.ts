// One bundle printed in a process of its own, so its peak memory (this process, its Chromium and the
// renderer processes) is the bundle's alone: `node --import tsx scripts/bench/bundle-child.ts DB SUBJECT_JSON`.
// Prints one JSON line: milliseconds, pages, bytes, items, peak memory.
import type { BundleSubject, SkjBundle } from "~/domain/skj-bundle";
import { closePdfBrowser } from "~/services/pdf.server";
import { openDatabase, type Db } from "~db/client.server";
import { sampleTreeMemory } from "./peak-memory";

/** The bundle service of issue 7 (app/services/skj-bundle.server.ts). */
interface BundleService {
  bundleContents(db: Db, subject: BundleSubject): SkjBundle | null;
  renderBundlePdf(bundle: SkjBundle, options?: { onProgress?: (done: number, total: number) => void }): Promise<{ bytes: Uint8Array; pages: number }>;
}

// resolved at run time: the service is written beside this bench and merged after it
const BUNDLE_SERVICE = "~/services/skj-bundle.server";

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
  const service = (await import(BUNDLE_SERVICE).catch((error: unknown) => {
    // tsx reports a missing aliased module as the package "~"
    if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND") throw new Error("Layanan bundel (app/services/skj-bundle.server.ts) belum ada di cabang ini.");
    throw error;
  })) as BundleService;
  const db = openDatabase(file);
  const memory = sampleTreeMemory(process.pid);
  let started = performance.now();
  const bundle = service.bundleContents(db, JSON.parse(subjectJson) as BundleSubject);
  if (!bundle) throw new Error(`Bundel ${subjectJson} tidak ditemukan.`);
  const contentsMs = performance.now() - started;
  started = performance.now();
  const pdf = await service.renderBundlePdf(bundle);
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
