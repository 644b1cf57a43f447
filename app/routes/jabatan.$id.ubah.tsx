import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PositionForm } from "~/components/position-form";
import type { FieldErrors } from "~/domain/forms";
import type { RichTextNode } from "~/domain/richtext";
import { submitPositionForm } from "~/services/positions.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { positionDetail } from "~db/queries/register.server";

export const meta: MetaFunction = () => [{ title: "Ubah jabatan — SKJ Studio" }];

const NOT_FOUND = "Jabatan tidak ditemukan.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "register:write");
  const db = getDb();
  const detail = positionDetail(db, idParam(params.id, NOT_FOUND));
  if (!detail) throw new Response(NOT_FOUND, { status: 404 });
  return { position: detail.position, unit: { code: detail.unit.code, name: detail.unit.name } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "register:write");
  return submitPositionForm(getDb(), request, idParam(params.id, NOT_FOUND), user.id);
}

export default function EditPositionPage() {
  const { position, unit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`/jabatan/${position.id}`}>← {position.name}</Link>
          </p>
          <h1>Ubah jabatan</h1>
        </div>
      </div>
      <PositionForm
        defaults={{
          code: position.code,
          name: position.name,
          group: position.group,
          functionalLevel: position.functionalLevel ?? "",
          unitCode: unit.code,
          governmentAffair: position.governmentAffair ?? "",
          summaryText: position.summaryText,
          requiredHeadcount: position.requiredHeadcount == null ? "" : String(position.requiredHeadcount),
        }}
        summaryJson={(position.summaryJson as RichTextNode | null) ?? null}
        unit={unit}
        serverErrors={result?.errors}
        submitLabel="Simpan perubahan"
        cancelTo={`/jabatan/${position.id}`}
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
