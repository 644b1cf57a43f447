import { EditorContent, useEditor } from "@tiptap/react";
import { useState } from "react";
import type { RichTextNode } from "~/domain/richtext";
import { docToPlainText } from "~/domain/richtext";
import { richTextExtensions } from "./extensions";

interface Props {
  /** name of the hidden input carrying the tiptap JSON */
  name: string;
  /** name of the hidden input carrying the derived plain text (validated by the same zod schema) */
  textName: string;
  label: string;
  initial: RichTextNode | null;
  error?: string;
  onChange?: (doc: RichTextNode, text: string) => void;
}

export function RichTextEditor({ name, textName, label, initial, error, onChange }: Props) {
  const [json, setJson] = useState(() => (initial ? JSON.stringify(initial) : ""));
  const [text, setText] = useState(() => docToPlainText(initial));
  const editor = useEditor({
    extensions: richTextExtensions,
    content: initial ?? "",
    immediatelyRender: false,
    editorProps: { attributes: { "aria-label": label, role: "textbox", "aria-multiline": "true", class: "rte-content" } },
    onUpdate: ({ editor: e }) => {
      const doc = e.getJSON() as RichTextNode;
      const plain = docToPlainText(doc);
      setJson(JSON.stringify(doc));
      setText(plain);
      onChange?.(doc, plain);
    },
  });
  const button = (labelText: string, active: boolean, run: () => void) => (
    <button type="button" className={`rte-button${active ? " is-active" : ""}`} aria-pressed={active} onClick={run} disabled={!editor}>
      {labelText}
    </button>
  );
  return (
    <div className={`rte${error ? " rte-invalid" : ""}`}>
      <div className="rte-toolbar" role="toolbar" aria-label={`Format ${label}`}>
        {button("Tebal", !!editor?.isActive("bold"), () => editor?.chain().focus().toggleBold().run())}
        {button("Miring", !!editor?.isActive("italic"), () => editor?.chain().focus().toggleItalic().run())}
        {button("• Daftar", !!editor?.isActive("bulletList"), () => editor?.chain().focus().toggleBulletList().run())}
        {button("1. Daftar", !!editor?.isActive("orderedList"), () => editor?.chain().focus().toggleOrderedList().run())}
      </div>
      <EditorContent editor={editor} />
      <input type="hidden" name={name} value={json} />
      <input type="hidden" name={textName} value={text} />
    </div>
  );
}
