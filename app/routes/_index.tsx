import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~db/client.server";
import { overviewCounts } from "~db/queries/overview.server";

export const meta: MetaFunction = () => [{ title: "Beranda — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  return { name: user.name, counts: overviewCounts(getDb()) };
}

export default function Beranda() {
  const { name, counts } = useLoaderData<typeof loader>();
  const stats = [
    { label: "Unit organisasi", value: counts.units, to: "/struktur" },
    { label: "Jabatan", value: counts.positions, to: "/jabatan" },
    { label: "Kompetensi dalam kamus", value: counts.competencies, to: "/kamus" },
    { label: "Draf SKJ terbuka", value: counts.openDrafts, to: "/skj" },
    { label: "Versi SKJ ditetapkan", value: counts.publishedVersions, to: "/skj" },
    { label: "Penetapan", value: counts.penetapan, to: "/penetapan" },
  ];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Beranda</h1>
          <p>Selamat datang, {name}.</p>
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
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Alur kerja</h2>
        <ol>
          <li>Susun register SOTK: unit organisasi dan jabatan dari peraturan SOTK daerah.</li>
          <li>Lengkapi kamus kompetensi teknis (lima level, deskripsi dan indikator).</li>
          <li>Susun SKJ tiap jabatan, ajukan untuk ditinjau, lalu tetapkan dengan peraturan kepala daerah.</li>
        </ol>
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
