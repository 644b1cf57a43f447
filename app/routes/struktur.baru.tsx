import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { UnitForm } from "~/components/unit-form";
import type { FieldErrors } from "~/domain/forms";
import { submitUnitForm } from "~/services/units.server";
import { getDb } from "~db/client.server";
import { pickedUnit } from "~db/queries/register.server";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Tambah unit — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "register:write");
  // "Tambah sub-unit" on a unit's page arrives with that unit as the parent
  const code = new URL(request.url).searchParams.get("induk");
  return { parent: (code && pickedUnit(getDb(), code)) || null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "register:write");
  return submitUnitForm(getDb(), await readFormBody(request), null, user.id);
}

export default function NewUnitPage() {
  const { parent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  const parentCode = useSearchParams()[0].get("induk") ?? "";
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/struktur">← Struktur organisasi</Link>
          </p>
          <h1>Tambah unit</h1>
        </div>
      </div>
      <UnitForm
        defaults={{
          code: "",
          name: "",
          kind: parentCode ? "bidang" : "perangkat_daerah",
          echelon: "",
          parentCode,
          legalBasisKind: "",
          legalBasisNumber: "",
          legalBasisYear: "",
        }}
        parent={parent}
        serverErrors={result?.errors}
        submitLabel="Simpan unit"
        cancelTo="/struktur"
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
