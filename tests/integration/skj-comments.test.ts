// Issue 12 item 6: review comments both ways. The analyst answers and resolves on the editor's route, the
// reviewer on the review page's; a viewer is refused by the server on both; a new thread names its section.
import { beforeEach, describe, expect, it } from "vitest";
import { ANCHOR_MISSING } from "~/domain/comment-anchors";
import { action as editorAction } from "~/routes/jabatan.$id.skj";
import { action as reviewAction, loader as reviewLoader } from "~/routes/jabatan.$id.skj_.tinjau";
import type { Db } from "~db/client.server";
import { findPositionByCode } from "~db/queries/register.server";
import { openDraftForPosition } from "~/services/skj.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";
import { commentThreads } from "~db/queries/skj-review.server";
import { findUserByEmail } from "~db/queries/users.server";
import { cookieFor, get, post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const POSITION = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB.KASUBBAG";
const WITHOUT_DRAFT = "BKD.SEKRETARIAT.SUBBAG-UMPEG.KASUBBAG";

describe("review comments on the server", () => {
  let db: Db;
  let id: string;
  let draftId: number;
  const threads = () => commentThreads(db, draftId);
  const onEditor = async (email: string, fields: Record<string, string>) =>
    run(editorAction, post(`/jabatan/${id}/skj`, fields, await cookieFor(email)), { id });
  const onReview = async (email: string, fields: Record<string, string>) =>
    run(reviewAction, post(`/jabatan/${id}/skj/tinjau`, fields, await cookieFor(email)), { id });

  beforeEach(async () => {
    db = await useTestDatabase("demo");
    const position = findPositionByCode(db, POSITION)!;
    id = String(position.id);
    draftId = openDraftForPosition(db, position.id, findUserByEmail(db, "analis@demo.go.id")!.id).id;
    // a return's note without a chosen section is refused before anything else is looked at
    const unanchored = await onReview("reviewer@demo.go.id", { intent: "return", anchor: "", comment: "Level M.01 terlalu rendah." });
    expect(unanchored).toMatchObject({ status: 422, body: { error: ANCHOR_MISSING } });
    expect(threads()).toEqual([]);
    expect(
      (await onReview("reviewer@demo.go.id", { intent: "comment", anchor: "kompetensi:M.01", body: "Level M.01 terlalu rendah." })).status,
    ).toBe(200);
    expect(threads()).toMatchObject([
      { anchor: "kompetensi:M.01", body: "Level M.01 terlalu rendah.", authorName: "Reviewer Demo", resolvedAt: null },
    ]);
  });

  it("refuses a viewer's reply and resolution on the editor and on the review page, and stores nothing", async () => {
    const [thread] = threads();
    for (const send of [onEditor, onReview]) {
      expect((await send("viewer@demo.go.id", { intent: "comment", parentId: String(thread!.id), body: "Saya setuju." })).status).toBe(403);
      expect((await send("viewer@demo.go.id", { intent: "resolve", commentId: String(thread!.id) })).status).toBe(403);
    }
    expect(threads()).toMatchObject([{ replies: [], resolvedAt: null }]);
  });

  it("lets the analyst reply in the thread's own section and resolve it from the editor; the reviewer reads both", async () => {
    const [thread] = threads();
    // the reply joins its thread's anchor whatever the form claims
    const replied = await onEditor("analis@demo.go.id", {
      intent: "comment",
      parentId: String(thread!.id),
      anchor: "persyaratan",
      body: "Sudah saya naikkan ke level 3.",
    });
    expect(replied).toMatchObject({ status: 200, body: { commentOk: true } });
    expect((await onEditor("analis@demo.go.id", { intent: "resolve", commentId: String(thread!.id) })).status).toBe(200);
    const review = await run(reviewLoader, get(`/jabatan/${id}/skj/tinjau`, await cookieFor("reviewer@demo.go.id")), { id });
    expect((review.body as { comments: unknown }).comments).toMatchObject([
      {
        anchor: "kompetensi:M.01",
        resolvedAt: expect.any(String),
        resolverName: "Analis Demo",
        replies: [{ body: "Sudah saya naikkan ke level 3.", authorName: "Analis Demo" }],
      },
    ]);
    expect(await onEditor("analis@demo.go.id", { intent: "resolve", commentId: String(thread!.id) })).toMatchObject({
      status: 404,
      body: { commentError: "Komentar tidak ditemukan atau sudah diselesaikan." },
    });
  });

  it("refuses a new thread without a chosen section, a reply to a reply, and a comment where no draft is open", async () => {
    const [thread] = threads();
    expect(await onEditor("analis@demo.go.id", { intent: "comment", anchor: "", body: "Tanpa bagian." })).toMatchObject({
      status: 422,
      body: { commentError: ANCHOR_MISSING },
    });
    expect(await onReview("reviewer@demo.go.id", { intent: "comment", body: "Tanpa bagian." })).toMatchObject({
      status: 422,
      body: { commentError: ANCHOR_MISSING },
    });
    expect((await onEditor("analis@demo.go.id", { intent: "comment", anchor: "persyaratan", body: "Pangkat sudah sesuai?" })).status).toBe(
      200,
    );
    expect((await onEditor("analis@demo.go.id", { intent: "comment", parentId: String(thread!.id), body: "Balasan." })).status).toBe(200);
    const reply = threads()[0]!.replies[0]!;
    expect(
      (await onEditor("analis@demo.go.id", { intent: "comment", parentId: String(reply.id), body: "Balasan atas balasan." })).status,
    ).toBe(422);
    expect(threads().map((t) => [t.anchor, t.body, t.replies.length])).toEqual([
      ["kompetensi:M.01", "Level M.01 terlalu rendah.", 1],
      ["persyaratan", "Pangkat sudah sesuai?", 0],
    ]);

    const other = String(findPositionByCode(db, WITHOUT_DRAFT)!.id);
    const cookie = await cookieFor("analis@demo.go.id");
    expect(
      (
        await run(editorAction, post(`/jabatan/${other}/skj`, { intent: "comment", anchor: "persyaratan", body: "Tanpa draf." }, cookie), {
          id: other,
        })
      ).status,
    ).toBe(404);
    expect(findOpenDraft(db, Number(other))).toBeUndefined();
  });
});
