// The SKJ's contents in Word, shared by the single export and the bundle: the lampiran header, the title, the
// Identitas, Kompetensi and Persyaratan tables and the signature block, all from the SkjPrintModel of the PDF
// and the preview, so the three never disagree on a table, a row or a text.
import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import { EXAMPLE_MARK } from "~/domain/example-text";
import type { PrintLampiran, PrintSignature, SkjPrintModel } from "~/domain/skj-print";
import { CONTENT_WIDTH, para } from "./docx-layout.server";

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const TABLE_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };
const HEADER_SHADE = "E8E8E8";

/** Column widths in twips from percentages of the text area. */
export const widthsOf = (percents: readonly number[]) => {
  const widths = percents.map((p) => Math.floor((CONTENT_WIDTH * p) / 100));
  // the rounding remainder goes to the last column so the table spans the text area exactly
  widths[widths.length - 1]! += CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
};

const IDENT_WIDTHS = widthsOf([28, 72]);
const COMPETENCY_WIDTHS = widthsOf([4, 20, 7, 29, 40]);
const REQUIREMENT_WIDTHS = widthsOf([30, 70]);

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

/**
 * A bordered table of fixed column widths whose first row, of `headers`, Word repeats at the top of every page
 * the table runs onto, as thead does in the PDF.
 */
export function gridTable(widths: number[], headers: string[] | null, rows: TableRow[]): Table {
  const head = headers
    ? [new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((t, k) => cell([para(t, { bold: true, align: AlignmentType.CENTER })], widths[k]!, { shade: HEADER_SHADE })) })]
    : [];
  return new Table({
    rows: [...head, ...rows],
    columnWidths: widths,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    // fixed: Word must keep the PDF's column proportions instead of sizing columns to their longest text
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}

/** A row of plain texts, one a column. */
export const textRow = (widths: number[], texts: string[]) => new TableRow({ cantSplit: true, children: texts.map((t, k) => cell([para(t)], widths[k]!)) });

/** The preview's <Lines>: a dash for nothing, the text for one item, a numbered list for more. */
function lines(items: string[]): Paragraph[] {
  if (items.length === 0) return [para("—")];
  if (items.length === 1) return [para(items[0]!)];
  return items.map((t, i) => para(`${i + 1}. ${t}`));
}

const heading = (text: string) =>
  new Paragraph({ spacing: { before: 260, after: 100 }, keepNext: true, children: [new TextRun({ text, bold: true, size: 22 })] });

/** LAMPIRAN, the regulation's kind and region, NOMOR … TAHUN …, TENTANG, its title: top right, as in the PDF. */
export function lampiranHeader(l: PrintLampiran): Paragraph[] {
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
  return gridTable(
    IDENT_WIDTHS,
    null,
    rows.map(([label, value]) => new TableRow({ cantSplit: true, children: [cell([para(label, { bold: true })], IDENT_WIDTHS[0]!, { shade: "F4F4F4" }), cell([para(value)], IDENT_WIDTHS[1]!)] })),
  );
}

function competencyTable(m: SkjPrintModel): Table {
  const w = COMPETENCY_WIDTHS;
  const body = m.groups.flatMap((g) => [
    new TableRow({ cantSplit: true, children: [cell([para(g.title, { bold: true })], CONTENT_WIDTH, { span: 5 })] }),
    ...g.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([para(String(row.no), { align: AlignmentType.CENTER })], w[0]!),
            cell([para(row.name), ...(row.example ? [new Paragraph({ children: [new TextRun({ text: EXAMPLE_MARK, bold: true, color: "B00000" })] })] : [])], w[1]!),
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
  return gridTable(w, ["No", "Kompetensi", "Level", "Deskripsi", "Indikator Kompetensi"], body);
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
  return gridTable(
    w,
    ["Jenis Persyaratan", "Uraian"],
    rows.map(([label, value]) => new TableRow({ cantSplit: true, children: [cell([para(label, { bold: true })], w[0]!), cell(value, w[1]!)] })),
  );
}

/** "Ditetapkan pada tanggal …", the signer's title, room for the wet signature and the seal, the signer's name. */
export function signatureBlock(s: PrintSignature): Paragraph[] {
  const indent = { left: Math.round(CONTENT_WIDTH * 0.55) };
  const line = (text: string, opts: { bold?: boolean; before?: number } = {}) =>
    new Paragraph({ indent, alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, spacing: { before: opts.before ?? 0 }, children: [new TextRun({ text, bold: opts.bold })] });
  return [
    line(`Ditetapkan di ${s.place}`, { before: 480 }),
    ...(s.signedOn ? [line(`pada tanggal ${s.signedOn}`)] : []),
    line(s.title ? `${s.title.toUpperCase()},` : ""),
    // the room for the wet signature and the seal, as the PDF's sign-space
    new Paragraph({ indent, keepNext: true, spacing: { before: 1200 }, children: [] }),
    new Paragraph({ indent, alignment: AlignmentType.CENTER, children: [new TextRun({ text: s.name ?? "", bold: true })] }),
  ];
}

/** One SKJ as the PDF prints it, top to bottom: lampiran header and signature only when the model carries them. */
export function skjContents(model: SkjPrintModel): (Paragraph | Table)[] {
  return [
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
}
