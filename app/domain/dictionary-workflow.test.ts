import { describe, expect, it } from "vitest";
import type { RevisionStatus } from "./dictionary";
import { decideRevisionAction, type RevisionFacts } from "./dictionary-workflow";
import { ROLES, type Role } from "./permissions";

const analis = { id: 1, role: "analis" as const };
const reviewer = { id: 2, role: "reviewer" as const };
const viewer = { id: 3, role: "viewer" as const };
const submittedByAnalis: RevisionFacts = { status: "diajukan", contributors: [1], submittedBy: 1 };

describe("dictionary revision workflow", () => {
  it("refuses every action on a regulation entry, for every role", () => {
    for (const actor of [analis, reviewer, { id: 9, role: "admin" as const }]) {
      for (const action of ["save", "submit", "publish", "return"] as const) {
        expect(decideRevisionAction(action, submittedByAnalis, actor, true)).toEqual({
          ok: false,
          status: 403,
          message: "Kompetensi dari Permenpan RB 38/2017 tidak dapat diubah atau dihapus.",
        });
      }
    }
  });

  it("opens a new draft revision when a published entry is edited", () => {
    expect(decideRevisionAction("save", { status: "diterbitkan", contributors: [1], submittedBy: 1 }, analis, false)).toEqual({
      ok: true,
      next: "draft",
      newRevision: true,
    });
    expect(decideRevisionAction("save", null, analis, false)).toEqual({ ok: true, next: "draft", newRevision: false });
    expect(decideRevisionAction("save", null, viewer, false)).toMatchObject({ ok: false, status: 403 });
  });

  it("lets a reviewer publish a submitted revision, but not their own (four-eyes)", () => {
    expect(decideRevisionAction("publish", submittedByAnalis, reviewer, false)).toEqual({
      ok: true,
      next: "diterbitkan",
      newRevision: false,
    });
    const own: RevisionFacts = { status: "diajukan", contributors: [2], submittedBy: 2 };
    expect(decideRevisionAction("publish", own, reviewer, false)).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining("empat mata"),
    });
    expect(decideRevisionAction("publish", { status: "diajukan", contributors: [2], submittedBy: 1 }, reviewer, false)).toMatchObject({
      ok: false,
      status: 403,
    });
    // the reviewer who only submitted someone else's text
    expect(decideRevisionAction("publish", { status: "diajukan", contributors: [1], submittedBy: 2 }, reviewer, false)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(decideRevisionAction("publish", submittedByAnalis, analis, false)).toMatchObject({ ok: false, status: 403 });
  });

  it("publishes only submitted revisions and submits only drafts", () => {
    expect(decideRevisionAction("publish", { status: "draft", contributors: [1], submittedBy: null }, reviewer, false)).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(decideRevisionAction("submit", submittedByAnalis, analis, false)).toMatchObject({ ok: false, status: 409 });
    expect(decideRevisionAction("return", submittedByAnalis, reviewer, false)).toEqual({ ok: true, next: "draft", newRevision: false });
  });
});

// every action on a new entry (null) and on a latest revision in each status, by every role, for an actor who
// neither submitted nor changed the revision: the outcome and the message the page shows
describe("dictionary revision actions by role and status", () => {
  const writers: readonly Role[] = ["admin", "analis", "reviewer"];
  const publishers: readonly Role[] = ["admin", "reviewer"];
  const refused = (status: 403 | 409, message: string) => ({ ok: false, status, message });
  const to = (next: RevisionStatus, newRevision = false) => ({ ok: true, next, newRevision });
  const expected = (action: "save" | "submit" | "publish" | "return", status: RevisionStatus | null, role: Role) => {
    switch (action) {
      case "save":
        return writers.includes(role)
          ? to("draft", status === "diterbitkan")
          : refused(403, "Anda tidak memiliki izin mengubah kamus kompetensi.");
      case "submit":
        if (!writers.includes(role)) return refused(403, "Anda tidak memiliki izin mengajukan revisi kamus.");
        return status === "draft" ? to("diajukan") : refused(409, "Hanya revisi berstatus draf yang dapat diajukan.");
      case "publish":
        if (!publishers.includes(role)) return refused(403, "Hanya reviewer atau admin yang dapat menerbitkan revisi kamus.");
        return status === "diajukan" ? to("diterbitkan") : refused(409, "Hanya revisi yang sudah diajukan yang dapat diterbitkan.");
      case "return":
        if (!publishers.includes(role)) return refused(403, "Hanya reviewer atau admin yang dapat mengembalikan revisi kamus.");
        return status === "diajukan" ? to("draft") : refused(409, "Hanya revisi yang sudah diajukan yang dapat dikembalikan.");
    }
  };
  for (const action of ["save", "submit", "publish", "return"] as const) {
    for (const status of [null, "draft", "diajukan", "diterbitkan"] as const) {
      it(`${action} on ${status ?? "a new entry"}`, () => {
        const latest = status && { status, contributors: [1], submittedBy: status === "draft" ? null : 1 };
        for (const role of ROLES)
          expect(decideRevisionAction(action, latest, { id: 5, role }, false), role).toEqual(expected(action, status, role));
      });
    }
  }
});
