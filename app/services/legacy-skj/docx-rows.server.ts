// A Word book (.docx) as the neutral rows of the legacy reader: paragraphs and table rows in body order,
// cells placed on the table grid (gridSpan, gridBefore, vMerge), pages counted from Word's page marks.
// The XML is read by a streaming parser, so a 1,000-page book never becomes one DOM in memory.
import JSZip from "jszip";
import { SaxesParser, type SaxesTagNS } from "saxes";
import type { LegacyCell, LegacyRow, ReadProgress } from "~/domain/legacy-skj/source";
import { LegacyFileError } from "./errors.server";

const W = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const XML_SLICE = 1 << 20;

export async function docxRows(bytes: Uint8Array, onProgress?: ReadProgress): Promise<LegacyRow[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new LegacyFileError("Berkas Word ini rusak atau terkunci kata sandi; buka dan simpan ulang tanpa kata sandi.");
  }
  const entry = zip.file("word/document.xml");
  if (!entry) throw new LegacyFileError("Berkas ini bukan dokumen Word (.docx): isi word/document.xml tidak ada.");
  return documentRows(await entry.async("string"), onProgress);
}

interface OpenCell {
  col: number;
  span: number;
  continued: boolean;
  paragraphs: string[];
}

/** Rows of word/document.xml. Exported for tests that hand-write the XML of a layout variant. */
export function documentRows(xml: string, onProgress?: ReadProgress): LegacyRow[] {
  const rows: LegacyRow[] = [];
  const parser = new SaxesParser({ xmlns: true, position: false });
  // both kinds of page marks are counted; Word's rendered marks win when the file has them (see the end)
  let explicitPage = 1;
  let renderedPage = 1;
  const pageOf: { explicit: number; rendered: number }[] = [];
  let tableCount = 0;
  const tables: { number: number; col: number; cells: OpenCell[]; cell: OpenCell | null }[] = [];
  let paragraph: string[] | null = null;
  let inText = false;
  let inTabStops = false; // w:tab inside w:tabs is a tab stop, not a printed tab
  let skipDepth = 0; // inside mc:Fallback, w:delText, w:instrText: a duplicate or no printed text
  let sectionBreakAfterParagraph = false;

  const push = (cells: LegacyCell[], table: number | null) => {
    rows.push({ cells, table, page: null });
    pageOf.push({ explicit: explicitPage, rendered: renderedPage });
  };
  const isW = (t: SaxesTagNS) => W.has(t.uri);
  const attr = (t: SaxesTagNS, name: string) => {
    for (const a of Object.values(t.attributes)) if (a.local === name) return a.value;
    return undefined;
  };

  parser.on("opentag", (t) => {
    if (skipDepth > 0 || (t.uri === MC && t.local === "Fallback") || (isW(t) && (t.local === "delText" || t.local === "instrText"))) {
      if (!t.isSelfClosing) skipDepth++;
      return;
    }
    if (!isW(t)) return;
    const table = tables[tables.length - 1];
    switch (t.local) {
      case "tbl":
        // a table inside a cell is read as lines of that cell
        if (!table?.cell) tables.push({ number: ++tableCount, col: 0, cells: [], cell: null });
        else tables.push({ number: table.number, col: -1, cells: [], cell: table.cell });
        break;
      case "tr":
        if (table && table.col >= 0) {
          table.col = 0;
          table.cells = [];
        }
        break;
      case "gridBefore":
        if (table && table.col >= 0 && !table.cell) table.col += Number(attr(t, "val") ?? 0);
        break;
      case "tc":
        if (table && table.col >= 0) {
          table.cell = { col: table.col, span: 1, continued: false, paragraphs: [] };
          table.cells.push(table.cell);
        }
        break;
      case "gridSpan":
        if (table?.cell && table.col >= 0) table.cell.span = Math.max(1, Number(attr(t, "val") ?? 1));
        break;
      case "vMerge":
        if (table?.cell && table.col >= 0) table.cell.continued = attr(t, "val") !== "restart";
        break;
      case "p":
        paragraph = [];
        break;
      case "pageBreakBefore":
        if (attr(t, "val") !== "false" && attr(t, "val") !== "0") explicitPage++;
        break;
      case "sectPr":
        if (paragraph) sectionBreakAfterParagraph = true;
        break;
      case "type":
        if (sectionBreakAfterParagraph && attr(t, "val") === "continuous") sectionBreakAfterParagraph = false;
        break;
      case "t":
        inText = true;
        break;
      case "tabs":
        inTabStops = true;
        break;
      case "tab":
        if (!inTabStops) paragraph?.push("\t");
        break;
      case "br":
        if (attr(t, "type") === "page") explicitPage++;
        else if (attr(t, "type") !== "column") paragraph?.push("\n");
        break;
      case "cr":
        paragraph?.push("\n");
        break;
      case "lastRenderedPageBreak":
        renderedPage++;
        break;
    }
  });
  parser.on("text", (text) => {
    if (inText && skipDepth === 0 && paragraph) paragraph.push(text);
  });
  parser.on("closetag", (t) => {
    if (skipDepth > 0) {
      if (!t.isSelfClosing) skipDepth--;
      return;
    }
    if (!isW(t)) return;
    const table = tables[tables.length - 1];
    switch (t.local) {
      case "t":
        inText = false;
        break;
      case "tabs":
        inTabStops = false;
        break;
      case "p": {
        const text = (paragraph ?? []).join("");
        paragraph = null;
        if (table?.cell) table.cell.paragraphs.push(text);
        else if (text.trim() !== "") push([{ text, col: 0, span: 1 }], null);
        if (sectionBreakAfterParagraph) explicitPage++;
        sectionBreakAfterParagraph = false;
        break;
      }
      case "tc":
        if (table && table.col >= 0 && table.cell) {
          table.col += table.cell.span;
          table.cell = null;
        }
        break;
      case "tr":
        if (table && table.col >= 0) {
          push(
            table.cells.map((c) => ({
              text: c.paragraphs.join("\n").replace(/^\n+|\n+$/g, ""),
              col: c.col,
              span: c.span,
              ...(c.continued ? { continued: true } : {}),
            })),
            table.number,
          );
        }
        break;
      case "tbl":
        tables.pop();
        break;
    }
  });
  // written in slices so that a progress bar can follow a 1,000-page book
  for (let at = 0; at < xml.length; at += XML_SLICE) {
    parser.write(xml.slice(at, at + XML_SLICE));
    onProgress?.({ fraction: Math.min(1, (at + XML_SLICE) / xml.length), rows, page: Math.max(renderedPage, explicitPage) });
  }
  parser.close();
  const useRendered = renderedPage > 1;
  rows.forEach((row, i) => (row.page = useRendered ? pageOf[i]!.rendered : pageOf[i]!.explicit));
  return rows;
}
