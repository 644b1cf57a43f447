import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { diffRevisions, type IndicatorChange } from "~/domain/dictionary-diff";
import { REVISION_STATUS_LABELS } from "~/domain/labels";
import { entryPath } from "~/utils/paths";
import { getDb } from "~db/client.server";
import { entryDetail, revisionTextsOf } from "~db/queries/dictionary.server";

export const meta: MetaFunction = () => [{ title: "Riwayat kompetensi — SKJ Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const db = getDb();
  const detail = entryDetail(db, params["*"] ?? "");
  if (!detail) throw new Response("Kompetensi tidak ditemukan.", { status: 404 });
  const { entry, revisions } = detail;
  const url = new URL(request.url);
  const pick = (name: string, fallback: number) => {
    const n = Number(url.searchParams.get(name));
    return revisions.find((r) => r.number === n) ?? revisions.find((r) => r.number === fallback) ?? revisions[0]!;
  };
  const latest = revisions.at(-1)!.number;
  const a = pick("a", Math.max(1, latest - 1));
  const b = pick("b", latest);
  return {
    entry: { code: entry.code, name: entry.name },
    revisions: revisions.map((r) => ({ number: r.number, status: r.status })),
    a: a.number,
    b: b.number,
    diff: diffRevisions(revisionTextsOf(db, a), revisionTextsOf(db, b)),
  };
}

function IndicatorLine({ change }: { change: IndicatorChange }) {
  switch (change.kind) {
    case "same":
      return (
        <li>
          <span className="indicator-number">{change.afterNumber}</span> {change.text}
        </li>
      );
    case "added":
      return (
        <li className="diff-added">
          <span className="indicator-number">{change.afterNumber}</span> <strong>Ditambahkan:</strong> {change.text}
        </li>
      );
    case "removed":
      return (
        <li className="diff-removed">
          <span className="indicator-number">{change.beforeNumber}</span> <strong>Dihapus:</strong> {change.text}
        </li>
      );
    case "changed":
      return (
        <li className="diff-changed">
          <span className="indicator-number">{change.afterNumber}</span> <strong>Diubah:</strong> <s>{change.before}</s> → {change.after}
        </li>
      );
  }
}

export default function CompetencyHistoryPage() {
  const { entry, revisions, a, b, diff } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={entryPath(entry.code)}>← {entry.code}</Link>
          </p>
          <h1>Riwayat {entry.name}</h1>
        </div>
      </div>
      <Form method="get" className="filters card">
        {(["a", "b"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`rev-${name}`}>{name === "a" ? "Bandingkan revisi" : "dengan revisi"}</label>
            <select id={`rev-${name}`} name={name} defaultValue={name === "a" ? a : b}>
              {revisions.map((r) => (
                <option key={r.number} value={r.number}>
                  Revisi {r.number} ({REVISION_STATUS_LABELS[r.status]})
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="button">
          Bandingkan
        </button>
      </Form>
      {diff.identical ? (
        <p className="empty">
          Revisi {a} dan revisi {b} sama.
        </p>
      ) : (
        <section className="card" aria-label={`Perbedaan revisi ${a} dan ${b}`}>
          {diff.fields.length ? (
            <>
              <h2 style={{ marginTop: 0 }}>Data entri</h2>
              <table className="data">
                <tbody>
                  {diff.fields.map((f) => (
                    <tr key={f.field}>
                      <th scope="row">{f.label}</th>
                      <td className="diff-removed">{f.before || "—"}</td>
                      <td className="diff-added">{f.after || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {diff.levels
            .filter((l) => l.changed)
            .map((l) => (
              <div key={l.level}>
                <h2>Level {l.level}</h2>
                {l.description ? (
                  <p>
                    <strong>Deskripsi:</strong> <span className="diff-removed">{l.description.before || "—"}</span> →{" "}
                    <span className="diff-added">{l.description.after || "—"}</span>
                  </p>
                ) : null}
                <ol className="indicator-list">
                  {l.indicators.map((c, i) => (
                    <IndicatorLine key={i} change={c} />
                  ))}
                </ol>
              </div>
            ))}
        </section>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
