import { describe, expect, it } from "vitest";
import { MARK_CLOSE as C, MARK_OPEN as O, hasHighlight, highlightParts, stripHighlight } from "./search-highlight";

describe("highlightParts", () => {
  it("splits a snippet into plain and matched runs in order", () => {
    expect(highlightParts(`Menyusun ${O}analisis${C} ${O}jabatan${C} unit kerja`)).toEqual([
      { text: "Menyusun ", match: false },
      { text: "analisis", match: true },
      { text: " ", match: false },
      { text: "jabatan", match: true },
      { text: " unit kerja", match: false },
    ]);
  });

  it("returns one plain part when nothing is marked, and nothing for an empty snippet", () => {
    expect(highlightParts("…tanpa sorotan…")).toEqual([{ text: "…tanpa sorotan…", match: false }]);
    expect(highlightParts("")).toEqual([]);
  });

  it("handles a match at the very start and end, and drops empty runs", () => {
    expect(highlightParts(`${O}Arsip${C}${O}${C} dinamis ${O}daerah${C}`)).toEqual([
      { text: "Arsip", match: true },
      { text: " dinamis ", match: false },
      { text: "daerah", match: true },
    ]);
  });

  it("joins adjacent matched runs", () => {
    expect(highlightParts(`${O}pe${C}${O}layanan${C}`)).toEqual([{ text: "pelayanan", match: true }]);
  });

  it("never lets a marker through, even when the markers are unbalanced", () => {
    expect(highlightParts(`a${C}b`)).toEqual([{ text: "ab", match: false }]);
    expect(highlightParts(`kata ${O}tanpa penutup`)).toEqual([
      { text: "kata ", match: false },
      { text: "tanpa penutup", match: true },
    ]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the markers are control characters on purpose
    for (const part of highlightParts(`${O}${O}x${C}${C}y`)) expect(part.text).not.toMatch(/[\u0002\u0003]/);
  });

  it("keeps markup as text: the snippet is not HTML", () => {
    expect(highlightParts(`<b>${O}x${C}</b>`)).toEqual([
      { text: "<b>", match: false },
      { text: "x", match: true },
      { text: "</b>", match: false },
    ]);
  });

  it("keeps characters outside the BMP whole", () => {
    expect(highlightParts(`😀${O}é${C}`)).toEqual([
      { text: "😀", match: false },
      { text: "é", match: true },
    ]);
  });
});

describe("stripHighlight / hasHighlight", () => {
  it("removes the markers and tells whether a match is marked", () => {
    expect(stripHighlight(`a ${O}b${C} c`)).toBe("a b c");
    expect(hasHighlight(`a ${O}b${C}`)).toBe(true);
    expect(hasHighlight("a b")).toBe(false);
  });
});
