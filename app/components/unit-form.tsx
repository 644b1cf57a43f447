import { Form, Link, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { Field, useSchemaForm } from "~/components/form";
import { UnitPicker, type PickedUnit } from "~/components/unit-picker";
import type { FieldErrors } from "~/domain/forms";
import { UNIT_KIND_LABELS } from "~/domain/labels";
import { ECHELONS, UNIT_KINDS, UnitSchema } from "~/domain/sotk";

export type UnitFormValues = z.input<typeof UnitSchema>;

interface Props {
  defaults: UnitFormValues;
  /** The unit of `defaults.parentCode`, for its name in the unit picker. */
  parent: PickedUnit | null;
  serverErrors?: FieldErrors;
  submitLabel: string;
  cancelTo: string;
}

export function UnitForm({ defaults, parent, serverErrors, submitLabel, cancelTo }: Props) {
  const busy = useNavigation().state === "submitting";
  const { form, onSubmit } = useSchemaForm<UnitFormValues>(UnitSchema, defaults, serverErrors);
  const errors = form.formState.errors;
  return (
    <Form method="post" className="stacked wide card" noValidate onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="save" />
      <div className="grid-2">
        <Field label="Kode unit" error={errors.code?.message} hint="Huruf, angka, dan . - / _ (maks. 64).">
          <input type="text" {...form.register("code")} />
        </Field>
        <Field label="Nama unit" error={errors.name?.message}>
          <input type="text" {...form.register("name")} />
        </Field>
        <Field label="Jenis unit" error={errors.kind?.message}>
          <select {...form.register("kind")}>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {UNIT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Eselon" error={errors.echelon?.message}>
          <select {...form.register("echelon")}>
            <option value="">Tidak bereselon</option>
            {ECHELONS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Unit induk"
          error={errors.parentCode?.message}
          hint="Kosongkan untuk perangkat daerah. Mengganti induk memindahkan unit beserta sub-unitnya."
        >
          <UnitPicker
            name="parentCode"
            initial={
              defaults.parentCode
                ? { code: defaults.parentCode, name: parent?.code === defaults.parentCode ? parent.name : defaults.parentCode }
                : null
            }
            emptyLabel="Tidak ada (perangkat daerah)"
            activeOnly
            onPick={(code) => form.setValue("parentCode", code, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
          />
        </Field>
        <Field label="Dasar hukum: jenis peraturan" error={errors.legalBasisKind?.message}>
          <input type="text" placeholder="Peraturan Gubernur" {...form.register("legalBasisKind")} />
        </Field>
        <Field label="Dasar hukum: nomor" error={errors.legalBasisNumber?.message}>
          <input type="text" {...form.register("legalBasisNumber")} />
        </Field>
        <Field label="Dasar hukum: tahun" error={errors.legalBasisYear?.message}>
          <input type="number" {...form.register("legalBasisYear")} />
        </Field>
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
