// Bundles (issue 7): the lampiran of a penetapan of 200 SKJ (< 10 s, peak memory < 1 GiB) and of the
// whole province's 2,000 SKJ (< 2 minutes), each printed in a child process of its own so that its peak
// memory, Chromium included, is measured alone (scripts/bench/bundle-child.ts). Both are first printed with
// no kept pages; the province is then printed again from the pages kept by the first print (issue 18:
// < 20 s and < 1 GiB).
import fs from "node:fs";
import path from "node:path";
import type { BundleSubject } from "~/domain/skj-bundle";
import type { BundleChildResult } from "./bundle-child";
import { runBenchChild } from "./child";
import type { Context } from "./context";
import { BUNDLE_ITEMS, LARGE, PROVINCE_ITEMS } from "./data-set";
import { mib } from "./peak-memory";
import type { Measure } from "./runner";

const BUNDLE_TARGET_MS = 10_000;
const BUNDLE_MEMORY_MAX = 1024 ** 3;
const PROVINCE_TARGET_MS = 120_000;
const PROVINCE_KEPT_TARGET_MS = 20_000;

/** Forgets the pages earlier prints kept beside the database, so a print starts from nothing. */
function forgetKeptPages(file: string) {
  fs.rmSync(path.join(path.dirname(file), "pdf-cache", "bundle-items"), { recursive: true, force: true });
}

function printBundle(file: string, subject: BundleSubject): Promise<BundleChildResult> {
  return runBenchChild<BundleChildResult>("scripts/bench/bundle-child.ts", [file, JSON.stringify(subject)], file);
}

async function act(ctx: Context, which: "bundle" | "province") {
  const { file, set } = await ctx.dataSet(LARGE);
  const fixture = set.acts[which];
  if (!fixture)
    throw new Error(`Data set ${LARGE.label} tidak memuat penetapan ${which === "bundle" ? BUNDLE_ITEMS : PROVINCE_ITEMS} SKJ.`);
  return { file, subject: { kind: "penetapan", penetapanId: fixture.penetapanId } as BundleSubject, items: fixture.items };
}

const describe = (r: BundleChildResult) =>
  `${r.items} SKJ, ${r.pages} halaman, ${(r.bytes / 1024 / 1024).toFixed(1)} MB; isi ${r.contentsMs.toFixed(0)} ms, cetak ${(r.renderMs / 1000).toFixed(1)} s; ` +
  `puncak memori ${mib(r.peakPss)} PSS (${mib(r.peakRss)} RSS, ${r.processes} proses termasuk Chromium; node sendiri ${mib(r.nodeMaxRss)})`;

export const bundleMeasures: Measure[] = [
  {
    name: `bundel PDF: lampiran penetapan ${BUNDLE_ITEMS} SKJ (proses sendiri)`,
    size: LARGE.label,
    target: { label: `< ${BUNDLE_TARGET_MS / 1000} s, puncak memori < 1 GiB`, stat: "median", maxMs: BUNDLE_TARGET_MS },
    async run(ctx) {
      const { file, subject, items } = await act(ctx, "bundle");
      forgetKeptPages(file);
      const r = await printBundle(file, subject);
      const ms = r.contentsMs + r.renderMs;
      const memory = r.peakPss ?? r.nodeMaxRss;
      return {
        samples: [ms],
        meets: ms < BUNDLE_TARGET_MS && memory < BUNDLE_MEMORY_MAX,
        valid: r.items === items && r.pages > items,
        note: describe(r),
      };
    },
  },
  {
    name: `bundel PDF: lampiran seluruh provinsi ${PROVINCE_ITEMS.toLocaleString("id-ID")} SKJ (proses sendiri)`,
    size: LARGE.label,
    target: { label: `< ${PROVINCE_TARGET_MS / 60_000} menit`, stat: "median", maxMs: PROVINCE_TARGET_MS },
    async run(ctx) {
      const { file, subject, items } = await act(ctx, "province");
      forgetKeptPages(file);
      const r = await printBundle(file, subject);
      return { samples: [r.contentsMs + r.renderMs], valid: r.items === items && r.pages > items, note: describe(r) };
    },
  },
  {
    name: `bundel PDF: lampiran seluruh provinsi ${PROVINCE_ITEMS.toLocaleString("id-ID")} SKJ lagi, dari halaman yang sudah dicetak (proses sendiri)`,
    size: LARGE.label,
    target: { label: `< ${PROVINCE_KEPT_TARGET_MS / 1000} s, puncak memori < 1 GiB`, stat: "median", maxMs: PROVINCE_KEPT_TARGET_MS },
    async run(ctx) {
      const { file, subject, items } = await act(ctx, "province");
      // the pages are those of a first print; when this measure runs alone, that print happens here first
      if (!fs.existsSync(path.join(path.dirname(file), "pdf-cache", "bundle-items"))) await printBundle(file, subject);
      const r = await printBundle(file, subject);
      const ms = r.contentsMs + r.renderMs;
      const memory = r.peakPss ?? r.nodeMaxRss;
      return {
        samples: [ms],
        meets: ms < PROVINCE_KEPT_TARGET_MS && memory < BUNDLE_MEMORY_MAX,
        valid: r.items === items && r.pages > items,
        note: describe(r),
      };
    },
  },
];
