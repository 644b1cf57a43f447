import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { CoverageChart } from "~/components/coverage-chart";
import { CoverageTable, percent } from "~/components/coverage-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { can } from "~/domain/permissions";
import { getDb } from "~db/client.server";
import { coverageByPerangkatDaerah, coverageTotals, myWork, overviewCounts } from "~db/queries/overview.server";
import { DRAFT_STATE_LABELS } from "~/domain/labels";

export const meta: MetaFunction = () => [{ title: "Beranda — SKJ Studio" }];

const BERANDA_COVERAGE_ROWS = 15;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const db = getDb();
  return {
    name: user.name,
    counts: overviewCounts(db),
    // a province has hundreds of perangkat daerah: Beranda shows where most work is open, /cakupan lists them all
    coverage: coverageByPerangkatDaerah(db, { mostOpenFirst: true, limit: BERANDA_COVERAGE_ROWS }),
    totals: coverageTotals(db),
    work: myWork(db, user.id, can(user.role, "skj:review")),
    canReview: can(user.role, "skj:review"),
  };
}

export default function Beranda() {
  const { name, counts, coverage, totals, work, canReview } = useLoaderData<typeof loader>();
  const stats = [
    { label: "Jabatan", value: counts.positions, to: "/jabatan" },
    { label: "SKJ ditetapkan", value: totals.published, to: "/jabatan?status=ditetapkan" },
    { label: "Dalam tinjauan", value: totals.inReview, to: "/jabatan?status=diajukan" },
    { label: "Draf", value: totals.draft, to: "/jabatan?status=draf" },
    { label: "Belum ada SKJ", value: totals.none, to: "/jabatan?status=belum_ada" },
    { label: "Kompetensi dalam kamus", value: counts.competencies, to: "/kamus" },
  ];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Beranda</h1>
          <p>
            Selamat datang, {name}. Cakupan SKJ: {percent(totals.published, totals.total)}% jabatan telah memiliki SKJ yang ditetapkan.
          </p>
        </div>
      </div>
      <div className="stats">
        {stats.map((s) => (
          <Link key={s.label} to={s.to} className="stat" style={{ textDecoration: "none" }}>
            <div className="stat-value">{s.value.toLocaleString("id-ID")}</div>
            <div className="stat-label">{s.label}</div>
          </Link>
        ))}
      </div>
      <section className="card" aria-labelledby="cakupan">
        <h2 id="cakupan" style={{ marginTop: 0 }}>
          Cakupan SKJ per perangkat daerah
        </h2>
        {coverage.length === 0 ? (
          <p className="empty">Belum ada perangkat daerah. Mulai dari Struktur Organisasi.</p>
        ) : (
          <>
            {totals.perangkatDaerah > coverage.length ? (
              <p>
                {coverage.length} dari {totals.perangkatDaerah} perangkat daerah dengan jabatan terbanyak yang belum memiliki SKJ
                ditetapkan. <Link to="/cakupan">Lihat cakupan semua perangkat daerah</Link>
              </p>
            ) : null}
            <CoverageChart rows={coverage} />
            <CoverageTable rows={coverage} label="Cakupan SKJ per perangkat daerah" />
          </>
        )}
      </section>
      <div className="grid-2">
        <section className="card" aria-labelledby="draf-saya">
          <h2 id="draf-saya" style={{ marginTop: 0 }}>
            Draf yang saya susun
          </h2>
          {work.myDrafts.length === 0 ? (
            <p className="muted">Tidak ada draf terbuka yang terakhir Anda ubah.</p>
          ) : (
            <ul>
              {work.myDrafts.map((d) => (
                <li key={d.draftId}>
                  <Link to={`/jabatan/${d.positionId}/skj`}>{d.positionName}</Link>{" "}
                  <span className="muted">({DRAFT_STATE_LABELS[d.state]})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="tinjauan-saya">
          <h2 id="tinjauan-saya" style={{ marginTop: 0 }}>
            Menunggu tinjauan saya
          </h2>
          {!canReview ? (
            <p className="muted">Peran Anda tidak meninjau SKJ.</p>
          ) : work.reviews.length === 0 ? (
            <p className="muted">Tidak ada SKJ yang menunggu tinjauan Anda.</p>
          ) : (
            <ul>
              {work.reviews.map((d) => (
                <li key={d.draftId}>
                  <Link to={`/jabatan/${d.positionId}/skj/tinjau`}>{d.positionName}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
