import { describe, expect, it } from "vitest";
import { decideRevisionAction, type RevisionFacts } from "./dictionary-workflow";

const analis = { id: 1, role: "analis" as const };
const reviewer = { id: 2, role: "reviewer" as const };
const viewer = { id: 3, role: "viewer" as const };
const submittedByAnalis: RevisionFacts = { status: "diajukan", contributors: [1], submittedBy: 1 };

describe("dictionary revision workflow", () => {
  it("refuses every action on a regulation entry, for every role", () => {
    for (const actor of [analis, reviewer, { id: 9, role: "admin" as const }]) {
      for (const action of ["save", "submit", "publish", "return"] as const) {
        expect(decideRevisionAction(action, submittedByAnalis, actor, true)).toMatchObject({ ok: false, status: 403 });
      }
    }
  });

  it("opens a new draft revision when a published entry is edited", () => {
    expect(decideRevisionAction("save", { status: "diterbitkan", contributors: [1], submittedBy: 1 }, analis, false)).toEqual({ ok: true, next: "draft", newRevision: true });
    expect(decideRevisionAction("save", null, analis, false)).toEqual({ ok: true, next: "draft", newRevision: false });
    expect(decideRevisionAction("save", null, viewer, false)).toMatchObject({ ok: false, status: 403 });
  });

  it("lets a reviewer publish a submitted revision, but not their own (four-eyes)", () => {
    expect(decideRevisionAction("publish", submittedByAnalis, reviewer, false)).toEqual({ ok: true, next: "diterbitkan", newRevision: false });
    const own: RevisionFacts = { status: "diajukan", contributors: [2], submittedBy: 2 };
    expect(decideRevisionAction("publish", own, reviewer, false)).toMatchObject({ ok: false, status: 403, message: expect.stringContaining("empat mata") });
    expect(decideRevisionAction("publish", { status: "diajukan", contributors: [2], submittedBy: 1 }, reviewer, false)).toMatchObject({ ok: false, status: 403 });
    expect(decideRevisionAction("publish", submittedByAnalis, analis, false)).toMatchObject({ ok: false, status: 403 });
  });

  it("publishes only submitted revisions and submits only drafts", () => {
    expect(decideRevisionAction("publish", { status: "draft", contributors: [1], submittedBy: null }, reviewer, false)).toMatchObject({ ok: false, status: 409 });
    expect(decideRevisionAction("submit", submittedByAnalis, analis, false)).toMatchObject({ ok: false, status: 409 });
    expect(decideRevisionAction("return", submittedByAnalis, reviewer, false)).toEqual({ ok: true, next: "draft", newRevision: false });
  });
});
