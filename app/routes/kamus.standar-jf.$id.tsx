import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JfStandardMarks } from "~/components/jf-standard/marks";
import { formatTanggalWaktu } from "~/domain/format-date";
import { jfStandardTitle } from "~/domain/jf-standard";
import { STANDARD_LEVEL_NAMES, type StandardLevelCode } from "~/domain/settings";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { catalogFor } from "~/services/skj-editor.server";
import { jfStandardById, jfStandardHistory, positionsOfStandard, toJfStandard } from "~db/queries/jf-standards.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Standar nasional JF"} — SKJ Studio` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const db = getDb();
  const row = jfStandardById(db, idParam(params.id, "Standar nasional JF tidak ditemukan."));
  if (!row) throw new Response("Standar nasional JF tidak ditemukan.", { status: 404 });
  const standard = toJfStandard(row);
  const names = new Map(
    catalogFor(
      db,
      standard.technical.map((t) => t.code),
    ).map((e) => [e.code, e.name]),
  );
  return {
    title: jfStandardTitle(standard),
    standard,
    technical: standard.technical.map((t) => ({ ...t, name: names.get(t.code) ?? null })),
    positions: positionsOfStandard(db, row),
    history: jfStandardHistory(db, row.id),
  };
}

export default function JfStandardPage() {
  const { title, standard, technical, positions, history } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/kamus/standar-jf">← Standar nasional JF</Link>
          </p>
          <h1>Standar nasional JF {title}</h1>
          <p>
            Instansi pembina: {standard.instansiPembina}. Dasar hukum: <strong>{standard.legalBasis}</strong>.{" "}
            <JfStandardMarks verified={standard.verified} example={standard.example} />
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="h-levels">
        <h2 id="h-levels" style={{ marginTop: 0 }}>
          Kompetensi manajerial dan sosial kultural
        </h2>
        <table className="data" aria-labelledby="h-levels">
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Kompetensi</th>
              <th scope="col">Level</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(standard.levels).map(([code, level]) => (
              <tr key={code}>
                <td>
                  <code>{code}</code>
                </td>
                <td>{STANDARD_LEVEL_NAMES[code as StandardLevelCode]}</td>
                <td>{level}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="h-technical">
        <h2 id="h-technical" style={{ marginTop: 0 }}>
          Kompetensi teknis
        </h2>
        <table className="data" aria-labelledby="h-technical">
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Kompetensi</th>
              <th scope="col">Level</th>
            </tr>
          </thead>
          <tbody>
            {technical.map((t) => (
              <tr key={t.code}>
                <td>
                  <Link to={`/kamus/entri/${t.code}`}>
                    <code>{t.code}</code>
                  </Link>
                </td>
                <td>{t.name ?? <span className="muted">tidak lagi terbit di kamus</span>}</td>
                <td>{t.level}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="h-positions">
        <h2 id="h-positions" style={{ marginTop: 0 }}>
          Jabatan di register ({positions.length})
        </h2>
        {positions.length === 0 ? (
          <p className="muted">Belum ada jabatan aktif bernama “{title}” dengan jenjang ini.</p>
        ) : (
          <ul>
            {positions.map((p) => (
              <li key={p.id}>
                <Link to={`/jabatan/${p.id}`}>{p.name}</Link> <code>{p.code}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="h-history">
        <h2 id="h-history" style={{ marginTop: 0 }}>
          Riwayat
        </h2>
        <ul>
          {history.map((h) => (
            <li key={h.id}>
              {formatTanggalWaktu(h.at)} — {h.summary} ({h.actorName ?? "sistem"})
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
