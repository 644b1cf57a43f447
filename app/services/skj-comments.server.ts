// The comment intents both the review page and the editor answer: a new thread or a reply, and resolving a
// thread. The routes have already refused anyone without "skj:write" (a viewer reads, never answers).
import { data } from "@remix-run/node";
import type { CommentReply } from "~/domain/comment-reply";
import type { Db } from "~db/client.server";
import { addComment, resolveComment } from "~db/queries/skj-review.server";

/** The answer to a comment intent, or null when the form carries another intent. */
export function handleCommentIntent(db: Db, draftId: number, form: FormData, actorId: number) {
  const intent = form.get("intent");
  if (intent !== "comment" && intent !== "resolve") return null;
  const result =
    intent === "comment"
      ? addComment(db, {
          draftId,
          anchor: String(form.get("anchor") ?? ""),
          body: String(form.get("body") ?? ""),
          parentId: Number(form.get("parentId")) || null,
          actorId,
        })
      : resolveComment(db, { draftId, commentId: Number(form.get("commentId")), actorId });
  return result.ok
    ? data<CommentReply>({ commentOk: true })
    : data<CommentReply>({ commentError: result.message }, { status: result.status });
}
