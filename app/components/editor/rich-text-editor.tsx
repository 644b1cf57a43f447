import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useId, useState } from "react";
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

/** The editable area's attributes: its name, and while the field is wrong, the message screen readers announce with it. */
function contentAttributes(label: string, error: string | undefined, errorId: string): Record<string, string> {
  const attributes: Record<string, string> = { "aria-label": label, role: "textbox", "aria-multiline": "true", class: "rte-content" };
  return error ? { ...attributes, "aria-invalid": "true", "aria-describedby": errorId } : attributes;
}

export function RichTextEditor({ name, textName, label, initial, error, onChange }: Props) {
  const errorId = useId();
  const [json, setJson] = useState(() => (initial ? JSON.stringify(initial) : ""));
  const [text, setText] = useState(() => docToPlainText(initial));
  const editor = useEditor({
    extensions: richTextExtensions,
    content: initial ?? "",
    immediatelyRender: false,
    editorProps: { attributes: contentAttributes(label, error, errorId) },
    onUpdate: ({ editor: e }) => {
      const doc = e.getJSON() as RichTextNode;
      const plain = docToPlainText(doc);
      setJson(JSON.stringify(doc));
      setText(plain);
      onChange?.(doc, plain);
    },
  });
  // the editor is created once; its attributes follow the message as it comes and goes
  useEffect(() => {
    editor?.setOptions({ editorProps: { attributes: contentAttributes(label, error, errorId) } });
  }, [editor, label, error, errorId]);
  const button = (labelText: string, active: boolean, run: () => void) => (
    <button type="button" className={`rte-button${active ? " is-active" : ""}`} aria-pressed={active} onClick={run} disabled={!editor}>
      {labelText}
    </button>
  );
  return (
    <>
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
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </>
  );
}
