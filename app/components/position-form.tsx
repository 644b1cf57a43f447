import { Form, Link, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { Field, useSchemaForm } from "~/components/form";
import { RichTextEditor } from "~/components/editor/rich-text-editor";
import type { FieldErrors } from "~/domain/forms";
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS } from "~/domain/labels";
import type { RichTextNode } from "~/domain/richtext";
import { FUNCTIONAL_LEVELS, POSITION_GROUPS, PositionSchema } from "~/domain/sotk";

export type PositionFormValues = z.input<typeof PositionSchema>;

interface Props {
  defaults: PositionFormValues;
  summaryJson: RichTextNode | null;
  units: { code: string; name: string; depth: number }[];
  serverErrors?: FieldErrors;
  submitLabel: string;
  cancelTo: string;
}

export function PositionForm({ defaults, summaryJson, units, serverErrors, submitLabel, cancelTo }: Props) {
  const busy = useNavigation().state === "submitting";
  const { form, onSubmit } = useSchemaForm<PositionFormValues>(PositionSchema, defaults, serverErrors);
  const errors = form.formState.errors;
  const group = form.watch("group");
  return (
    <Form method="post" className="stacked wide card" noValidate onSubmit={onSubmit}>
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
          <select {...form.register("unitCode")}>
            <option value="">— pilih unit —</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {"\u00a0\u00a0".repeat(u.depth)}
                {u.name}
              </option>
            ))}
          </select>
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
          onChange={(_doc, text) => form.setValue("summaryText", text)}
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
