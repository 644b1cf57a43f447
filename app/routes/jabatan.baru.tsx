import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PositionForm } from "~/components/position-form";
import type { FieldErrors } from "~/domain/forms";
import { submitPositionForm } from "~/services/positions.server";
import { getDb } from "~db/client.server";
import { pickedUnit } from "~db/queries/register.server";

export const meta: MetaFunction = () => [{ title: "Tambah jabatan — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "register:write");
  // "Tambah jabatan" from a unit's page arrives with that unit chosen
  const code = new URL(request.url).searchParams.get("unit");
  return { unit: (code && pickedUnit(getDb(), code)) || null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "register:write");
  return submitPositionForm(getDb(), request, null, user.id);
}

export default function NewPositionPage() {
  const { unit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  const unitCode = useSearchParams()[0].get("unit") ?? "";
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/jabatan">← Register jabatan</Link>
          </p>
          <h1>Tambah jabatan</h1>
        </div>
      </div>
      <PositionForm
        defaults={{
          code: "",
          name: "",
          group: "pelaksana",
          functionalLevel: "",
          unitCode,
          governmentAffair: "",
          summaryText: "",
          requiredHeadcount: "",
        }}
        summaryJson={null}
        unit={unit}
        serverErrors={result?.errors}
        submitLabel="Simpan jabatan"
        cancelTo="/jabatan"
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
