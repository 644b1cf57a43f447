import { data, redirect } from "@remix-run/node";
import { fieldErrorsOf } from "~/domain/forms";
import { UnitSchema } from "~/domain/sotk";
import type { Db } from "~db/client.server";
import { createUnit, updateUnit } from "~db/queries/units.server";

const FIELDS = ["code", "name", "kind", "echelon", "parentCode", "legalBasisKind", "legalBasisNumber", "legalBasisYear"] as const;

/** Create or edit (and move) a unit from its form; errors come back at their fields. */
export function submitUnitForm(db: Db, form: FormData, id: number | null, actorId: number) {
  const parsed = UnitSchema.safeParse(Object.fromEntries(FIELDS.map((f) => [f, form.get(f) ?? ""])));
  if (!parsed.success) return data({ errors: fieldErrorsOf(parsed.error) }, { status: 422 });
  const result = id === null ? createUnit(db, parsed.data, actorId) : updateUnit(db, id, parsed.data, actorId);
  if (!result.ok) return data({ errors: result.errors }, { status: 422 });
  throw redirect(
    `/struktur?buka=${encodeURIComponent(result.unit.code)}&notice=${encodeURIComponent(`Unit ${result.unit.name} disimpan.`)}#unit-${result.unit.id}`,
  );
}
