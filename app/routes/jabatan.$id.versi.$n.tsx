import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SkjDocumentView } from "~/components/skj-document/skj-document-view";
import { VersionStatusTag } from "~/components/version-status-tag";
import { can } from "~/domain/permissions";
import { formatTanggal } from "~/domain/format-date";
import { versionPage } from "~/services/skj-version-page.server";
import { idParam, strictId } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findPositionById } from "~db/queries/register.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `SKJ ${data.position.name} versi ${data.version.number} — SKJ Studio` : "SKJ — SKJ Studio" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const db = getDb();
  const position = findPositionById(db, idParam(params.id, "Jabatan tidak ditemukan."));
  if (!position) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  const n = strictId(params.n);
  const page = n === null ? null : versionPage(db, position, n);
  if (!page) throw new Response(`Versi ${params.n ?? ""} SKJ ${position.name} tidak ditemukan.`, { status: 404 });
  return {
    position: { id: position.id, name: position.name, code: position.code },
    ...page,
    // the next version is drafted from the live one, and only while no draft is open
    hasOpenDraft: Boolean(findOpenDraft(db, position.id)),
    canWriteSkj: can(user.role, "skj:write") && position.active,
  };
}

const publishedOn = (iso: string) => formatTanggal(iso);

export default function PublishedVersionPage() {
  const { position, version, replacedBy, live, others, penetapan, model, hasOpenDraft, canWriteSkj } = useLoaderData<typeof loader>();
  const base = `/jabatan/${position.id}`;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={base}>← {position.name}</Link>
          </p>
          <h1>
            SKJ {position.name} · Versi {version.number}
          </h1>
          <p>
            Status: <VersionStatusTag endKind={version.endKind} />
            {version.endKind === "diganti" && replacedBy ? (
              <>
                {" "}
                oleh <Link to={`${base}/versi/${replacedBy}`}>versi {replacedBy}</Link>
              </>
            ) : null}
            {version.endKind === "dicabut"
              ? ` pada ${publishedOn(version.endedAt!)}${version.endReason ? `: ${version.endReason}` : ""}`
              : null}
            {" · "}ditetapkan {publishedOn(version.publishedAt)} oleh {version.publishedBy}
          </p>
          <p>
            Penetapan:{" "}
            {penetapan ? (
              <>
                <Link to={`/penetapan/${penetapan.id}`}>{penetapan.label}</Link>
                {penetapan.effectiveDate ? `, berlaku ${formatTanggal(penetapan.effectiveDate)}` : ""}
              </>
            ) : (
              "—"
            )}
          </p>
        </div>
        <div className="actions">
          {/* plain links: the files are downloads, not pages for the client router */}
          <a className="button" href={`${base}/versi/${version.number}.pdf`} download>
            Unduh PDF
          </a>
          <a className="button button-secondary" href={`${base}/versi/${version.number}.docx`} download>
            Unduh Word
          </a>
          {canWriteSkj && !hasOpenDraft && live === version.number ? (
            <Form method="post" action={`${base}/skj`}>
              <button type="submit" className="button button-secondary">
                Susun versi berikutnya
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      <nav className="card" aria-label="Versi lain dan riwayat">
        {live !== null && live !== version.number ? (
          <p style={{ marginTop: 0 }}>
            <Link to={`${base}/versi/${live}`}>Lihat versi yang berlaku (versi {live})</Link>
          </p>
        ) : null}
        <p style={{ marginTop: 0 }}>
          <Link to={`${base}/riwayat`}>Riwayat keputusan</Link>
          {version.number > 1 ? (
            <>
              {" · "}
              <Link to={`${base}/riwayat?a=${version.number - 1}&b=${version.number}`}>Bandingkan dengan versi {version.number - 1}</Link>
            </>
          ) : null}
          {replacedBy ? (
            <>
              {" · "}
              <Link to={`${base}/riwayat?a=${version.number}&b=${replacedBy}`}>Bandingkan dengan versi {replacedBy}</Link>
            </>
          ) : null}
        </p>
        {others.length > 0 ? (
          <p style={{ marginBottom: 0 }}>
            Versi lain:{" "}
            {others.map((o, i) => (
              <span key={o.number}>
                {i > 0 ? ", " : ""}
                <Link to={`${base}/versi/${o.number}`}>versi {o.number}</Link>
              </span>
            ))}
          </p>
        ) : null}
      </nav>
      <div className="card preview-sheet">
        <SkjDocumentView model={model} />
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
