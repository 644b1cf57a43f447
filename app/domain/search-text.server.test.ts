import { describe, expect, it } from "vitest";
import { highlightParts } from "./search-highlight";
import { highlightSnippet, queryTerms, stemmedMatch, stemText, stemWord } from "./search-text.server";

const marked = (snippet: string | null) =>
  highlightParts(snippet ?? "")
    .filter((p) => p.match)
    .map((p) => p.text);

describe("Indonesian root words", () => {
  it("strips the affixes of the words analysts search for", () => {
    expect(["pengelolaan", "kearsipan", "perencanaan", "kepegawaian", "pengembangan", "pengendalian"].map(stemWord)).toEqual([
      "kelola",
      "arsip",
      "rencana",
      "pegawai",
      "kembang",
      "kendali",
    ]);
    // roots and words without a known root stay as they are
    expect(["arsip", "kelola", "zonasi", "anjab", "2024"].map(stemWord)).toEqual(["arsip", "kelola", "zonasi", "anjab", "2024"]);
  });

  it("turns a text into one root per word, in order, ignoring case, diacritics and punctuation", () => {
    expect(stemText("Pengelolaan Kearsipan, Perencanaan Kepegawaian.")).toBe("kelola arsip rencana pegawai");
    expect(stemText("PENGELOLAÁN")).toBe("kelola");
    expect(stemText(null)).toBe("");
  });
});

describe("search queries", () => {
  it("matches every word as a prefix as written, or by its root in the root-word columns", () => {
    expect(stemmedMatch("Pengelolaan arsip", ["name_stem"])).toBe(
      '("pengelolaan"* OR {name_stem} : "kelola") AND ("arsip"* OR {name_stem} : "arsip"*)',
    );
  });

  it("matches a word typed without spaces, such as a code, as one phrase and not by roots", () => {
    expect(stemmedMatch("T.PENGADAAN", ["name_stem"])).toBe('"t pengadaan"*');
    expect(queryTerms("T.ANJAB wawancara")).toEqual([
      { words: ["t", "anjab"], stem: null, stemIsPrefix: false },
      { words: ["wawancara"], stem: "wawancara", stemIsPrefix: true },
    ]);
  });

  it("leaves nothing of FTS5 syntax a user types, and answers only punctuation with null", () => {
    expect(stemmedMatch('NEAR(" AND -x', ["s"])).toBe('("near"* OR {s} : "near"*) AND ("and"* OR {s} : "and"*) AND ("x"* OR {s} : "x"*)');
    expect(stemmedMatch(' "()*: ', ["s"])).toBeNull();
  });
});

describe("search snippets", () => {
  it("marks the words that matched as written or by their root, and only those", () => {
    const terms = queryTerms("arsip kelola");
    expect(marked(highlightSnippet("Pengelolaan Kearsipan Daerah", terms))).toEqual(["Pengelolaan", "Kearsipan"]);
    expect(highlightSnippet("Pengelolaan Kearsipan Daerah", queryTerms("aset"))).toBeNull();
  });

  it("cuts a long text around the first match", () => {
    const text = `${"kata ".repeat(30)}menyusun laporan wawancara jabatan ${"lagi ".repeat(30)}`;
    const snippet = highlightSnippet(text, queryTerms("wawancara"))!;
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(marked(snippet)).toEqual(["wawancara"]);
    expect(snippet.split(/\s+/).length).toBeLessThanOrEqual(17);
  });
});
