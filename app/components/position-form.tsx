import { Form, Link, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import type { z } from "zod";
import { Field, useSchemaForm } from "~/components/form";
import { RichTextEditor } from "~/components/editor/rich-text-editor";
import { UnitPicker, type PickedUnit } from "~/components/unit-picker";
import type { LocalDraft } from "~/components/unsaved/local-draft";
import { Recoverable } from "~/components/unsaved/recovery";
import { useFormBackup } from "~/components/unsaved/use-form-backup";
import type { FieldErrors } from "~/domain/forms";
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS } from "~/domain/labels";
import type { RichTextNode } from "~/domain/richtext";
import { FUNCTIONAL_LEVELS, POSITION_GROUPS, PositionSchema } from "~/domain/sotk";

export type PositionFormValues = z.input<typeof PositionSchema>;

interface Props {
  defaults: PositionFormValues;
  summaryJson: RichTextNode | null;
  /** The unit of `defaults.unitCode`, for its name in the unit picker. */
  unit: PickedUnit | null;
  serverErrors?: FieldErrors;
  submitLabel: string;
  cancelTo: string;
}

interface PositionBackup {
  values: PositionFormValues;
  summaryJson: RichTextNode | null;
}

/** The position form, with what was typed but never accepted by the server offered back when it reopens. */
export function PositionForm(props: Props) {
  return (
    <Recoverable<PositionBackup>
      storageKey={props.defaults.code ? `jabatan:ubah:${props.defaults.code}` : "jabatan:baru"}
      server={{ values: props.defaults, summaryJson: props.summaryJson }}
      base="register"
    >
      {({ restored, backup }) => (
        <PositionFields
          {...props}
          defaults={restored?.value.values ?? props.defaults}
          summaryJson={restored ? restored.value.summaryJson : props.summaryJson}
          backup={backup}
          restored={Boolean(restored)}
        />
      )}
    </Recoverable>
  );
}

function PositionFields({
  defaults,
  summaryJson,
  unit,
  serverErrors,
  submitLabel,
  cancelTo,
  backup,
  restored,
}: Props & { backup: LocalDraft<PositionBackup>; restored: boolean }) {
  const busy = useNavigation().state === "submitting";
  const { form, onSubmit } = useSchemaForm<PositionFormValues>(PositionSchema, defaults, serverErrors);
  const errors = form.formState.errors;
  const group = form.watch("group");
  const summary = useRef(summaryJson);
  const formRef = useFormBackup({
    backup,
    base: "register",
    restored,
    watch: form.watch,
    value: () => ({ values: form.getValues(), summaryJson: summary.current }),
  });
  return (
    <Form method="post" className="stacked wide card" noValidate onSubmit={onSubmit} ref={formRef}>
      <div className="grid-2">
        <Field label="Kode jabatan" error={errors.code?.message} hint="Huruf, angka, dan . - / _ (maks. 64).">
          <input type="text" {...form.register("code")} />
        </Field>
        <Field label="Nama jabatan" error={errors.name?.message}>
          <input type="text" {...form.register("name")} />
        </Field>
        <Field label="Kelompok jabatan" error={errors.group?.message}>
          <select {...form.register("group")}>
            {POSITION_GROUPS.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABELS[g]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Jenjang (jabatan fungsional)" error={errors.functionalLevel?.message}>
          <select {...form.register("functionalLevel")} disabled={group !== "fungsional"}>
            <option value="">—</option>
            {FUNCTIONAL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {FUNCTIONAL_LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Unit organisasi" error={errors.unitCode?.message}>
          <UnitPicker
            name="unitCode"
            // a copy restored from the browser may name another unit than the server's, known here by its code only
            initial={
              defaults.unitCode ? { code: defaults.unitCode, name: unit?.code === defaults.unitCode ? unit.name : defaults.unitCode } : null
            }
            emptyLabel="Ketik nama unit…"
            activeOnly
            onPick={(code) => form.setValue("unitCode", code, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
          />
        </Field>
        <Field label="Urusan pemerintahan" error={errors.governmentAffair?.message}>
          <input type="text" {...form.register("governmentAffair")} />
        </Field>
        <Field label="Kebutuhan (orang)" error={errors.requiredHeadcount?.message}>
          <input type="number" min={0} {...form.register("requiredHeadcount")} />
        </Field>
      </div>
      <div className="field">
        <span className="label-like">Ikhtisar jabatan</span>
        <RichTextEditor
          name="summaryJson"
          textName="summaryText"
          label="Ikhtisar jabatan"
          initial={summaryJson}
          error={errors.summaryText?.message}
          onChange={(doc, text) => {
            summary.current = doc;
            form.setValue("summaryText", text);
          }}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Menyimpan…" : submitLabel}
        </button>
        <Link to={cancelTo}>Batal</Link>
      </div>
    </Form>
  );
}
