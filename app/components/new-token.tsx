// The secret of a token just created, shown once with a copy button; shared by the admin and the own-token pages.
import { useState } from "react";
import type { Scope } from "~/domain/api-tokens";

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  "skj:read": "membaca SKJ yang ditetapkan, kamus kompetensi, dan SOTK",
  "skj:write": "memvalidasi, menyusun, dan mengajukan draf SKJ",
  "skj:review": "meninjau, menyetujui, dan menetapkan SKJ",
};

export function NewToken({ created }: { created: { token: string; name: string; userEmail: string; scopes: Scope[] } }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied("Token tersalin.");
    } catch {
      setCopied("Tidak dapat menyalin otomatis; pilih teks token lalu salin secara manual.");
    }
  };
  return (
    <section className="card stacked" aria-labelledby="new-token-title">
      <h2 id="new-token-title">Token “{created.name}” dibuat</h2>
      <p className="warning">Salin sekarang: token tidak akan ditampilkan lagi.</p>
      <div className="field">
        <label htmlFor="new-token">
          Token untuk {created.userEmail} ({created.scopes.join(", ")})
        </label>
        <input id="new-token" type="text" readOnly value={created.token} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          Salin token
        </button>
        <span role="status">{copied}</span>
      </div>
    </section>
  );
}
