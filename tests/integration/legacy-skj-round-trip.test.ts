// Our own prints read back by the legacy import (issue 16 item 4): the Word export of one SKJ, the Word lampiran
// bundle of a penetapan, and a PDF book of our printed drafts (DRAFT watermark, page numbers, tables running
// over pages) each give back the documents they printed.
import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import type { SkjBundle } from "~/domain/skj-bundle";
import { readLegacyFile } from "~/services/legacy-skj/read-file.server";
import { closePdfBrowser, renderSkjPdf } from "~/services/pdf.server";
import { renderBundleDocx } from "~/services/skj-bundle-docx.server";
import { skjDocx } from "~/services/skj-docx.server";
import { compareWithTruth } from "../fixtures/legacy-skj/compare";
import { printModelOfTruth } from "../fixtures/legacy-skj/own-print";
import type { TruthSkj } from "../fixtures/legacy-skj/variants";

const truth = JSON.parse(readFileSync(new URL("../fixtures/legacy-skj/truth.json", import.meta.url), "utf8")) as {
  files: Record<string, TruthSkj[]>;
};
const all = [...truth.files["a1-bordered.docx"]!, ...truth.files["a2-form.xlsx"]!];

afterAll(() => closePdfBrowser());

async function expectSameDocuments(file: string, bytes: Uint8Array, want: TruthSkj[]) {
  const read = await readLegacyFile(file, bytes);
  expect(read.map((r) => r.document.position.name)).toEqual(want.map((t) => t.position.name));
  read.forEach((r, i) => {
    expect(compareWithTruth(r.document, want[i] as never).differences, `${file} SKJ ${i + 1}`).toEqual([]);
    expect(r.problems, `${file} SKJ ${i + 1}`).toEqual([]);
  });
  return read;
}

describe("legacy import of our own prints", () => {
  it("reads the Word export of each SKJ back to the document it printed", async () => {
    for (const t of all) await expectSameDocuments("skj.docx", await skjDocx(printModelOfTruth(t)), [t]);
  });

  it("reads a Word lampiran bundle (cover, DAFTAR ISI, lampiran header, signature) back to every SKJ", async () => {
    const lampiran = {
      kind: "PERATURAN BUPATI",
      region: "KABUPATEN LEMBAH PERMAI",
      number: "7",
      year: 2026,
      title: "STANDAR KOMPETENSI JABATAN",
    };
    const signature = { place: "Lembah Permai", signedOn: "1 Maret 2026", title: "Bupati Lembah Permai", name: "NAMA PENANDATANGAN" };
    const bundle: SkjBundle = {
      subject: { kind: "penetapan", penetapanId: 1 },
      cover: { heading: ["LAMPIRAN", "PERATURAN BUPATI LEMBAH PERMAI"], lampiran, signature, madeOn: "1 Maret 2026" },
      items: all.map((t, i) => ({
        positionCode: `P${i}`,
        positionName: t.position.name,
        unitPath: "Unit",
        version: 1,
        model: printModelOfTruth(t, { lampiran, signature, draft: false }),
      })),
    };
    await expectSameDocuments("lampiran.docx", await renderBundleDocx(bundle), all);
  });

  it("reads a PDF book of our printed drafts back to every SKJ, with the page each starts on", async () => {
    const book = await PDFDocument.create();
    const starts: number[] = [];
    for (const t of all) {
      const one = await PDFDocument.load(await renderSkjPdf(printModelOfTruth(t)));
      starts.push(book.getPageCount() + 1);
      for (const page of await book.copyPages(one, one.getPageIndices())) book.addPage(page);
    }
    const read = await expectSameDocuments("buku.pdf", await book.save(), all);
    expect(read.map((r) => r.source.page)).toEqual(starts);
  });
});
