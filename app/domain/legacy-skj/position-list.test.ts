import { describe, expect, it } from "vitest";
import { listedUnits, positionList } from "./position-list";
import { paragraphRow, type LegacyRow } from "./source";

const tableRow = (texts: string[], table = 1): LegacyRow => ({ cells: texts.map((text, col) => ({ text, col, span: 1 })), table, page: 1 });

describe("a book's list of positions", () => {
  it("reads the name and unit columns of the list table by their headers, and nothing after the table", () => {
    const rows = [
      paragraphRow("DAFTAR JABATAN"),
      tableRow(["No", "Nama Jabatan", "Kode Jabatan", "Unit Kerja", "Versi"]),
      tableRow(["1", "Camat", "KEC.CAMAT", "Kecamatan Sukamaju", "1"]),
      tableRow(["2", "Sekretaris", "DINKES.SEK", "Dinas Kesehatan — Sekretariat", "1"]),
      tableRow(["No", "Kompetensi", "Level", "Deskripsi", "Unit"], 2),
      paragraphRow("Sekretaris : Dinas Pendidikan"),
    ];
    expect(positionList(rows)).toEqual([
      { name: "Camat", unit: "Kecamatan Sukamaju" },
      { name: "Sekretaris", unit: "Dinas Kesehatan — Sekretariat" },
    ]);
  });

  it("gives each SKJ the next listed row of its name, so one name in two units takes them in the book's order", () => {
    const list = [
      { name: "Sekretaris", unit: "Dinas Kesehatan" },
      { name: "Camat", unit: "Kecamatan Sukamaju" },
      { name: "SEKRETARIS", unit: "Dinas Pendidikan" },
    ];
    expect(listedUnits(["Sekretaris", "Camat", "Sekretaris", "Lurah"], list)).toEqual([
      "Dinas Kesehatan",
      "Kecamatan Sukamaju",
      "Dinas Pendidikan",
      null,
    ]);
  });
});
