// One legacy file, whatever its kind, read into SKJ documents (contract §7.5). The kind is told by the bytes,
// not the file name, so a renamed file is still read or refused with the right message.
import JSZip from "jszip";
import { legacyDocument, type LegacyDocument, type LegacySource, type RegulationPrint } from "~/domain/legacy-skj/document";
import { readLegacySkj, type LegacyProblem } from "~/domain/legacy-skj/read-skj";
import type { LegacyRow, ReadProgress } from "~/domain/legacy-skj/source";
import { docxRows } from "./docx-rows.server";
import { LegacyFileError } from "./errors.server";
import { pdfRows } from "./pdf-rows.server";
import { xlsxRows } from "./xlsx-rows.server";

export const LEGACY_FILE_MAX_BYTES = 100 * 1024 * 1024;

export interface LegacyFileSkj {
  source: LegacySource;
  /** Lines printed between the title and the identity: the perangkat daerah, which helps matching. */
  headerLines: string[];
  unitText: string | null;
  document: LegacyDocument;
  problems: LegacyProblem[];
  /** What the SKJ printed for M.01…SK.01, to be checked against the regulation's texts. */
  regulationPrints: RegulationPrint[];
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function legacyFileRows(bytes: Uint8Array, onProgress?: ReadProgress): Promise<LegacyRow[]> {
  if (bytes.byteLength > LEGACY_FILE_MAX_BYTES)
    throw new LegacyFileError(`Berkas lebih besar dari ${LEGACY_FILE_MAX_BYTES / 1024 / 1024} MB; pecah buku menjadi beberapa berkas.`);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return pdfRows(bytes, onProgress);
  // OLE compound file: a password-protected Office file, or the old .doc/.xls format
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    throw new LegacyFileError(
      "Berkas ini terkunci kata sandi atau berformat lama (.doc/.xls); buka lalu simpan sebagai .docx/.xlsx tanpa kata sandi.",
    );
  if (!startsWith(bytes, [0x50, 0x4b])) throw new LegacyFileError("Berkas ini bukan Word (.docx), Excel (.xlsx), atau PDF.");
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new LegacyFileError("Berkas ini rusak: arsip .docx/.xlsx tidak dapat dibuka.");
  }
  if (zip.file("word/document.xml")) return docxRows(bytes, onProgress);
  if (zip.file("xl/workbook.xml")) return xlsxRows(bytes);
  throw new LegacyFileError("Berkas ini bukan Word (.docx), Excel (.xlsx), atau PDF.");
}

export async function readLegacyFile(file: string, bytes: Uint8Array, onProgress?: ReadProgress): Promise<LegacyFileSkj[]> {
  let rows: LegacyRow[];
  try {
    rows = await legacyFileRows(bytes, onProgress);
  } catch (error) {
    // the message names the file, since one import may take many
    if (error instanceof LegacyFileError) throw new LegacyFileError(`${file}: ${error.message}`);
    throw error;
  }
  const reads = readLegacySkj(rows);
  if (reads.length === 0) throw new LegacyFileError(`${file}: tidak ada SKJ yang dikenali (tidak ditemukan baris "Nama Jabatan").`);
  return reads.map((read) => {
    const { document, problems, regulationPrints } = legacyDocument(read);
    return {
      source: {
        file,
        ...(read.source.page !== null ? { page: read.source.page } : {}),
        ...(read.source.table !== null ? { table: read.source.table } : {}),
      },
      headerLines: read.headerLines,
      unitText: read.identity.unit ?? read.listedUnit,
      document,
      problems,
      regulationPrints,
    };
  });
}
