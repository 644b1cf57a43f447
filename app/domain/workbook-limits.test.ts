import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readZipDirectory, WORKBOOK_LIMITS, workbookSizeProblem, type ZipEntry } from "./workbook-limits";

const MB = 1024 * 1024;
const entry = (name: string, uncompressedSize: number, compressedSize = uncompressedSize / 10): ZipEntry => ({
  name,
  method: 8,
  compressedSize,
  uncompressedSize,
  localHeaderOffset: 0,
});

describe("readZipDirectory", () => {
  it("lists every entry with the sizes the central directory states, and refuses what is not a zip", async () => {
    const zip = new JSZip();
    zip.file("xl/worksheets/sheet1.xml", "<row>".repeat(1000));
    zip.file("xl/workbook.xml", "<workbook/>", { compression: "STORE" });
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", comment: "dibuat untuk uji" });
    const entries = readZipDirectory(bytes)!;
    expect(entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ["xl/", 0, 0],
      ["xl/worksheets/", 0, 0],
      ["xl/worksheets/sheet1.xml", 8, 5000],
      ["xl/workbook.xml", 0, 11],
    ]);
    expect(entries[2]!.compressedSize).toBeLessThan(100);
    expect(readZipDirectory(new TextEncoder().encode("kode_unit,nama_unit\n"))).toBeNull();
  });
});

describe("workbookSizeProblem", () => {
  it("accepts a province-sized workbook", () => {
    expect(
      workbookSizeProblem("sotk.xlsx", [entry("xl/worksheets/sheet1.xml", 13 * MB, MB), entry("xl/sharedStrings.xml", 6 * MB, 0.3 * MB)]),
    ).toBeNull();
  });

  it("refuses too many parts, too many bytes in all, too big a part and too high a ratio, naming the file", () => {
    const many = Array.from({ length: WORKBOOK_LIMITS.maxEntries + 1 }, (_, i) => entry(`x/${i}.xml`, 10));
    expect(workbookSizeProblem("a.xlsx", many)).toBe(
      "Berkas a.xlsx terlalu besar setelah dibuka: berisi 1.001 bagian, paling banyak 1.000; tidak ada yang dibaca.",
    );
    const total = [
      entry("xl/worksheets/sheet1.xml", 45 * MB),
      entry("xl/worksheets/sheet2.xml", 45 * MB),
      entry("xl/sharedStrings.xml", 45 * MB),
    ];
    expect(workbookSizeProblem("b.xlsx", total)).toBe(
      "Berkas b.xlsx terlalu besar setelah dibuka: isinya 135 MB, paling banyak 100 MB; tidak ada yang dibaca.",
    );
    expect(workbookSizeProblem("c.xlsx", [entry("xl/worksheets/sheet1.xml", 60 * MB)])).toBe(
      "Berkas c.xlsx terlalu besar setelah dibuka: bagian xl/worksheets/sheet1.xml berukuran 60 MB, paling banyak 50 MB per bagian; tidak ada yang dibaca.",
    );
    expect(workbookSizeProblem("d.xlsx", [entry("xl/worksheets/sheet1.xml", 20 * MB, 0.1 * MB)])).toBe(
      "Berkas d.xlsx terlalu besar setelah dibuka: bagian xl/worksheets/sheet1.xml mengembang 200 kali dari ukuran terkompresinya, paling banyak 100 kali; tidak ada yang dibaca.",
    );
  });

  it("lets small parts compress as they like, and refuses a ZIP64 part (4 GB or more)", () => {
    expect(workbookSizeProblem("e.xlsx", [entry("xl/styles.xml", 0.9 * MB, 1_000)])).toBeNull();
    expect(workbookSizeProblem("f.xlsx", [entry("xl/worksheets/sheet1.xml", Infinity, 4 * MB)])).toBe(
      "Berkas f.xlsx terlalu besar setelah dibuka: isinya 4 GB atau lebih, paling banyak 100 MB; tidak ada yang dibaca.",
    );
  });
});
