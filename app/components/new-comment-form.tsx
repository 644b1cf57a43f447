import { useState } from "react";
import { ANCHOR_MISSING, type AnchorOption } from "~/domain/comment-anchors";
import { useCommentFetcher } from "./review-comments";

/** The choice of a section or row, with nothing chosen until the user chooses (the server refuses it too). */
export function AnchorSelect({
  id,
  anchors,
  required,
  invalid,
  describedBy,
}: {
  id: string;
  anchors: AnchorOption[];
  required?: boolean;
  invalid?: boolean;
  describedBy?: string;
}) {
  return (
    <select
      id={id}
      name="anchor"
      defaultValue=""
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? describedBy : undefined}
    >
      <option value="">— Pilih bagian —</option>
      {anchors.map((a) => (
        <option key={a.value} value={a.value}>
          {a.label}
        </option>
      ))}
    </select>
  );
}

/** A new comment thread on a section or a competency row. */
export function NewCommentForm({ action, anchors }: { action: string; anchors: AnchorOption[] }) {
  const { fetcher, form, error } = useCommentFetcher();
  const [missing, setMissing] = useState(false);
  const message = missing ? ANCHOR_MISSING : error;
  return (
    <fetcher.Form
      ref={form}
      method="post"
      action={action}
      className="stacked new-comment"
      onSubmit={(e) => {
        const anchor = e.currentTarget.elements.namedItem("anchor") as HTMLSelectElement;
        setMissing(!anchor.value);
        if (anchor.value) return;
        e.preventDefault();
        anchor.focus();
      }}
    >
      <input type="hidden" name="intent" value="comment" />
      <div className="field">
        <label htmlFor="c-anchor">Komentar pada</label>
        <AnchorSelect id="c-anchor" anchors={anchors} required invalid={message === ANCHOR_MISSING} describedBy="c-error" />
      </div>
      <div className="field">
        <label htmlFor="c-body">Komentar</label>
        <textarea id="c-body" name="body" rows={3} />
      </div>
      {message ? (
        <p id="c-error" className="field-error" role="alert">
          {message}
        </p>
      ) : null}
      <button type="submit" className="button button-secondary" disabled={fetcher.state !== "idle"}>
        Tambah komentar
      </button>
    </fetcher.Form>
  );
}
