import { describe, expect, it } from "vitest";
import type { TechnicalEntryInput } from "~/domain/dictionary";
import { loader as skjLoader } from "~/routes/skj._index";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { saveTechnicalEntry, transitionRevision } from "~db/queries/dictionary.server";
import { findPositionByCode } from "~db/queries/register.server";
import { createDraft } from "~db/queries/skj-drafts.server";
import { addComment, moveDraft } from "~db/queries/skj-review.server";
import { findUserByEmail } from "~db/queries/users.server";
import { cookieFor, get, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const SUBMITTED = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";
const UNDER_REVIEW = "BKD.BID-PKA.KABID";
const RETURNED = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB.KASUBBAG";

function actor(db: Db, email: string) {
  const u = findUserByEmail(db, email)!;
  return { id: u.id, role: u.role };
}

function submittedDraft(db: Db, code: string) {
  const analis = actor(db, "analis@demo.go.id");
  const position = findPositionByCode(db, code)!;
  const draft = createDraft(db, { positionId: position.id, ...newDraftDocument(db, position.id), actorId: analis.id, via: "ui" });
  expect(moveDraft(db, { draftId: draft.id, transition: "submit", actor: analis, results: [] })).toEqual({ ok: true });
  return draft.id;
}

const entry = (code: string, name: string): TechnicalEntryInput => ({
  code,
  name,
  category: "Uji",
  sourceKind: "lokal",
  sourceReference: "",
  keywords: [],
  definitionText: "Kemampuan menguji.",
  levels: [1, 2, 3, 4, 5].map((level) => ({ level, description: `Deskripsi level ${level}`, indicators: [`Indikator ${level}.1`] })),
});

function submittedRevision(db: Db, code: string, name: string, email: string) {
  const by = actor(db, email);
  expect(
    saveTechnicalEntry(db, {
      code: null,
      input: entry(code, name),
      definitionJson: null,
      actor: by,
      baseRevisionId: null,
      baseUpdatedAt: null,
    }),
  ).toMatchObject({ ok: true });
  expect(transitionRevision(db, code, "submit", by)).toMatchObject({ ok: true });
}

interface Lists {
  queue: { positionCode: string }[];
  dictionaryQueue: { code: string; submitterName: string }[];
  submitted: { positionCode: string; submitterName: string; reviewingName: string | null }[];
  returned: { positionCode: string; returnedBy: string; returnComment: string }[];
  drafts: { positionCode: string }[];
}

const listsOf = async (email: string) => (await run(skjLoader, get("/skj", await cookieFor(email)))).body as Lists;

describe("the work lists of /skj", () => {
  it("show the analyst's submitted and returned SKJ with their reviewer, and give reviewers the dictionary revisions to publish", async () => {
    const db = await useTestDatabase("demo");
    const reviewer2 = actor(db, "reviewer2@demo.go.id");
    submittedDraft(db, SUBMITTED);
    const onIt = submittedDraft(db, UNDER_REVIEW);
    expect(
      addComment(db, { draftId: onIt, anchor: "persyaratan", body: "Pangkat minimum perlu dicek.", parentId: null, actorId: reviewer2.id }),
    ).toEqual({ ok: true });
    const back = submittedDraft(db, RETURNED);
    expect(
      moveDraft(db, { draftId: back, transition: "return", actor: reviewer2, comment: "Level Analisis Jabatan terlalu rendah." }),
    ).toEqual({ ok: true });
    submittedRevision(db, "T.UJI-ANALIS", "Pengujian oleh Analis", "analis@demo.go.id");
    submittedRevision(db, "T.UJI-REVIEWER", "Pengujian oleh Reviewer", "reviewer@demo.go.id");

    const analis = await listsOf("analis@demo.go.id");
    expect(analis.submitted.map((d) => [d.positionCode, d.submitterName, d.reviewingName])).toEqual(
      expect.arrayContaining([
        [SUBMITTED, "Analis Demo", null],
        [UNDER_REVIEW, "Analis Demo", "Reviewer Kedua Demo"],
      ]),
    );
    expect(analis.returned).toEqual([
      expect.objectContaining({
        positionCode: RETURNED,
        returnedBy: "Reviewer Kedua Demo",
        returnComment: "Level Analisis Jabatan terlalu rendah.",
      }),
    ]);
    expect(analis.drafts).toEqual([]);
    expect(analis.queue).toEqual([]);
    expect(analis.dictionaryQueue).toEqual([]);

    // four-eyes: a reviewer is offered what others submitted, never their own
    const reviewer = await listsOf("reviewer@demo.go.id");
    expect(reviewer.queue.map((d) => d.positionCode).sort()).toEqual([SUBMITTED, UNDER_REVIEW].sort());
    expect(reviewer.dictionaryQueue).toEqual([expect.objectContaining({ code: "T.UJI-ANALIS", submitterName: "Analis Demo" })]);
    expect((await listsOf("reviewer2@demo.go.id")).dictionaryQueue.map((r) => r.code).sort()).toEqual(["T.UJI-ANALIS", "T.UJI-REVIEWER"]);
    expect((await listsOf("viewer@demo.go.id")).submitted).toHaveLength(2);
  });
});
