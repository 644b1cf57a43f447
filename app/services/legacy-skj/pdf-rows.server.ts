// A PDF book with a text layer as the neutral rows of the legacy reader. The text layer has positions but no
// cells, so rows are the printed lines (items of one baseline), split into chunks at wide gaps, and inside a
// table the chunks are placed in the columns its header row names: a column reaches from the end of the
// previous column's header to the end of its own, which holds for left-aligned and centred headers alike.
import { getDocumentProxy } from "unpdf";
import type { LegacyCell, LegacyRow, ReadProgress } from "~/domain/legacy-skj/source";
import { fold } from "~/domain/legacy-skj/text";
import { LegacyFileError } from "./errors.server";

interface Chunk {
  text: string;
  x0: number;
  x1: number;
}
interface Line {
  y: number;
  size: number;
  chunks: Chunk[];
}

/** Words that name one column of a competency or requirements table header. */
const COLUMN_WORDS =
  /^(no|nomor|kompetensi|nama kompetensi|level|tingkat|deskripsi|diskripsi|uraian|indikator|indikator kompetensi|indikator perilaku|jenis persyaratan|persyaratan|mutlak|penting|perlu|keterangan)$/;
/** Header words that span several columns ("Tingkat Pentingnya terhadap Jabatan"), wrapped or not. */
const SPANNING_WORDS = /^(tingkat pentingnya( terhadap jabatan)?|terhadap jabatan|tingkat kepentingan( terhadap jabatan)?)$/;
const NEEDS = [/kompetensi/, /level|tingkat/];
const NEEDS_REQUIREMENTS = [/mutlak|uraian/];

export async function pdfRows(bytes: Uint8Array, onProgress?: ReadProgress): Promise<LegacyRow[]> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(bytes.slice());
  } catch (error) {
    if (error instanceof Error && error.name === "PasswordException")
      throw new LegacyFileError("PDF ini terkunci kata sandi; buka kuncinya lebih dulu.");
    throw new LegacyFileError("PDF ini rusak dan tidak dapat dibaca.");
  }
  const rows: LegacyRow[] = [];
  let characters = 0;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const lines = pageLines((await page.getTextContent()).items as TextItem[], page.view[3] ?? 842);
      characters += lines.reduce((sum, l) => sum + l.chunks.reduce((s, c) => s + c.text.length, 0), 0);
      rows.push(...linesToRows(lines, n));
      page.cleanup();
      onProgress?.({ fraction: n / pdf.numPages, rows, page: n });
    }
  } finally {
    await pdf.destroy();
  }
  if (characters === 0) throw new LegacyFileError("PDF ini tidak memiliki lapisan teks; pindai dengan OCR lebih dulu.");
  return rows;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

/** The page's lines top to bottom: watermarks (rotated) and page numbers in the margins left out. */
function pageLines(items: TextItem[], pageHeight: number): Line[] {
  const lines: Line[] = [];
  const upright = items.filter((i) => i.str.trim() !== "" && Math.abs(i.transform[1] ?? 0) < 0.01 && Math.abs(i.transform[2] ?? 0) < 0.01);
  upright.sort((a, b) => b.transform[5]! - a.transform[5]! || a.transform[4]! - b.transform[4]!);
  for (const item of upright) {
    const y = item.transform[5]!;
    const size = Math.abs(item.transform[3]!) || 10;
    const line = lines.find((l) => Math.abs(l.y - y) <= Math.max(1.5, size * 0.25));
    const chunk = { text: item.str, x0: item.transform[4]!, x1: item.transform[4]! + item.width };
    if (line) line.chunks.push(chunk);
    else lines.push({ y, size, chunks: [chunk] });
  }
  for (const line of lines)
    line.chunks = joinClose(
      line.chunks.sort((a, b) => a.x0 - b.x0),
      line.size,
    );
  lines.sort((a, b) => b.y - a.y);
  const margin = Math.min(60, pageHeight * 0.07);
  return lines.filter(
    (l) =>
      !(
        (l.y < margin || l.y > pageHeight - margin) &&
        /^(halaman\s+\d+(\s+dari\s+\d+)?|[-–]?\s*\d{1,4}\s*[-–]?)$/i.test(
          l.chunks
            .map((c) => c.text)
            .join(" ")
            .trim(),
        )
      ),
  );
}

/** Items closer than a space's width belong to one chunk (one cell's line of text). */
function joinClose(chunks: Chunk[], size: number): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const last = out[out.length - 1];
    if (last && c.x0 - last.x1 < size * 0.45) {
      last.text = `${last.text}${c.x0 - last.x1 > size * 0.1 && !last.text.endsWith(" ") ? " " : ""}${c.text}`;
      last.x1 = Math.max(last.x1, c.x1);
    } else out.push({ ...c });
  }
  return out.map((c) => ({ ...c, text: c.text.trim() }));
}

const isHeaderLine = (line: Line) => line.chunks.every((c) => COLUMN_WORDS.test(fold(c.text)) || SPANNING_WORDS.test(fold(c.text)));

/** Columns of a header block: spanning words dropped, words wrapped inside one column merged. */
function headerColumns(block: Line[]): Chunk[] {
  const cols: Chunk[] = [];
  for (const c of block
    .flatMap((l) => l.chunks)
    .filter((c) => !SPANNING_WORDS.test(fold(c.text)))
    .sort((a, b) => a.x0 - b.x0)) {
    const overlapping = cols.find((k) => c.x0 < k.x1 && c.x1 > k.x0);
    if (overlapping) {
      overlapping.text = `${overlapping.text} ${c.text}`;
      overlapping.x0 = Math.min(overlapping.x0, c.x0);
      overlapping.x1 = Math.max(overlapping.x1, c.x1);
    } else cols.push({ ...c });
  }
  return cols;
}

function linesToRows(lines: Line[], page: number): LegacyRow[] {
  const rows: LegacyRow[] = [];
  let columns: Chunk[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isHeaderLine(line)) {
      const block = [line];
      while (i + 1 < lines.length && isHeaderLine(lines[i + 1]!)) block.push(lines[++i]!);
      const words = fold(block.flatMap((l) => l.chunks.map((c) => c.text)).join(" "));
      if (NEEDS.every((re) => re.test(words)) || NEEDS_REQUIREMENTS.every((re) => re.test(words))) {
        columns = headerColumns(block);
        rows.push({ cells: columns.map((c, col) => ({ text: c.text, col, span: 1 })), table: null, page, wrapped: true });
        continue;
      }
      // header-like words that make no table header (a lone "No") are text like any other
      i -= block.length - 1;
    }
    // text left of the table's first column is no longer the table
    if (columns && line.chunks[0]!.x0 < columns[0]!.x0 - 3) columns = null;
    rows.push({
      cells: columns ? placeInColumns(line.chunks, columns) : line.chunks.map((c, col) => ({ text: c.text, col, span: 1 })),
      table: null,
      page,
      wrapped: true,
    });
  }
  return rows;
}

function placeInColumns(chunks: Chunk[], columns: Chunk[]): LegacyCell[] {
  const cells: LegacyCell[] = [];
  for (const chunk of chunks) {
    const col = Math.min(columns.length - 1, columns.filter((k) => k.x1 <= chunk.x0 + 0.5).length);
    const same = cells.find((c) => c.col === col);
    if (same) same.text = `${same.text} ${chunk.text}`;
    else cells.push({ text: chunk.text, col, span: 1 });
  }
  return cells;
}
