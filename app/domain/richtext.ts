import { z } from "zod";

// Tiptap JSON is the stored source of rich text; plain text is derived for search, diff and the API.
export interface RichTextNode {
  type: string;
  text?: string;
  content?: RichTextNode[];
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export function plainTextToDoc(text: string): RichTextNode {
  const paragraphs = text
    .split(/\n{2,}|\r\n\r\n/)
    .map((p) => p.trim())
    .filter(Boolean);
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

// Deeper than any list a person nests in the editor, and far below what overflows the stack of the
// recursive walks that follow (the schema check, the renderers, JSON.stringify): a document ~9,000 levels
// deep used to end in a 500 (issue 13).
export const RICH_TEXT_MAX_NESTING = 20;
// counted over every JSON level: a list inside a list item adds four (list, its content, item, its content),
// and the doc, a paragraph and a text with marked attributes take ten
const MAX_JSON_DEPTH = 10 + 4 * RICH_TEXT_MAX_NESTING;
export const RICH_TEXT_MAX_VALUES = 50_000;

/**
 * What makes rich-text JSON too deep or too large to examine further, in Indonesian, or null. Checked
 * without recursion, so it holds for any input, before anything walks the tree recursively.
 */
export function richTextShapeProblem(value: unknown, label: string): string | null {
  const pending: [unknown, number][] = [[value, 1]];
  let seen = 0;
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (depth > MAX_JSON_DEPTH)
      return `${label} bertingkat terlalu dalam: paling banyak ${RICH_TEXT_MAX_NESTING} tingkat daftar di dalam daftar.`;
    if (++seen > RICH_TEXT_MAX_VALUES)
      return `${label} terlalu besar: paling banyak ${RICH_TEXT_MAX_VALUES.toLocaleString("id-ID")} bagian beserta formatnya.`;
    if (item !== null && typeof item === "object") for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return null;
}

export const ORDERED_LIST_MAX_START = 9_999;

/**
 * The allowed value of every attribute the editor's extensions declare, by node type and attribute, with the
 * rule in words. ProseMirror stores any JSON value as an attribute, so without this a numbered list starting
 * at `"x"` or `{}` would be kept (issue 13).
 */
export const RICH_TEXT_ATTRIBUTE_RULES: Readonly<Record<string, Readonly<Record<string, { valid: z.ZodType; rule: string }>>>> = {
  orderedList: {
    start: {
      valid: z.number().int().min(0).max(ORDERED_LIST_MAX_START),
      rule: `nomor awal daftar bernomor harus bilangan bulat 0 sampai ${ORDERED_LIST_MAX_START.toLocaleString("id-ID")}`,
    },
    type: { valid: z.enum(["1", "a", "A", "i", "I"]).nullable(), rule: "jenis penomoran daftar harus salah satu dari 1, a, A, i, I" },
  },
};

/**
 * The first attribute value outside its rule, in Indonesian with the field's label, or null. Attribute names
 * without a rule are left to the schema check, which refuses any name a type does not declare. Expects a
 * document that passed the editor's schema, so every node is an object.
 */
export function richTextAttributeProblem(doc: RichTextNode, label: string): string | null {
  const pending = [doc];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const rules = RICH_TEXT_ATTRIBUTE_RULES[node.type] ?? {};
    for (const [name, value] of Object.entries(node.attrs ?? {})) {
      const rule = rules[name];
      if (rule && !rule.valid.safeParse(value).success) return `${label}: ${rule.rule}, bukan ${JSON.stringify(value).slice(0, 40)}.`;
    }
    if (Array.isArray(node.content)) pending.push(...node.content);
  }
  return null;
}
