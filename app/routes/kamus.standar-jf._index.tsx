import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JfStandardMarks } from "~/components/jf-standard/marks";
import { jfStandardTitle } from "~/domain/jf-standard";
import { can } from "~/domain/permissions";
import { getDb } from "~db/client.server";
import { listJfStandards, positionsOfStandard } from "~db/queries/jf-standards.server";

export const meta: MetaFunction = () => [{ title: "Standar nasional JF — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const db = getDb();
  const standards = listJfStandards(db).map((row) => ({
    id: row.id,
    title: jfStandardTitle(row),
    instansiPembina: row.instansiPembina,
    legalBasis: row.legalBasis,
    verified: row.verified,
    example: row.example,
    positions: positionsOfStandard(db, row).length,
  }));
  return { standards, canWrite: can(user.role, "jf-standard:write") };
}

export default function JfStandardsPage() {
  const { standards, canWrite } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/kamus">← Kamus Kompetensi</Link>
          </p>
          <h1>Standar nasional JF</h1>
          <p>
            Standar kompetensi jabatan fungsional per jenjang yang ditetapkan instansi pembina. Draf SKJ baru jabatan fungsional yang
            namanya “&lt;nama JF&gt; &lt;jenjang&gt;” dimulai dari standar ini, dan aturan SKJ membaca level manajerial dan sosial
            kulturalnya dari sini.
          </p>
        </div>
        <div className="actions">
          {standards.length > 0 ? (
            <a className="button button-secondary" href="/kamus/standar-jf/ekspor.json" download>
              Ekspor JSON
            </a>
          ) : null}
          {canWrite ? (
            <Link className="button" to="/kamus/standar-jf/impor">
              Impor standar
            </Link>
          ) : null}
        </div>
      </div>
      {standards.length === 0 ? (
        <p className="card">
          Belum ada standar nasional JF.{" "}
          {canWrite ? "Impor dari berkas JSON atau XLSX yang disusun dari peraturan instansi pembina." : null}
        </p>
      ) : (
        <table className="data" aria-label="Daftar standar nasional JF">
          <thead>
            <tr>
              <th scope="col">Jabatan fungsional</th>
              <th scope="col">Instansi pembina</th>
              <th scope="col">Dasar hukum</th>
              <th scope="col">Jabatan di register</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {standards.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/kamus/standar-jf/${s.id}`}>{s.title}</Link>
                </td>
                <td>{s.instansiPembina}</td>
                <td>{s.legalBasis}</td>
                <td>{s.positions}</td>
                <td>
                  <JfStandardMarks verified={s.verified} example={s.example} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
