// The legacy SKJ import (issue 16, Speed): a book of 220 SKJ (about 1,000 pages) is read and matched in under
// 60 s and under 1 GiB. The book comes from the bench data (our own Word lampiran plus another layout) and is
// read in a child process of its own (scripts/bench/legacy-import-child.ts), so its memory is measured alone.
import { runBenchChild } from "./child";
import { LARGE } from "./data-set";
import { mib } from "./peak-memory";
import type { Measure } from "./runner";

export const BOOK_SKJ = 220;

export interface LegacyImportChildResult {
  ms: number;
  files: { name: string; bytes: number; skj: number }[];
  found: number;
  /** SKJ matched to the very position they were printed from. */
  matchedRight: number;
  progressMessages: number;
  peakPss: number | null;
  peakRss: number | null;
  nodeMaxRss: number;
}

const TARGET_MS = 60_000;
const MEMORY_MAX = 1024 ** 3;

export const legacyImportMeasure: Measure = {
  name: `impor SKJ lama: buku ${BOOK_SKJ} SKJ dibaca dan dicocokkan (Word kita + tata letak lain, proses sendiri)`,
  size: LARGE.label,
  target: { label: `< ${TARGET_MS / 1000} s, puncak memori < 1 GiB`, stat: "median", maxMs: TARGET_MS },
  async run(ctx) {
    const { file, set } = await ctx.dataSet(LARGE);
    if (!set.acts.province) throw new Error(`Data set ${LARGE.label} tidak memuat penetapan yang cukup besar untuk buku ${BOOK_SKJ} SKJ.`);
    const r = await runBenchChild<LegacyImportChildResult>(
      "scripts/bench/legacy-import-child.ts",
      [file, String(set.acts.province.penetapanId)],
      file,
    );
    const memory = r.peakPss ?? r.nodeMaxRss;
    const files = r.files.map((f) => `${f.name} ${f.skj} SKJ ${(f.bytes / 1024 / 1024).toFixed(1)} MB`).join(", ");
    return {
      samples: [r.ms],
      meets: r.ms < TARGET_MS && memory < MEMORY_MAX,
      valid: r.found === BOOK_SKJ,
      note: `${files}; ${r.found} SKJ ditemukan, ${r.matchedRight} dicocokkan ke jabatan asalnya, ${r.progressMessages} kabar kemajuan; puncak memori ${mib(r.peakPss)} PSS (${mib(r.peakRss)} RSS; node sendiri ${mib(r.nodeMaxRss)})`,
    };
  },
};
