import { Form } from "@remix-run/react";
import { formatTanggalWaktu } from "~/domain/format-date";
import { anchorLabel } from "~/domain/labels";

export interface CommentThreadView {
  id: number;
  anchor: string;
  body: string;
  authorName: string;
  createdAt: string;
  resolvedAt: string | null;
  replies: { id: number; body: string; authorName: string; createdAt: string }[];
}


/** Review comments, threaded by anchor; with `action` they can be answered and resolved there. */
export function ReviewComments({ comments, action }: { comments: CommentThreadView[]; action?: string }) {
  if (comments.length === 0 && !action) return null;
  const open = comments.filter((c) => !c.resolvedAt);
  return (
    <section className="card" aria-labelledby="komentar">
      <h2 id="komentar" style={{ marginTop: 0 }}>
        Komentar tinjauan ({open.length} terbuka)
      </h2>
      {comments.length === 0 ? <p className="muted">Belum ada komentar.</p> : null}
      <ul className="comment-list">
        {comments.map((c) => (
          <li key={c.id} className={c.resolvedAt ? "comment resolved" : "comment"} data-anchor={c.anchor}>
            <div className="comment-head">
              <strong>{anchorLabel(c.anchor)}</strong> · {c.authorName} · {formatTanggalWaktu(c.createdAt)}
              {c.resolvedAt ? <span className="tag tag-ok"> selesai</span> : null}
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
            {action && !c.resolvedAt ? (
              <div className="actions">
                <Form method="post" action={action} className="reply-form">
                  <input type="hidden" name="intent" value="comment" />
                  <input type="hidden" name="anchor" value={c.anchor} />
                  <input type="hidden" name="parentId" value={c.id} />
                  <label className="visually-hidden" htmlFor={`reply-${c.id}`}>
                    Balas komentar {c.id}
                  </label>
                  <input id={`reply-${c.id}`} name="body" type="text" placeholder="Balas…" />
                  <button type="submit" className="button button-secondary">
                    Balas
                  </button>
                </Form>
                <Form method="post" action={action}>
                  <input type="hidden" name="intent" value="resolve" />
                  <input type="hidden" name="commentId" value={c.id} />
                  <button type="submit" className="button button-secondary">
                    Selesaikan
                  </button>
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
