import fc from "fast-check";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { describe, expect, it } from "vitest";
import { richTextExtensions } from "~/components/editor/extensions";
import type { RichTextNode } from "~/domain/richtext";
import { richTextToHtml } from "./richtext.server";

const text = (t: string, marks: string[] = []): RichTextNode => ({
  type: "text",
  text: t,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
});
const paragraph = (...content: RichTextNode[]): RichTextNode => ({ type: "paragraph", ...(content.length ? { content } : {}) });
const item = (...content: RichTextNode[]): RichTextNode => ({ type: "listItem", content });

// documents the editor's schema allows, to compare the cached renderer with the library's per-call one
const inline = fc.oneof(
  fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.subarray(["bold", "italic"])).map(([t, marks]) => text(t, marks)),
  fc.constant<RichTextNode>({ type: "hardBreak" }),
);
const para = fc.array(inline, { maxLength: 4 }).map((content) => paragraph(...content));
const { block } = fc.letrec<{ block: RichTextNode; list: RichTextNode }>((tie) => ({
  block: fc.oneof({ depthSize: "small", withCrossShrink: true }, para, tie("list")),
  list: fc
    .tuple(
      fc.constantFrom("bulletList", "orderedList"),
      fc.integer({ min: 0, max: 99 }),
      fc.array(
        fc.tuple(para, fc.array(tie("block"), { maxLength: 2 })).map(([first, rest]) => item(first, ...rest)),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([type, start, content]) => ({ type, ...(type === "orderedList" ? { attrs: { start } } : {}), content })),
}));
const documents = fc.array(block, { minLength: 1, maxLength: 4 }).map((content): RichTextNode => ({ type: "doc", content }));

describe("richTextToHtml", () => {
  it("escapes text and keeps marks, breaks and list numbering", () => {
    const doc: RichTextNode = {
      type: "doc",
      content: [
        paragraph(text('<script>alert("x")</script> & '), text("tebal", ["bold", "italic"])),
        { type: "orderedList", attrs: { start: 3 }, content: [item(paragraph(text("a"), { type: "hardBreak" }, text("b")))] },
      ],
    };
    expect(richTextToHtml(doc)).toBe(
      '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; <strong><em>tebal</em></strong></p><ol start="3"><li><p>a<br/>b</p></li></ol>',
    );
  });

  it("renders what the library's own static renderer renders", () => {
    fc.assert(
      fc.property(documents, (doc) => {
        expect(richTextToHtml(doc)).toBe(renderToHTMLString({ extensions: richTextExtensions, content: doc as never }));
      }),
      { numRuns: 200 },
    );
  });
});
