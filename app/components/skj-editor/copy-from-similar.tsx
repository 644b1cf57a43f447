// "Salin dari SKJ serupa": find a position with an SKJ, tick the parts to take, see the change, apply it as one
// revision, undo it. What the user typed is saved first (the pending autosave is flushed) and the copy is made
// on the server on exactly the revision previewed, so no local edit is overwritten: an edit saved after the
// preview makes the server refuse the copy (409) until the user looks at the preview again. The undo is offered
// from the draft's history (`undoable`), so it is there after a reload too, outside the folded panel.
import { useRevalidator } from "@remix-run/react";
import { useState } from "react";
import { SkjStatusTag } from "~/components/skj-status-tag";
import type { FlushOutcome } from "~/components/unsaved/leave-decision";
import {
  COPY_PART_LABELS,
  COPY_PARTS,
  type CopyApplied,
  type CopyCandidate,
  type CopyPart,
  type CopyPreview,
  type CopyReply,
  type UndoableCopy,
} from "~/domain/skj-copy";
import type { SkjStatus } from "~/domain/sotk";

interface Props {
  copyUrl: string;
  /** The copy that the revision on screen is, with nothing saved or typed since: "Urungkan" undoes it. */
  undoable: UndoableCopy | null;
  /** Saves what is pending; the copy waits for it. */
  flush: () => Promise<FlushOutcome>;
  /** The form is closed to typing while a copy or its undo is on its way. */
  onBusy: (busy: boolean) => void;
  onApplied: (applied: CopyApplied) => void;
}

async function call(url: string, init?: RequestInit): Promise<CopyReply> {
  try {
    const response = await fetch(url, init);
    return (
      ((await response.json().catch(() => null)) as CopyReply | null) ?? {
        ok: false,
        message: `Server tidak dapat memproses permintaan (galat ${response.status}).`,
      }
    );
  } catch {
    return { ok: false, message: "Tidak ada koneksi ke server; tidak ada yang disalin." };
  }
}

export function CopyFromSimilar({ copyUrl, undoable, flush, onBusy, onApplied }: Props) {
  const revalidator = useRevalidator();
  const [q, setQ] = useState("");
  const [candidates, setCandidates] = useState<CopyCandidate[] | null>(null);
  const [source, setSource] = useState<CopyCandidate | null>(null);
  const [parts, setParts] = useState<Set<CopyPart>>(() => new Set(COPY_PARTS));
  const [preview, setPreview] = useState<CopyPreview | null>(null);
  const [done, setDone] = useState<CopyApplied | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const search = async () => {
    setError(null);
    const reply = await call(`${copyUrl}?${new URLSearchParams({ q })}`);
    if (!reply.ok) return setError(reply.message);
    setCandidates(reply.candidates ?? []);
  };

  /** Saves pending edits first; answers false (with the reason shown) when they could not be saved. */
  const savedFirst = async (): Promise<boolean> => {
    const flushed = await flush();
    if (!flushed.ok) setError(`Perubahan Anda belum tersimpan${flushed.message ? `: ${flushed.message}` : ""}. Tidak ada yang disalin.`);
    return flushed.ok;
  };

  const showPreview = async () => {
    if (!source) return;
    setError(null);
    setPreview(null);
    if (!(await savedFirst())) return;
    const reply = await call(`${copyUrl}?${new URLSearchParams([["sumber", source.code], ...[...parts].map((p) => ["bagian", p])])}`);
    if (!reply.ok) return setError(reply.message);
    setPreview(reply.preview ?? null);
  };

  const post = async (body: Record<string, unknown>) => {
    setError(null);
    setWorking(true);
    onBusy(true);
    try {
      if (!(await savedFirst())) return;
      const reply = await call(copyUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (!reply.ok) return setError(reply.message);
      if (!reply.applied) return;
      onApplied(reply.applied);
      setPreview(null);
      setDone(reply.applied);
      // the page's history, revision number and the copy that can be undone
      revalidator.revalidate();
    } finally {
      setWorking(false);
      onBusy(false);
    }
  };

  const choose = (next: CopyCandidate | null) => {
    setSource(next);
    setPreview(null);
  };
  const toggle = (part: CopyPart, on: boolean) => {
    setParts((current) => {
      const next = new Set(current);
      if (on) next.add(part);
      else next.delete(part);
      return next;
    });
    setPreview(null);
  };

  return (
    <>
      {done ? (
        <p className="notice" role="status">
          {`${done.note}. Tersimpan sebagai revisi ${done.revision}.`}
        </p>
      ) : null}
      {undoable ? (
        <p className="notice" role="note" aria-label="Salinan terakhir">
          {`Revisi ${undoable.revision} draf ini adalah salinan dari ${undoable.sourceName}, dan belum ada yang diubah sesudahnya. `}
          <button
            type="button"
            className="button button-secondary"
            disabled={working}
            onClick={() => void post({ intent: "undo", baseRevision: undoable.revision })}
          >
            {`Urungkan salinan dari ${undoable.sourceName}`}
          </button>
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <details className="card copy-from-similar">
        <summary>
          <h2 style={{ display: "inline", fontSize: "1.1rem" }}>Salin dari SKJ serupa</h2>
        </summary>
        <p className="muted">
          Ambil kompetensi teknis, persyaratan jabatan, atau ikhtisar dari SKJ jabatan lain (versi yang berlaku atau draf terbuka).
          Kompetensi manajerial dan sosial kultural tetap mengikuti kelompok jabatan ini. Perubahan yang belum tersimpan disimpan dahulu;
          salinan tersimpan sebagai satu revisi dan dapat diurungkan.
        </p>
        {/* biome-ignore lint/a11y/useSemanticElements: React 18 types have no <search> element; the role says the same */}
        <form
          method="get"
          role="search"
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            void search();
          }}
        >
          <div className="field">
            <label htmlFor="copy-q">Cari jabatan sumber</label>
            <input id="copy-q" type="search" value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
          </div>
          <button type="submit" className="button button-secondary">
            Cari
          </button>
        </form>
        {candidates && candidates.length === 0 ? (
          <p className="muted">Tidak ada jabatan dengan SKJ yang cocok dengan pencarian itu.</p>
        ) : null}
        {candidates && candidates.length > 0 ? (
          <table className="data" aria-label="Jabatan sumber yang ditemukan">
            <thead>
              <tr>
                <th scope="col">Jabatan</th>
                <th scope="col">Unit</th>
                <th scope="col">Status SKJ</th>
                <th scope="col">
                  <span className="visually-hidden">Pilih</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.code}>
                  <td>{c.name}</td>
                  <td>{c.unitName}</td>
                  <td>
                    <SkjStatusTag status={c.skjStatus as SkjStatus} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={`Pakai ${c.name}`}
                      aria-pressed={source?.code === c.code}
                      onClick={() => choose(c)}
                    >
                      Pakai
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {source ? (
          <fieldset className="level-box">
            <legend>{`Bagian yang disalin dari ${source.name}`}</legend>
            {COPY_PARTS.map((part) => (
              <label key={part} className="checkbox">
                <input type="checkbox" checked={parts.has(part)} onChange={(e) => toggle(part, e.target.checked)} />{" "}
                {COPY_PART_LABELS[part]}
              </label>
            ))}
            <div className="actions">
              <button
                type="button"
                className="button button-secondary"
                disabled={parts.size === 0 || working}
                onClick={() => void showPreview()}
              >
                Lihat perubahan
              </button>
            </div>
          </fieldset>
        ) : null}
        {preview ? (
          <section aria-labelledby="copy-preview-title">
            <h3 id="copy-preview-title">{`Perubahan bila disalin dari ${preview.source.name} (${preview.source.origin})`}</h3>
            {preview.parts.map((p) => (
              <CopyPartTable key={p.part} label={p.label} changes={p.changes} />
            ))}
            <div className="actions">
              <button
                type="button"
                className="button"
                disabled={working}
                onClick={() =>
                  void post({ intent: "apply", sourceCode: preview.source.code, parts: [...parts], baseRevision: preview.revision })
                }
              >
                Terapkan salinan
              </button>
              <button type="button" className="button button-secondary" disabled={working} onClick={() => setPreview(null)}>
                Batal
              </button>
            </div>
          </section>
        ) : null}
      </details>
    </>
  );
}

function CopyPartTable({ label, changes }: { label: string; changes: CopyPreview["parts"][number]["changes"] }) {
  if (changes.length === 0) return <p className="muted">{`${label}: tidak ada yang berubah.`}</p>;
  return (
    <table className="data" aria-label={`Perubahan ${label.toLowerCase()}`}>
      <caption>{label}</caption>
      <thead>
        <tr>
          <th scope="col">Isian</th>
          <th scope="col">Sekarang</th>
          <th scope="col">Sesudah disalin</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.label}>
            <td>{c.label}</td>
            <td>{c.before}</td>
            <td>{c.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
