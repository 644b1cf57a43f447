import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~db/client.server";
import { listSettingsWithEditor } from "~db/queries/settings.server";
import { formatTanggalWaktu } from "~/domain/format-date";

export const meta: MetaFunction = () => [{ title: "Pengaturan aturan — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings:write");
  // the values stay on the server: the list shows provenance, the edit page shows the table itself
  const rows = listSettingsWithEditor(getDb()).map(({ value: _value, ...row }) => row);
  return { settings: rows };
}

export default function SettingsListPage() {
  const { settings } = useLoaderData<typeof loader>();
  const notice = useSearchParams()[0].get("notice");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Pengaturan aturan</h1>
          <p>
            Tabel yang dibaca aturan validasi SKJ. Nilai awalnya berasal dari sumber sekunder; cocokkan dengan peraturan resmi, lalu tandai
            terverifikasi.
          </p>
        </div>
        <Link to="/admin">← Admin</Link>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <table className="data" aria-label="Pengaturan aturan">
        <thead>
          <tr>
            <th scope="col">Pengaturan</th>
            <th scope="col">Status</th>
            <th scope="col">Catatan sumber</th>
            <th scope="col">Perubahan terakhir</th>
            <th scope="col">
              <span className="visually-hidden">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {settings.map((s) => (
            <tr key={s.key}>
              <td>{s.label}</td>
              <td style={{ whiteSpace: "nowrap" }}>
                {s.verified ? <span className="tag tag-ok">Terverifikasi</span> : <span className="tag tag-warn">Belum diverifikasi</span>}
              </td>
              <td style={{ maxWidth: "32rem" }}>{s.sourceNote}</td>
              <td>
                {s.updatedByName ?? <span className="muted">Nilai awal</span>}
                <div className="muted">{formatTanggalWaktu(s.updatedAt)}</div>
              </td>
              <td>
                <Link to={`/admin/settings/${s.key}`} aria-label={`Ubah ${s.label}`}>
                  Ubah
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
