import { useBlocker, useNavigation } from "@remix-run/react";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { discardAll, leavesPage, settleBeforeLeaving, type LeaveDecision, type LeaveParticipant } from "./leave-decision";

// One guard for the whole app (React Router honours a single blocker): every in-app navigation, form
// submission and browser back goes through it. Editors that save themselves register as participants and
// are flushed first; any POST form that received input is a participant too, without wiring of its own.

const Participants = createContext<Set<LeaveParticipant> | null>(null);

/** Registers unsaved input (e.g. an autosaving editor) with the app's leave guard while mounted. */
export function useLeaveParticipant(participant: LeaveParticipant) {
  const participants = useContext(Participants);
  const latest = useRef(participant);
  latest.current = participant;
  useEffect(() => {
    if (!participants) return;
    const stable: LeaveParticipant = {
      get label() {
        return latest.current.label;
      },
      pending: () => latest.current.pending(),
      flush: () => latest.current.flush?.() ?? Promise.resolve({ ok: true }),
      discard: () => latest.current.discard(),
    };
    participants.add(stable);
    return () => void participants.delete(stable);
  }, [participants]);
}

// Server and client validation mark bad fields this way; such a form was not accepted.
const INVALID_FIELD = '[aria-invalid="true"]';

/** Plain forms: dirty from their first input until a submission of theirs is accepted. */
function useDirtyForms(): { participant: LeaveParticipant; pinSubmission: () => boolean } {
  const dirty = useRef(new Set<HTMLFormElement>());
  const justSubmitted = useRef<HTMLFormElement | null>(null);
  // the form whose submission is the navigation being decided (held while an editor saves first)
  const pinned = useRef<HTMLFormElement | null>(null);
  const lastSubmitted = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    const formOf = (target: EventTarget | null): HTMLFormElement | null => {
      const form = target instanceof Element ? (target instanceof HTMLFormElement ? target : target.closest("form")) : null;
      // filters and searches (method="get") hold nothing worth keeping
      if (!form || form.getAttribute("method")?.toLowerCase() === "get" || form.dataset.leaveGuard === "off") return null;
      return form;
    };
    const onInput = (event: Event) => {
      const form = formOf(event.target);
      if (form) dirty.current.add(form);
    };
    const onSubmit = (event: Event) => {
      const form = formOf(event.target);
      if (!form) return;
      // the navigation a submit starts is the form doing its job; it is exempt only in this task, so a
      // submit stopped by client-side validation leaves the form guarded as before
      justSubmitted.current = form;
      lastSubmitted.current = form;
      setTimeout(() => {
        if (justSubmitted.current === form) justSubmitted.current = null;
      }, 0);
    };
    const onReset = (event: Event) => {
      const form = formOf(event.target);
      if (form) dirty.current.delete(form);
    };
    document.addEventListener("input", onInput, true);
    document.addEventListener("change", onInput, true);
    document.addEventListener("submit", onSubmit, true);
    document.addEventListener("reset", onReset, true);
    return () => {
      document.removeEventListener("input", onInput, true);
      document.removeEventListener("change", onInput, true);
      document.removeEventListener("submit", onSubmit, true);
      document.removeEventListener("reset", onReset, true);
    };
  }, []);
  const navigation = useNavigation();
  useEffect(() => {
    const form = lastSubmitted.current;
    if (navigation.state !== "idle" || !form) return;
    lastSubmitted.current = null;
    pinned.current = null;
    if (!form.isConnected || !form.querySelector(INVALID_FIELD)) dirty.current.delete(form);
  }, [navigation.state]);
  const participant: LeaveParticipant = {
    label: "Formulir",
    pending: () => {
      for (const form of dirty.current) {
        if (!form.isConnected) dirty.current.delete(form);
        else if (form !== pinned.current) return true;
      }
      return false;
    },
    discard: () => dirty.current.clear(),
  };
  const pinSubmission = () => {
    pinned.current = justSubmitted.current;
    return pinned.current !== null;
  };
  return { participant, pinSubmission };
}

export function LeaveGuard({ children }: { children: ReactNode }) {
  const participants = useRef(new Set<LeaveParticipant>()).current;
  const forms = useDirtyForms();
  const all = () => [forms.participant, ...participants];
  const anyPending = () => all().some((p) => p.pending());
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    // a submission to the page itself (e.g. "Ajukan SKJ") still needs what the editor holds saved first
    const submission = forms.pinSubmission();
    return (submission || leavesPage(currentLocation, nextLocation)) && anyPending();
  });
  const latestBlocker = useRef(blocker);
  latestBlocker.current = blocker;
  const [saving, setSaving] = useState(false);
  const [question, setQuestion] = useState<Extract<LeaveDecision, { kind: "ask" }> | null>(null);

  const settle = useCallback(async () => {
    setQuestion(null);
    setSaving(true);
    const decision = await settleBeforeLeaving(all());
    setSaving(false);
    if (latestBlocker.current.state !== "blocked") return;
    if (decision.kind === "proceed") latestBlocker.current.proceed();
    else setQuestion(decision);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads the participants through refs
  }, []);

  useEffect(() => {
    if (blocker.state === "blocked") void settle();
  }, [blocker.state, settle]);

  // closing the tab or typing another address: the browser's own question is the only one allowed
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!anyPending()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads the participants through refs
  }, []);

  return (
    <Participants.Provider value={participants}>
      {children}
      {saving ? (
        <p className="leave-saving" role="status">
          Menyimpan perubahan sebelum pindah halaman…
        </p>
      ) : null}
      {question ? (
        <LeaveDialog
          question={question}
          onRetry={() => void settle()}
          onLeave={() => {
            discardAll(all());
            setQuestion(null);
            latestBlocker.current.proceed?.();
          }}
          onStay={() => {
            setQuestion(null);
            latestBlocker.current.reset?.();
          }}
        />
      ) : null}
    </Participants.Provider>
  );
}

function LeaveDialog({
  question,
  onRetry,
  onLeave,
  onStay,
}: {
  question: Extract<LeaveDecision, { kind: "ask" }>;
  onRetry: () => void;
  onLeave: () => void;
  onStay: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="leave-dialog card"
      role="alertdialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-problems"
      onCancel={(event) => {
        event.preventDefault(); // Escape means "stay", through the same path as the button
        onStay();
      }}
    >
      <h2 id="leave-title" style={{ marginTop: 0 }}>
        Perubahan belum tersimpan
      </h2>
      <ul id="leave-problems">
        {question.problems.map((p, i) => (
          <li key={i}>
            <strong>{p.label}:</strong> {p.message}
          </li>
        ))}
      </ul>
      <div className="actions">
        {question.canRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            Coba simpan lagi
          </button>
        ) : null}
        {/* biome-ignore lint/a11y/noAutofocus: a modal dialog must move focus into itself */}
        <button type="button" className="button button-secondary" onClick={onStay} autoFocus={!question.canRetry}>
          Tetap di sini
        </button>
        <button type="button" className="button button-secondary" onClick={onLeave}>
          Tinggalkan tanpa menyimpan
        </button>
      </div>
    </dialog>
  );
}
