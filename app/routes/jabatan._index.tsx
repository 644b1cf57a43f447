import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS } from "~/domain/labels";
import { getDb } from "~db/client.server";
import { listPositions } from "~db/queries/register.server";

export const meta: MetaFunction = () => [{ title: "Jabatan — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  return { positions: listPositions(getDb()) };
}

export default function DaftarJabatan() {
  const { positions } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Jabatan</h1>
          <p>{positions.length} jabatan dalam register SOTK.</p>
        </div>
      </div>
      {positions.length === 0 ? (
        <p className="empty">Belum ada jabatan.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Nama jabatan</th>
              <th scope="col">Kelompok</th>
              <th scope="col">Unit</th>
            </tr>
          </thead>
          <tbody>
            {positions.map((p) => (
              <tr key={p.id}>
                <td>
                  <code>{p.code}</code>
                </td>
                <td>{p.name}</td>
                <td>
                  {GROUP_LABELS[p.group]}
                  {p.functionalLevel ? ` — ${FUNCTIONAL_LEVEL_LABELS[p.functionalLevel]}` : ""}
                </td>
                <td>{p.unitName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
