// The Word page every SKJ export shares (one SKJ or a bundle): A4 with the PDF's margins, Arial,
// "Halaman x dari y" in the footer and, on anything unpublished, Word's own diagonal DRAFT watermark.
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TextRun, type FileChild } from "docx";
import { TextWatermark } from "docx/watermarks";

// A4 in twentieths of a point, with the PDF's margins (18/15/20/15 mm), so a page holds about what the PDF's does
const MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(18 * MM), right: Math.round(15 * MM), bottom: Math.round(20 * MM), left: Math.round(15 * MM) };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

// Arial by name: every Word and LibreOffice install has it or a metric-compatible substitute (Arimo,
// Liberation Sans), where a name Word does not know would fall back to Calibri or Times and reflow the tables
const FONT = "Arial";
const BODY_SIZE = 21; // half-points: the PDF's 10.5pt

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export const para = (text: string, opts: { bold?: boolean; align?: Align; size?: number; keepNext?: boolean } = {}) =>
  new Paragraph({ alignment: opts.align, keepNext: opts.keepNext, children: [new TextRun({ text, bold: opts.bold, size: opts.size })] });

/**
 * The diagonal DRAFT as Word's Design → Watermark writes it (a VML WordArt shape, rotated 315°, silver and
 * semi-transparent, centred behind the text), so it shows on every page and Word can remove it the usual way.
 */
const draftWatermark = () =>
  new Header({
    children: [new Paragraph({ children: [new TextWatermark({ text: "DRAFT", font: FONT, color: "silver", opacity: 0.5 })] })],
  });

const pageOfPages = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["Halaman ", PageNumber.CURRENT, " dari ", PageNumber.TOTAL_PAGES], size: 16 })],
      }),
    ],
  });

export interface WordFile {
  title: string;
  /** Unpublished content inside: every page carries the DRAFT watermark. */
  draft: boolean;
  children: FileChild[];
  /** The file holds fields (a table of contents) that Word must fill in when it opens it. */
  updateFields?: boolean;
}

/** A .docx file of one A4 section with the shared fonts, footer and (for drafts) watermark. */
export async function packWordFile(file: WordFile): Promise<Uint8Array> {
  const doc = new Document({
    creator: "SKJ Studio",
    title: file.title,
    features: file.updateFields ? { updateFields: true } : undefined,
    styles: {
      default: { document: { run: { font: FONT, size: BODY_SIZE } } },
      // black and body-sized rather than Word's blue Calibri Light: a bundle's heading per SKJ is a line of the lampiran
      paragraphStyles: [
        {
          id: HeadingLevel.HEADING_1,
          name: "Heading 1",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: FONT, size: 24, bold: true, color: "000000" },
          paragraph: { keepNext: true, spacing: { after: 200 }, outlineLevel: 0 },
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, header: Math.round(8 * MM), footer: Math.round(8 * MM) } } },
        headers: file.draft ? { default: draftWatermark() } : undefined,
        footers: { default: pageOfPages() },
        children: file.children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
