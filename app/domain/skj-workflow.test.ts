import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "./permissions";
import type { RuleResult } from "./skj-rules";
import { availableTransitions, decideTransition, decideWithdrawal, type DraftFacts, type DraftState } from "./skj-workflow";

const AUTHOR = 1;
const OTHER = 2;
const warning: RuleResult = { rule: "SKJ-PENGALAMAN", severity: "warning", path: "requirements.experience", message: "x", citation: "x" };
const error: RuleResult = { rule: "SKJ-TEKNIS-MIN", severity: "error", path: "competencies", message: "x", citation: "x" };

const draft = (state: DraftState, by = AUTHOR): DraftFacts => ({ state, submittedBy: state === "draf" ? null : by, contributors: [by] });

// expected outcome per transition, state and role, for an actor who neither submitted nor last edited
const TABLE: { transition: "submit" | "approve" | "return" | "publish"; state: DraftState; allowed: Role[] }[] = [
  { transition: "submit", state: "draf", allowed: ["admin", "analis", "reviewer"] },
  { transition: "submit", state: "dikembalikan", allowed: ["admin", "analis", "reviewer"] },
  { transition: "submit", state: "diajukan", allowed: [] },
  { transition: "submit", state: "disetujui", allowed: [] },
  { transition: "approve", state: "diajukan", allowed: ["admin", "reviewer"] },
  { transition: "approve", state: "draf", allowed: [] },
  { transition: "approve", state: "disetujui", allowed: [] },
  { transition: "approve", state: "dikembalikan", allowed: [] },
  { transition: "return", state: "diajukan", allowed: ["admin", "reviewer"] },
  { transition: "return", state: "disetujui", allowed: ["admin", "reviewer"] },
  { transition: "return", state: "draf", allowed: [] },
  { transition: "return", state: "dikembalikan", allowed: [] },
  { transition: "publish", state: "disetujui", allowed: ["admin", "reviewer"] },
  { transition: "publish", state: "diajukan", allowed: [] },
  { transition: "publish", state: "draf", allowed: [] },
  { transition: "publish", state: "dikembalikan", allowed: [] },
];

// the state the draft shows after each transition, in its work list and on its page
const NEXT_STATE = { submit: "diajukan", approve: "disetujui", return: "dikembalikan", publish: "ditetapkan" } as const;

describe("SKJ workflow", () => {
  for (const row of TABLE) {
    for (const role of ROLES) {
      const allowed = row.allowed.includes(role);
      it(`${row.transition} from ${row.state} by ${role}: ${allowed ? "allowed" : "refused"}`, () => {
        const decision = decideTransition(row.transition, draft(row.state), { id: OTHER, role }, { results: [], comment: "catatan" });
        expect(decision.ok).toBe(allowed);
        if (!decision.ok) expect(decision.message).toMatch(/\w/);
        else expect(decision.next).toBe(NEXT_STATE[row.transition]);
      });
    }
  }

  it("applies four-eyes: the submitter or last editor may neither approve nor publish", () => {
    expect(decideTransition("approve", draft("diajukan"), { id: AUTHOR, role: "reviewer" })).toEqual({
      ok: false,
      status: 403,
      message: "Prinsip empat mata: Anda tidak dapat menyetujui SKJ yang Anda ajukan atau ikut Anda ubah.",
    });
    expect(decideTransition("publish", draft("disetujui"), { id: AUTHOR, role: "reviewer" })).toEqual({
      ok: false,
      status: 403,
      message: "Prinsip empat mata: Anda tidak dapat menetapkan SKJ yang Anda ajukan atau ikut Anda ubah.",
    });
    for (const role of ["reviewer", "admin"] as const) {
      expect(
        decideTransition("approve", { state: "diajukan", submittedBy: OTHER, contributors: [AUTHOR] }, { id: OTHER, role }),
      ).toMatchObject({ ok: false, status: 403 });
      expect(
        decideTransition("approve", { state: "diajukan", submittedBy: AUTHOR, contributors: [OTHER] }, { id: OTHER, role }),
      ).toMatchObject({ ok: false, status: 403 });
      expect(
        decideTransition("publish", { state: "disetujui", submittedBy: AUTHOR, contributors: [OTHER] }, { id: OTHER, role }),
      ).toMatchObject({ ok: false, status: 403 });
    }
  });

  it("blocks submission on an error rule and asks for a justification of warnings", () => {
    const analis = { id: AUTHOR, role: "analis" as const };
    expect(decideTransition("submit", draft("draf"), analis, { results: [error] })).toEqual({
      ok: false,
      status: 409,
      message: "Masih ada kesalahan aturan; perbaiki dahulu sebelum mengajukan.",
    });
    expect(decideTransition("submit", draft("draf"), analis, { results: [warning, warning] })).toEqual({
      ok: false,
      status: 422,
      message: "Ada 2 peringatan: tuliskan alasan (minimal 10 karakter) mengapa SKJ tetap diajukan.",
    });
    expect(decideTransition("submit", draft("draf"), analis, { results: [warning], justification: "pendek" })).toMatchObject({
      ok: false,
      status: 422,
    });
    // spaces around a short reason do not make it long enough; ten characters do
    expect(decideTransition("submit", draft("draf"), analis, { results: [warning], justification: "    pendek    " })).toMatchObject({
      ok: false,
      status: 422,
    });
    expect(decideTransition("submit", draft("draf"), analis, { results: [warning], justification: "Setara S-1" })).toEqual({
      ok: true,
      next: "diajukan",
    });
    expect(
      decideTransition("submit", draft("draf"), analis, { results: [warning], justification: "Pengalaman setara dinilai per kasus." }),
    ).toEqual({ ok: true, next: "diajukan" });
  });

  it("needs a comment to return and a reason to withdraw", () => {
    const reviewer = { id: OTHER, role: "reviewer" as const };
    const noComment = { ok: false, status: 422, message: "Tuliskan catatan untuk analis saat mengembalikan SKJ." };
    expect(decideTransition("return", draft("diajukan"), reviewer, { comment: "  " })).toEqual(noComment);
    expect(decideTransition("return", draft("diajukan"), reviewer)).toEqual(noComment);
    const noReason = { ok: false, status: 422, message: "Tuliskan alasan pencabutan (minimal 10 karakter)." };
    expect(decideWithdrawal(reviewer, "")).toEqual(noReason);
    expect(decideWithdrawal(reviewer, null)).toEqual(noReason);
    expect(decideWithdrawal(reviewer, "   Dihapus    ")).toEqual(noReason);
    expect(decideWithdrawal(reviewer, "Dihapus Ok")).toMatchObject({ ok: true });
    expect(decideWithdrawal(reviewer, "Jabatan dihapus dari SOTK baru.")).toMatchObject({ ok: true });
    expect(decideWithdrawal({ id: AUTHOR, role: "analis" }, "Jabatan dihapus dari SOTK baru.")).toEqual({
      ok: false,
      status: 403,
      message: "Hanya reviewer atau admin yang dapat mencabut SKJ.",
    });
  });

  it("offers each actor only the transitions they may make", () => {
    expect(availableTransitions(draft("diajukan"), { id: OTHER, role: "reviewer" })).toEqual(["approve", "return"]);
    expect(availableTransitions(draft("diajukan"), { id: AUTHOR, role: "reviewer" })).toEqual(["return"]);
    expect(availableTransitions(draft("draf"), { id: AUTHOR, role: "analis" })).toEqual(["submit"]);
    expect(availableTransitions(draft("disetujui"), { id: OTHER, role: "viewer" })).toEqual([]);
  });
});
