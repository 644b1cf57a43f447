// What happens when the user leaves a page that holds unsaved input: whatever can save itself saves first;
// only what could not be saved is put to the user as a question. Pure (no React, no DOM), so the rules are
// tested in milliseconds; leave-guard.tsx wires them to the router and the browser.

export type FlushOutcome = { ok: true } | { ok: false; retryable: boolean; message: string };

export interface LeaveParticipant {
  /** Names the unsaved input in the question, e.g. "Draf SKJ". */
  label: string;
  /** True while there is input the server has not acknowledged. */
  pending(): boolean;
  /** Saves what is pending; absent when the input is only ever sent by its own form's button. */
  flush?(): Promise<FlushOutcome>;
  /** The user chose to leave without it. */
  discard(): void;
}

export interface LeaveProblem {
  label: string;
  message: string;
}

export type LeaveDecision = { kind: "proceed" } | { kind: "ask"; problems: LeaveProblem[]; canRetry: boolean };

export const UNSENT_FORM_MESSAGE = "Isian belum dikirim. Kirim dengan tombolnya, atau tinggalkan dan isian ini hilang.";

/** A location change that keeps the page (a jump to an anchor) never needs to wait. */
export function leavesPage(current: { pathname: string; search: string }, next: { pathname: string; search: string }): boolean {
  return current.pathname !== next.pathname || current.search !== next.search;
}

export async function settleBeforeLeaving(participants: Iterable<LeaveParticipant>): Promise<LeaveDecision> {
  const problems: LeaveProblem[] = [];
  let canRetry = false;
  // one after another: two saves racing each other would only compete for the same connection
  for (const participant of participants) {
    if (!participant.pending()) continue;
    if (!participant.flush) {
      problems.push({ label: participant.label, message: UNSENT_FORM_MESSAGE });
      continue;
    }
    const outcome = await participant
      .flush()
      .catch((): FlushOutcome => ({ ok: false, retryable: true, message: "Penyimpanan gagal karena kesalahan tak terduga." }));
    if (outcome.ok && !participant.pending()) continue;
    const message = outcome.ok ? "Masih ada perubahan yang belum tersimpan." : outcome.message;
    problems.push({ label: participant.label, message });
    canRetry ||= outcome.ok || outcome.retryable;
  }
  return problems.length === 0 ? { kind: "proceed" } : { kind: "ask", problems, canRetry };
}

export function discardAll(participants: Iterable<LeaveParticipant>): void {
  for (const participant of participants) if (participant.pending()) participant.discard();
}
