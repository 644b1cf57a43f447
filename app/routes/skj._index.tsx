import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { UnitPicker } from "~/components/unit-picker";
import { can } from "~/domain/permissions";
import { getDb } from "~db/client.server";
import { pickedUnit } from "~db/queries/register.server";
import { countOpenDrafts, openDraftsWithReviewers, revisionsAwaitingPublication } from "~db/queries/skj-work.server";
import { draftFilterOf } from "~/services/skj-mass-change.server";
import { formatTanggalWaktu } from "~/domain/format-date";
import { DRAFT_STATE_LABELS } from "~/domain/labels";

export const meta: MetaFunction = () => [{ title: "SKJ — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const db = getDb();
  const params = new URL(request.url).searchParams;
  const filter = draftFilterOf(db, params);
  const drafts = openDraftsWithReviewers(db, filter);
  const reviewer = can(user.role, "skj:review");
  const writer = can(user.role, "skj:write");
  return {
    queue: reviewer ? drafts.filter((d) => d.state === "diajukan" && d.submittedBy !== user.id && d.lastEditedBy !== user.id) : [],
    dictionaryQueue: can(user.role, "dictionary:publish") ? revisionsAwaitingPublication(db, user.id) : [],
    submitted: drafts.filter((d) => d.state === "diajukan"),
    returned: drafts.filter((d) => d.state === "dikembalikan"),
    approved: drafts.filter((d) => d.state === "disetujui"),
    drafts: drafts.filter((d) => d.state === "draf"),
    reviewer,
    writer,
    // the unit picker loads its matches as the user types, as in the register
    unit: (params.get("unit") && pickedUnit(db, params.get("unit")!)) || null,
    matching: writer ? countOpenDrafts(db, filter) : 0,
  };
}

const at = (iso: string | null) => (iso ? formatTanggalWaktu(iso) : "");

type Row = ReturnType<typeof useLoaderData<typeof loader>>["drafts"][number];

/** Who holds the draft now, as the review has it: the reviewer on it, who returned it and why, who approved it. */
function ReviewerCell({ row }: { row: Row }) {
  switch (row.state) {
    case "diajukan":
      return <>{row.reviewingName ? `Sedang ditinjau oleh ${row.reviewingName}` : "Belum ditinjau"}</>;
    case "dikembalikan":
      return (
        <>
          Dikembalikan oleh {row.returnedBy ?? "reviewer"}
          {row.returnComment ? <div className="muted">“{row.returnComment}”</div> : null}
        </>
      );
    case "disetujui":
      return <>Disetujui oleh {row.approverName ?? "reviewer"}</>;
    default:
      return <>—</>;
  }
}

/** The form the ticked drafts travel in (by GET: the next page shows what a change would do before anything is written). */
const SELECTION_FORM = "ubah-draf";

function DraftTable({
  rows,
  label,
  to,
  review,
  selectable = false,
}: {
  rows: Row[];
  label: string;
  to: (r: Row) => string;
  review: boolean;
  selectable?: boolean;
}) {
  if (rows.length === 0) return <p className="muted">Tidak ada.</p>;
  return (
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          {selectable ? (
            <th scope="col">
              <span className="visually-hidden">Pilih</span>
            </th>
          ) : null}
          <th scope="col">Jabatan</th>
          <th scope="col">Status</th>
          {review ? <th scope="col">Diajukan</th> : null}
          {review ? <th scope="col">Peninjau</th> : null}
          <th scope="col">Terakhir diubah</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.draftId}>
            {selectable ? (
              <td>
                <input
                  type="checkbox"
                  form={SELECTION_FORM}
                  name="draf"
                  value={r.positionCode}
                  aria-label={`Pilih ${r.positionName} (${r.positionCode})`}
                />
              </td>
            ) : null}
            <td>
              <Link to={to(r)}>{r.positionName}</Link> <span className="unit-code">{r.positionCode}</span>
            </td>
            <td>{DRAFT_STATE_LABELS[r.state]}</td>
            {review ? (
              <td>
                {r.submitterName ?? "—"}
                {r.submittedAt ? <div className="muted">{at(r.submittedAt)}</div> : null}
              </td>
            ) : null}
            {review ? (
              <td>
                <ReviewerCell row={r} />
              </td>
            ) : null}
            <td>
              {at(r.updatedAt)}
              {r.editorName ? ` · ${r.editorName}` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DictionaryQueue({ rows }: { rows: ReturnType<typeof useLoaderData<typeof loader>>["dictionaryQueue"] }) {
  if (rows.length === 0) return <p className="muted">Tidak ada revisi kamus yang menunggu penerbitan.</p>;
  return (
    <table className="data" aria-label="Revisi kamus menunggu penerbitan">
      <thead>
        <tr>
          <th scope="col">Kompetensi</th>
          <th scope="col">Revisi</th>
          <th scope="col">Diajukan</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <td>
              <Link to={`/kamus/entri/${r.code}`} aria-label={`Tinjau dan terbitkan ${r.name} (${r.code})`}>
                {r.name}
              </Link>{" "}
              <span className="unit-code">{r.code}</span>
            </td>
            <td>Revisi {r.revision}</td>
            <td>
              {r.submitterName ?? "—"} <span className="muted">{at(r.updatedAt)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WorkSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export default function SkjOverview() {
  const { queue, dictionaryQueue, submitted, returned, approved, drafts, reviewer, writer, unit, matching } =
    useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  const filtered = new URLSearchParams([...params].filter(([k, v]) => (k === "unit" || k === "q") && v !== ""));
  const reviewPage = (r: Row) => `/jabatan/${r.positionId}/skj/tinjau`;
  const editor = (r: Row) => `/jabatan/${r.positionId}/skj`;
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
          {writer ? (
            <Link className="button button-secondary" to="/skj/impor">
              Impor SKJ lama
            </Link>
          ) : null}
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
      <Form method="get" className="filters card" role="search" aria-label="Saring draf">
        <div className="field" style={{ flex: "1 1 260px" }}>
          <label htmlFor="f-q">Cari nama atau kode jabatan</label>
          <input id="f-q" type="search" name="q" defaultValue={params.get("q") ?? ""} placeholder="mis. analis" />
        </div>
        <UnitPicker name="unit" label="Unit (beserta sub-unit)" initial={unit} emptyLabel="Semua unit" />
        <button type="submit" className="button">
          Terapkan
        </button>
        {filtered.size > 0 ? <Link to="/skj">Hapus saringan</Link> : null}
      </Form>
      {reviewer ? (
        <WorkSection id="antrean" title={`Menunggu tinjauan saya (${queue.length + dictionaryQueue.length})`}>
          <DraftTable rows={queue} label="Menunggu tinjauan saya" to={reviewPage} review />
          <h3>Revisi kamus kompetensi menunggu penerbitan ({dictionaryQueue.length})</h3>
          <DictionaryQueue rows={dictionaryQueue} />
        </WorkSection>
      ) : null}
      <WorkSection id="diajukan" title={`Diajukan, dalam tinjauan (${submitted.length})`}>
        <DraftTable rows={submitted} label="Diajukan" to={reviewPage} review />
      </WorkSection>
      <WorkSection id="dikembalikan" title={`Dikembalikan untuk diperbaiki (${returned.length})`}>
        <DraftTable rows={returned} label="Dikembalikan" to={editor} review selectable={writer} />
      </WorkSection>
      <WorkSection id="disetujui" title={`Disetujui, menunggu penetapan (${approved.length})`}>
        <DraftTable rows={approved} label="Disetujui" to={reviewPage} review />
      </WorkSection>
      <WorkSection id="draf" title={`Draf terbuka (${drafts.length})`}>
        {writer && matching > 0 ? (
          <Form method="get" action="/skj/ubah-massal" id={SELECTION_FORM} className="actions bulk-actions">
            <button type="submit" className="button button-secondary">
              Ubah draf yang dicentang
            </button>
            <Link
              to={`/skj/ubah-massal?${new URLSearchParams([...filtered, ["semua", "1"]])}`}
            >{`Ubah semua ${matching.toLocaleString("id-ID")} draf yang cocok`}</Link>
          </Form>
        ) : null}
        <DraftTable rows={drafts} label="Draf terbuka" to={editor} review={false} selectable={writer} />
      </WorkSection>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
