import { useCallback, useEffect, useRef, useState } from "react";
import type { RichTextNode } from "~/domain/richtext";
import type { SkjDocument } from "~/domain/skj-document";
import type { FlushOutcome } from "~/components/unsaved/leave-decision";
import { sameContent, type LocalDraft } from "~/components/unsaved/local-draft";
import type { SaveReply } from "./skj-editor";

export const AUTOSAVE_DELAY_MS = 2000;

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string }
  | { kind: "conflict" };

export interface DraftContent {
  document: SkjDocument;
  summaryJson: RichTextNode | null;
}

interface Options {
  saveUrl: string;
  revision: number;
  /** Start with unsaved content (restored from the browser's copy), so it is saved straight away. */
  startDirty: boolean;
  content: () => DraftContent;
  refreshCodes: () => string[];
  backup: LocalDraft<DraftContent>;
  /**
   * The one place a 409 with the other version goes. The editor either merged it without a question (its
   * content is now the merge: save again at once on `retryOn`) or asks the user, and saving waits until
   * resolveConflict.
   */
  onConflict: (conflict: NonNullable<SaveReply["conflict"]>) => { retryOn: number } | null;
  onSaved: (sentRefreshCodes: string[]) => void;
}

const CONFLICT_MESSAGE =
  "Draf ini diubah di tempat lain dan perubahan Anda belum tersimpan. Tetap di sini untuk memilih versi yang dipakai.";

/**
 * Saves the draft two seconds after the last change, at once when asked (leaving the page, hiding the tab),
 * and keeps every change in the browser until the server has acknowledged it. One save at a time; what
 * changed while a save ran goes in the next one.
 */
export function useDraftAutosave(options: Options) {
  const opts = useRef(options);
  opts.current = options;
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const revision = useRef(options.revision);
  // the same revision for rendering: what the page offers can depend on which revision it shows
  const [shownRevision, setShownRevision] = useState(options.revision);
  const setRevision = useCallback((n: number) => {
    revision.current = n;
    setShownRevision(n);
  }, []);
  const changes = useRef(options.startDirty ? 1 : 0);
  const acknowledged = useRef(0);
  const conflicted = useRef(false);
  const inFlight = useRef<Promise<FlushOutcome & { again?: boolean }> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const pending = useCallback(() => changes.current !== acknowledged.current, []);

  // `again`: the other version was merged in without a question, so the merged content goes out at once
  const send = useCallback(async (): Promise<FlushOutcome & { again?: boolean }> => {
    const seq = changes.current;
    const { content, refreshCodes, saveUrl } = opts.current;
    const codes = refreshCodes();
    const sent = content();
    setStatus({ kind: "saving" });
    const fail = (message: string): FlushOutcome => {
      setStatus({ kind: "error", message });
      return { ok: false, retryable: true, message };
    };
    let response: Response;
    try {
      response = await fetch(saveUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...sent, baseRevision: revision.current, refreshCodes: codes }),
      });
    } catch {
      return fail("Tidak ada koneksi ke server; perubahan belum tersimpan dan disimpan sementara di peramban ini.");
    }
    const reply = (await response.json().catch(() => null)) as SaveReply | null;
    if (!reply)
      return fail(
        response.redirected
          ? "Sesi Anda berakhir; masuk lagi di tab lain, lalu coba simpan lagi."
          : `Server tidak dapat menyimpan (galat ${response.status}); perubahan disimpan sementara di peramban ini.`,
      );
    // a 409 whose current version is exactly this content is our own earlier save (e.g. sent as the tab closed)
    const current = reply.conflict?.current;
    const landed = reply.ok
      ? reply
      : current && sameContent({ document: current.document, summaryJson: current.summaryJson }, sent)
        ? { revision: current.revision, savedAt: current.updatedAt }
        : null;
    if (landed?.revision) {
      setRevision(landed.revision);
      acknowledged.current = seq;
      if (seq === changes.current) opts.current.backup.clear();
      opts.current.onSaved(codes);
      setStatus(seq === changes.current ? { kind: "saved", at: landed.savedAt ?? new Date().toISOString() } : { kind: "dirty" });
      return { ok: true };
    }
    if (reply.conflict) {
      clearTimeout(timer.current);
      const merged = opts.current.onConflict(reply.conflict);
      if (merged) {
        setRevision(merged.retryOn);
        return { ok: false, retryable: true, message: "", again: true };
      }
      conflicted.current = true;
      setStatus({ kind: "conflict" });
      return { ok: false, retryable: false, message: CONFLICT_MESSAGE };
    }
    return fail(reply.message ?? "Penyimpanan gagal. Perubahan Anda masih ada di halaman ini; coba lagi.");
  }, [setRevision]);

  const flush = useCallback(async (): Promise<FlushOutcome> => {
    clearTimeout(timer.current);
    for (;;) {
      if (conflicted.current) return { ok: false, retryable: false, message: CONFLICT_MESSAGE };
      if (inFlight.current) {
        await inFlight.current;
        continue;
      }
      if (!pending()) return { ok: true };
      const saving = send();
      inFlight.current = saving;
      const outcome = await saving.finally(() => void (inFlight.current = null));
      if (outcome.again) continue;
      if (!outcome.ok) return outcome;
    }
  }, [pending, send]);

  /** Every edit: keep it in the browser at once, send it once typing pauses. */
  const changed = useCallback(() => {
    changes.current += 1;
    opts.current.backup.write(opts.current.content(), String(revision.current));
    if (conflicted.current) return;
    setStatus({ kind: "dirty" });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  /** The form now shows what the server saved as `serverRevision` (e.g. a copy applied on the server): nothing is pending. */
  const adopt = useCallback(
    (serverRevision: number, savedAt: string) => {
      clearTimeout(timer.current);
      setRevision(serverRevision);
      acknowledged.current = changes.current;
      opts.current.backup.clear();
      setStatus({ kind: "saved", at: savedAt });
    },
    [setRevision],
  );

  /** After a conflict: save on top of the other version (keep mine) or take it as saved (take theirs). */
  const resolveConflict = useCallback(
    (serverRevision: number, keep: "mine" | "theirs", updatedAt: string) => {
      conflicted.current = false;
      if (keep === "theirs") return adopt(serverRevision, updatedAt);
      setRevision(serverRevision);
      void flush();
    },
    [adopt, flush, setRevision],
  );

  /** The user chose to leave without saving. */
  const discard = useCallback(() => {
    clearTimeout(timer.current);
    acknowledged.current = changes.current;
    opts.current.backup.clear();
  }, []);

  useEffect(() => {
    if (options.startDirty) {
      opts.current.backup.write(opts.current.content(), String(revision.current));
      void flush();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  useEffect(() => {
    const retry = () => {
      if (pending() && !conflicted.current) void flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") retry();
    };
    // the page is being unloaded: a keepalive request outlives it; the browser's copy covers a failure
    const onPageHide = () => {
      if (!pending() || conflicted.current) return;
      const { content, saveUrl, refreshCodes } = opts.current;
      const body = JSON.stringify({ ...content(), baseRevision: revision.current, refreshCodes: refreshCodes() });
      fetch(saveUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body, keepalive: true }).catch(() => undefined);
    };
    window.addEventListener("online", retry);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      clearTimeout(timer.current);
      window.removeEventListener("online", retry);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
    };
  }, [flush, pending]);

  return { status, revision: shownRevision, pending, flush, changed, resolveConflict, discard, adopt };
}
