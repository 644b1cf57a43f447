import type { UseFormReturn } from "react-hook-form";
import { IMPORTANCE_LABELS } from "~/domain/labels";
import { IMPORTANCE_LEVELS, type ImportanceRow, type SkjDocument } from "~/domain/skj-document";

// Named by the row of the printed table (§7.3), which also keeps each label apart from the field it sits
// beside ("Pelatihan manajerial"), so neither a person nor a screen reader confuses the two.
const PRINTED_ROW: Record<ImportanceRow, string> = {
  educationLevel: "1a Jenjang",
  educationFields: "1b Bidang Ilmu",
  trainingManagerial: "2a Manajerial",
  trainingTechnical: "2b Teknis",
  trainingFunctional: "2c Fungsional",
  experience: "3 Pengalaman",
  rank: "4 Pangkat",
  performanceIndicators: "5 Indikator Kinerja",
};

/** The "Tingkat Pentingnya terhadap Jabatan" of one printed requirement row; "—" leaves the printed cell empty. */
export function ImportanceChoice({ form, row }: { form: UseFormReturn<SkjDocument>; row: ImportanceRow }) {
  const id = `importance-${row}`;
  return (
    <div className="field importance-choice" data-path={`requirements.importance.${row}`}>
      <label htmlFor={id}>Tingkat pentingnya {PRINTED_ROW[row]}</label>
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
