import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { CompetencyForm } from "~/components/competency-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { isRegulationCode, SOURCE_KINDS, type SourceKind } from "~/domain/dictionary";
import type { FieldErrors } from "~/domain/forms";
import type { RichTextNode } from "~/domain/richtext";
import { submitEntryForm } from "~/services/dictionary.server";
import { entryPath } from "~/utils/paths";
import { getDb } from "~db/client.server";
import { entryDetail } from "~db/queries/dictionary.server";

export const meta: MetaFunction = () => [{ title: "Ubah kompetensi — SKJ Studio" }];

function editableEntry(code: string) {
  const detail = entryDetail(getDb(), code);
  if (!detail) throw new Response("Kompetensi tidak ditemukan.", { status: 404 });
  if (detail.entry.type !== "teknis" || isRegulationCode(code))
    throw new Response("Kompetensi dari Permenpan RB 38/2017 tidak dapat diubah.", { status: 403 });
  return detail;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "dictionary:write");
  const { entry, latest } = editableEntry(params["*"] ?? "");
  return { entry, latest };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "dictionary:write");
  const { entry } = editableEntry(params["*"] ?? "");
  return submitEntryForm(getDb(), request, entry.code, user);
}

export default function EditCompetencyPage() {
  const { entry, latest } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  const t = latest.texts;
  const sourceKind = (SOURCE_KINDS as readonly string[]).includes(t.sourceKind) ? (t.sourceKind as SourceKind) : "lokal";
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={entryPath(entry.code)}>← {entry.code}</Link>
          </p>
          <h1>Ubah kompetensi: {t.name}</h1>
          <p>
            {latest.status === "diterbitkan"
              ? `Revisi ${latest.number} sudah diterbitkan dan tidak berubah: menyimpan membuka draf revisi ${latest.number + 1}.`
              : `Mengubah draf revisi ${latest.number}.`}
          </p>
        </div>
      </div>
      <CompetencyForm
        mode="edit"
        defaults={{
          code: entry.code,
          name: t.name,
          category: t.category,
          sourceKind,
          sourceReference: t.sourceReference,
          keywords: t.keywords,
          definitionText: t.definition,
          levels: [1, 2, 3, 4, 5].map((n) => {
            const l = t.levels.find((x) => x.level === n);
            return { level: n, description: l?.description ?? "", indicators: l?.indicators.length ? l.indicators : [""] };
          }),
        }}
        definitionJson={(latest.definitionJson as RichTextNode | null) ?? null}
        baseRevisionId={latest.id}
        baseUpdatedAt={latest.updatedAt}
        serverErrors={result?.errors}
        cancelTo={entryPath(entry.code)}
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
