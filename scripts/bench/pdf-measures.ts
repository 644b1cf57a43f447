// One SKJ as PDF (issue 7): the app's warm Chromium print beside @react-pdf/renderer on the same print model,
// sampled in alternation so the machine's other load weighs on both alike.
import { PDFDocument } from "pdf-lib";
import { closePdfBrowser, renderSkjPdf } from "~/services/pdf.server";
import { publishedPrintModel } from "~/services/skj-pdf.server";
import type { Context } from "./context";
import { LARGE } from "./data-set";
import { bulkPositions, offsetOf } from "./positions";
import { renderReactPdf } from "./react-pdf-baseline";
import { percentile, type Measure } from "./runner";

// issue 7, Speed: one SKJ PDF under 100 ms warm, and faster than react-pdf on the same SKJ
const PDF_TARGET_MS = 100;
// fewer than the other measures: react-pdf takes most of a second per SKJ here, and the pair runs in turn
const PDF_RUNS = 20;
const PDF_WARMUP = 3;

const pages = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();
const median = (samples: number[]) =>
  percentile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );

function sideBySide(ctx: Context) {
  return ctx.once("pdf-side-by-side", async () => {
    const { db } = await ctx.dataSet(LARGE);
    const [position] = bulkPositions(db, offsetOf(LARGE.positions, "read"), 1);
    const model = publishedPrintModel(db, position!.code, 1);
    if (!model) throw new Error(`Jabatan ${position!.code} tidak punya versi 1.`);
    ctx.onCleanup(() => closePdfBrowser());
    const launched = await ctx.timed("Chromium diluncurkan (PDF pertama)", () => renderSkjPdf(model));
    const chromium: number[] = [];
    const reactPdf: number[] = [];
    const last: { chromium: Uint8Array; reactPdf: Uint8Array } = { chromium: launched, reactPdf: new Uint8Array() };
    for (let i = 0; i < PDF_WARMUP + PDF_RUNS; i++) {
      let started = performance.now();
      last.chromium = await renderSkjPdf(model);
      const c = performance.now() - started;
      started = performance.now();
      last.reactPdf = await renderReactPdf(model);
      const r = performance.now() - started;
      if (i >= PDF_WARMUP) {
        chromium.push(c);
        reactPdf.push(r);
      }
    }
    const rows = model.groups.reduce((n, g) => n + g.rows.length, 0);
    return {
      code: position!.code,
      rows,
      chromium,
      reactPdf,
      bytes: last,
      pages: { chromium: await pages(last.chromium), reactPdf: await pages(last.reactPdf) },
    };
  });
}

export const pdfMeasures: Measure[] = [
  {
    name: "PDF satu SKJ: @react-pdf/renderer, model cetak yang sama (pembanding)",
    size: LARGE.label,
    async run(ctx) {
      const r = await sideBySide(ctx);
      return {
        samples: r.reactPdf,
        valid: r.pages.reactPdf >= 1,
        note: `${r.code} v1, ${r.rows} baris kompetensi: ${r.pages.reactPdf} halaman, ${(r.bytes.reactPdf.length / 1024).toFixed(0)} KB`,
      };
    },
  },
  {
    name: "PDF satu SKJ: Chromium hangat, tanpa cache (renderSkjPdf)",
    size: LARGE.label,
    target: { label: `median < ${PDF_TARGET_MS} ms dan lebih cepat dari react-pdf`, stat: "median", maxMs: PDF_TARGET_MS },
    async run(ctx) {
      const r = await sideBySide(ctx);
      const ratio = median(r.chromium) / median(r.reactPdf);
      return {
        samples: r.chromium,
        meets: median(r.chromium) < PDF_TARGET_MS && ratio < 1,
        ratio: { value: ratio, label: "median thd. react-pdf" },
        valid: r.pages.chromium >= 1,
        note: `${r.code} v1, ${r.rows} baris kompetensi: ${r.pages.chromium} halaman, ${(r.bytes.chromium.length / 1024).toFixed(0)} KB; diselang-seling dengan react-pdf, ${PDF_RUNS} kali setelah ${PDF_WARMUP} pemanasan`,
      };
    },
  },
];
