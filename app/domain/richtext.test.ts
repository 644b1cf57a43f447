import { describe, expect, it } from "vitest";
import { docToPlainText, plainTextToDoc } from "./richtext";

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
