import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { unitKindText } from "~/domain/import-words";
import { can } from "~/domain/permissions";
import { getDb } from "~db/client.server";
import { listUnitsWithCounts } from "~db/queries/register.server";

export const meta: MetaFunction = () => [{ title: "Struktur Organisasi — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  return { units: listUnitsWithCounts(getDb()), canWrite: can(user.role, "register:write") };
}

type Unit = ReturnType<typeof useLoaderData<typeof loader>>["units"][number];

interface Tree {
  childrenOf: Map<number | null, Unit[]>;
  canWrite: boolean;
}

function UnitNode({ unit, tree, depth }: { unit: Unit; tree: Tree; depth: number }) {
  const children = tree.childrenOf.get(unit.id) ?? [];
  const label = (
    <span id={`unit-${unit.id}`} className={unit.active ? undefined : "muted"}>
      <strong>{unit.name}</strong>
      <span className="unit-code">{unit.code}</span> <span className="tag">{unitKindText(unit.kind, unit.kindLabel)}</span>{" "}
      {unit.echelon ? <span className="tag">Eselon {unit.echelon}</span> : null}{" "}
      {unit.active ? null : <span className="tag tag-off">Nonaktif</span>}
    </span>
  );
  const links = (
    <span className={unit.active ? undefined : "muted"}>
      <Link to={`/jabatan?unit=${encodeURIComponent(unit.code)}`} className="muted">
        {unit.positionCount} jabatan
      </Link>
      {tree.canWrite ? (
        <>
          {" · "}
          <Link to={`/struktur/${unit.id}`} aria-label={`Ubah ${unit.name}`}>
            Ubah
          </Link>
          {" · "}
          <Link to={`/struktur/baru?induk=${encodeURIComponent(unit.code)}`} aria-label={`Tambah sub-unit di ${unit.name}`}>
            + Sub-unit
          </Link>
        </>
      ) : null}
    </span>
  );
  if (children.length === 0)
    return (
      <li className="leaf">
        {label} {links}
      </li>
    );
  // the links stay outside <summary>: a link inside the disclosure button is a control nested in a control
  return (
    <li className="branch">
      <details open={depth < 1}>
        <summary>
          {label} <span className="muted">({children.length} sub-unit)</span>
        </summary>
      </details>
      {links}
      <ul className="tree">
        {children.map((c) => (
          <UnitNode key={c.id} unit={c} tree={tree} depth={depth + 1} />
        ))}
      </ul>
    </li>
  );
}

function buildTree(units: Unit[], canWrite: boolean): Tree {
  const childrenOf = new Map<number | null, Unit[]>();
  for (const u of units) childrenOf.set(u.parentId, [...(childrenOf.get(u.parentId) ?? []), u]);
  return { childrenOf, canWrite };
}

export default function StrukturOrganisasi() {
  const { units, canWrite } = useLoaderData<typeof loader>();
  const notice = useSearchParams()[0].get("notice");
  const tree = buildTree(units, canWrite);
  const roots = tree.childrenOf.get(null) ?? [];
  const toggleAll = (open: boolean) => document.querySelectorAll<HTMLDetailsElement>(".tree details").forEach((d) => (d.open = open));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Struktur Organisasi</h1>
          <p>
            Unit organisasi menurut peraturan SOTK daerah: {roots.length} perangkat daerah, {units.length} unit.
          </p>
        </div>
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => toggleAll(true)}>
            Buka semua
          </button>
          <button type="button" className="button button-secondary" onClick={() => toggleAll(false)}>
            Tutup semua
          </button>
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
      {roots.length === 0 ? (
        <p className="empty">Belum ada unit organisasi. Impor berkas SOTK atau tambahkan unit.</p>
      ) : (
        <ul className="tree tree-root card" aria-label="Pohon unit organisasi">
          {roots.map((u) => (
            <UnitNode key={u.id} unit={u} tree={tree} depth={0} />
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
