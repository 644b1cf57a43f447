import { getAttributesFromExtensions, getSchema, resolveExtensions, splitExtensions } from "@tiptap/core";
import { type Mark, Node } from "@tiptap/pm/model";
import {
  domOutputSpecToHTMLString,
  mapMarkExtensionToReactNode,
  mapNodeExtensionToReactNode,
  serializeChildrenToHTMLString,
} from "@tiptap/static-renderer/pm/html-string";
import { escapeHTML, renderJSONContentToString } from "@tiptap/static-renderer";
import { richTextExtensions } from "~/components/editor/extensions";
import { richTextAttributeProblem, richTextShapeProblem, type RichTextNode } from "~/domain/richtext";

const schema = getSchema(richTextExtensions);

export const RICH_TEXT_MAX_BYTES = 200_000;

/**
 * Parses rich text sent by the editor, as the JSON text of a form field or as the value inside a JSON body;
 * anything outside the editor's schema is refused, so stored JSON always renders with the same extensions.
 * Empty input means "no rich text".
 */
export function parseRichText(raw: unknown, label = "Teks"): { ok: true; doc: RichTextNode | null } | { ok: false; message: string } {
  const checked = checkRichText(raw, label);
  return checked.ok ? { ok: true, doc: checked.doc } : checked;
}

/** parseRichText, also handing back the ProseMirror node its schema check built, for the renderer to reuse. */
function checkRichText(
  raw: unknown,
  label: string,
): { ok: true; doc: RichTextNode; node: Node } | { ok: true; doc: null; node: null } | { ok: false; message: string } {
  if (raw == null || raw === "") return { ok: true, doc: null, node: null };
  const invalid = { ok: false, message: `Format ${label.toLowerCase()} tidak valid: gunakan penyunting yang tersedia.` } as const;
  let json: unknown = raw;
  if (typeof raw === "string") {
    if (raw.length > RICH_TEXT_MAX_BYTES) return tooLong(label);
    try {
      json = JSON.parse(raw);
    } catch {
      return invalid;
    }
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) return invalid;
  const shape = richTextShapeProblem(json, label);
  if (shape) return { ok: false, message: shape };
  if (typeof raw !== "string" && JSON.stringify(json).length > RICH_TEXT_MAX_BYTES) return tooLong(label);
  let node: Node;
  try {
    node = Node.fromJSON(schema, json);
    node.check();
    if (!onlyDeclared(json as RichTextNode)) throw new Error("undeclared key or attribute");
  } catch {
    return invalid;
  }
  const attribute = richTextAttributeProblem(json as RichTextNode, label);
  return attribute ? { ok: false, message: attribute } : { ok: true, doc: json as RichTextNode, node };
}

function tooLong(label: string) {
  return {
    ok: false,
    message: `${label} terlalu panjang: paling banyak ${RICH_TEXT_MAX_BYTES.toLocaleString("id-ID")} karakter beserta formatnya.`,
  } as const;
}

const NODE_KEYS = new Set(["type", "attrs", "content", "marks", "text"]);
const MARK_KEYS = new Set(["type", "attrs"]);
const declares = (declared: Readonly<Record<string, unknown>>, attrs: unknown) =>
  attrs == null || (typeof attrs === "object" && Object.keys(attrs).every((k) => Object.hasOwn(declared, k)));

// Node.fromJSON silently ignores keys and attributes a type does not declare (say `onclick` on a
// paragraph), so without this check they would be stored and handed back to every client unexamined.
function onlyDeclared(json: RichTextNode): boolean {
  const type = schema.nodes[json.type];
  if (!type || Object.keys(json).some((k) => !NODE_KEYS.has(k)) || !declares(type.spec.attrs ?? {}, json.attrs)) return false;
  for (const mark of json.marks ?? []) {
    const markType = schema.marks[mark.type];
    if (!markType || Object.keys(mark).some((k) => !MARK_KEYS.has(k)) || !declares(markType.spec.attrs ?? {}, mark.attrs)) return false;
  }
  return (json.content ?? []).every(onlyDeclared);
}

/**
 * The static renderer's renderToHTMLString, with its mappings built once: that function resolves the
 * extensions and their attributes on every call, and generateHTML builds a DOM window per call, which
 * cost a fifth of every page that shows rich text. The HTML comes from the extensions' own renderHTML.
 */
const renderRichTextHtml = (() => {
  const extensions = resolveExtensions(richTextExtensions);
  const attributes = getAttributesFromExtensions(extensions);
  const { nodeExtensions, markExtensions } = splitExtensions(extensions);
  return renderJSONContentToString<Mark, Node>({
    nodeMapping: {
      ...Object.fromEntries(nodeExtensions.map((e) => mapNodeExtensionToReactNode(domOutputSpecToHTMLString, e, attributes))),
      doc: ({ children }) => serializeChildrenToHTMLString(children),
      text: ({ node }) => escapeHTML(node.text ?? ""),
    },
    markMapping: Object.fromEntries(markExtensions.map((e) => mapMarkExtensionToReactNode(domOutputSpecToHTMLString, e, attributes))),
  });
})();

/** HTML for display, generated only from JSON that passes the editor's schema; text is escaped by the serializer. */
export function richTextToHtml(doc: unknown): string {
  if (!doc) return "";
  const checked = checkRichText(doc, "Teks");
  if (!checked.ok || !checked.node) return "";
  return renderRichTextHtml({ content: checked.node });
}
