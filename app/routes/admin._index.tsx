import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~db/client.server";
import { listUsers } from "~db/queries/users.server";
import { ROLE_LABELS } from "~/domain/labels";
export const meta: MetaFunction = () => [{ title: "Admin — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  return { users: listUsers(getDb()) };
}

export default function AdminHome() {
  const { users } = useLoaderData<typeof loader>();
  const notice = useSearchParams()[0].get("notice");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Admin</h1>
          <p>Pengguna dan peran, serta log audit seluruh perubahan.</p>
        </div>
        <div className="actions">
          <Link to="/admin/audit" className="button button-secondary">
            Log audit
          </Link>
          <Link to="/admin/instansi" className="button button-secondary">
            Profil instansi
          </Link>
          <Link to="/admin/settings" className="button button-secondary">
            Pengaturan aturan
          </Link>
          <Link to="/admin/tokens" className="button button-secondary">
            Token API
          </Link>
          <Link to="/admin/webhooks" className="button button-secondary">
            Webhook
          </Link>
          <Link to="/admin/users/new" className="button">
            Tambah pengguna
          </Link>
        </div>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <h2>Pengguna</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">Email</th>
            <th scope="col">Peran</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.name} {u.isDemo ? <span className="tag tag-warn">demo</span> : null}
              </td>
              <td>{u.email}</td>
              <td>{ROLE_LABELS[u.role]}</td>
              <td>{u.active ? <span className="tag tag-ok">Aktif</span> : <span className="tag tag-off">Nonaktif</span>}</td>
              <td>
                <Link to={`/admin/users/${u.id}`} aria-label={`Ubah ${u.name}`}>
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
