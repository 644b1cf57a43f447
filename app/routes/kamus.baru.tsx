import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { CompetencyForm, emptyEntry } from "~/components/competency-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { FieldErrors } from "~/domain/forms";
import { submitEntryForm } from "~/services/dictionary.server";
import { getDb } from "~db/client.server";

export const meta: MetaFunction = () => [{ title: "Kompetensi teknis baru — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "dictionary:write");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "dictionary:write");
  return submitEntryForm(getDb(), request, null, user);
}

export default function NewCompetencyPage() {
  const result = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/kamus">← Kamus kompetensi</Link>
          </p>
          <h1>Kompetensi teknis baru</h1>
          <p>Lima level, masing-masing dengan deskripsi dan indikator perilaku. Draf diterbitkan oleh reviewer.</p>
        </div>
      </div>
      <CompetencyForm
        mode="create"
        defaults={emptyEntry()}
        definitionJson={null}
        baseRevisionId={null}
        baseUpdatedAt={null}
        serverErrors={result?.errors}
        cancelTo="/kamus"
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
