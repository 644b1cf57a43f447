import { createContext, useContext, useMemo, type MouseEvent, type ReactNode } from "react";

// Open review threads by anchor, so each section heading and competency row of the editor can say it has
// comments without the editor itself knowing about reviews.
const OpenThreads = createContext<ReadonlyMap<string, number[]>>(new Map());

export function CommentMarkers({
  threads,
  children,
}: {
  threads: { id: number; anchor: string; resolvedAt: string | null }[];
  children: ReactNode;
}) {
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

/**
 * "2 komentar terbuka" beside what they point at, leading to the first thread. A link, not a button: the
 * editor's fieldset disables its buttons while the draft is locked, and the threads are read then too.
 */
export function CommentMarker({ anchor }: { anchor: string }) {
  const ids = useContext(OpenThreads).get(anchor);
  if (!ids?.length) return null;
  const show = (event: MouseEvent<HTMLAnchorElement>) => {
    const thread = document.getElementById(`thread-${ids[0]}`);
    if (!thread) return;
    // in place of a fragment navigation: the thread sits in a side column that scrolls on its own
    event.preventDefault();
    thread.scrollIntoView({ behavior: "smooth", block: "nearest" });
    thread.focus({ preventScroll: true });
    flash(thread);
  };
  return (
    <a href={`#thread-${ids[0]}`} className="comment-marker" onClick={show}>
      {ids.length} komentar terbuka
    </a>
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
