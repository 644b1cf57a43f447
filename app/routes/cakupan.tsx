import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { CoverageChart } from "~/components/coverage-chart";
import { CoverageTable } from "~/components/coverage-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager } from "~/components/pager";
import { pageCount, pageWithin } from "~/domain/page-number";
import { getDb } from "~db/client.server";
import { coverageByPerangkatDaerah, coverageTotals } from "~db/queries/overview.server";

export const meta: MetaFunction = () => [{ title: "Cakupan SKJ — SKJ Studio" }];

const ROWS_PER_PAGE = 50;

// Every perangkat daerah's coverage, by code, a page at a time: Beranda shows only those with the most open work.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const db = getDb();
  const totals = coverageTotals(db);
  const pages = pageCount(totals.perangkatDaerah, ROWS_PER_PAGE);
  const page = pageWithin(new URL(request.url).searchParams.get("page"), pages);
  return {
    rows: coverageByPerangkatDaerah(db, { limit: ROWS_PER_PAGE, offset: (page - 1) * ROWS_PER_PAGE }),
    perangkatDaerah: totals.perangkatDaerah,
    page,
    pages,
  };
}

export default function Cakupan() {
  const { rows, perangkatDaerah, page, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/">← Beranda</Link>
          </p>
          <h1>Cakupan SKJ per perangkat daerah</h1>
          <p>{perangkatDaerah} perangkat daerah aktif, urut kode; setiap angka mencakup jabatan aktif unit dan semua sub-unitnya.</p>
        </div>
      </div>
      <section className="card">
        {rows.length === 0 ? (
          <p className="empty">Belum ada perangkat daerah. Mulai dari Struktur Organisasi.</p>
        ) : (
          <>
            <CoverageChart rows={rows} />
            <CoverageTable rows={rows} label="Cakupan SKJ per perangkat daerah" />
          </>
        )}
        {pages > 1 ? <Pager page={page} pages={pages} linkTo={(p) => `/cakupan?page=${p}`} label="Halaman perangkat daerah" /> : null}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
