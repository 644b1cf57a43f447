// The SKJ's contents in Word, shared by the single export and the bundle: the lampiran header, the title, the
// identity lines, the summary, the Kompetensi and Persyaratan tables and the signature block, all from the SkjPrintModel of the PDF
// and the preview, so the three never disagree on a table, a row or a text.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { IMPORTANCE_LABELS } from "~/domain/labels";
import { competencyRowLines, mayBreakAcrossPages, requirementRowLines } from "~/domain/print-row-breaks";
import { IMPORTANCE_LEVELS } from "~/domain/skj-document";
import { identityLines, PRINT_BLANK, PRINT_TICK, type PrintLampiran, type PrintSignature, type SkjPrintModel } from "~/domain/skj-print";
import { EXAMPLE_MARK } from "~/domain/example-text";
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

const COMPETENCY_WIDTHS = widthsOf([4, 20, 7, 29, 40]);
const REQUIREMENT_WIDTHS = widthsOf([5, 22, 49, 8, 8, 8]);

function cell(children: Paragraph[], width: number, opts: { shade?: string; span?: number; rowSpan?: number } = {}): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph("")],
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    rowSpan: opts.rowSpan,
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
    ? [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: headers.map((t, k) =>
            cell([para(t, { bold: true, align: AlignmentType.CENTER })], widths[k]!, { shade: HEADER_SHADE }),
          ),
        }),
      ]
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
export const textRow = (widths: number[], texts: string[]) =>
  new TableRow({ cantSplit: true, children: texts.map((t, k) => cell([para(t)], widths[k]!)) });

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

/** "Nama Jabatan : …" lines under the title, the colons aligned by a tab stop, as real lampiran print them. */
function identityLinesParagraphs(m: SkjPrintModel): Paragraph[] {
  const labelWidth = Math.round(CONTENT_WIDTH * 0.25);
  return identityLines(m.identity).map(
    ([label, value], i, all) =>
      new Paragraph({
        tabStops: [{ type: TabStopType.LEFT, position: labelWidth }],
        indent: { left: labelWidth + 240, hanging: labelWidth + 240 },
        spacing: { after: i === all.length - 1 ? 200 : 0 },
        children: [new TextRun(label), new TextRun({ children: [new Tab(), `: ${value}`] })],
      }),
  );
}

function competencyTable(m: SkjPrintModel): Table {
  const w = COMPETENCY_WIDTHS;
  const body = m.groups.flatMap((g) => [
    // keepNext in a row's first paragraph keeps Word's row with the next one, as break-after: avoid in the PDF
    new TableRow({ cantSplit: true, children: [cell([para(g.title, { bold: true, keepNext: true })], CONTENT_WIDTH, { span: 5 })] }),
    ...g.rows.map(
      (row) =>
        // the PDF's policy: a long indicator list runs onto the next page instead of leaving a blank third of this one
        new TableRow({
          cantSplit: !mayBreakAcrossPages(competencyRowLines(row)),
          children: [
            cell([para(String(row.no), { align: AlignmentType.CENTER })], w[0]!),
            cell(
              [
                para(row.name),
                ...(row.example ? [new Paragraph({ children: [new TextRun({ text: EXAMPLE_MARK, bold: true, color: "B00000" })] })] : []),
              ],
              w[1]!,
            ),
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
  const w = REQUIREMENT_WIDTHS;
  const headerCell = (text: string, width: number, opts: { span?: number; rowSpan?: number } = {}) =>
    cell([para(text, { bold: true, align: AlignmentType.CENTER })], width, { shade: HEADER_SHADE, ...opts });
  const head = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        headerCell("No", w[0]!, { rowSpan: 2 }),
        headerCell("Jenis Persyaratan", w[1]!, { rowSpan: 2 }),
        headerCell("Uraian", w[2]!, { rowSpan: 2 }),
        headerCell("Tingkat Pentingnya terhadap Jabatan", w[3]! + w[4]! + w[5]!, { span: 3 }),
      ],
    }),
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: IMPORTANCE_LEVELS.map((level, k) => headerCell(IMPORTANCE_LABELS[level], w[3 + k]!)),
    }),
  ];
  const body = m.requirements.map((row) =>
    row.kind === "heading"
      ? new TableRow({
          cantSplit: true,
          children: [
            cell([para(row.no, { align: AlignmentType.CENTER, keepNext: true })], w[0]!),
            cell([para(row.label, { bold: true })], CONTENT_WIDTH - w[0]!, { span: 5 }),
          ],
        })
      : new TableRow({
          cantSplit: !mayBreakAcrossPages(requirementRowLines(row)),
          children: [
            cell([para(row.sub ? "" : row.no, { align: AlignmentType.CENTER })], w[0]!),
            cell([para(row.sub ? `${row.no} ${row.label}` : row.label, { bold: !row.sub })], w[1]!),
            cell(lines(row.items), w[2]!),
            ...IMPORTANCE_LEVELS.map((level, k) =>
              cell([para(row.importance === level ? PRINT_TICK : "", { align: AlignmentType.CENTER })], w[3 + k]!),
            ),
          ],
        }),
  );
  return new Table({
    rows: [...head, ...body],
    columnWidths: w,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}

/** "Ditetapkan di …", "pada tanggal …", the signer's title, room for the wet signature and the seal, the signer's name. */
export function signatureBlock(s: PrintSignature): Paragraph[] {
  const indent = { left: Math.round(CONTENT_WIDTH * 0.55) };
  const line = (text: string, opts: { bold?: boolean; before?: number } = {}) =>
    new Paragraph({
      indent,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      keepLines: true,
      spacing: { before: opts.before ?? 0 },
      children: [new TextRun({ text, bold: opts.bold })],
    });
  return [
    line(`Ditetapkan di ${s.place ?? PRINT_BLANK}`, { before: 480 }),
    line(`pada tanggal ${s.signedOn ?? PRINT_BLANK}`),
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
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: "STANDAR KOMPETENSI JABATAN", bold: true, size: 26 })],
    }),
    ...identityLinesParagraphs(model),
    heading("I. IKHTISAR JABATAN"),
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(model.identity.summary || "—")] }),
    heading("II. STANDAR KOMPETENSI"),
    competencyTable(model),
    heading("III. PERSYARATAN JABATAN"),
    requirementsTable(model),
    ...(model.signature ? signatureBlock(model.signature) : []),
  ];
}
