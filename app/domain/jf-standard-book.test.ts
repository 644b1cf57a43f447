import { describe, expect, it } from "vitest";
import { REGULATION_CODES } from "./dictionary";
import { jfOfPositionName, jfStandardBook, type BookSkj } from "./jf-standard-book";
import type { DictionaryEntry } from "./legacy-skj/match";

const ACT = { legalBasis: "Peraturan Contoh Nomor 3 Tahun 2026", instansiPembina: "Instansi Contoh" };
const dictionary: { published: DictionaryEntry[]; unpublished: DictionaryEntry[] } = {
  published: [
    { code: "T.ARSIP", type: "teknis", name: "Pengelolaan Kearsipan", levels: [] },
    { code: "T.OTDA", type: "teknis", name: "Advokasi Kebijakan Otonomi Daerah", levels: [] },
  ],
  unpublished: [],
};

function book(page: number, name: string, technicalLevel: number, group: BookSkj["document"]["position"]["group"] = null): BookSkj {
  const technical = (n: string) => ({ code: null, name: n, level: technicalLevel, description: "", indicators: [] });
  return {
    source: { file: "buku.docx", page },
    document: {
      schemaVersion: 1,
      position: { code: "", name, group, functionalLevel: null, unitCode: "", governmentAffair: null, summary: "", jobCode: null },
      competencies: [
        ...REGULATION_CODES.map((code) => ({ code, level: 2 })),
        technical("Advokasi Kebijakan Otonomi Daerah"),
        technical("Pengelolaan Kearsipan"),
      ],
      requirements: {
        rank: null,
        education: [],
        training: { managerial: [], technical: [], functional: [] },
        experience: [],
        performanceIndicators: [],
      },
    },
  };
}

describe("JF standards from a legacy SKJ book", () => {
  it("reads the JF and jenjang off the position name", () => {
    expect(jfOfPositionName("Perawat Penyelia")).toEqual({ jf: "Perawat", jenjang: "penyelia" });
    expect(jfOfPositionName("Analis Sumber Daya Manusia Aparatur  AHLI MUDA")).toEqual({
      jf: "Analis Sumber Daya Manusia Aparatur",
      jenjang: "ahli_muda",
    });
    expect(jfOfPositionName("Pranata Komputer - Mahir")).toEqual({ jf: "Pranata Komputer", jenjang: "mahir" });
    expect(jfOfPositionName("Kepala Subbagian Umum dan Kepegawaian")).toBeNull();
    expect(jfOfPositionName("Ahli Muda")).toBeNull();
  });

  it("takes a JF printed again identically once, and refuses one printed again with other levels", () => {
    const same = jfStandardBook("buku.docx", [book(3, "Arsiparis Terampil", 2), book(7, "Arsiparis Terampil", 2)], dictionary, ACT);
    expect(same.errors).toEqual([]);
    expect(same.items.map((i) => i.value)).toEqual([
      expect.objectContaining({ jf: "Arsiparis", jenjang: "terampil", technical: [{ code: "T.ARSIP", level: 2 }], ...ACT }),
    ]);
    expect(same.skipped).toEqual([
      { where: "buku.docx, hlm. 7", name: "Arsiparis Terampil", reason: "sama dengan SKJ di buku.docx, hlm. 3, SKJ Arsiparis Terampil" },
    ]);

    const differs = jfStandardBook("buku.docx", [book(3, "Arsiparis Terampil", 2), book(7, "Arsiparis Terampil", 3)], dictionary, ACT);
    expect(differs.errors).toEqual([
      {
        file: "buku.docx, hlm. 7, SKJ Arsiparis Terampil",
        row: 0,
        column: "SKJ",
        message: expect.stringContaining(
          "tercetak juga di buku.docx, hlm. 3, SKJ Arsiparis Terampil dengan level atau kompetensi teknis lain",
        ),
      },
    ]);
  });

  it("skips structural SKJ and refuses a book without any JF SKJ", () => {
    const none = jfStandardBook("buku.docx", [book(1, "Kepala Seksi Kearsipan", 2, "pengawas"), book(2, "Arsiparis", 2)], dictionary, ACT);
    expect(none.items).toEqual([]);
    expect(none.skipped.map((s) => s.reason)).toEqual([
      "Jabatan Pengawas, bukan jabatan fungsional",
      "nama jabatan tidak berakhir dengan jenjang jabatan fungsional",
    ]);
    expect(none.errors).toEqual([
      expect.objectContaining({ file: "buku.docx", column: "berkas", message: expect.stringContaining("2 SKJ dilewati") }),
    ]);
  });
});
