import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager } from "~/components/pager";
import { SearchForm } from "~/components/search-form";
import { UnitTree } from "~/components/unit-tree";
import { pageCount, pageWithin } from "~/domain/page-number";
import { can } from "~/domain/permissions";
import { TREE_ROOTS_PER_PAGE } from "~/domain/unit-tree";
import { getDb } from "~db/client.server";
import { findUnitByCode, searchUnitChoices, unitAncestry } from "~db/queries/register.server";
import { childUnits, pageOfRoot, rootUnitsPage, unitTreeTotals } from "~db/queries/unit-tree.server";

export const meta: MetaFunction = () => [{ title: "Struktur Organisasi — SKJ Studio" }];

const SEARCH_SIZE = 50;

// One page of perangkat daerah, closed, plus the path down to `?buka=<unit code>` opened: the whole tree of a
// province is megabytes, so deeper levels load when a branch is opened (ADR 034).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const db = getDb();
  const params = new URL(request.url).searchParams;
  const totals = unitTreeTotals(db);
  const pages = pageCount(totals.roots, TREE_ROOTS_PER_PAGE);
  const target = findUnitByCode(db, params.get("buka") ?? "");
  const path = target ? unitAncestry(db, target.id) : [];
  const page = path.length ? pageOfRoot(db, path[0]!.code, TREE_ROOTS_PER_PAGE) : pageWithin(params.get("page"), pages);
  const opened = path.map((u) => u.id);
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  return {
    nodes: [...rootUnitsPage(db, page, TREE_ROOTS_PER_PAGE), ...childUnits(db, opened)],
    opened,
    page,
    pages,
    totals,
    q,
    matches: q ? searchUnitChoices(db, q, SEARCH_SIZE) : [],
    canWrite: can(user.role, "register:write"),
  };
}

export default function StrukturOrganisasi() {
  const { nodes, opened, page, pages, totals, q, matches, canWrite } = useLoaderData<typeof loader>();
  const notice = useSearchParams()[0].get("notice");
  // a new page of the tree (another page, another unit to open) starts a new tree state
  const location = useLocation();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Struktur Organisasi</h1>
          <p>
            Unit organisasi menurut peraturan SOTK daerah: {totals.roots} perangkat daerah, {totals.units} unit.
          </p>
        </div>
        <div className="actions">
          <a className="button button-secondary" href="/struktur/ekspor.xlsx" download>
            Ekspor XLSX
          </a>
          {canWrite ? (
            <>
              <Link to="/struktur/impor" className="button button-secondary">
                Impor SOTK
              </Link>
              <Link to="/struktur/baru" className="button">
                Tambah unit
              </Link>
            </>
          ) : null}
        </div>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <SearchForm id="cari-unit" label="Cari unit" what="unit" q={q} />
      {q ? (
        <section className="card" aria-labelledby="hasil-cari-unit">
          <h2 id="hasil-cari-unit" style={{ marginTop: 0 }}>
            Unit yang cocok dengan “{q}”
          </h2>
          {matches.length === 0 ? (
            <p className="empty">Tidak ada unit yang cocok. Periksa ejaannya atau ketik sebagian nama unit.</p>
          ) : (
            <ul aria-label="Unit yang cocok">
              {matches.map((m) => (
                <li key={m.code}>
                  <Link to={`/struktur?buka=${encodeURIComponent(m.code)}`}>{m.name}</Link> <span className="unit-code">{m.code}</span>
                  {m.above.length ? <span className="muted"> — {[...m.above].reverse().join(" › ")}</span> : null}
                  {m.active ? null : <span className="tag tag-off">Nonaktif</span>}
                </li>
              ))}
            </ul>
          )}
          {matches.length === SEARCH_SIZE ? (
            <p className="muted">Hanya {SEARCH_SIZE} unit pertama yang ditampilkan; perjelas kata carinya.</p>
          ) : null}
        </section>
      ) : null}
      {totals.units === 0 ? (
        <p className="empty">Belum ada unit organisasi. Impor berkas SOTK atau tambahkan unit.</p>
      ) : (
        <>
          <UnitTree key={location.search} nodes={nodes} initiallyOpen={opened} canWrite={canWrite} />
          {pages > 1 ? <Pager page={page} pages={pages} linkTo={(p) => `/struktur?page=${p}`} label="Halaman perangkat daerah" /> : null}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
