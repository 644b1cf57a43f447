// Legacy SKJ books read from real files (contract §7.5): the two sample layouts and our own variants, each
// compared field by field with its truth, and the files that must be refused with a clear message.
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { readLegacyFile } from "~/services/legacy-skj/read-file.server";
import { compareWithTruth } from "../fixtures/legacy-skj/compare";
import { oneSheetBookXlsx, unborderedBookDocx, type TruthSkj } from "../fixtures/legacy-skj/variants";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/legacy-skj/${name}`, import.meta.url)));
const truth = JSON.parse(readFileSync(new URL("../fixtures/legacy-skj/truth.json", import.meta.url), "utf8")) as {
  files: Record<string, TruthSkj[]>;
};
// education printed in one row needs one set of fields for every level, as the truth documents have
const allTruth = [...truth.files["a1-bordered.docx"]!, ...truth.files["a2-form.xlsx"]!];
// a layout that prints education in one row has one tick for level and fields
const oneRowEducation = allTruth.map((t) => {
  const { educationFields: _, ...importance } = t.requirements.importance ?? {};
  return {
    ...t,
    requirements: {
      ...t.requirements,
      importance: { ...importance, ...(importance.educationLevel ? { educationFields: importance.educationLevel } : {}) },
    },
  };
});
const UNITS = ["DINAS PENDIDIKAN", "DINAS PENDIDIKAN", "SEKRETARIAT DAERAH", "KECAMATAN SUKAMAJU", "DINAS KESEHATAN", "KECAMATAN SUKAMAJU"];

async function expectTruth(file: string, bytes: Uint8Array, want: TruthSkj[]) {
  const read = await readLegacyFile(file, bytes);
  expect(read.map((r) => r.document.position.name)).toEqual(want.map((t) => t.position.name));
  read.forEach((r, i) => {
    const { differences } = compareWithTruth(r.document, want[i] as never);
    expect(differences, `${file} SKJ ${i + 1}`).toEqual([]);
    expect(r.problems, `${file} SKJ ${i + 1}`).toEqual([]);
  });
  return read;
}

describe("legacy SKJ files", () => {
  it("reads the bordered Word sample to its truth, each SKJ on its own page and table", async () => {
    const read = await expectTruth("a1-bordered.docx", fixture("a1-bordered.docx"), truth.files["a1-bordered.docx"]!);
    expect(read.map((r) => r.source)).toEqual([
      { file: "a1-bordered.docx", page: 1, table: 1 },
      { file: "a1-bordered.docx", page: 2, table: 4 },
      { file: "a1-bordered.docx", page: 3, table: 7 },
    ]);
    expect(read[1]!.headerLines).toEqual(["DINAS PENDIDIKAN KABUPATEN LEMBAH PERMAI"]);
  });

  it("reads the Excel form sample to its truth, one worksheet per SKJ", async () => {
    const read = await expectTruth("a2-form.xlsx", fixture("a2-form.xlsx"), truth.files["a2-form.xlsx"]!);
    expect(read.map((r) => r.source.table)).toEqual(["Camat", "Kasubag Umpeg Dinkes", "Pengadministrasi Perkantoran"]);
    expect(read[1]!.headerLines).toEqual(["DINAS KESEHATAN", "KABUPATEN LEMBAH PERMAI"]);
  });

  it("reads a Word book with a cover, a DAFTAR ISI, unbordered identity lines and one row per indicator", async () => {
    const read = await expectTruth("buku.docx", await unborderedBookDocx(allTruth, UNITS), oneRowEducation);
    // the cover and the table of contents are pages 1 and 2
    expect(read.map((r) => r.source.page)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(read.map((r) => r.headerLines[0])).toEqual(UNITS);
  });

  it("reads an Excel book with every SKJ in one worksheet and all indicators of a level in one cell", async () => {
    await expectTruth("buku.xlsx", await oneSheetBookXlsx(allTruth, UNITS), oneRowEducation);
  });

  it.each([
    ["a text file", new TextEncoder().encode("Nama Jabatan: Camat"), "bukan Word (.docx), Excel (.xlsx), atau PDF"],
    ["a password-protected Office file", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "terkunci kata sandi"],
    ["a broken zip", new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "rusak"],
  ])("refuses %s with a clear message", async (_, bytes, message) => {
    await expect(readLegacyFile("x", bytes)).rejects.toThrow(message);
  });

  it("refuses a scanned PDF without a text layer, and a broken PDF", async () => {
    const scanned = await PDFDocument.create();
    scanned.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
    await expect(readLegacyFile("pindaian.pdf", await scanned.save())).rejects.toThrow(
      "PDF ini tidak memiliki lapisan teks; pindai dengan OCR lebih dulu.",
    );
    await expect(readLegacyFile("rusak.pdf", new TextEncoder().encode("%PDF-1.7 rusak"))).rejects.toThrow(
      "PDF ini rusak dan tidak dapat dibaca.",
    );
  });

  it("refuses a Word file that holds no SKJ", async () => {
    const zip = new JSZip();
    zip.file(
      "word/document.xml",
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Surat undangan rapat</w:t></w:r></w:p></w:body></w:document>`,
    );
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(readLegacyFile("undangan.docx", bytes)).rejects.toThrow(
      'undangan.docx: tidak ada SKJ yang dikenali (tidak ditemukan baris "Nama Jabatan").',
    );
  });
});
