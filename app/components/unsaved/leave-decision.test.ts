import { describe, expect, it } from "vitest";
import {
  discardAll,
  leavesPage,
  settleBeforeLeaving,
  UNSENT_FORM_MESSAGE,
  type FlushOutcome,
  type LeaveParticipant,
} from "./leave-decision";

/** An autosaving editor whose next saves answer with the given outcomes. */
function editor(outcomes: FlushOutcome[], pending = true) {
  const state = { pending, flushes: 0, discarded: false };
  const participant: LeaveParticipant = {
    label: "Draf SKJ",
    pending: () => state.pending,
    flush: async () => {
      state.flushes += 1;
      const outcome = outcomes.shift() ?? { ok: true };
      if (outcome.ok) state.pending = false;
      return outcome;
    },
    discard: () => {
      state.discarded = true;
      state.pending = false;
    },
  };
  return { participant, state };
}

function plainForm(dirty: boolean) {
  const state = { dirty };
  const participant: LeaveParticipant = { label: "Formulir", pending: () => state.dirty, discard: () => void (state.dirty = false) };
  return { participant, state };
}

const offline: FlushOutcome = { ok: false, retryable: true, message: "Tidak ada koneksi ke server." };
const conflict: FlushOutcome = { ok: false, retryable: false, message: "Draf ini diubah di tempat lain." };

describe("leaving a page with unsaved input", () => {
  it("leaves at once when nothing is pending, without saving anything", async () => {
    const skj = editor([], false);
    expect(await settleBeforeLeaving([skj.participant, plainForm(false).participant])).toEqual({ kind: "proceed" });
    expect(skj.state.flushes).toBe(0);
  });

  it("saves the editor first and leaves once the server has it", async () => {
    const skj = editor([{ ok: true }]);
    expect(await settleBeforeLeaving([skj.participant])).toEqual({ kind: "proceed" });
    expect(skj.state.flushes).toBe(1);
  });

  it("asks when the save fails, offering to try again while trying again can help", async () => {
    const skj = editor([offline]);
    expect(await settleBeforeLeaving([skj.participant])).toEqual({
      kind: "ask",
      canRetry: true,
      problems: [{ label: "Draf SKJ", message: "Tidak ada koneksi ke server." }],
    });
  });

  it("does not offer to try again on a conflict: only the user's choice of version resolves it", async () => {
    expect(await settleBeforeLeaving([editor([conflict]).participant])).toMatchObject({ kind: "ask", canRetry: false });
  });

  it("asks about a dirty form, which only its own button can send, and still saves the editor beside it", async () => {
    const skj = editor([{ ok: true }]);
    const decision = await settleBeforeLeaving([plainForm(true).participant, skj.participant]);
    expect(decision).toEqual({ kind: "ask", canRetry: false, problems: [{ label: "Formulir", message: UNSENT_FORM_MESSAGE }] });
    expect(skj.state.pending).toBe(false);
  });

  it("asks again when typing went on during the save (still pending after a successful flush)", async () => {
    const skj = editor([]);
    skj.participant.flush = async () => ({ ok: true }); // acknowledged, but a newer change is waiting
    expect(await settleBeforeLeaving([skj.participant])).toMatchObject({ kind: "ask", canRetry: true });
  });

  it("treats a save that throws as a failed save to try again, not as permission to leave", async () => {
    const skj = editor([]);
    skj.participant.flush = () => Promise.reject(new Error("boom"));
    expect(await settleBeforeLeaving([skj.participant])).toMatchObject({ kind: "ask", canRetry: true });
  });

  it("leaving without saving discards only what is pending", () => {
    const skj = editor([], true);
    const clean = editor([], false);
    const form = plainForm(true);
    discardAll([skj.participant, clean.participant, form.participant]);
    expect([skj.state.discarded, clean.state.discarded, form.state.dirty]).toEqual([true, false, false]);
  });

  it("a jump to an anchor on the same page is not leaving it; another path or query is", () => {
    expect(leavesPage({ pathname: "/jabatan/3/skj", search: "" }, { pathname: "/jabatan/3/skj", search: "" })).toBe(false);
    expect(leavesPage({ pathname: "/jabatan/3/skj", search: "" }, { pathname: "/", search: "" })).toBe(true);
    expect(leavesPage({ pathname: "/jabatan", search: "?page=1" }, { pathname: "/jabatan", search: "?page=2" })).toBe(true);
  });
});
