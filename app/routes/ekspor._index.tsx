import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EXPORT_FORMAT_LABELS, EXPORT_RETENTION_DAYS, ExportRequestSchema, subjectOfRequest } from "~/domain/export-jobs";
import { can } from "~/domain/permissions";
import { requestBundleExport } from "~/services/export-jobs.server";
import { getDb } from "~db/client.server";
import { listExportJobs } from "~db/queries/export-jobs.server";
import { unitOptions } from "~db/queries/register.server";
import { formatTanggalWaktu } from "~/domain/format-date";
import { EXPORT_STATUS_LABELS } from "~/domain/labels";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Ekspor saya — SKJ Studio" }];

const LIST_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const db = getDb();
  const everyone = can(user.role, "exports:all");
  return {
    everyone,
    jobs: listExportJobs(db, { requestedBy: everyone ? undefined : user.id, limit: LIST_SIZE }),
    // perangkat daerah: the top of the tree, which is what a collection is usually asked for
    agencies: unitOptions(db).filter((u) => u.depth === 0 && u.active),
  };
}

// anyone who may read published SKJ may bundle them; the job is theirs
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "read");
  const parsed = ExportRequestSchema.safeParse(Object.fromEntries(await readFormBody(request)));
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message }, { status: 422 });
  const result = requestBundleExport(getDb(), user.id, subjectOfRequest(parsed.data), parsed.data.format);
  if (!result.ok) return data({ error: result.message }, { status: result.status });
  throw redirect(`/ekspor/${result.id}`);
}

export default function ExportsPage() {
  const { everyone, jobs, agencies } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as { error?: string } | undefined;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Ekspor saya</h1>
          <p className="muted">
            Gabungan SKJ dalam satu berkas PDF dibuat di latar belakang. Berkas disimpan {EXPORT_RETENTION_DAYS} hari setelah selesai, lalu
            dihapus; ekspor dapat dibuat lagi kapan saja.
          </p>
        </div>
      </div>
      {reply?.error ? (
        <p className="form-error" role="alert">
          Ekspor tidak dapat dibuat: {reply.error}
        </p>
      ) : null}
      <section className="card" aria-labelledby="daftar-ekspor">
        <h2 id="daftar-ekspor" style={{ marginTop: 0 }}>
          {everyone ? "Ekspor terbaru (semua pengguna)" : "Ekspor terbaru"}
        </h2>
        {jobs.length === 0 ? (
          <p className="muted">
            Belum ada ekspor. Buka penetapan yang sudah ditetapkan lalu pilih "Unduh lampiran (PDF)", atau pilih perangkat daerah di bawah.
          </p>
        ) : (
          <table className="data" aria-label="Daftar ekspor">
            <thead>
              <tr>
                <th scope="col">Berkas</th>
                {everyone ? <th scope="col">Diminta oleh</th> : null}
                <th scope="col">Dibuat</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td>
                    <Link to={`/ekspor/${job.id}`}>{job.title}</Link> <span className="unit-code">{EXPORT_FORMAT_LABELS[job.format]}</span>
                  </td>
                  {everyone ? <td>{job.requestedByName ?? "—"}</td> : null}
                  <td>{formatTanggalWaktu(job.createdAt)}</td>
                  <td>
                    {EXPORT_STATUS_LABELS[job.status]}
                    {job.status === "berjalan" ? ` (${job.done} dari ${job.total} SKJ)` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {agencies.length > 0 ? (
        <section className="card" aria-labelledby="ekspor-unit">
          <h2 id="ekspor-unit" style={{ marginTop: 0 }}>
            SKJ yang berlaku di sebuah perangkat daerah
          </h2>
          <Form method="post" className="filters">
            <input type="hidden" name="subject" value="unit" />
            <div className="field">
              <label htmlFor="export-unit">Perangkat daerah</label>
              <select id="export-unit" name="id">
                {agencies.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.code})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" name="format" value="pdf" className="button button-secondary">
              Unduh semua SKJ yang berlaku (PDF)
            </button>
            <button type="submit" name="format" value="docx" className="button button-secondary">
              Unduh semua SKJ yang berlaku (Word)
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
