import { describe, expect, it } from "vitest";
import { competencyRowLines, mayBreakAcrossPages, requirementRowLines, SPLITTABLE_ROW_LINES } from "./print-row-breaks";

const competency = (description: string, indicators: string[]) => ({
  no: 1,
  code: "T.UJI",
  name: "Analisis Jabatan",
  level: 3,
  description,
  example: false,
  indicators: indicators.map((text, k) => ({ number: `3.${k + 1}`, text })),
});
const sentence = (chars: number) => "kata ".repeat(Math.ceil(chars / 5)).slice(0, chars);

describe("printed rows that may break across pages", () => {
  it("a competency row is as tall as its tallest cell: the indicators stack, each from a new line", () => {
    expect(competencyRowLines(competency("Singkat.", ["Satu.", "Dua.", "Tiga."]))).toBe(3);
    expect(competencyRowLines(competency(sentence(24 * 7), ["Satu."]))).toBe(7);
    expect(competencyRowLines(competency("Singkat.", [sentence(31 * 2 + 1), sentence(31)]))).toBe(4);
  });

  it("a requirement row is as tall as its longest cell; a heading row is one line", () => {
    expect(requirementRowLines({ kind: "heading", no: "1.", label: "Pendidikan" })).toBe(1);
    expect(requirementRowLines({ kind: "row", no: "a.", label: "Jenjang", sub: true, items: [], importance: null })).toBe(1);
    expect(
      requirementRowLines({
        kind: "row",
        no: "3.",
        label: "Pengalaman Kerja",
        sub: false,
        items: [sentence(40 * 3), sentence(10)],
        importance: "perlu",
      }),
    ).toBe(4);
  });

  it("only a row taller than a quarter page may split; a shorter one moves whole", () => {
    expect(mayBreakAcrossPages(SPLITTABLE_ROW_LINES)).toBe(false);
    expect(mayBreakAcrossPages(SPLITTABLE_ROW_LINES + 1)).toBe(true);
    expect(
      mayBreakAcrossPages(
        competencyRowLines(
          competency(
            "Singkat.",
            Array.from({ length: 12 }, () => sentence(31 * 3)),
          ),
        ),
      ),
    ).toBe(true);
    expect(mayBreakAcrossPages(competencyRowLines(competency(sentence(200), [sentence(120), sentence(100), sentence(90)])))).toBe(false);
  });
});
