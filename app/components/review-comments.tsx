import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { formatTanggalWaktu } from "~/domain/format-date";
import { anchorLabel, type AnchorOption } from "~/domain/comment-anchors";
import type { CommentReply } from "~/domain/comment-reply";

export interface CommentThreadView {
  id: number;
  anchor: string;
  body: string;
  authorName: string;
  createdAt: string;
  resolvedAt: string | null;
  resolverName: string | null;
  replies: { id: number; body: string; authorName: string; createdAt: string }[];
}

/** The error of a comment form's last answer, once it has landed. */
export function useCommentFetcher() {
  const fetcher = useFetcher<CommentReply>();
  const form = useRef<HTMLFormElement>(null);
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  // a posted comment empties its form; a refused one keeps the text for correcting
  useEffect(() => {
    if (reply && "commentOk" in reply) form.current?.reset();
  }, [reply]);
  return { fetcher, form, error: reply && "commentError" in reply ? reply.commentError : null };
}

interface Props {
  comments: CommentThreadView[];
  /** Where replies and resolutions go; without it the threads are read only. */
  action?: string;
  anchors?: AnchorOption[];
  /** Brings the commented section or row into view (the editor). */
  onShowAnchor?: (anchor: string) => void;
  children?: ReactNode;
}

/** Review comments, threaded by anchor, open threads first in reading order; with `action` they are answered and resolved. */
export function ReviewComments({ comments, action, anchors = [], onShowAnchor, children }: Props) {
  if (comments.length === 0 && !action) return null;
  const order = new Map(anchors.map((a, i) => [a.value, i]));
  const rank = (c: CommentThreadView) => (c.resolvedAt ? anchors.length + 1 : 0) + (order.get(c.anchor) ?? anchors.length);
  const sorted = [...comments].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
  const labelOf = (anchor: string) => anchors.find((a) => a.value === anchor)?.label ?? anchorLabel(anchor);
  return (
    <section className="card comment-panel" aria-labelledby="komentar">
      <h2 id="komentar" style={{ marginTop: 0 }}>
        Komentar tinjauan ({comments.filter((c) => !c.resolvedAt).length} terbuka)
      </h2>
      {comments.length === 0 ? <p className="muted">Belum ada komentar.</p> : null}
      <ul className="comment-list">
        {sorted.map((c) => (
          <CommentThread key={c.id} thread={c} label={labelOf(c.anchor)} action={action} onShowAnchor={onShowAnchor} />
        ))}
      </ul>
      {children}
    </section>
  );
}

function CommentThread({
  thread: c,
  label,
  action,
  onShowAnchor,
}: {
  thread: CommentThreadView;
  label: string;
  action?: string;
  onShowAnchor?: (anchor: string) => void;
}) {
  const { fetcher, form, error } = useCommentFetcher();
  return (
    <li id={`thread-${c.id}`} tabIndex={-1} className={c.resolvedAt ? "comment resolved" : "comment"} data-anchor={c.anchor}>
      <div className="comment-head">
        {onShowAnchor ? (
          <button type="button" className="button-link-inline comment-anchor" onClick={() => onShowAnchor(c.anchor)}>
            {label}
          </button>
        ) : (
          <strong>{label}</strong>
        )}{" "}
        · {c.authorName} · {formatTanggalWaktu(c.createdAt)}
        {c.resolvedAt ? <span className="tag tag-ok"> Selesai</span> : null}
      </div>
      <p>{c.body}</p>
      {c.replies.map((r) => (
        <div key={r.id} className="comment-reply">
          <span className="muted">
            {r.authorName} · {formatTanggalWaktu(r.createdAt)}
          </span>
          <p>{r.body}</p>
        </div>
      ))}
      {c.resolvedAt ? (
        <p className="muted comment-resolution">
          Diselesaikan oleh {c.resolverName ?? "pengguna lain"} · {formatTanggalWaktu(c.resolvedAt)}
        </p>
      ) : null}
      {action && !c.resolvedAt ? (
        <div className="comment-actions">
          <fetcher.Form ref={form} method="post" action={action} className="reply-form">
            <input type="hidden" name="intent" value="comment" />
            <input type="hidden" name="parentId" value={c.id} />
            <label className="visually-hidden" htmlFor={`reply-${c.id}`}>
              Balas komentar {c.authorName} pada {label}
            </label>
            <input id={`reply-${c.id}`} name="body" type="text" placeholder="Balas…" />
            <button type="submit" className="button button-secondary" disabled={fetcher.state !== "idle"}>
              Balas
            </button>
          </fetcher.Form>
          <fetcher.Form method="post" action={action}>
            <input type="hidden" name="intent" value="resolve" />
            <input type="hidden" name="commentId" value={c.id} />
            <button type="submit" className="button button-secondary" disabled={fetcher.state !== "idle"}>
              Selesaikan
            </button>
          </fetcher.Form>
        </div>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
