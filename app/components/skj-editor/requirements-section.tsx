import { Controller, useFieldArray, type Control, type UseFormReturn } from "react-hook-form";
import { CommentMarker } from "~/components/comment-markers";
import { GROUP_LABELS } from "~/domain/labels";
import { EDUCATION, GOLONGAN, type SkjDocument } from "~/domain/skj-document";
import { minimumExperienceFor, type RuleSettings } from "~/domain/skj-rules";
import { ImportanceChoice } from "./importance-choice";

const splitLines = (text: string) =>
  text
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
const splitComma = (text: string) =>
  text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

type LinesPath =
  | "requirements.training.managerial"
  | "requirements.training.technical"
  | "requirements.training.functional"
  | "requirements.performanceIndicators";

/** A list of short texts edited as one line each; blank lines are dropped. */
function LinesField({ control, name, label, hint }: { control: Control<SkjDocument>; name: LinesPath; label: string; hint: string }) {
  const id = name.replaceAll(".", "-");
  return (
    <div className="field" data-path={name}>
      <label htmlFor={id}>{label}</label>
      <Controller
        control={control}
        name={name}
        render={({ field }) => <LinesTextarea id={id} value={field.value ?? []} onChange={field.onChange} />}
      />
      <span className="hint">{hint}</span>
    </div>
  );
}

// keeps the text as typed (trailing newline while typing) and reports the cleaned list
function LinesTextarea({ id, value, onChange }: { id: string; value: string[]; onChange: (v: string[]) => void }) {
  return <textarea id={id} rows={3} defaultValue={value.join("\n")} onChange={(e) => onChange(splitLines(e.target.value))} />;
}

/** The group's minimum experience under PP 11/2017 jo. PP 17/2020, from the admin setting, with its article text folded. */
function ExperienceMinimumHint({ settings, group }: { settings: RuleSettings; group: SkjDocument["position"]["group"] }) {
  const minimum = minimumExperienceFor(settings, group);
  if (!minimum || !group) return null;
  return (
    <div className="hint" id="pengalaman-minimum">
      Syarat {GROUP_LABELS[group] ?? group} menurut PP 11/2017 jo. PP 17/2020: pengalaman paling singkat {minimum.years} tahun
      {minimum.article ? ` (${minimum.article})` : ""}.
      {minimum.text ? (
        <details>
          <summary>Teks pasal</summary>
          <blockquote style={{ margin: "0.3rem 0" }}>{minimum.text}</blockquote>
        </details>
      ) : null}
    </div>
  );
}

export function RequirementsSection({ form, settings }: { form: UseFormReturn<SkjDocument>; settings: RuleSettings }) {
  const education = useFieldArray({ control: form.control, name: "requirements.education" });
  const experience = useFieldArray({ control: form.control, name: "requirements.experience" });
  const group = form.watch("position.group");
  return (
    <section className="card" id="bagian-persyaratan" aria-labelledby="h-persyaratan">
      <h2 id="h-persyaratan" style={{ marginTop: 0 }}>
        C. Persyaratan Jabatan <CommentMarker anchor="persyaratan" />
      </h2>
      <div className="field" data-path="requirements.rank">
        <label htmlFor="rank">Pangkat / golongan ruang minimal</label>
        <select id="rank" {...form.register("requirements.rank", { setValueAs: (v: string) => v || null })}>
          <option value="">— pilih —</option>
          {GOLONGAN.map((g) => (
            <option key={g.code} value={g.code}>
              {g.code} — {g.pangkat}
            </option>
          ))}
        </select>
      </div>
      <ImportanceChoice form={form} row="rank" />

      <h3>Kualifikasi pendidikan</h3>
      <div className="grid-3">
        <ImportanceChoice form={form} row="educationLevel" />
        <ImportanceChoice form={form} row="educationFields" />
      </div>
      <div data-path="requirements.education">
        {education.fields.map((f, i) => (
          <div key={f.id} className="row-inline" data-path={`requirements.education[${i}]`}>
            <div className="field">
              <label htmlFor={`edu-level-${i}`}>Jenjang pendidikan {i + 1}</label>
              <select id={`edu-level-${i}`} {...form.register(`requirements.education.${i}.level`)}>
                {EDUCATION.map((e) => (
                  <option key={e.code} value={e.code}>
                    {e.code} — {e.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor={`edu-fields-${i}`}>Bidang ilmu {i + 1}</label>
              <Controller
                control={form.control}
                name={`requirements.education.${i}.fields`}
                render={({ field }) => (
                  <input
                    id={`edu-fields-${i}`}
                    type="text"
                    defaultValue={(field.value ?? []).join(", ")}
                    onChange={(e) => field.onChange(splitComma(e.target.value))}
                    placeholder="Pisahkan dengan koma"
                  />
                )}
              />
            </div>
            <button type="button" className="icon-button" aria-label={`Hapus pendidikan ${i + 1}`} onClick={() => education.remove(i)}>
              ✕
            </button>
          </div>
        ))}
        <button type="button" className="button button-secondary" onClick={() => education.append({ level: "S-1", fields: [] })}>
          + Pendidikan
        </button>
      </div>

      <h3>Pelatihan</h3>
      <div className="grid-3">
        <LinesField
          control={form.control}
          name="requirements.training.managerial"
          label="Pelatihan manajerial"
          hint="Satu pelatihan per baris, mis. Pelatihan Kepemimpinan Administrator."
        />
        <LinesField
          control={form.control}
          name="requirements.training.technical"
          label="Pelatihan teknis"
          hint="Satu pelatihan per baris."
        />
        <LinesField
          control={form.control}
          name="requirements.training.functional"
          label="Pelatihan fungsional"
          hint="Satu pelatihan per baris."
        />
        <ImportanceChoice form={form} row="trainingManagerial" />
        <ImportanceChoice form={form} row="trainingTechnical" />
        <ImportanceChoice form={form} row="trainingFunctional" />
      </div>

      <h3>Pengalaman kerja</h3>
      <ExperienceMinimumHint settings={settings} group={group} />
      <ImportanceChoice form={form} row="experience" />
      <div data-path="requirements.experience">
        {experience.fields.map((f, i) => (
          <div key={f.id} className="row-inline" data-path={`requirements.experience[${i}]`}>
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor={`exp-desc-${i}`}>Uraian pengalaman {i + 1}</label>
              <input id={`exp-desc-${i}`} type="text" {...form.register(`requirements.experience.${i}.description`)} />
            </div>
            <div className="field" style={{ width: "9rem" }}>
              <label htmlFor={`exp-years-${i}`}>Minimal (tahun)</label>
              <input
                id={`exp-years-${i}`}
                type="number"
                min={0}
                max={60}
                {...form.register(`requirements.experience.${i}.minYears`, {
                  setValueAs: (v: string) => (v === "" || v == null ? null : Number(v)),
                })}
              />
            </div>
            <button type="button" className="icon-button" aria-label={`Hapus pengalaman ${i + 1}`} onClick={() => experience.remove(i)}>
              ✕
            </button>
          </div>
        ))}
        <button type="button" className="button button-secondary" onClick={() => experience.append({ description: "", minYears: null })}>
          + Pengalaman kerja
        </button>
      </div>

      <h3>Indikator kinerja jabatan</h3>
      <LinesField
        control={form.control}
        name="requirements.performanceIndicators"
        label="Indikator kinerja jabatan"
        hint="Satu indikator per baris."
      />
      <ImportanceChoice form={form} row="performanceIndicators" />
    </section>
  );
}
