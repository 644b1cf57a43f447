// The single tiptap extension list: the browser editor, server-side validation and HTML rendering all use it,
// so the schema is the allow-list of what rich text may contain.
import { StarterKit } from "@tiptap/starter-kit";

export const richTextExtensions = [
  StarterKit.configure({
    heading: false,
    code: false,
    codeBlock: false,
    blockquote: false,
    horizontalRule: false,
    strike: false,
    link: false,
    underline: false,
  }),
];
