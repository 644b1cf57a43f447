// A stale save in the SKJ editor (issue 12 item 2): the 409 answer carries what the browser needs to merge
// field by field (app/domain/skj-merge.ts), and nothing is written by the refused save.
import { describe, expect, it } from "vitest";
import { plainTextToDoc } from "~/domain/richtext";
import type { SkjDocument } from "~/domain/skj-document";
import { mergeSkjDrafts } from "~/domain/skj-merge";
import { action as editorAction } from "~/routes/jabatan.$id.skj_.simpan";
import { openDraftForPosition } from "~/services/skj.server";
import type { SaveConflict } from "~/domain/skj-editor-data";
import type { Db } from "~db/client.server";
import { findPositionByCode } from "~db/queries/register.server";
import { draftRevisionContent, findOpenDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { BASE, cookieFor, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const POSITION = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";

const jsonPost = (path: string, body: unknown, cookie: string) =>
  new Request(BASE + path, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body) });

async function setUp() {
  const db = await useTestDatabase("demo");
  const position = findPositionByCode(db, POSITION)!;
  const { document } = openDraftForPosition(db, position.id, findUserByEmail(db, "analis@demo.go.id")!.id);
  // the autosave route answers plain JSON
  const save = async (cookie: string, doc: SkjDocument, baseRevision: number, summary = doc.position.summary) => {
    const answer = await run(
      editorAction,
      jsonPost(`/jabatan/${position.id}/skj/simpan`, { document: doc, summaryJson: plainTextToDoc(summary), baseRevision }, cookie),
      { id: String(position.id) },
    );
    return { ...answer, body: JSON.parse(answer.body as string) as unknown };
  };
  return { db, position, document, save };
}

const edit = (doc: SkjDocument, patch: (d: SkjDocument) => void) => {
  const copy = structuredClone(doc);
  patch(copy);
  return copy;
};
const revisionCount = (db: Db) => (db.$client.prepare("select count(*) n from skj_draft_revisions").get() as { n: number }).n;

describe("a stale save of the SKJ editor", () => {
  it("answers 409 with the base and current revisions and who made the newer one, writes nothing, and the merge of both edits saves", async () => {
    const { db, position, document, save } = await setUp();
    const analis = await cookieFor("analis@demo.go.id");
    const reviewer = await cookieFor("reviewer@demo.go.id");
    const theirs = edit(document, (d) => void (d.requirements.rank = "IV/b"));
    expect((await save(analis, theirs, 1, "Ringkasan dari analis.")).status).toBe(200);

    const mine = edit(document, (d) => void (d.requirements.performanceIndicators = ["Indikator dari reviewer"]));
    const before = revisionCount(db);
    const refused = await save(reviewer, mine, 1);
    expect(refused.status).toBe(409);
    expect(revisionCount(db)).toBe(before);
    const conflict = (refused.body as { conflict: SaveConflict }).conflict;
    expect(conflict.base?.revision).toBe(1);
    expect(conflict.base?.document.requirements.rank).toBe(document.requirements.rank);
    expect(conflict.current.revision).toBe(2);
    expect(conflict.current.document.requirements.rank).toBe("IV/b");
    expect(conflict.current.summaryJson).toEqual(plainTextToDoc("Ringkasan dari analis."));
    expect(conflict.author).toEqual({ name: "Analis Demo", sameUser: false });

    const merged = mergeSkjDrafts(conflict.base, { document: mine, summaryJson: plainTextToDoc(mine.position.summary) }, conflict.current);
    expect(merged.conflicts).toEqual([]);
    const stored = await run(
      editorAction,
      jsonPost(
        `/jabatan/${position.id}/skj/simpan`,
        { document: merged.content.document, summaryJson: merged.content.summaryJson, baseRevision: conflict.current.revision },
        reviewer,
      ),
      { id: String(position.id) },
    );
    expect(stored.status).toBe(200);
    const draft = findOpenDraft(db, position.id)!;
    expect(draft.document.requirements.rank).toBe("IV/b");
    expect(draft.document.requirements.performanceIndicators).toEqual(["Indikator dari reviewer"]);
    expect(draft.summaryJson).toEqual(plainTextToDoc("Ringkasan dari analis."));
    // the revision keeps its rich text, so a later conflict merges the summary against it
    expect(draftRevisionContent(db, draft.id, draft.revision)?.summaryJson).toEqual(plainTextToDoc("Ringkasan dari analis."));
  });

  it("says the newer revision was the same user's when it came from their other tab", async () => {
    const { document, save } = await setUp();
    const analis = await cookieFor("analis@demo.go.id");
    const otherTab = await cookieFor("analis@demo.go.id");
    expect(
      (
        await save(
          analis,
          edit(document, (d) => void (d.requirements.rank = "IV/a")),
          1,
        )
      ).status,
    ).toBe(200);
    const refused = await save(
      otherTab,
      edit(document, (d) => void (d.requirements.rank = "IV/c")),
      1,
    );
    expect(refused.status).toBe(409);
    expect((refused.body as { conflict: SaveConflict }).conflict.author).toEqual({ name: "Analis Demo", sameUser: true });
  });

  it("answers a save based on a revision the draft never had with no base, so the editor asks about every difference", async () => {
    const { document, save } = await setUp();
    const analis = await cookieFor("analis@demo.go.id");
    const refused = await save(
      analis,
      edit(document, (d) => void (d.requirements.rank = "IV/a")),
      99,
    );
    expect(refused.status).toBe(409);
    expect((refused.body as { conflict: SaveConflict }).conflict.base).toBeNull();
  });
});
