import { describe, expect, it } from "vitest";
import {
  SIMILARITY_THRESHOLD,
  isLikelyDuplicate,
  levenshtein,
  levenshteinRatio,
  nameSimilarity,
  nameTokens,
  tokenJaccard,
} from "./similarity";

describe("nameTokens", () => {
  it("ignores case, diacritics, punctuation and function words, but keeps content words", () => {
    expect(nameTokens("Pengelolaan  Barang/Jasa dan Aset Daérah")).toEqual(["pengelolaan", "barang", "jasa", "aset", "daerah"]);
    expect(nameTokens("— , ;")).toEqual([]);
  });
});

describe("levenshtein", () => {
  it("counts single-character edits", () => {
    expect(levenshtein("analisa", "analisis")).toBe(2);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("arsip", "arsip")).toBe(0);
    expect(levenshteinRatio("", "")).toBe(1);
    expect(levenshteinRatio("abcd", "abcf")).toBe(0.75);
  });
});

describe("tokenJaccard", () => {
  it("is the share of common words, counting a near spelling as the same word once", () => {
    expect(tokenJaccard(["analisis", "jabatan"], ["jabatan", "analisis"])).toBe(1);
    expect(tokenJaccard(["analisa", "jabatan"], ["analisis", "jabatan"])).toBe(1);
    expect(tokenJaccard(["pengelolaan", "arsip"], ["pengelolaan", "aset"])).toBeCloseTo(1 / 3);
    // one word of B cannot stand in for two words of A
    expect(tokenJaccard(["analisa", "analisis"], ["analisis"])).toBe(0.5);
  });
});

describe("nameSimilarity", () => {
  const flagged = [
    ["analisa jabatan", "Analisis Jabatan"],
    ["Jabatan, Analisis", "ANALISIS JABATAN"],
    ["Keuangan dan Aset", "Aset Keuangan"],
    ["Pengadaan Barang dan Jasa", "Pengadaan Barang/Jasa"],
    ["Perencanaan Pembangunan", "Perencanaan Pembangunan Daerah"],
    ["Pengelolaan Keuangan Daerah", "Pengelolaan Keuangan Daerah Provinsi"],
  ] as const;
  const distinct = [
    ["Keuangan Daerah", "Analisis Jabatan"],
    ["Pengelolaan Arsip", "Pengelolaan Aset"],
    ["Analisis Jabatan", "Analisis Beban Kerja"],
    ["Manajemen Risiko", "Manajemen Proyek"],
  ] as const;

  it.each(flagged)("flags %s ~ %s", (a, b) => {
    expect(nameSimilarity(a, b).score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(isLikelyDuplicate(a, b)).toBe(true);
  });

  it.each(distinct)("does not flag %s ~ %s", (a, b) => {
    expect(isLikelyDuplicate(a, b)).toBe(false);
  });

  it("is symmetric and 1 for the same name", () => {
    expect(nameSimilarity("Analisis Jabatan", "analisis jabatan").score).toBe(1);
    for (const [a, b] of [...flagged, ...distinct]) expect(nameSimilarity(a, b).score).toBeCloseTo(nameSimilarity(b, a).score);
  });

  it("exposes both measures so the warning can say why", () => {
    const s = nameSimilarity("analisa jabatan", "Analisis Jabatan");
    expect(s.jaccard).toBe(1);
    expect(s.levenshtein).toBeCloseTo(1 - 2 / 16);
    expect(s.score).toBeCloseTo((s.jaccard + s.levenshtein) / 2);
  });
});
