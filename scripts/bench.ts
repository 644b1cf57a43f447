// `npm run bench`: performance figures at the issue's full scale (2,000 units, 20,000 positions, 5,000
// technical entries, 20,000 published SKJ) and at a tenth of it, so the growth of each read is visible;
// printed as one table and kept in bench-results/. The measures live in scripts/bench/ by area.
// `npm run bench -- --national` (or BENCH_NATIONAL=1) measures the national data set instead (ADR 032).
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sideBySideMeasures, listMeasure, readMeasures } from "./bench/api-measures";
import { bundleMeasures } from "./bench/bundle-measures";
import { Context } from "./bench/context";
import { LARGE, NATIONAL, SMALL, scaledSize } from "./bench/data-set";
import { dictionaryMeasures } from "./bench/dictionary-measures";
import { legacyImportMeasure } from "./bench/legacy-import-measures";
import { loadMeasure } from "./bench/load-measure";
import { footprintMeasure, instansiImportMeasure } from "./bench/national-measures";
import { pageSizeMeasure } from "./bench/page-size-measure";
import { pdfMeasures } from "./bench/pdf-measures";
import { importMeasure, registerHttpMeasure, registerMeasures, reimportMeasure } from "./bench/register-measures";
import { markdown, RESULTS_DIR, ROOT, runMeasure, writeResults, type Measure, type Row } from "./bench/runner";
import { draftSaveMeasure, editorMeasure, PUBLISH_ITEMS, publishMeasure, validateHttpMeasure, validateMeasure } from "./bench/skj-measures";
import { suggestionMeasure } from "./bench/suggestion-measures";

const MEASURES: Measure[] = [
  ...registerMeasures(SMALL),
  ...registerMeasures(LARGE),
  registerHttpMeasure(LARGE),
  pageSizeMeasure(LARGE),
  ...dictionaryMeasures(SMALL),
  ...dictionaryMeasures(LARGE),
  editorMeasure(SMALL),
  editorMeasure(LARGE),
  validateMeasure(LARGE),
  validateHttpMeasure(LARGE),
  draftSaveMeasure(LARGE),
  ...readMeasures(SMALL),
  ...readMeasures(LARGE),
  ...sideBySideMeasures,
  listMeasure,
  suggestionMeasure(SMALL),
  // a sample: every one of 20,000 lists would add minutes to the run without changing the figures
  suggestionMeasure(LARGE, 1_000),
  // writes new versions: after every measure that reads the published SKJ
  publishMeasure(LARGE, PUBLISH_ITEMS),
  ...pdfMeasures,
  ...bundleMeasures,
  loadMeasure,
  importMeasure,
  reimportMeasure,
  legacyImportMeasure,
];

// BENCH_NATIONAL_SCALE=0.1 shrinks the national data set for a dry run; the figures are those of the full one
const NATIONAL_SIZE = scaledSize(NATIONAL, Number(process.env.BENCH_NATIONAL_SCALE ?? 1));
// the same measures on the national data set, plus what only it asks: the reads first, then what writes
const NATIONAL_MEASURES: Measure[] = [
  ...registerMeasures(NATIONAL_SIZE),
  registerHttpMeasure(NATIONAL_SIZE),
  pageSizeMeasure(NATIONAL_SIZE),
  ...dictionaryMeasures(NATIONAL_SIZE),
  editorMeasure(NATIONAL_SIZE),
  validateMeasure(NATIONAL_SIZE),
  draftSaveMeasure(NATIONAL_SIZE),
  ...readMeasures(NATIONAL_SIZE),
  publishMeasure(NATIONAL_SIZE, 1),
  publishMeasure(NATIONAL_SIZE, 100),
  instansiImportMeasure(NATIONAL_SIZE),
  footprintMeasure(NATIONAL_SIZE),
];

const national = process.argv.includes("--national") || process.env.BENCH_NATIONAL === "1";
// BENCH_ONLY=<text> runs only the measures whose name contains it (while working on one); the full run is the figure
const only = process.env.BENCH_ONLY?.toLowerCase();
const measures = national ? NATIONAL_MEASURES : MEASURES;
const selected = only ? measures.filter((m) => m.name.toLowerCase().includes(only)) : measures;

async function main(): Promise<number> {
  const startedAt = new Date();
  const wallStart = performance.now();
  const ctx = new Context();
  const interrupt = () => {
    void ctx.close().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  const rows: Row[] = [];
  try {
    for (const m of selected) rows.push(await runMeasure(ctx, m));
  } finally {
    await ctx.close();
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  // fixtures are built inside the first measure that needs them: the report lists them apart
  const steps = [...ctx.steps, ...rows.map((r) => ({ label: `${r.name} [${r.size}]`, seconds: r.seconds }))];
  const md = markdown(rows, steps, wallSeconds, startedAt.toISOString());
  console.log(`\n${md}`);

  const missed = rows.filter((r) => !r.error && r.ok === false);
  const crashed = rows.filter((r) => r.error);
  if (missed.length)
    console.log(`PERHATIAN: ${missed.length} target tidak tercapai: ${missed.map((r) => `${r.name} [${r.size}]`).join("; ")}`);
  if (crashed.length) console.log(`GALAT: ${crashed.length} pengukuran gagal dijalankan.`);
  if (!missed.length && !crashed.length) console.log("Semua target tercapai.");
  const { stem, latest } = writeResults(rows, md, startedAt, wallSeconds, ctx.steps, national ? "national" : "bench");
  console.log(`Hasil ditulis ke ${path.relative(ROOT, RESULTS_DIR)}/${stem}.{json,md} dan ${latest}.{json,md}.`);
  // a missed target is a finding, not a failure; only a measure that could not run fails the script
  return crashed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
