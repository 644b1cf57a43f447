import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { can } from "~/domain/permissions";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~db/client.server";
import { listPenetapan } from "~db/queries/penetapan.server";
import { PENETAPAN_STATUS_LABELS } from "~/domain/labels";

export const meta: MetaFunction = () => [{ title: "Penetapan — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  return { acts: listPenetapan(getDb()), canPublish: can(user.role, "skj:publish") };
}

export default function DaftarPenetapan() {
  const { acts, canPublish } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Penetapan</h1>
          <p>Peraturan atau keputusan kepala daerah yang menetapkan SKJ.</p>
        </div>
        {canPublish ? (
          <Link className="button" to="/penetapan/baru">
            Penetapan baru
          </Link>
        ) : null}
      </div>
      {acts.length === 0 ? (
        <p className="empty">Belum ada penetapan.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Jenis</th>
              <th scope="col">Nomor / Tahun</th>
              <th scope="col">Tentang</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {acts.map((a) => (
              <tr key={a.id}>
                <td>{a.kind}</td>
                <td>
                  {a.number} / {a.year}
                </td>
                <td>
                  <Link to={`/penetapan/${a.id}`}>{a.title}</Link>
                </td>
                <td>{PENETAPAN_STATUS_LABELS[a.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
