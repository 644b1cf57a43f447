import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { COMPETENCY_TYPE_LABELS, REVISION_STATUS_LABELS, TEXT_STATUS_LABELS } from "~/domain/labels";
import { getDb } from "~db/client.server";
import { listCompetenciesWithLatestRevision } from "~db/queries/competencies.server";

export const meta: MetaFunction = () => [{ title: "Kamus Kompetensi — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  return { entries: listCompetenciesWithLatestRevision(getDb()) };
}

const TEXT_STATUS_TAG: Record<string, string> = { regulasi: "tag-ok", contoh: "tag-warn", lokal: "" };

export default function KamusKompetensi() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Kamus Kompetensi</h1>
          <p>Kompetensi manajerial dan sosial kultural dari Permenpan RB 38/2017, serta kamus kompetensi teknis daerah.</p>
        </div>
      </div>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Kode</th>
            <th scope="col">Nama kompetensi</th>
            <th scope="col">Jenis</th>
            <th scope="col">Revisi</th>
            <th scope="col">Sumber teks</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <code>{e.code}</code>
              </td>
              <td>{e.name}</td>
              <td>{COMPETENCY_TYPE_LABELS[e.type]}</td>
              <td>
                {e.revision} <span className={`tag ${e.status === "diterbitkan" ? "tag-ok" : "tag-warn"}`}>{REVISION_STATUS_LABELS[e.status]}</span>
              </td>
              <td>
                <span className={`tag ${TEXT_STATUS_TAG[e.textStatus]}`}>{TEXT_STATUS_LABELS[e.textStatus]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
