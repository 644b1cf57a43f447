/** The answer to a new comment, a reply or a resolve, on the review page and in the editor alike. */
export type CommentReply = { commentOk: true } | { commentError: string };
