import { describe, expect, it } from "vitest";
import {
  docToPlainText,
  ORDERED_LIST_MAX_START,
  plainTextToDoc,
  RICH_TEXT_MAX_NESTING,
  RICH_TEXT_MAX_VALUES,
  richTextAttributeProblem,
  richTextShapeProblem,
  type RichTextNode,
} from "./richtext";

describe("rich text", () => {
  it("round-trips paragraphs through tiptap JSON", () => {
    const text = "Memimpin penyiapan bahan.\n\nMengoordinasikan analisis jabatan.";
    const doc = plainTextToDoc(text);
    expect(doc.content).toHaveLength(2);
    expect(docToPlainText(doc)).toBe("Memimpin penyiapan bahan.\nMengoordinasikan analisis jabatan.");
  });

  it("flattens lists into one line per item", () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "bulletList",
          content: [1, 2].map((n) => ({
            type: "listItem",
            content: [{ type: "paragraph", content: [{ type: "text", text: `butir ${n}` }] }],
          })),
        },
      ],
    };
    expect(docToPlainText(doc)).toBe("butir 1\nbutir 2");
  });
});

describe("rich text shape", () => {
  const nested = (levels: number) => {
    let node: RichTextNode = { type: "paragraph", content: [{ type: "text", text: "Isi" }] };
    for (let i = 0; i < levels; i++) node = { type: "bulletList", content: [{ type: "listItem", content: [node] }] };
    return { type: "doc", content: [node] };
  };

  it("allows lists nested as deep as the limit and refuses deeper ones without recursing", () => {
    expect(richTextShapeProblem(nested(RICH_TEXT_MAX_NESTING), "Definisi")).toBeNull();
    expect(richTextShapeProblem(nested(RICH_TEXT_MAX_NESTING + 2), "Definisi")).toMatch(/^Definisi bertingkat terlalu dalam/);
    expect(richTextShapeProblem(nested(100_000), "Definisi")).toMatch(/terlalu dalam/);
  });

  it("refuses a flat document of too many parts", () => {
    const doc = { type: "doc", content: Array.from({ length: RICH_TEXT_MAX_VALUES }, () => ({ type: "paragraph" })) };
    expect(richTextShapeProblem(doc, "Ikhtisar jabatan")).toMatch(/^Ikhtisar jabatan terlalu besar/);
  });
});

describe("rich text attribute values", () => {
  const item = (text: string): RichTextNode => ({ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  // a numbered list inside a bullet list, so the check must look below the top level
  const withNumberedList = (attrs: Record<string, unknown>): RichTextNode => ({
    type: "doc",
    content: [{ type: "bulletList", content: [{ type: "listItem", content: [{ type: "orderedList", attrs, content: [item("Isi")] }] }] }],
  });

  it("accepts what the editor writes for a numbered list, and any start and style a person can give", () => {
    expect(richTextAttributeProblem(withNumberedList({ start: 1, type: null }), "Ikhtisar jabatan")).toBeNull();
    expect(richTextAttributeProblem(withNumberedList({ start: 0, type: "i" }), "Ikhtisar jabatan")).toBeNull();
    expect(richTextAttributeProblem(withNumberedList({ start: ORDERED_LIST_MAX_START, type: "A" }), "Ikhtisar jabatan")).toBeNull();
  });

  it.each([
    ["a start that is text", { start: "x" }, /^Definisi: nomor awal daftar bernomor harus bilangan bulat 0 sampai 9\.999, bukan "x"\.$/],
    ["a start that is an object", { start: {} }, /nomor awal .*, bukan \{\}\.$/],
    ["a fractional start", { start: 1.5 }, /nomor awal .*, bukan 1\.5\.$/],
    ["a negative start", { start: -1 }, /nomor awal .*, bukan -1\.$/],
    ["a start past the limit", { start: ORDERED_LIST_MAX_START + 1 }, /nomor awal .*, bukan 10000\.$/],
    [
      "a numbering style HTML does not know",
      { type: "disc" },
      /^Definisi: jenis penomoran daftar harus salah satu dari 1, a, A, i, I, bukan "disc"\.$/,
    ],
    ["a numbering style that is a number", { type: 1 }, /jenis penomoran .*, bukan 1\.$/],
  ])("refuses %s, naming the field and the rule", (_, attrs, message) => {
    expect(richTextAttributeProblem(withNumberedList(attrs), "Definisi")).toMatch(message);
  });

  it("quotes at most 40 characters of a refused value", () => {
    const problem = richTextAttributeProblem(withNumberedList({ type: "x".repeat(10_000) }), "Definisi")!;
    expect(problem).toBe(`Definisi: jenis penomoran daftar harus salah satu dari 1, a, A, i, I, bukan "${"x".repeat(39)}.`);
  });
});
