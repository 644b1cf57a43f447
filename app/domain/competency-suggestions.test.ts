import { describe, expect, it } from "vitest";
import { nameOverlap, positionNameRoots, rankSuggestions, SIMILAR_NAME_THRESHOLD, type SuggestionSignals } from "./competency-suggestions";

const NONE: SuggestionSignals = {
  similar: { totalWeight: 0, uses: new Map() },
  unit: { total: 0, uses: new Map(), unitName: "Bagian Tata Laksana" },
  affair: { total: 0, uses: new Map(), affair: "Pemerintahan Umum" },
  summary: [],
};

const signals = (over: Partial<SuggestionSignals>): SuggestionSignals => ({ ...NONE, ...over });
const codes = (list: { code: string }[]) => list.map((s) => s.code);

describe("rankSuggestions", () => {
  it("puts what most similar positions use above what one unit neighbour uses, and says why", () => {
    const ranked = rankSuggestions(
      signals({
        similar: {
          totalWeight: 14,
          uses: new Map([
            ["T.DATA", { positions: 14, weight: 14 }],
            ["T.ARSIP", { positions: 2, weight: 1.5 }],
          ]),
        },
        unit: { total: 1, uses: new Map([["T.ANJAB", 1]]), unitName: "Bagian Tata Laksana" },
      }),
      new Set(),
    );
    expect(codes(ranked)).toEqual(["T.DATA", "T.ANJAB", "T.ARSIP"]);
    expect(ranked[0]!.reasons).toEqual(["dipakai 14 jabatan serupa"]);
    expect(ranked[1]!.reasons).toEqual(["dipakai 1 jabatan di unit yang sama (Bagian Tata Laksana)"]);
  });

  it("adds up the signals, so an entry named by several outranks one named strongly by a single one", () => {
    const ranked = rankSuggestions(
      signals({
        unit: {
          total: 10,
          uses: new Map([
            ["T.A", 5],
            ["T.B", 6],
          ]),
          unitName: "Bidang Data",
        },
        affair: { total: 100, uses: new Map([["T.A", 60]]), affair: "Statistik" },
        summary: [{ code: "T.A", words: ["data", "statistik"] }],
      }),
      new Set(),
    );
    expect(codes(ranked)).toEqual(["T.A", "T.B"]);
    // strongest reason first
    expect(ranked[0]!.reasons).toEqual([
      "dipakai 5 jabatan di unit yang sama (Bidang Data)",
      "cocok dengan ikhtisar: data, statistik",
      "dipakai 60 jabatan urusan Statistik",
    ]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it("weighs a share of a group, not a raw count: 3 of 4 similar positions beat 10 of 200", () => {
    const ranked = rankSuggestions(
      signals({
        affair: { total: 200, uses: new Map([["T.LUAS", 10]]), affair: null },
        unit: { total: 4, uses: new Map([["T.FOKUS", 3]]), unitName: "Seksi Mutu" },
      }),
      new Set(),
    );
    expect(codes(ranked)).toEqual(["T.FOKUS", "T.LUAS"]);
    expect(ranked[1]!.reasons).toEqual(["dipakai 10 jabatan urusan yang sama"]);
  });

  it("ranks ikhtisar matches by their order when nothing else speaks", () => {
    const ranked = rankSuggestions(
      signals({
        summary: [
          { code: "T.TATALAKSANA", words: ["proses", "bisnis"] },
          { code: "T.ANJAB", words: ["peta"] },
        ],
      }),
      new Set(),
    );
    expect(ranked.map((s) => [s.code, s.reasons])).toEqual([
      ["T.TATALAKSANA", ["cocok dengan ikhtisar: proses, bisnis"]],
      ["T.ANJAB", ["cocok dengan ikhtisar: peta"]],
    ]);
  });

  it("never suggests what the SKJ already holds, nor T.OTDA, and stops at the limit", () => {
    const uses = new Map(["T.OTDA", "T.A", "T.B", "T.C", "T.D"].map((c, i) => [c, { positions: 10 - i, weight: 10 - i }]));
    const ranked = rankSuggestions(signals({ similar: { totalWeight: 10, uses } }), new Set(["T.B"]), 2);
    expect(codes(ranked)).toEqual(["T.A", "T.C"]);
  });

  it("breaks ties by code, so the list does not shuffle between requests", () => {
    const ranked = rankSuggestions(
      signals({
        unit: {
          total: 3,
          uses: new Map([
            ["T.Z", 1],
            ["T.M", 1],
          ]),
          unitName: "Unit",
        },
      }),
      new Set(),
    );
    expect(codes(ranked)).toEqual(["T.M", "T.Z"]);
  });

  it("suggests nothing without signals", () => {
    expect(rankSuggestions(NONE, new Set())).toEqual([]);
  });
});

describe("position names", () => {
  const stem = (w: string) => ({ pengolah: "olah", pengolahan: "olah", informasi: "informasi" })[w] ?? w;

  it("keeps the root words of the job, without function words, the jenjang or the structure of a title", () => {
    expect(positionNameRoots(["pengolah", "data", "dan", "informasi"], stem)).toEqual(["olah", "data", "informasi"]);
    expect(positionNameRoots(["analis", "kebijakan", "ahli", "muda"], stem)).toEqual(["analis", "kebijakan"]);
    expect(positionNameRoots(["kepala", "subbagian", "umum", "dan", "kepegawaian"], stem)).toEqual(["umum", "kepegawaian"]);
  });

  it("counts the same job at another jenjang as the same name, and a shared title word alone as not similar", () => {
    const roots = (name: string) => positionNameRoots(name.toLowerCase().split(" "), stem);
    expect(nameOverlap(roots("Analis Kebijakan Ahli Muda"), roots("Analis Kebijakan Ahli Pertama"))).toBe(1);
    expect(nameOverlap(roots("Pengolah Data dan Informasi"), roots("Pengolahan Data"))).toBeCloseTo(2 / 3);
    expect(nameOverlap(roots("Pengolah Data dan Informasi"), roots("Pengolahan Data"))).toBeGreaterThanOrEqual(SIMILAR_NAME_THRESHOLD);
    expect(nameOverlap(roots("Kepala Dinas Kesehatan"), roots("Kepala Seksi Kurikulum"))).toBe(0);
    expect(nameOverlap(roots("Kepala Subbagian Umum dan Kepegawaian"), roots("Kepala Bagian Umum dan Kepegawaian"))).toBe(1);
    expect(nameOverlap([], [])).toBe(0);
  });
});
