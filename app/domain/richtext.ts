// Tiptap JSON is the stored source of rich text; plain text is derived for search, diff and the API.
export interface RichTextNode {
  type: string;
  text?: string;
  content?: RichTextNode[];
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export function plainTextToDoc(text: string): RichTextNode {
  const paragraphs = text.split(/\n{2,}|\r\n\r\n/).map((p) => p.trim()).filter(Boolean);
  return {
    type: "doc",
    content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })),
  };
}

const BLOCKS = new Set(["paragraph", "heading", "listItem", "blockquote", "codeBlock"]);

export function docToPlainText(node: RichTextNode | null | undefined): string {
  if (!node) return "";
  const blocks: string[] = [];
  const walk = (n: RichTextNode, sink: string[]) => {
    if (n.type === "text") sink.push(n.text ?? "");
    else if (n.type === "hardBreak") sink.push("\n");
    else if (BLOCKS.has(n.type) && !(n.content ?? []).some((c) => BLOCKS.has(c.type))) {
      const inner: string[] = [];
      for (const c of n.content ?? []) walk(c, inner);
      blocks.push(inner.join(""));
    } else for (const c of n.content ?? []) walk(c, sink);
  };
  walk(node, blocks);
  return blocks.join("\n").trim();
}
