import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~db/client.server";
import { auditFacets, listAudit } from "~db/queries/audit.server";
import { listUsers } from "~db/queries/users.server";
import { formatTanggalWaktu } from "~/domain/format-date";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, labelOf } from "~/domain/labels";

export const meta: MetaFunction = () => [{ title: "Log audit — SKJ Studio" }];

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const FilterSchema = z.object({
  actorId: z.coerce.number().int().positive().optional().catch(undefined),
  entityType: z.string().min(1).max(64).optional().catch(undefined),
  action: z.string().min(1).max(64).optional().catch(undefined),
  from: date,
  to: date,
  q: z.string().min(1).max(200).optional().catch(undefined),
  page: z.coerce.number().int().positive().max(100_000).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit:read");
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const filter = FilterSchema.parse(params);
  const db = getDb();
  return { ...listAudit(db, filter), facets: auditFacets(db), actors: listUsers(db).map((u) => ({ id: u.id, name: u.name })) };
}

export default function AuditLogPage() {
  const { rows, hasMore, page, facets, actors } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next}`;
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Log audit</h1>
          <p>Setiap perubahan data: siapa, kapan, apa, dan ringkasan sebelum/sesudah. Waktu dalam WIB.</p>
        </div>
        <Link to="/admin">← Admin</Link>
      </div>
      <Form method="get" className="filters card">
        <div className="field">
          <label htmlFor="f-actor">Pelaku</label>
          <select id="f-actor" name="actorId" defaultValue={params.get("actorId") ?? ""}>
            <option value="">Semua</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-entity">Objek</label>
          <select id="f-entity" name="entityType" defaultValue={params.get("entityType") ?? ""}>
            <option value="">Semua</option>
            {facets.entityTypes.map((t) => (
              <option key={t} value={t}>
                {labelOf(AUDIT_ENTITY_LABELS, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-action">Tindakan</label>
          <select id="f-action" name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">Semua</option>
            {facets.actions.map((t) => (
              <option key={t} value={t}>
                {labelOf(AUDIT_ACTION_LABELS, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-from">Dari tanggal</label>
          <input id="f-from" type="date" name="from" defaultValue={params.get("from") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">Sampai tanggal</label>
          <input id="f-to" type="date" name="to" defaultValue={params.get("to") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-q">Cari ringkasan</label>
          <input id="f-q" type="search" name="q" defaultValue={params.get("q") ?? ""} />
        </div>
        <button type="submit" className="button">
          Terapkan
        </button>
      </Form>
      {rows.length === 0 ? (
        <p className="empty">Tidak ada catatan audit yang cocok dengan filter.</p>
      ) : (
        <table className="data" aria-label="Catatan audit">
          <thead>
            <tr>
              <th scope="col">Waktu</th>
              <th scope="col">Pelaku</th>
              <th scope="col">Tindakan</th>
              <th scope="col">Ringkasan</th>
              <th scope="col">Sebelum / sesudah</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatTanggalWaktu(r.at)}</td>
                <td>
                  {r.actorName ?? <span className="muted">Sistem</span>}
                  {r.tokenId ? (
                    <div className="muted">
                      melalui token API “{r.tokenName}” (#{r.tokenId})
                    </div>
                  ) : null}
                </td>
                <td>
                  {labelOf(AUDIT_ACTION_LABELS, r.action)}
                  <div className="muted">
                    {labelOf(AUDIT_ENTITY_LABELS, r.entityType)}
                    {r.entityId ? ` #${r.entityId}` : ""}
                  </div>
                </td>
                <td>{r.summary}</td>
                <td>
                  {r.before || r.after ? (
                    <details translate="no">
                      <summary>Lihat</summary>
                      {r.before ? <pre className="json">Sebelum: {JSON.stringify(r.before, null, 1)}</pre> : null}
                      {r.after ? <pre className="json">Sesudah: {JSON.stringify(r.after, null, 1)}</pre> : null}
                    </details>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        {page > 1 ? <Link to={pageLink(page - 1)}>← Sebelumnya</Link> : null}
        <span className="muted">Halaman {page}</span>
        {hasMore ? <Link to={pageLink(page + 1)}>Berikutnya →</Link> : null}
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
