// What the editor shows when a save was refused as stale (409): the three-way merge of
// app/domain/skj-merge.ts has already kept every change only one side made; this dialog asks only about
// the fields both sides changed, one choice per field, and hands back the resolved content to save.
import { useEffect, useMemo, useRef, useState } from "react";
import { formatTanggalWaktu } from "~/domain/format-date";
import {
  describeSkjValue,
  mergeSkjDrafts,
  type SkjDraftContent,
  type SkjMergeChoice,
  type SkjMergeField,
  type SkjMergeSection,
} from "~/domain/skj-merge";
import type { SaveConflict } from "~/domain/skj-editor-data";

const SECTION_LABELS: Record<SkjMergeSection, string> = {
  identitas: "A. Identitas",
  kompetensi: "B. Kompetensi",
  persyaratan: "C. Persyaratan",
};

const atTime = (iso: string) => formatTanggalWaktu(iso);

/** "Anda, di tab lain" when the newer revision is the user's own from another tab or window. */
export function conflictAuthor(author: SaveConflict["author"]): string {
  return author.sameUser ? "Anda, di tab lain" : (author.name ?? "pengguna lain");
}

export function mergeOnConflict(conflict: SaveConflict, mine: SkjDraftContent, choices?: Readonly<Record<string, SkjMergeChoice>>) {
  return mergeSkjDrafts(conflict.base, mine, conflict.current, choices);
}

/** The quiet line after a merge without conflicts: nothing to decide, but the user should know. */
export function MergedNotice({ conflict }: { conflict: SaveConflict }) {
  const from = conflict.author.sameUser ? "dari tab lain" : `dari ${conflict.author.name ?? "pengguna lain"}`;
  return (
    <p className="merged-notice muted" role="status">
      Digabung dengan perubahan {from} ({atTime(conflict.current.updatedAt)}).
    </p>
  );
}

interface Props {
  conflict: SaveConflict;
  mine: SkjDraftContent;
  nameOf: (code: string) => string;
  onResolved: (content: SkjDraftContent) => void;
}

export function ConflictPanel({ conflict, mine, nameOf, onResolved }: Props) {
  const merge = useMemo(() => mergeOnConflict(conflict, mine), [conflict, mine]);
  // No side is preselected: a default would let one click overwrite a colleague's (or one's own) work
  // unseen; see docs/decisions/011-field-level-merge.md.
  const [choices, setChoices] = useState<Record<string, SkjMergeChoice>>({});
  const [missing, setMissing] = useState<SkjMergeField[]>([]);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  const labelOf = (field: SkjMergeField) => (field.code ? `${field.code} ${nameOf(field.code)}` : field.label);
  const save = () => {
    const open = merge.conflicts.filter((c) => !choices[c.id]);
    setMissing(open);
    if (open.length === 0) onResolved(mergeOnConflict(conflict, mine, choices).content);
  };

  return (
    // Escape must not close it: the editor stays locked until every conflicting field has a side
    <dialog
      ref={dialog}
      className="conflict-panel"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-intro"
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="conflict-title">Draf ini juga diubah oleh {conflictAuthor(conflict.author)}</h2>
      <p id="conflict-intro">
        Perubahan itu disimpan {atTime(conflict.current.updatedAt)} (revisi {conflict.current.revision}). {merge.conflicts.length} isian
        diubah di kedua tempat dengan isi berbeda: pilih versi yang dipakai untuk setiap isian, lalu simpan. Perubahan lain dari kedua pihak
        sudah digabung dan tidak hilang.
      </p>
      {merge.fromTheirs.length > 0 ? (
        <p className="muted">Sudah diambil dari versi lain: {merge.fromTheirs.map(labelOf).join("; ")}.</p>
      ) : null}
      <ol className="conflict-fields">
        {merge.conflicts.map((field) => (
          <li key={field.id}>
            <fieldset>
              <legend>
                {SECTION_LABELS[field.section]} — {labelOf(field)}
              </legend>
              {(["mine", "theirs"] as const).map((side) => (
                <label key={side} className="conflict-choice">
                  <input
                    type="radio"
                    name={`conflict-${field.id}`}
                    checked={choices[field.id] === side}
                    onChange={() => setChoices((c) => ({ ...c, [field.id]: side }))}
                  />
                  <span>
                    <strong>{side === "mine" ? "Pakai milik saya" : "Pakai versi lain"}</strong>
                    <span className="conflict-value">{describeSkjValue(field, field[side])}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ol>
      {missing.length > 0 ? (
        <p className="form-error" role="alert">
          Pilih versi untuk: {missing.map(labelOf).join("; ")}.
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={save}>
          Simpan pilihan
        </button>
      </div>
    </dialog>
  );
}
