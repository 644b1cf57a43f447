import type { RuleResult } from "~/domain/skj-rules";

/** The nearest element that shows `path`: the field itself, else its row or section. */
function targetOf(path: string): HTMLElement | null {
  let p = path;
  while (p) {
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (el) return el;
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    p = cut > 0 ? p.slice(0, cut) : "";
  }
  return null;
}

function jumpTo(path: string) {
  const el = targetOf(path);
  if (!el) return;
  el.scrollIntoView({ behavior: "smooth", block: "center" });
  const focusable = el.matches("input, select, textarea, [contenteditable]")
    ? el
    : el.querySelector<HTMLElement>("input, select, textarea, [contenteditable=true]");
  focusable?.focus({ preventScroll: true });
  el.classList.add("flash");
  setTimeout(() => el.classList.remove("flash"), 1200);
}

export function RulesPanel({ results }: { results: RuleResult[] }) {
  const errors = results.filter((r) => r.severity === "error");
  const warnings = results.filter((r) => r.severity === "warning");
  return (
    <aside className="rules-panel card" aria-labelledby="rules-title">
      <h2 id="rules-title" style={{ marginTop: 0 }}>
        Pemeriksaan aturan
      </h2>
      <p className={errors.length ? "rules-summary rules-bad" : "rules-summary rules-ok"} role="status" aria-live="polite">
        {errors.length === 0 && warnings.length === 0
          ? "Valid: semua aturan terpenuhi."
          : errors.length === 0
            ? `Valid dengan ${warnings.length} peringatan.`
            : `${errors.length} kesalahan, ${warnings.length} peringatan.`}
      </p>
      <ul className="rules-list" aria-label="Hasil pemeriksaan">
        {[...errors, ...warnings].map((r, i) => (
          <li key={`${r.rule}-${r.path}-${i}`} className={r.severity === "error" ? "rule-error" : "rule-warning"}>
            <button type="button" className="button-plain" onClick={() => jumpTo(r.path)}>
              <span className="rule-code">{r.rule}</span>
              <span>{r.message}</span>
            </button>
            <span className="rule-citation">{r.citation}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
