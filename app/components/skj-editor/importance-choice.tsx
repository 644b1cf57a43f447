import type { UseFormReturn } from "react-hook-form";
import { IMPORTANCE_LABELS, IMPORTANCE_ROW_LABELS } from "~/domain/labels";
import { IMPORTANCE_LEVELS, type ImportanceRow, type SkjDocument } from "~/domain/skj-document";

/** The "Tingkat Pentingnya terhadap Jabatan" of one printed requirement row; "—" leaves the printed cell empty. */
export function ImportanceChoice({ form, row }: { form: UseFormReturn<SkjDocument>; row: ImportanceRow }) {
  const id = `importance-${row}`;
  return (
    <div className="field importance-choice" data-path={`requirements.importance.${row}`}>
      <label htmlFor={id}>Tingkat pentingnya ({IMPORTANCE_ROW_LABELS[row]})</label>
      {/* undefined, not "": an unchosen row is absent from the document, as in a version-1 document */}
      <select id={id} {...form.register(`requirements.importance.${row}`, { setValueAs: (v: string) => v || undefined })}>
        <option value="">—</option>
        {IMPORTANCE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {IMPORTANCE_LABELS[level]}
          </option>
        ))}
      </select>
    </div>
  );
}
