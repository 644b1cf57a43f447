import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IdentityBlock } from "~/components/identity-block";
import { SkjStatusTag } from "~/components/skj-status-tag";
import { VersionStatusTag } from "~/components/version-status-tag";
import { can } from "~/domain/permissions";
import { positionEchelon } from "~/domain/sotk";
import { richTextToHtml } from "~/services/richtext.server";
import { positionVersions } from "~/services/skj-history.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { positionDetail } from "~db/queries/register.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";
import { formatTanggal } from "~/domain/format-date";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.position.name ?? "Jabatan"} — SKJ Studio` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const detail = positionDetail(getDb(), idParam(params.id, "Jabatan tidak ditemukan."));
  if (!detail) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  const { position, unit, path, skjStatus } = detail;
  return {
    position: {
      id: position.id,
      code: position.code,
      name: position.name,
      group: position.group,
      functionalLevel: position.functionalLevel,
      governmentAffair: position.governmentAffair,
      requiredHeadcount: position.requiredHeadcount,
      active: position.active,
    },
    summaryHtml: richTextToHtml(position.summaryJson),
    unitPath: path.map((u) => ({ name: u.name, code: u.code })),
    echelon: positionEchelon(position.group, unit.echelon),
    skjStatus,
    canWrite: can(user.role, "register:write"),
    canWriteSkj: can(user.role, "skj:write"),
    canWithdraw: can(user.role, "skj:publish"),
    versions: positionVersions(getDb(), position.id),
    hasOpenDraft: Boolean(findOpenDraft(getDb(), position.id)),
  };
}

export default function PositionPage() {
  const { position, summaryHtml, unitPath, echelon, skjStatus, canWrite, canWriteSkj, canWithdraw, versions, hasOpenDraft } =
    useLoaderData<typeof loader>();
  const notice = useSearchParams()[0].get("notice");
  const live = versions.find((v) => !v.endKind);
  // what "Lihat SKJ" opens: the draft while one is open, else the version in force
  const skjLink = hasOpenDraft ? `/jabatan/${position.id}/skj` : live ? `/jabatan/${position.id}/versi/${live.version}` : null;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/jabatan">← Register jabatan</Link>
          </p>
          <h1>{position.name}</h1>
          <p>
            Status SKJ: <SkjStatusTag status={skjStatus} />
            {position.active ? null : <span className="tag tag-off"> Nonaktif</span>}
            {position.requiredHeadcount != null ? <> · Kebutuhan: {position.requiredHeadcount} orang</> : null}
          </p>
        </div>
        <div className="actions">
          {canWrite ? (
            <Link className="button button-secondary" to={`/jabatan/${position.id}/ubah`}>
              Ubah jabatan
            </Link>
          ) : null}
          {live && (hasOpenDraft || canWriteSkj) ? (
            <Link className="button button-secondary" to={`/jabatan/${position.id}/versi/${live.version}`}>
              Lihat SKJ yang berlaku (versi {live.version})
            </Link>
          ) : null}
          {canWriteSkj && skjStatus !== "diajukan" && skjStatus !== "disetujui" ? (
            <Form method="post" action={`/jabatan/${position.id}/skj`}>
              <button type="submit" className="button">
                Susun SKJ
              </button>
            </Form>
          ) : skjLink ? (
            <Link className="button" to={skjLink}>
              {hasOpenDraft ? "Lihat draf SKJ" : "Lihat SKJ"}
            </Link>
          ) : null}
        </div>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {skjStatus === "diajukan" || skjStatus === "disetujui" ? (
        <p className="notice">
          SKJ jabatan ini {skjStatus === "diajukan" ? "sedang ditinjau" : "sudah disetujui"}.{" "}
          <Link to={`/jabatan/${position.id}/skj/tinjau`}>Buka halaman tinjauan</Link>
        </p>
      ) : null}
      <section className="card" aria-labelledby="identitas">
        <h2 id="identitas" style={{ marginTop: 0 }}>
          A. Identitas Jabatan
        </h2>
        <IdentityBlock
          name={position.name}
          group={position.group}
          functionalLevel={position.functionalLevel}
          governmentAffair={position.governmentAffair}
          code={position.code}
          unitPath={unitPath}
          echelon={echelon}
          summaryHtml={summaryHtml}
        />
      </section>
      <section className="card" aria-labelledby="versi">
        <h2 id="versi" style={{ marginTop: 0 }}>
          Versi SKJ yang ditetapkan
        </h2>
        <p>
          <Link to={`/jabatan/${position.id}/riwayat`}>Riwayat dan perbandingan versi</Link>
        </p>
        {versions.length === 0 ? (
          <p className="muted">Belum ada versi yang ditetapkan.</p>
        ) : (
          <table className="data" aria-label="Versi SKJ">
            <thead>
              <tr>
                <th scope="col">Versi</th>
                <th scope="col">Ditetapkan</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link to={`/jabatan/${position.id}/versi/${v.version}`}>Versi {v.version}</Link> ·{" "}
                    <a href={`/jabatan/${position.id}/versi/${v.version}.pdf`} download aria-label={`PDF versi ${v.version}`}>
                      PDF
                    </a>{" "}
                    ·{" "}
                    <a href={`/jabatan/${position.id}/versi/${v.version}.docx`} download aria-label={`Word versi ${v.version}`}>
                      Word
                    </a>
                    {!v.endKind && canWithdraw ? (
                      <>
                        {" "}
                        · <Link to={`/jabatan/${position.id}/versi/${v.version}/cabut`}>Cabut versi {v.version}</Link>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {formatTanggal(v.publishedAt)} · {v.publishedBy}
                  </td>
                  <td>
                    <VersionStatusTag endKind={v.endKind} />
                    {v.endKind === "dicabut" && v.endReason ? ` ${v.endReason}` : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
