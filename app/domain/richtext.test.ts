import { describe, expect, it } from "vitest";
import { docToPlainText, plainTextToDoc, RICH_TEXT_MAX_NESTING, RICH_TEXT_MAX_VALUES, richTextShapeProblem, type RichTextNode } from "./richtext";

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
        { type: "bulletList", content: [1, 2].map((n) => ({ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: `butir ${n}` }] }] })) },
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
