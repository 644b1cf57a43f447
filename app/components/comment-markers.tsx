import { createContext, useContext, useMemo, type ReactNode } from "react";

// Open review threads by anchor, so each section heading and competency row of the editor can say it has
// comments without the editor itself knowing about reviews.
const OpenThreads = createContext<ReadonlyMap<string, number[]>>(new Map());

export function CommentMarkers({ threads, children }: { threads: { id: number; anchor: string; resolvedAt: string | null }[]; children: ReactNode }) {
  const byAnchor = useMemo(() => {
    const map = new Map<string, number[]>();
    for (const t of threads) if (!t.resolvedAt) map.set(t.anchor, [...(map.get(t.anchor) ?? []), t.id]);
    return map;
  }, [threads]);
  return <OpenThreads.Provider value={byAnchor}>{children}</OpenThreads.Provider>;
}

function flash(el: HTMLElement) {
  el.classList.add("flash");
  setTimeout(() => el.classList.remove("flash"), 1200);
}

/** "2 komentar terbuka" beside what they point at; a click brings the first thread into view. */
export function CommentMarker({ anchor }: { anchor: string }) {
  const ids = useContext(OpenThreads).get(anchor);
  if (!ids?.length) return null;
  const show = () => {
    const thread = document.getElementById(`thread-${ids[0]}`);
    if (!thread) return;
    thread.scrollIntoView({ behavior: "smooth", block: "nearest" });
    thread.focus({ preventScroll: true });
    flash(thread);
  };
  return (
    <button type="button" className="comment-marker" onClick={show}>
      {ids.length} komentar terbuka
    </button>
  );
}

/** Brings a commented section (its card) or competency row (its level field) into view. */
export function showAnchor(anchor: string) {
  const [section, code] = anchor.split(":");
  const field = code ? document.getElementById(`level-${code}`) : null;
  const target = field?.closest("tr") ?? document.getElementById(`bagian-${section}`);
  if (!target) return;
  target.scrollIntoView({ behavior: "smooth", block: "center" });
  field?.focus({ preventScroll: true });
  flash(target);
}
