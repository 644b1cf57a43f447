// A bundle of SKJ as one Word file (issue 7 §4), for the legal drafters who turn it into the regulation's
// lampiran: a cover with the list of positions, a table of contents, then every SKJ from a new page with the
// same tables as the single Word export, and the regulation's signature once at the end.
import { AlignmentType, HeadingLevel, Paragraph, TableOfContents, TextRun, type FileChild } from "docx";
import type { BundleItem, SkjBundle } from "~/domain/skj-bundle";
import type { SkjPrintModel } from "~/domain/skj-print";
import { para, packWordFile } from "./docx-layout.server";
import { gridTable, lampiranHeader, signatureBlock, skjContents, textRow, widthsOf } from "./skj-docx-tables.server";

const LIST_WIDTHS = widthsOf([6, 34, 24, 28, 8]);

/** The heading of an item: the line the table of contents lists for it. */
const bundleItemHeading = (item: BundleItem, index: number) => `${index + 1}. ${item.positionName}`;

function cover(bundle: SkjBundle): FileChild[] {
  const { cover: c, items } = bundle;
  return [
    ...(c.lampiran ? lampiranHeader(c.lampiran) : []),
    ...c.heading.map(
      (line, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: i === 0 ? 1200 : 0, after: 120 },
          children: [new TextRun({ text: line, bold: true, size: 28 })],
        }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200, after: 480 },
      children: [new TextRun({ text: `Disusun pada ${c.madeOn}`, size: 20 })],
    }),
    // written out rather than left to the TOC field: the code and version are what the regulation's body cites,
    // and the list reads the same in every editor whether or not it updates fields
    para("DAFTAR JABATAN", { bold: true }),
    gridTable(
      LIST_WIDTHS,
      ["No", "Nama Jabatan", "Kode Jabatan", "Unit Kerja", "Versi"],
      items.map((item, i) =>
        textRow(LIST_WIDTHS, [
          String(i + 1),
          item.positionName,
          item.positionCode,
          item.unitPath,
          item.model.draft ? "Draf" : String(item.version),
        ]),
      ),
    ),
  ];
}

/** An item's SKJ; the cover's lampiran header and signature stand for the whole bundle, so the item's own give way to them. */
function itemModel(bundle: SkjBundle, item: BundleItem): SkjPrintModel {
  return {
    ...item.model,
    lampiran: bundle.cover.lampiran ? undefined : item.model.lampiran,
    signature: bundle.cover.signature ? undefined : item.model.signature,
  };
}

/** The bundle as a .docx file; watermarked DRAFT when any item is unpublished. */
export async function renderBundleDocx(bundle: SkjBundle): Promise<Uint8Array> {
  const draft = bundle.items.some((item) => item.model.draft);
  const children: FileChild[] = [
    ...cover(bundle),
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: "DAFTAR ISI", bold: true, size: 24 })],
    }),
    // Word fills in the page numbers when it opens the file (updateFields); until then it lists the headings
    new TableOfContents("Daftar Isi", { headingStyleRange: "1-1", hyperlink: true }),
    ...bundle.items.flatMap((item, i) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(bundleItemHeading(item, i))] }),
      ...skjContents(itemModel(bundle, item)),
    ]),
    ...(bundle.cover.signature ? signatureBlock(bundle.cover.signature) : []),
  ];
  return packWordFile({ title: `${bundle.cover.heading.join(" ")}${draft ? " (DRAFT)" : ""}`, draft, children, updateFields: true });
}
