import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { diffSkjDocuments } from "~/domain/skj-diff";
import { positionVersions, versionDocument } from "~/services/skj-history.server";
import { catalogFor } from "~/services/skj-editor.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findPositionById } from "~db/queries/register.server";
import { positionDecisions } from "~db/queries/skj-review.server";
import { formatTanggalWaktu } from "~/domain/format-date";
import { DECISION_LABELS } from "~/domain/labels";

export const meta: MetaFunction = () => [{ title: "Riwayat SKJ — SKJ Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const db = getDb();
  const position = findPositionById(db, idParam(params.id, "Jabatan tidak ditemukan."));
  if (!position) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  const versions = positionVersions(db, position.id);
  const url = new URL(request.url);
  const newest = versions[0]?.version ?? 0;
  const a = Number(url.searchParams.get("a")) || Math.max(1, newest - 1);
  const b = Number(url.searchParams.get("b")) || newest;
  const before = versions.length > 1 ? versionDocument(db, position.id, a) : null;
  const after = versions.length > 1 ? versionDocument(db, position.id, b) : null;
  const names =
    before && after
      ? new Map(
          catalogFor(
            db,
            [...before.competencies, ...after.competencies].map((c) => c.code),
          ).map((c) => [c.code, c.name]),
        )
      : new Map<string, string>();
  return {
    position: { id: position.id, name: position.name },
    versions,
    decisions: positionDecisions(db, position.id),
    a,
    b,
    changes: before && after ? diffSkjDocuments(before, after, (c) => names.get(c) ?? c) : null,
  };
}

export default function SkjHistoryPage() {
  const { position, versions, decisions, a, b, changes } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`/jabatan/${position.id}`}>← {position.name}</Link>
          </p>
          <h1>Riwayat SKJ: {position.name}</h1>
        </div>
      </div>
      {versions.length > 1 ? (
        <section className="card" aria-labelledby="banding">
          <h2 id="banding" style={{ marginTop: 0 }}>
            Perbandingan versi
          </h2>
          <Form method="get" className="filters">
            {(["a", "b"] as const).map((name) => (
              <div className="field" key={name}>
                <label htmlFor={`v-${name}`}>{name === "a" ? "Versi" : "dengan versi"}</label>
                <select id={`v-${name}`} name={name} defaultValue={name === "a" ? a : b}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.version}>
                      Versi {v.version}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button type="submit" className="button">
              Bandingkan
            </button>
          </Form>
          {changes && changes.length === 0 ? <p className="muted">Tidak ada perbedaan isi.</p> : null}
          {changes && changes.length > 0 ? (
            <table className="data" aria-label={`Perbedaan versi ${a} dan ${b}`}>
              <thead>
                <tr>
                  <th scope="col">Bagian</th>
                  <th scope="col">Versi {a}</th>
                  <th scope="col">Versi {b}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c, i) => (
                  <tr key={i}>
                    <th scope="row">{c.label}</th>
                    <td className="diff-removed">{c.before}</td>
                    <td className="diff-added">{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
      <section className="card" aria-labelledby="linimasa">
        <h2 id="linimasa" style={{ marginTop: 0 }}>
          Linimasa keputusan
        </h2>
        {decisions.length === 0 ? (
          <p className="muted">Belum ada keputusan.</p>
        ) : (
          <ol className="timeline">
            {decisions.map((d) => (
              <li key={d.id}>
                <strong>{DECISION_LABELS[d.action]}</strong> · {d.actorName} · {formatTanggalWaktu(d.at)}
                {d.comment ? <div className="muted">{d.comment}</div> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
