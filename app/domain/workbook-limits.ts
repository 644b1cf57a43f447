// How big an uploaded workbook may become once unpacked. An XLSX is a zip: a few megabytes can hold hundreds of
// megabytes of sheet XML (a decompression bomb), and the spreadsheet library inflates and parses all of it at
// once. The zip's central directory states every entry's sizes, so they are checked here before anything is
// inflated; the reader then verifies while inflating that no entry is bigger than it said (see
// app/services/workbook-thread-entry.server.ts). Limits: docs/decisions/014-resource-limits.md.

export type ZipEntry = {
  name: string;
  /** 0 stored, 8 deflate */
  method: number;
  compressedSize: number;
  /** Infinity for a ZIP64 entry (4 GB or more), which no workbook we accept needs */
  uncompressedSize: number;
  localHeaderOffset: number;
};

// A province's whole SOTK (2,000 units and 20,000 positions) is about 13 MB unpacked with ratios up to 20.
export const WORKBOOK_LIMITS = {
  maxEntries: 1_000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  /** unpacked ÷ packed size of one entry; only for entries over `ratioFloorBytes`, small XML parts vary wildly */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxSheetRows: 100_000,
} as const;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_MARK = 0xffffffff;
const MAX_COMMENT = 0xffff;

function findEndOfDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - MAX_COMMENT);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** The entries named by the zip's central directory; null when the bytes are not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) return null;
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (start === ZIP64_MARK || start + size > end) return null;
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = start;
  while (at + 46 <= start + size) {
    if (view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: compressed,
      uncompressedSize: compressed === ZIP64_MARK || uncompressed === ZIP64_MARK ? Infinity : uncompressed,
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  return entries;
}

const megabytes = (n: number) => `${Math.ceil(n / 1024 / 1024).toLocaleString("id-ID")} MB`;
const tooBig = (fileName: string, why: string) => `Berkas ${fileName} terlalu besar setelah dibuka: ${why}; tidak ada yang dibaca.`;

/** Why a workbook with these entries is refused before inflating, or null when its sizes are acceptable. */
export function workbookSizeProblem(fileName: string, entries: readonly ZipEntry[]): string | null {
  const limits = WORKBOOK_LIMITS;
  if (entries.length > limits.maxEntries) {
    return tooBig(
      fileName,
      `berisi ${entries.length.toLocaleString("id-ID")} bagian, paling banyak ${limits.maxEntries.toLocaleString("id-ID")}`,
    );
  }
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxTotalBytes) {
    const shown = Number.isFinite(total) ? `isinya ${megabytes(total)}` : "isinya 4 GB atau lebih";
    return tooBig(fileName, `${shown}, paling banyak ${megabytes(limits.maxTotalBytes)}`);
  }
  for (const e of entries) {
    if (e.uncompressedSize > limits.maxEntryBytes) {
      return tooBig(
        fileName,
        `bagian ${e.name} berukuran ${megabytes(e.uncompressedSize)}, paling banyak ${megabytes(limits.maxEntryBytes)} per bagian`,
      );
    }
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      return tooBig(
        fileName,
        `bagian ${e.name} mengembang ${Math.round(ratio).toLocaleString("id-ID")} kali dari ukuran terkompresinya, paling banyak ${limits.maxRatio} kali`,
      );
    }
  }
  return null;
}

export const tooManyRowsProblem = (fileName: string) =>
  tooBig(
    fileName,
    `salah satu lembarnya memiliki lebih dari ${WORKBOOK_LIMITS.maxSheetRows.toLocaleString("id-ID")} baris; bagi data menjadi beberapa berkas`,
  );

export const sizeMismatchProblem = (fileName: string, entry: string) =>
  tooBig(fileName, `bagian ${entry} lebih besar daripada ukuran yang dicantumkan di dalam berkas`);
