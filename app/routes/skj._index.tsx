import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { can } from "~/domain/permissions";
import { getDb } from "~db/client.server";
import { openDraftsOverview } from "~db/queries/skj-review.server";
import { formatTanggalWaktu } from "~/domain/format-date";
import { DRAFT_STATE_LABELS } from "~/domain/labels";
export const meta: MetaFunction = () => [{ title: "SKJ — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const drafts = openDraftsOverview(getDb());
  const reviewer = can(user.role, "skj:review");
  return {
    queue: reviewer ? drafts.filter((d) => d.state === "diajukan" && d.submittedBy !== user.id && d.lastEditedBy !== user.id) : [],
    approved: drafts.filter((d) => d.state === "disetujui"),
    drafts: drafts.filter((d) => d.state === "draf" || d.state === "dikembalikan"),
    reviewer,
  };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["drafts"][number];

function DraftTable({ rows, label, to }: { rows: Row[]; label: string; to: (r: Row) => string }) {
  if (rows.length === 0) return <p className="muted">Tidak ada.</p>;
  return (
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Jabatan</th>
          <th scope="col">Status</th>
          <th scope="col">Terakhir diubah</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.draftId}>
            <td>
              <Link to={to(r)}>{r.positionName}</Link> <span className="unit-code">{r.positionCode}</span>
            </td>
            <td>{DRAFT_STATE_LABELS[r.state]}</td>
            <td>
              {formatTanggalWaktu(r.updatedAt)}
              {r.editorName ? ` · ${r.editorName}` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function SkjOverview() {
  const { queue, approved, drafts, reviewer } = useLoaderData<typeof loader>();
  const notice = useSearchParams()[0].get("notice");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Standar Kompetensi Jabatan</h1>
          <p>Draf, tinjauan dan SKJ yang menunggu penetapan. Penyusunan dimulai dari halaman jabatan (“Susun SKJ”).</p>
        </div>
        <div className="actions">
          {/* a plain link: the workbook is a file to download, not a page for the client router */}
          <a className="button button-secondary" href="/skj/ekspor.xlsx" download>
            Ekspor baris SKJ (XLSX)
          </a>
          <Link className="button button-secondary" to="/penetapan">
            Penetapan
          </Link>
        </div>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {reviewer ? (
        <section className="card" aria-labelledby="antrean">
          <h2 id="antrean" style={{ marginTop: 0 }}>
            Menunggu tinjauan saya ({queue.length})
          </h2>
          <DraftTable rows={queue} label="Menunggu tinjauan saya" to={(r) => `/jabatan/${r.positionId}/skj/tinjau`} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="disetujui">
        <h2 id="disetujui" style={{ marginTop: 0 }}>
          Disetujui, menunggu penetapan ({approved.length})
        </h2>
        <DraftTable rows={approved} label="Disetujui" to={(r) => `/jabatan/${r.positionId}/skj/tinjau`} />
      </section>
      <section className="card" aria-labelledby="draf">
        <h2 id="draf" style={{ marginTop: 0 }}>
          Draf terbuka ({drafts.length})
        </h2>
        <DraftTable rows={drafts} label="Draf terbuka" to={(r) => `/jabatan/${r.positionId}/skj`} />
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
