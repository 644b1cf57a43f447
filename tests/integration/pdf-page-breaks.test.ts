// Where the printed SKJ breaks its pages (issue 14 item 3, contract §7.3), read back from real Chromium PDFs:
// SKJ of our own whose summary grows word by word, so headings and rows pass over a page foot.
import JSZip from "jszip";
import { getDocumentProxy, getResolvedPDFJS } from "unpdf";
import { afterAll, describe, expect, it } from "vitest";
import type { PrintRequirementRow, SkjPrintModel } from "~/domain/skj-print";
import { closePdfBrowser, PDF_MARGIN, renderSkjPdf } from "~/services/pdf.server";
import { skjDocx } from "~/services/skj-docx.server";

// Node 20 lacks ArrayBuffer.prototype.transferToFixedLength, which pdf.js calls when it loads a font for the
// operator list (the text extraction does not need it); a copy does what pdf.js expects of it
(ArrayBuffer.prototype as { transferToFixedLength?: unknown }).transferToFixedLength ??= function (this: ArrayBuffer) {
  return this.slice(0);
};

afterAll(async () => {
  await closePdfBrowser();
});

type CompetencyRow = SkjPrintModel["groups"][number]["rows"][number];

const MM = 72 / 25.4;
const A4_HEIGHT = 297 * MM;
const FOOT = parseFloat(PDF_MARGIN.bottom) * MM;
const TEXT_HEIGHT = A4_HEIGHT - parseFloat(PDF_MARGIN.top) * MM - FOOT;

/** `n` distinct words, so every variant's summary is a different length of real-looking text. */
const words = (n: number, stem = "uraian") => Array.from({ length: n }, (_, k) => `${stem}${k}`).join(" ");

function competency(no: number, name: string, indicators: string[]): CompetencyRow {
  return {
    no,
    code: `T.UJI-${no}`,
    name,
    level: 3,
    example: false,
    description: `Deskripsi ${name.toLowerCase()} pada tingkat yang diuji.`,
    indicators: indicators.map((text, k) => ({ number: `3.${k + 1}`, text })),
  };
}

const SHORT_ROWS = [
  competency(1, "Perumusan Kebijakan", ["Menyusun rancangan kebijakan kelembagaan.", "Mengevaluasi pelaksanaan kebijakan."]),
  competency(2, "Analisis Kelembagaan", ["Menganalisis beban kerja perangkat daerah.", "Menyusun peta jabatan."]),
];

// twelve indicators of three lines each: about 36 lines, well over half a page
const LONG_ROW = competency(
  3,
  "Penataan Kelembagaan Perangkat Daerah",
  Array.from({ length: 12 }, (_, k) => `Indikator panjang ${k + 1}: ${words(11, `evaluasi${k + 1}x`)}.`),
);

const REQUIREMENTS: PrintRequirementRow[] = [
  { kind: "heading", no: "1.", label: "Pendidikan" },
  { kind: "row", no: "a.", label: "Jenjang", sub: true, items: ["S-1"], importance: "mutlak" },
  {
    kind: "row",
    no: "b.",
    label: "Bidang Ilmu",
    sub: true,
    items: ["Ilmu Pemerintahan", "Ilmu Administrasi Negara"],
    importance: "penting",
  },
  { kind: "heading", no: "2.", label: "Pelatihan" },
  { kind: "row", no: "a.", label: "Manajerial", sub: true, items: ["Pelatihan Kepemimpinan Administrator"], importance: "mutlak" },
  { kind: "row", no: "3.", label: "Pengalaman Kerja", sub: false, items: ["Pernah menduduki jabatan pengawas"], importance: "perlu" },
  { kind: "row", no: "4.", label: "Pangkat", sub: false, items: ["Penata Tingkat I (III/d)"], importance: "mutlak" },
];

function skj(summary: string, rows: CompetencyRow[], draft = false, requirements = REQUIREMENTS): SkjPrintModel {
  return {
    identity: {
      name: "Kepala Bagian Uji Tata Letak",
      group: "Jabatan Administrator",
      governmentAffair: "Pemerintahan Umum",
      code: "UJI.TATA-LETAK",
      jobCode: "",
      unitPath: "Uji",
      summary,
    },
    groups: [{ title: "C. Teknis", rows }],
    requirements,
    draft,
  };
}

interface PrintedPage {
  /** The page's text in reading order, white space removed (Chromium wraps lines anywhere). */
  text: string;
  /** How far above the bottom margin the page's lowest line of body text stands, in points. */
  blankAtFoot: number;
}

const squash = (s: string) => s.replace(/\s+/g, "");

async function printed(model: SkjPrintModel): Promise<PrintedPage[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await renderSkjPdf(model)));
  const pages: PrintedPage[] = [];
  for (let k = 1; k <= pdf.numPages; k++) {
    const items = (await (await pdf.getPage(k)).getTextContent()).items.flatMap((i) =>
      "str" in i ? [{ str: i.str, y: i.transform[5] as number }] : [],
    );
    // the page number stands in the bottom margin, below the body
    const body = items.filter((i) => i.y > FOOT && i.str.trim());
    pages.push({ text: squash(items.map((i) => i.str).join("")), blankAtFoot: Math.min(...body.map((i) => i.y)) - FOOT });
  }
  return pages;
}

/** The 0-based page that holds `text` first (white space aside); -1 when none does. */
const pageOf = (pages: PrintedPage[], text: string) => pages.findIndex((p) => p.text.includes(squash(text)));

describe("the printed SKJ's page breaks", () => {
  it("never leaves a section heading at a page foot: each heading's page also holds the first rows of its table", async () => {
    const pagesOfHeading = { ii: new Set<number>(), iii: new Set<number>() };
    // summaries that bring "III." (the first range) and then "II." (the second) down the first page's last
    // eight lines, half a line (five words) a step, so each heading stands at every height of the foot
    const lengths = [220, 370].flatMap((from) => Array.from({ length: 19 }, (_, k) => from + 5 * k));
    for (const n of lengths) {
      const pages = await printed(skj(words(n), SHORT_ROWS));
      const ii = pageOf(pages, "II. STANDAR KOMPETENSI");
      const iii = pageOf(pages, "III. PERSYARATAN JABATAN");
      pagesOfHeading.ii.add(ii);
      pagesOfHeading.iii.add(iii);
      expect(ii, `summary of ${n} words`).toBeGreaterThanOrEqual(0);
      expect(pageOf(pages, "C. Teknis 1 Perumusan Kebijakan"), `summary of ${n} words: first competency row`).toBe(ii);
      expect(iii, `summary of ${n} words`).toBeGreaterThanOrEqual(0);
      expect(pageOf(pages, "1. Pendidikan a. Jenjang S-1"), `summary of ${n} words: first requirement row`).toBe(iii);
    }
    // the sweep moved each heading over a page break, or it proved nothing
    expect(pagesOfHeading.ii.size).toBeGreaterThan(1);
    expect(pagesOfHeading.iii.size).toBeGreaterThan(1);
  }, 120_000);

  it("splits a competency row longer than a quarter page where the page ends, and moves a short row whole", async () => {
    const long = LONG_ROW;
    const rows = [
      ...SHORT_ROWS,
      long,
      competency(4, "Pelaporan Kinerja", ["Menyusun laporan kinerja kelembagaan.", "Menyajikan capaian kinerja."]),
    ];
    let split = 0;
    // the long row starts at six heights of the page, a sixth of a page apart
    for (let n = 40; n <= 640; n += 120) {
      const pages = await printed(skj(words(n), rows));
      pages
        .slice(0, -1)
        .forEach((page, k) =>
          expect(page.blankAtFoot, `summary of ${n} words: blank at the foot of page ${k + 1}`).toBeLessThan(TEXT_HEIGHT / 4),
        );
      // the long row starts right under the row before it, and reads whole in order across the break
      const start = pageOf(pages, `${long.no} ${long.name.split(" ")[0]}`);
      expect(start, `summary of ${n} words`).toBe(pageOf(pages, SHORT_ROWS[1]!.indicators.at(-1)!.text));
      const all = pages.map((p) => p.text).join("");
      // by their first words: an indicator split by the page break has the page number and the repeated
      // table header in its middle
      const at = long.indicators.map((i) => all.indexOf(squash(`${i.number} ${i.text.slice(0, i.text.indexOf(":") + 1)}`)));
      expect(
        at.every((a, k) => a >= 0 && (k === 0 || a > at[k - 1]!)),
        `summary of ${n} words: indicators in order`,
      ).toBe(true);
      const end = pageOf(pages, long.indicators.at(-1)!.text.slice(-20));
      expect(end).toBeGreaterThanOrEqual(start);
      if (end > start) {
        split++;
        // the page the row runs onto opens with the table's header row again
        expect(pages[end]!.text.startsWith(squash("No Kompetensi Level Deskripsi Indikator Kompetensi")), `summary of ${n} words`).toBe(
          true,
        );
      }
      // short rows never split
      for (const row of rows.filter((r) => r !== long))
        expect(pageOf(pages, row.name), `summary of ${n} words: ${row.name}`).toBe(pageOf(pages, row.indicators.at(-1)!.text));
    }
    expect(split).toBeGreaterThan(0);
  }, 120_000);

  it("splits a requirement row longer than a quarter page rather than leave the page above it mostly blank", async () => {
    const fields = Array.from({ length: 40 }, (_, k) => `Bidang ilmu ${k + 1}`);
    const requirements = REQUIREMENTS.map((r) => (r.kind === "row" && r.label === "Bidang Ilmu" ? { ...r, items: fields } : r));
    for (const n of [100, 250, 400]) {
      const pages = await printed(skj(words(n), SHORT_ROWS, false, requirements));
      pages
        .slice(0, -1)
        .forEach((page, k) =>
          expect(page.blankAtFoot, `summary of ${n} words: blank at the foot of page ${k + 1}`).toBeLessThan(TEXT_HEIGHT / 4),
        );
      expect(pageOf(pages, "b. Bidang Ilmu 1. Bidang ilmu 1"), `summary of ${n} words`).toBe(pageOf(pages, "a. Jenjang S-1"));
    }
  }, 60_000);
});

/** For each page: whether the diagonal "DRAFT" is painted after (so above) every cell background of the page. */
async function watermarkOverBackgrounds(bytes: Uint8Array): Promise<{ marks: number; backgrounds: number; above: boolean }[]> {
  const { OPS } = await getResolvedPDFJS();
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const result = [];
  for (let k = 1; k <= pdf.numPages; k++) {
    const { fnArray, argsArray } = await (await pdf.getPage(k)).getOperatorList();
    // PDF paints in order: what comes later in the page's operators lies on top
    let fill = "";
    let shown = "";
    const shownAt: number[] = [];
    const backgroundsAt: number[] = [];
    fnArray.forEach((fn, i) => {
      if (fn === OPS.setFillRGBColor) fill = String(argsArray[i][0]);
      // the header cells' grey (#e8e8e8 in the print CSS)
      else if (fn === OPS.constructPath && fill === "#e8e8e8") backgroundsAt.push(i);
      else if (fn === OPS.showText)
        for (const glyph of argsArray[i][0] as ({ unicode?: string } | number)[]) {
          if (typeof glyph !== "object" || !glyph.unicode) continue;
          shown += glyph.unicode;
          shownAt.push(i);
        }
    });
    const marksAt = [...shown.matchAll(/DRAFT/g)].map((m) => shownAt[m.index]!);
    result.push({
      marks: marksAt.length,
      backgrounds: backgroundsAt.length,
      above: marksAt.length > 0 && marksAt.every((m) => backgroundsAt.every((b) => b < m)),
    });
  }
  return result;
}

describe("the DRAFT watermark", () => {
  const rows = Array.from({ length: 8 }, (_, k) =>
    competency(
      k + 1,
      `Kompetensi Uji ${k + 1}`,
      Array.from({ length: 4 }, (_, i) => `Indikator ${i + 1}: ${words(8, `uji${k}x${i}`)}.`),
    ),
  );

  it("is painted above the table's cell backgrounds on every page of a draft", async () => {
    const pages = await watermarkOverBackgrounds(await renderSkjPdf(skj(words(120), rows, true)));
    expect(pages.length).toBeGreaterThan(1);
    for (const [k, page] of pages.entries()) {
      expect(page.marks, `page ${k + 1}`).toBe(1);
      // the repeated table header is there to be covered
      expect(page.backgrounds, `page ${k + 1}`).toBeGreaterThan(0);
      expect(page.above, `page ${k + 1}`).toBe(true);
    }
  });

  it("is absent from every page of a published print", async () => {
    const pages = await watermarkOverBackgrounds(await renderSkjPdf(skj(words(120), rows, false)));
    expect(pages.length).toBeGreaterThan(1);
    for (const [k, page] of pages.entries()) expect(page.marks, `page ${k + 1}`).toBe(0);
  });
});

describe("the Word file's page breaks", () => {
  it("follow the PDF's: only a long row may split, and a heading or group row keeps with the row after it", async () => {
    const zip = await JSZip.loadAsync(await skjDocx(skj(words(40), [...SHORT_ROWS, LONG_ROW])));
    const xml = await zip.file("word/document.xml")!.async("string");
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) => ({
      xml: row!,
      text: squash(row!.replace(/<[^>]+>/g, " ")),
    }));
    const row = (start: string) => rows.find((r) => r.text.startsWith(squash(start)))!;
    expect(row(`3 ${LONG_ROW.name}`).xml).not.toContain("<w:cantSplit/>");
    for (const short of [
      `1 ${SHORT_ROWS[0]!.name}`,
      `2 ${SHORT_ROWS[1]!.name}`,
      "a. Jenjang",
      "3. Pengalaman Kerja",
      "C. Teknis",
      "1. Pendidikan",
    ])
      expect(row(short).xml, short).toContain("<w:cantSplit/>");
    for (const kept of ["C. Teknis", "1. Pendidikan", "2. Pelatihan"]) expect(row(kept).xml, kept).toContain("<w:keepNext/>");
    // the section headings are paragraphs kept with the table below them
    for (const heading of ["II. STANDAR KOMPETENSI", "III. PERSYARATAN JABATAN"])
      expect(xml).toMatch(new RegExp(`<w:p>(?:(?!</w:p>).)*<w:keepNext/>(?:(?!</w:p>).)*${heading.replace(/\./g, "\\.")}</w:t>`, "s"));
  });
});
