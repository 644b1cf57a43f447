import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ExportButton } from "~/components/export-button";
import { UnitForm } from "~/components/unit-form";
import type { FieldErrors } from "~/domain/forms";
import { submitUnitForm } from "~/services/units.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findUnitById } from "~db/queries/register.server";
import { countLiveVersionsUnder } from "~db/queries/skj-bundle.server";
import { setUnitActive } from "~db/queries/units.server";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Ubah unit — SKJ Studio" }];

const NOT_FOUND = "Unit tidak ditemukan.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "register:write");
  const db = getDb();
  const unit = findUnitById(db, idParam(params.id, NOT_FOUND));
  if (!unit) throw new Response(NOT_FOUND, { status: 404 });
  const parent = unit.parentId ? findUnitById(db, unit.parentId) : undefined;
  return {
    unit,
    parent: parent ? { code: parent.code, name: parent.name } : null,
    liveSkj: countLiveVersionsUnder(db, unit.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "register:write");
  const id = idParam(params.id, NOT_FOUND);
  const form = await readFormBody(request);
  const intent = form.get("intent");
  if (intent === "deactivate" || intent === "activate") {
    const result = setUnitActive(getDb(), id, intent === "activate", user.id);
    if (!result.ok) return data({ errors: result.errors }, { status: 422 });
    throw redirect(
      `/struktur?buka=${encodeURIComponent(result.unit.code)}&notice=${encodeURIComponent(`Unit ${result.unit.name} ${result.unit.active ? "diaktifkan" : "dinonaktifkan"}.`)}#unit-${result.unit.id}`,
    );
  }
  return submitUnitForm(getDb(), form, id, user.id);
}

export default function EditUnitPage() {
  const { unit, parent, liveSkj } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/struktur">← Struktur organisasi</Link>
          </p>
          <h1>Ubah unit: {unit.name}</h1>
          {unit.active ? null : <p className="tag tag-off">Nonaktif</p>}
        </div>
        {liveSkj > 0 ? (
          <div className="actions">
            <ExportButton subject="unit" id={unit.id} format="pdf" label="Unduh semua SKJ yang berlaku (PDF)" />
            <ExportButton subject="unit" id={unit.id} format="docx" label="Unduh semua SKJ yang berlaku (Word)" />
          </div>
        ) : null}
      </div>
      <UnitForm
        defaults={{
          code: unit.code,
          name: unit.name,
          kind: unit.kind as never,
          echelon: (unit.echelon ?? "") as never,
          parentCode: parent?.code ?? "",
          legalBasisKind: unit.legalBasisKind ?? "",
          legalBasisNumber: unit.legalBasisNumber ?? "",
          legalBasisYear: unit.legalBasisYear == null ? "" : String(unit.legalBasisYear),
        }}
        parent={parent}
        serverErrors={result?.errors}
        submitLabel="Simpan perubahan"
        cancelTo="/struktur"
      />
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{unit.active ? "Nonaktifkan unit" : "Aktifkan kembali"}</h2>
        <p className="muted">
          Unit tidak pernah dihapus karena jabatan dan SKJ merujuk kepadanya; unit nonaktif tidak muncul dalam pilihan.
        </p>
        {result?.errors?.active ? (
          <p className="form-error" role="alert">
            {result.errors.active}
          </p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value={unit.active ? "deactivate" : "activate"} />
          <button type="submit" className="button button-secondary">
            {unit.active ? "Nonaktifkan unit" : "Aktifkan unit"}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
