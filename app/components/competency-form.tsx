import { zodResolver } from "@hookform/resolvers/zod";
import { Link, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { RichTextEditor } from "~/components/editor/rich-text-editor";
import { Field } from "~/components/form";
import { useJsonLookup } from "~/components/use-json-lookup";
import type { LocalDraft } from "~/components/unsaved/local-draft";
import { Recoverable } from "~/components/unsaved/recovery";
import { useFormBackup } from "~/components/unsaved/use-form-backup";
import { indicatorNumber, parseKeywords, SOURCE_KINDS, TechnicalEntrySchema } from "~/domain/dictionary";
import type { FieldErrors } from "~/domain/forms";
import type { RichTextNode } from "~/domain/richtext";
import { SOURCE_KIND_LABELS } from "~/domain/labels";
export type EntryFormValues = z.input<typeof TechnicalEntrySchema>;

/** What the editor posts (as JSON): the entry in the schema's shape plus what the server needs around it. */
export interface EntryFormPayload {
  entry: EntryFormValues;
  definitionJson: RichTextNode | null;
  baseRevisionId: number | null;
  baseUpdatedAt: string | null;
}

interface Props {
  mode: "create" | "edit";
  defaults: EntryFormValues;
  definitionJson: RichTextNode | null;
  baseRevisionId: number | null;
  baseUpdatedAt: string | null;
  serverErrors?: FieldErrors;
  cancelTo: string;
}

export function emptyEntry(): EntryFormValues {
  return {
    code: "",
    name: "",
    category: "",
    sourceKind: "lokal",
    sourceReference: "",
    keywords: [],
    definitionText: "",
    levels: [1, 2, 3, 4, 5].map((level) => ({ level, description: "", indicators: [""] })),
  };
}

function SimilarNames({ name, code }: { name: string; code: string }) {
  const found = useJsonLookup<{ similar: { code: string; name: string }[] }>(
    name.trim().length < 4 ? null : `/kamus/mirip?name=${encodeURIComponent(name)}&code=${encodeURIComponent(code)}`,
    400,
  );
  const similar = found.data?.similar ?? [];
  if (similar.length === 0) return null;
  return (
    <p className="warning" role="status">
      Mungkin sudah ada di kamus:{" "}
      {similar.map((s, i) => (
        <span key={s.code}>
          {i > 0 ? ", " : ""}
          <Link to={`/kamus/entri/${s.code}`} target="_blank">
            {s.code} {s.name}
          </Link>
        </span>
      ))}
      . Periksa agar tidak membuat entri ganda.
    </p>
  );
}

interface EntryBackup {
  entry: EntryFormValues;
  definitionJson: RichTextNode | null;
}

/** The entry form, with what was typed but never accepted by the server offered back when it reopens. */
export function CompetencyForm(props: Props) {
  const base = `${props.baseRevisionId ?? "baru"}:${props.baseUpdatedAt ?? ""}`;
  return (
    <Recoverable<EntryBackup>
      storageKey={props.mode === "create" ? "kamus:baru" : `kamus:ubah:${props.defaults.code}`}
      server={{ entry: props.defaults, definitionJson: props.definitionJson }}
      base={base}
    >
      {({ restored, backup }) => (
        <EntryForm
          {...props}
          defaults={restored?.value.entry ?? props.defaults}
          definitionJson={restored ? restored.value.definitionJson : props.definitionJson}
          backup={backup}
          base={base}
          restored={Boolean(restored)}
        />
      )}
    </Recoverable>
  );
}

function EntryForm({
  mode,
  defaults,
  definitionJson: initialDefinition,
  baseRevisionId,
  baseUpdatedAt,
  serverErrors,
  cancelTo,
  backup,
  base,
  restored,
}: Props & { backup: LocalDraft<EntryBackup>; base: string; restored: boolean }) {
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  const [definitionJson, setDefinitionJson] = useState<RichTextNode | null>(initialDefinition);
  const form = useForm<EntryFormValues>({
    resolver: zodResolver(TechnicalEntrySchema as never) as unknown as Resolver<EntryFormValues>,
    defaultValues: defaults,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const errors = form.formState.errors;
  useEffect(() => {
    for (const [name, message] of Object.entries(serverErrors ?? {})) {
      if (name !== "_form") form.setError(name as never, { type: "server", message });
    }
  }, [serverErrors, form]);
  const definition = useRef(initialDefinition);
  const formRef = useFormBackup({
    backup,
    base,
    restored,
    watch: form.watch,
    value: () => ({ entry: form.getValues(), definitionJson: definition.current }),
  });
  const levels = form.watch("levels");
  const keywords = form.watch("keywords") ?? [];
  const name = form.watch("name");
  const code = form.watch("code");

  const setIndicators = (levelIndex: number, next: string[]) =>
    form.setValue(`levels.${levelIndex}.indicators`, next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  const onSubmit = form.handleSubmit((values) => {
    const payload: EntryFormPayload = { entry: values, definitionJson, baseRevisionId, baseUpdatedAt };
    submit(payload as never, { method: "post", encType: "application/json" });
  });

  return (
    <form className="stacked wide card" noValidate onSubmit={onSubmit} ref={formRef}>
      {serverErrors?._form ? (
        <p className="form-error" role="alert">
          {serverErrors._form}
        </p>
      ) : null}
      <div className="grid-2">
        <Field
          label="Kode kompetensi"
          error={errors.code?.message}
          hint="Kode instansi pembina (mis. K-STANKOM/…/01) atau kode lokal (mis. T.ANJAB)."
        >
          <input type="text" readOnly={mode === "edit"} {...form.register("code")} />
        </Field>
        <Field label="Nama kompetensi" error={errors.name?.message}>
          <input type="text" {...form.register("name")} />
        </Field>
        <Field label="Kategori" error={errors.category?.message} hint="Urusan atau fungsi, mis. Kelembagaan dan Tata Laksana.">
          <input type="text" {...form.register("category")} />
        </Field>
        <Field label="Sumber" error={errors.sourceKind?.message}>
          <select {...form.register("sourceKind")}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {SOURCE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Rujukan sumber"
          error={errors.sourceReference?.message}
          hint="Judul kamus instansi pembina atau daerah asal, atau catatan penyusunan."
        >
          <input type="text" {...form.register("sourceReference")} />
        </Field>
        <Field label="Kata kunci" error={errors.keywords?.message} hint="Pisahkan dengan koma.">
          <input
            type="text"
            defaultValue={keywords.join(", ")}
            onChange={(e) => form.setValue("keywords", parseKeywords(e.target.value))}
          />
        </Field>
      </div>
      {mode === "create" ? <SimilarNames name={name} code={code} /> : null}
      <div className="field">
        <span className="label-like">Definisi</span>
        <RichTextEditor
          name="definitionJson"
          textName="definitionText"
          label="Definisi"
          initial={initialDefinition}
          error={errors.definitionText?.message}
          onChange={(doc, text) => {
            definition.current = doc;
            setDefinitionJson(doc);
            form.setValue("definitionText", text, { shouldValidate: form.formState.isSubmitted });
          }}
        />
      </div>
      {errors.levels?.root?.message || errors.levels?.message ? (
        <p className="form-error" role="alert">
          {errors.levels?.root?.message ?? errors.levels?.message}
        </p>
      ) : null}
      {levels.map((level, li) => {
        const levelErrors = errors.levels?.[li];
        const indicators = level.indicators;
        return (
          <fieldset key={level.level} className="level-box">
            <legend>Level {level.level}</legend>
            <Field label={`Deskripsi level ${level.level}`} error={levelErrors?.description?.message}>
              <textarea rows={2} {...form.register(`levels.${li}.description`)} />
            </Field>
            <ol className="indicator-list" aria-label={`Indikator level ${level.level}`}>
              {indicators.map((_, ii) => (
                <li key={ii}>
                  <span className="indicator-number">{indicatorNumber(level.level, ii)}</span>
                  <div className="field" style={{ flex: 1 }}>
                    <label className="visually-hidden" htmlFor={`ind-${li}-${ii}`}>
                      Indikator {indicatorNumber(level.level, ii)}
                    </label>
                    <input
                      id={`ind-${li}-${ii}`}
                      type="text"
                      aria-invalid={levelErrors?.indicators?.[ii] ? true : undefined}
                      {...form.register(`levels.${li}.indicators.${ii}`)}
                    />
                    {levelErrors?.indicators?.[ii]?.message ? <p className="field-error">{levelErrors.indicators[ii]?.message}</p> : null}
                  </div>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Naikkan indikator ${indicatorNumber(level.level, ii)}`}
                    disabled={ii === 0}
                    onClick={() => setIndicators(li, swap(form.getValues(`levels.${li}.indicators`), ii, ii - 1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Turunkan indikator ${indicatorNumber(level.level, ii)}`}
                    disabled={ii === indicators.length - 1}
                    onClick={() => setIndicators(li, swap(form.getValues(`levels.${li}.indicators`), ii, ii + 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Hapus indikator ${indicatorNumber(level.level, ii)}`}
                    disabled={indicators.length === 1}
                    onClick={() =>
                      setIndicators(
                        li,
                        form.getValues(`levels.${li}.indicators`).filter((_, k) => k !== ii),
                      )
                    }
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ol>
            {levelErrors?.indicators?.message || levelErrors?.indicators?.root?.message ? (
              <p className="field-error">{levelErrors.indicators.message ?? levelErrors.indicators.root?.message}</p>
            ) : null}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setIndicators(li, [...form.getValues(`levels.${li}.indicators`), ""])}
            >
              + Indikator level {level.level}
            </button>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Menyimpan…" : "Simpan draf"}
        </button>
        <Link to={cancelTo}>Batal</Link>
      </div>
    </form>
  );
}

function swap<T>(items: T[], a: number, b: number): T[] {
  const next = [...items];
  [next[a], next[b]] = [next[b]!, next[a]!];
  return next;
}
