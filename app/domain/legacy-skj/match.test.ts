import { describe, expect, it } from "vitest";
import {
  matchPosition,
  matchTechnical,
  regulationTextProblems,
  technicalIndex,
  type DictionaryEntry,
  type RegisterPosition,
} from "./match";
import { NameIndex } from "./name-index";

const positions: RegisterPosition[] = [
  {
    code: "DISDIK.KASUBBAG",
    name: "Kepala Subbagian Umum dan Kepegawaian",
    unitCode: "DISDIK.UMPEG",
    unitPath: ["Dinas Pendidikan", "Sekretariat", "Subbagian Umum dan Kepegawaian"],
    governmentAffair: "Pendidikan",
    summary: "",
  },
  {
    code: "DINKES.KASUBBAG",
    name: "Kepala Subbagian Umum dan Kepegawaian",
    unitCode: "DINKES.UMPEG",
    unitPath: ["Dinas Kesehatan", "Sekretariat", "Subbagian Umum dan Kepegawaian"],
    governmentAffair: "Kesehatan",
    summary: "",
  },
  {
    code: "KEC.CAMAT",
    name: "Camat",
    unitCode: "KEC",
    unitPath: ["Kecamatan Sukamaju"],
    governmentAffair: "Pemerintahan Umum",
    summary: "",
  },
];
const register = new NameIndex(positions);
const printed = (name: string, more: Partial<Parameters<typeof matchPosition>[0]> = {}) => ({
  name,
  governmentAffair: null,
  summary: "",
  headerLines: [],
  unitText: null,
  ...more,
});

describe("legacy SKJ position matching", () => {
  it("sends two positions of one name to the unit the book names under the title", () => {
    expect(
      matchPosition(
        printed("Kepala Subbagian Umum dan Kepegawaian", { headerLines: ["DINAS KESEHATAN", "KABUPATEN LEMBAH PERMAI"] }),
        register,
      ).match?.positionCode,
    ).toBe("DINKES.KASUBBAG");
    expect(
      matchPosition(
        printed("Kepala Sub Bagian Umum dan Kepegawaian", { headerLines: ["DINAS PENDIDIKAN KABUPATEN LEMBAH PERMAI"] }),
        register,
      ).match?.positionCode,
    ).toBe("DISDIK.KASUBBAG");
    expect(
      matchPosition(printed("Kepala Subbagian Umum dan Kepegawaian", { governmentAffair: "Kesehatan" }), register).match?.positionCode,
    ).toBe("DINKES.KASUBBAG");
  });

  it("leaves the choice to the user, with the candidates, when nothing tells the units apart", () => {
    const { match, candidates } = matchPosition(printed("Kepala Subbagian Umum dan Kepegawaian"), register);
    expect(match).toBeNull();
    expect(candidates.map((c) => c.positionCode).sort()).toEqual(["DINKES.KASUBBAG", "DISDIK.KASUBBAG"]);
  });

  it("matches the only position of a name without any unit printed (our own print has no unit line)", () => {
    expect(matchPosition(printed("CAMAT"), register)).toMatchObject({ match: { positionCode: "KEC.CAMAT", score: 1 } });
  });

  it("prefers the unit whose whole name the book prints to one whose name only begins it, and tells one unit's twins by the ikhtisar", () => {
    const twin = (code: string, unitPath: string[], summary: string): RegisterPosition => ({
      code,
      name: "Pengelola Keuangan",
      unitCode: code,
      unitPath,
      governmentAffair: "Keuangan",
      summary,
    });
    const twins = new NameIndex([
      twin("A", ["Badan Keuangan Daerah", "Sekretariat"], "Menyusun laporan keuangan."),
      twin("B", ["Badan Keuangan Daerah Kabupaten Sukamaju", "Sekretariat"], "Menyusun laporan keuangan."),
      twin("C", ["Badan Keuangan Daerah Kabupaten Sukamaju", "Sekretariat"], "Memverifikasi bukti pembayaran belanja."),
    ]);
    const unitText = "Badan Keuangan Daerah Kabupaten Sukamaju — Sekretariat";
    expect(
      matchPosition(printed("Pengelola Keuangan", { unitText, summary: "Menyusun laporan keuangan." }), twins).match?.positionCode,
    ).toBe("B");
    expect(
      matchPosition(printed("Pengelola Keuangan", { unitText, summary: "Memverifikasi bukti pembayaran belanja." }), twins).match
        ?.positionCode,
    ).toBe("C");
    expect(
      matchPosition(printed("Pengelola Keuangan", { unitText: "Badan Keuangan Daerah — Sekretariat", summary: "Lain." }), twins).match
        ?.positionCode,
    ).toBe("A");
  });

  it("finds no candidate for a position the register does not hold", () => {
    expect(matchPosition(printed("Kepala Dinas Pariwisata"), register)).toEqual({ match: null, candidates: [] });
  });
});

const dictionary: DictionaryEntry[] = [
  { code: "T.ANJAB", type: "teknis", name: "Analisis Jabatan", levels: [] },
  { code: "T.ARSIP", type: "teknis", name: "Pengelolaan Kearsipan", levels: [] },
  {
    code: "M.03",
    type: "manajerial",
    name: "Komunikasi",
    levels: [{ level: 2, description: "Aktif menjalankan komunikasi", indicators: ["Satu;", "Dua."] }],
  },
];

describe("legacy SKJ competency matching", () => {
  it.each([
    ["ANALISIS  JABATAN", "T.ANJAB"],
    ["Analisa Jabatan", "T.ANJAB"],
    ["Pengelolaan Kearsipan ", "T.ARSIP"],
    ["Pengelolaan Aset", null],
    ["Komunikasi", null],
  ])("%s → %s", (name, code) => expect(matchTechnical(name, technicalIndex(dictionary))?.code ?? null).toBe(code));

  it("reports a printed regulation level text that differs from the regulation, ignoring case and punctuation", () => {
    const same = {
      index: 2,
      code: "M.03" as const,
      name: "Komunikasi",
      level: 2,
      description: "aktif menjalankan komunikasi.",
      indicators: ["Satu", "Dua"],
    };
    expect(regulationTextProblems([same], dictionary)).toEqual([]);
    expect(regulationTextProblems([{ ...same, description: "Menjalankan komunikasi secara aktif" }], dictionary)).toEqual([
      {
        path: "competencies[2]",
        message:
          "Teks level 2 Komunikasi (M.03) yang tercetak berbeda dari teks Permenpan RB 38/2017; yang dipakai teks peraturan, teks tercetak tidak disimpan.",
      },
    ]);
  });
});
