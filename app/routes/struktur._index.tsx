import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~db/client.server";
import { listUnitsWithCounts } from "~db/queries/register.server";

export const meta: MetaFunction = () => [{ title: "Struktur Organisasi — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  return { units: listUnitsWithCounts(getDb()) };
}

type Unit = ReturnType<typeof useLoaderData<typeof loader>>["units"][number];

function UnitNode({ unit, childrenOf }: { unit: Unit; childrenOf: Map<number | null, Unit[]> }) {
  const children = childrenOf.get(unit.id) ?? [];
  const label = (
    <>
      <strong>{unit.name}</strong>
      <span className="unit-code">{unit.code}</span> {unit.echelon ? <span className="tag">Eselon {unit.echelon}</span> : null}{" "}
      <span className="muted">({unit.positionCount} jabatan)</span>
    </>
  );
  if (children.length === 0) return <li className="leaf">{label}</li>;
  return (
    <li>
      <details open>
        <summary>{label}</summary>
        <ul className="tree">
          {children.map((c) => (
            <UnitNode key={c.id} unit={c} childrenOf={childrenOf} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export default function StrukturOrganisasi() {
  const { units } = useLoaderData<typeof loader>();
  const childrenOf = new Map<number | null, Unit[]>();
  for (const u of units) childrenOf.set(u.parentId, [...(childrenOf.get(u.parentId) ?? []), u]);
  const roots = childrenOf.get(null) ?? [];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Struktur Organisasi</h1>
          <p>Unit organisasi menurut peraturan SOTK daerah ({units.length} unit).</p>
        </div>
      </div>
      {roots.length === 0 ? (
        <p className="empty">Belum ada unit organisasi.</p>
      ) : (
        <ul className="tree tree-root card">
          {roots.map((u) => (
            <UnitNode key={u.id} unit={u} childrenOf={childrenOf} />
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
