// The SKJ as Word (issue 7 §4), for the legal drafters who paste it into the regulation. Built from the same
// SkjPrintModel as the PDF and the preview, so the three never disagree on a table, a row or a text; only the
// layout engine differs (Word lays the document out itself, so nothing here is pixel-matched to Chromium).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { SkjPrintModel } from "~/domain/skj-print";
import { pdfFileName } from "./skj-pdf.server";

// A4 in twentieths of a point, with the PDF's margins (18/15/20/15 mm), so a page holds about what the PDF's does
const MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(18 * MM), right: Math.round(15 * MM), bottom: Math.round(20 * MM), left: Math.round(15 * MM) };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// Arial by name: every Word and LibreOffice install has it or a metric-compatible substitute (Arimo,
// Liberation Sans), where a name Word does not know would fall back to Calibri or Times and reflow the tables
const FONT = "Arial";
const BODY_SIZE = 21; // half-points: the PDF's 10.5pt

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const TABLE_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };

const widthsOf = (percents: readonly number[]) => {
  const widths = percents.map((p) => Math.floor((CONTENT_WIDTH * p) / 100));
  // the rounding remainder goes to the last column so the table spans the text area exactly
  widths[widths.length - 1]! += CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
};

const IDENT_WIDTHS = widthsOf([28, 72]);
const COMPETENCY_WIDTHS = widthsOf([4, 20, 7, 29, 40]);
const REQUIREMENT_WIDTHS = widthsOf([30, 70]);

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

const para = (text: string, opts: { bold?: boolean; align?: Align; size?: number } = {}) =>
  new Paragraph({ alignment: opts.align, children: [new TextRun({ text, bold: opts.bold, size: opts.size })] });

function cell(children: Paragraph[], width: number, opts: { shade?: string; span?: number } = {}): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph("")],
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlign.TOP,
    shading: opts.shade ? { type: ShadingType.CLEAR, color: "auto", fill: opts.shade } : undefined,
  });
}

function table(widths: number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    // fixed: Word must keep the PDF's column proportions instead of sizing columns to their longest text
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}

/** The preview's <Lines>: a dash for nothing, the text for one item, a numbered list for more. */
function lines(items: string[]): Paragraph[] {
  if (items.length === 0) return [para("—")];
  if (items.length === 1) return [para(items[0]!)];
  return items.map((t, i) => para(`${i + 1}. ${t}`));
}

const heading = (text: string) =>
  new Paragraph({ spacing: { before: 260, after: 100 }, keepNext: true, children: [new TextRun({ text, bold: true, size: 22 })] });

function lampiranHeader(l: NonNullable<SkjPrintModel["lampiran"]>): Paragraph[] {
  const texts = ["LAMPIRAN", `${l.kind} ${l.region}`, `NOMOR ${l.number} TAHUN ${l.year}`, "TENTANG", l.title];
  return texts.map(
    (text, i) =>
      new Paragraph({
        indent: { left: Math.round(CONTENT_WIDTH * 0.52) },
        spacing: { after: i === texts.length - 1 ? 280 : 0 },
        children: [new TextRun({ text, size: 20 })],
      }),
  );
}

function identityTable(m: SkjPrintModel): Table {
  const i = m.identity;
  const rows: [string, string][] = [
    ["Nama Jabatan", i.name],
    ["Kelompok Jabatan", i.group],
    ["Unit Kerja", i.unitPath],
    ["Urusan Pemerintahan", i.governmentAffair],
    ["Kode Jabatan", i.code],
    ["Ikhtisar Jabatan", i.summary || "—"],
  ];
  return table(
    IDENT_WIDTHS,
    rows.map(([label, value]) => new TableRow({ cantSplit: true, children: [cell([para(label, { bold: true })], IDENT_WIDTHS[0]!, { shade: "F4F4F4" }), cell([para(value)], IDENT_WIDTHS[1]!)] })),
  );
}

function competencyTable(m: SkjPrintModel): Table {
  const w = COMPETENCY_WIDTHS;
  const header = new TableRow({
    // repeated by Word at the top of every page the table runs onto, as thead does in the PDF
    tableHeader: true,
    cantSplit: true,
    children: ["No", "Kompetensi", "Level", "Deskripsi", "Indikator Kompetensi"].map((t, k) => cell([para(t, { bold: true, align: AlignmentType.CENTER })], w[k]!, { shade: "E8E8E8" })),
  });
  const body = m.groups.flatMap((g) => [
    new TableRow({ cantSplit: true, children: [cell([para(g.title, { bold: true })], CONTENT_WIDTH, { span: 5 })] }),
    ...g.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([para(String(row.no), { align: AlignmentType.CENTER })], w[0]!),
            cell([para(row.name)], w[1]!),
            cell([para(String(row.level), { align: AlignmentType.CENTER })], w[2]!),
            cell([para(row.description)], w[3]!),
            cell(
              row.indicators.map((ind) => para(`${ind.number} ${ind.text}`)),
              w[4]!,
            ),
          ],
        }),
    ),
  ]);
  return table(w, [header, ...body]);
}

function requirementsTable(m: SkjPrintModel): Table {
  const r = m.requirements;
  const w = REQUIREMENT_WIDTHS;
  const education = r.education.length === 0 ? [para("—")] : r.education.map((e) => para(`1. Jenjang: ${e.level}; 2. Bidang Ilmu: ${e.fields || "—"}`));
  const rows: [string, Paragraph[]][] = [
    ["A. Pangkat", [para(r.rank)]],
    ["B. Kualifikasi Pendidikan", education],
    ["C. Pelatihan — 1. Manajerial", lines(r.training.managerial)],
    ["2. Teknis", lines(r.training.technical)],
    ["3. Fungsional", lines(r.training.functional)],
    ["D. Pengalaman Kerja", lines(r.experience)],
    ["E. Indikator Kinerja Jabatan", lines(r.performanceIndicators)],
  ];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [cell([para("Jenis Persyaratan", { bold: true, align: AlignmentType.CENTER })], w[0]!, { shade: "E8E8E8" }), cell([para("Uraian", { bold: true, align: AlignmentType.CENTER })], w[1]!, { shade: "E8E8E8" })],
  });
  return table(w, [header, ...rows.map(([label, value]) => new TableRow({ cantSplit: true, children: [cell([para(label, { bold: true })], w[0]!), cell(value, w[1]!)] }))]);
}

function signatureBlock(s: NonNullable<SkjPrintModel["signature"]>): Paragraph[] {
  const indent = { left: Math.round(CONTENT_WIDTH * 0.55) };
  const line = (text: string, opts: { bold?: boolean; before?: number } = {}) =>
    new Paragraph({ indent, alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, spacing: { before: opts.before ?? 0 }, children: [new TextRun({ text, bold: opts.bold })] });
  return [
    ...(s.signedOn ? [line(`Ditetapkan pada tanggal ${s.signedOn}`, { before: 480 })] : []),
    line(s.title ? `${s.title.toUpperCase()},` : "", { before: s.signedOn ? 0 : 480 }),
    // the room for the wet signature and the seal, as the PDF's sign-space
    new Paragraph({ indent, keepNext: true, spacing: { before: 1200 }, children: [] }),
    new Paragraph({ indent, alignment: AlignmentType.CENTER, children: [new TextRun({ text: s.name ?? "", bold: true })] }),
  ];
}

/** The SKJ of a print model as a .docx file: the PDF's tables, header and signature, editable. */
export async function skjDocx(model: SkjPrintModel): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    ...(model.lampiran ? lampiranHeader(model.lampiran) : []),
    para("STANDAR KOMPETENSI JABATAN", { bold: true, align: AlignmentType.CENTER, size: 26 }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: model.identity.group.toUpperCase(), bold: true })] }),
    heading("I. IDENTITAS JABATAN"),
    identityTable(model),
    heading("II. STANDAR KOMPETENSI"),
    competencyTable(model),
    heading("III. PERSYARATAN JABATAN"),
    requirementsTable(model),
    ...(model.signature ? signatureBlock(model.signature) : []),
  ];
  const pageOf: ParagraphChild[] = [new TextRun({ children: ["Halaman ", PageNumber.CURRENT, " dari ", PageNumber.TOTAL_PAGES], size: 16 })];
  const doc = new Document({
    creator: "SKJ Studio",
    title: `SKJ ${model.identity.code} ${model.identity.name}${model.draft ? " (DRAFT)" : ""}`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, header: Math.round(8 * MM), footer: Math.round(8 * MM) } } },
        // a header line rather than a drawn watermark: it survives copy-paste into the regulation's file,
        // so a draft text cannot travel on unmarked
        headers: model.draft
          ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "DRAFT", bold: true, color: "C00000", size: 24 })] })] }) }
          : undefined,
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageOf })] }) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** "SKJ-<code>-v<n>.docx" (or "-draf"), the PDF's name with Word's extension. */
export function docxFileName(positionCode: string, version: number | "draf"): string {
  return pdfFileName(positionCode, version).replace(/\.pdf$/, ".docx");
}
