// Runs in a worker thread (see readWorkbookSheets in spreadsheet.server.ts): verifies while inflating that no
// entry of the zip is bigger than its directory said and that no sheet has too many rows, then parses the
// workbook and hands back each sheet's grid. The directory's sizes were already checked before this thread began.
import { parentPort, workerData } from "node:worker_threads";
import zlib from "node:zlib";
import { sizeMismatchProblem, tooManyRowsProblem, WORKBOOK_LIMITS, type ZipEntry } from "~/domain/workbook-limits";
import { parseWorkbook, type WorkbookReply } from "./spreadsheet.server";

const LOCAL_HEADER = 0x04034b50;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
// `<row ` or `<row>`; a match is 5 characters, so a 4-character carry-over never counts one twice
const ROW_TAG = /<row[\s>]/g;

type Facts = "ok" | "bigger-than-declared" | "too-many-rows" | "unreadable";

async function inflatedFacts(bytes: Uint8Array, entry: ZipEntry, countRows: boolean): Promise<Facts> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) return "unreadable";
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const packed = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return packed.byteLength > entry.uncompressedSize ? "bigger-than-declared" : "ok";
  if (entry.method !== 8) return "unreadable";
  const inflater = zlib.createInflateRaw();
  inflater.end(packed);
  let total = 0;
  let rows = 0;
  let carry = "";
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > entry.uncompressedSize) return "bigger-than-declared";
      if (!countRows) continue;
      const text = carry + chunk.toString("latin1");
      rows += text.match(ROW_TAG)?.length ?? 0;
      if (rows > WORKBOOK_LIMITS.maxSheetRows) return "too-many-rows";
      carry = text.slice(-4);
    }
  } catch {
    return "unreadable";
  } finally {
    inflater.destroy();
  }
  return "ok";
}

async function read({ fileName, bytes, entries }: { fileName: string; bytes: Uint8Array; entries: ZipEntry[] }): Promise<WorkbookReply> {
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const facts = await inflatedFacts(bytes, entry, SHEET_PART.test(entry.name));
    if (facts === "unreadable") break; // the parser below names the damage in its own words
    if (facts === "too-many-rows") return { error: tooManyRowsProblem(fileName) };
    if (facts === "bigger-than-declared") return { error: sizeMismatchProblem(fileName, entry.name) };
  }
  return parseWorkbook(fileName, bytes);
}

parentPort!.postMessage(await read(workerData));
