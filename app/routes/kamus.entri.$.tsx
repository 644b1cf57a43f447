import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LevelsTable } from "~/components/levels-table";
import { isRegulationCode } from "~/domain/dictionary";
import { decideRevisionAction } from "~/domain/dictionary-workflow";
import {
  COMPETENCY_TYPE_LABELS,
  DRAFT_STATE_LABELS,
  REVISION_STATUS_LABELS,
  SKJ_STATUS_LABELS,
  SOURCE_KIND_LABELS,
  TEXT_STATUS_LABELS,
} from "~/domain/labels";
import { EXAMPLE_MARK, isExampleText } from "~/domain/example-text";
import { can } from "~/domain/permissions";
import { entryPath } from "~/utils/paths";
import { richTextToHtml } from "~/services/richtext.server";
import { getDb } from "~db/client.server";
import { entryDetail, entryImpact, transitionRevision } from "~db/queries/dictionary.server";
import { formatTanggal } from "~/domain/format-date";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.entry.code ?? "Kompetensi"} — Kamus Kompetensi — SKJ Studio` },
];

function loadEntry(code: string) {
  const detail = entryDetail(getDb(), code);
  if (!detail) throw new Response("Kompetensi tidak ditemukan.", { status: 404 });
  return detail;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const { entry, revisions, latest, published } = loadEntry(params["*"] ?? "");
  const regulation = entry.type !== "teknis" || isRegulationCode(entry.code);
  const allowed = (action: "save" | "submit" | "publish" | "return") => decideRevisionAction(action, latest, user, regulation).ok;
  return {
    entry,
    latest: {
      id: latest.id,
      number: latest.number,
      status: latest.status,
      textStatus: latest.textStatus,
      note: latest.note,
      texts: latest.texts,
      definitionHtml: richTextToHtml(latest.definitionJson) || null,
    },
    // shown when a newer, unpublished revision exists beside the one SKJ use
    published: published?.texts ? { number: published.number } : null,
    publishedNumber: published?.number ?? null,
    revisions: revisions.map((r) => ({ number: r.number, status: r.status, publishedAt: r.publishedAt, updatedAt: r.updatedAt })).reverse(),
    impact: entryImpact(getDb(), entry.id),
    regulation,
    can: {
      edit: !regulation && can(user.role, "dictionary:write"),
      submit: allowed("submit"),
      publish: allowed("publish"),
      return: allowed("return"),
      // a reviewer who wrote the revision sees why the publish button is missing
      blockedByFourEyes: latest.status === "diajukan" && can(user.role, "dictionary:publish") && !allowed("publish") && !regulation,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "dictionary:write");
  const form = await readFormBody(request);
  const intent = form.get("intent");
  if (intent !== "submit" && intent !== "publish" && intent !== "return")
    return data({ error: "Tindakan tidak dikenal." }, { status: 400 });
  const code = loadEntry(params["*"] ?? "").entry.code;
  const comment =
    String(form.get("comment") ?? "")
      .trim()
      .slice(0, 2000) || undefined;
  const result = transitionRevision(getDb(), code, intent, user, comment);
  if (!result.ok) return data({ error: result.errors._form ?? "Tindakan ditolak." }, { status: result.status });
  const words = { submit: "diajukan untuk diterbitkan", publish: "diterbitkan", return: "dikembalikan ke draf" } as const;
  throw redirect(`${entryPath(code)}?notice=${encodeURIComponent(`Revisi ${result.revision} ${words[intent]}.`)}`);
}

const STATUS_TONE: Record<string, string> = { draft: "tag-warn", diajukan: "tag-warn", diterbitkan: "tag-ok" };

export default function CompetencyEntryPage() {
  const { entry, latest, published, publishedNumber, revisions, impact, regulation, can: allowed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { error?: string } | undefined;
  const notice = useSearchParams()[0].get("notice");
  const busy = useNavigation().state === "submitting";
  const t = latest.texts;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/kamus">← Kamus kompetensi</Link>
          </p>
          <h1>
            <code>{entry.code}</code> {t.name}
          </h1>
          <p>
            {COMPETENCY_TYPE_LABELS[entry.type]} · Revisi {latest.number}{" "}
            <span className={`tag ${STATUS_TONE[latest.status]}`}>{REVISION_STATUS_LABELS[latest.status]}</span>{" "}
            <span className={`tag ${latest.textStatus === "contoh" ? "tag-warn" : latest.textStatus === "regulasi" ? "tag-ok" : ""}`}>
              {TEXT_STATUS_LABELS[latest.textStatus]}
            </span>
          </p>
        </div>
        <div className="actions">
          {allowed.edit ? (
            <Link className="button" to={`/kamus/ubah/${entry.code}`}>
              {latest.status === "diterbitkan" ? "Buat revisi baru" : "Ubah draf"}
            </Link>
          ) : null}
          {revisions.length > 1 ? (
            <Link className="button button-secondary" to={`/kamus/riwayat/${entry.code}`}>
              Riwayat dan perbandingan
            </Link>
          ) : null}
        </div>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {result?.error ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      {isExampleText(latest) ? (
        <p className="warning" role="note">
          <strong>{EXAMPLE_MARK}.</strong> Teks ini adalah contoh ilustratif untuk demo, bukan teks peraturan; setiap PDF dan Word SKJ yang
          memuatnya mencetak tanda &ldquo;{EXAMPLE_MARK}&rdquo; sampai admin menggantinya dengan teks yang bersumber. {latest.note}
        </p>
      ) : null}
      {regulation ? (
        <p className="muted">Sumber: {entry.sourceReference}. Entri dari peraturan tidak dapat diubah atau dihapus.</p>
      ) : (
        <p className="muted">
          Sumber: {SOURCE_KIND_LABELS[t.sourceKind as keyof typeof SOURCE_KIND_LABELS] ?? t.sourceKind}
          {t.sourceReference ? ` — ${t.sourceReference}` : ""}
          {t.category ? ` · Kategori: ${t.category}` : ""}
          {t.keywords.length ? ` · Kata kunci: ${t.keywords.join(", ")}` : ""}
        </p>
      )}
      {allowed.submit || allowed.publish || allowed.return || allowed.blockedByFourEyes ? (
        <section className="card" aria-labelledby="tinjauan">
          <h2 id="tinjauan" style={{ marginTop: 0 }}>
            {latest.status === "draft" ? "Ajukan untuk diterbitkan" : "Tinjauan revisi"}
          </h2>
          {allowed.blockedByFourEyes ? (
            <p className="muted">
              Prinsip empat mata: revisi ini Anda ajukan atau ikut Anda ubah, sehingga harus diterbitkan oleh reviewer lain.
            </p>
          ) : null}
          <Form method="post" className="stacked">
            {allowed.return ? (
              <div className="field">
                <label htmlFor="comment">Catatan (wajib bila dikembalikan)</label>
                <textarea id="comment" name="comment" rows={2} />
              </div>
            ) : null}
            <div className="actions">
              {allowed.submit ? (
                <button type="submit" name="intent" value="submit" className="button" disabled={busy}>
                  Ajukan revisi {latest.number}
                </button>
              ) : null}
              {allowed.publish ? (
                <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
                  Terbitkan revisi {latest.number}
                </button>
              ) : null}
              {allowed.return ? (
                <button type="submit" name="intent" value="return" className="button button-secondary" disabled={busy}>
                  Kembalikan ke draf
                </button>
              ) : null}
            </div>
          </Form>
        </section>
      ) : null}
      <section className="card" aria-labelledby="definisi">
        <h2 id="definisi" style={{ marginTop: 0 }}>
          Definisi
        </h2>
        {latest.definitionHtml ? (
          <div dangerouslySetInnerHTML={{ __html: latest.definitionHtml }} />
        ) : (
          <p>{t.definition || <span className="muted">Belum diisi</span>}</p>
        )}
        <h2>Level kompetensi</h2>
        <LevelsTable levels={t.levels} caption={`Level kompetensi ${entry.code}`} />
      </section>
      {published ? (
        <section className="card" aria-labelledby="terbit">
          <h2 id="terbit" style={{ marginTop: 0 }}>
            Revisi terbit yang berlaku: {published.number}
          </h2>
          <p className="muted">
            SKJ tetap memakai revisi {published.number} sampai revisi {latest.number} diterbitkan.
          </p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="dampak">
        <h2 id="dampak" style={{ marginTop: 0 }}>
          Dipakai oleh SKJ
        </h2>
        {impact.length === 0 ? (
          <p className="muted">Belum dipakai oleh draf atau versi SKJ mana pun.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Jabatan</th>
                <th scope="col">Dokumen</th>
                <th scope="col">Level</th>
                <th scope="col">Revisi kamus</th>
              </tr>
            </thead>
            <tbody>
              {impact.map((u, i) => (
                <tr key={i}>
                  <td>
                    <Link to={`/jabatan/${u.positionId}`}>{u.positionName}</Link>
                  </td>
                  <td>
                    {u.versionNumber
                      ? `Versi ${u.versionNumber} (${SKJ_STATUS_LABELS.ditetapkan})`
                      : `Draf (${u.draftState ? DRAFT_STATE_LABELS[u.draftState] : "—"})`}
                  </td>
                  <td>{u.level}</td>
                  <td>
                    {u.revisionNumber}
                    {u.draftId && publishedNumber && u.revisionNumber < publishedNumber ? (
                      <span className="tag tag-warn"> pembaruan kamus tersedia</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="revisi">
        <h2 id="revisi" style={{ marginTop: 0 }}>
          Revisi
        </h2>
        <ul>
          {revisions.map((r) => (
            <li key={r.number}>
              Revisi {r.number}: {REVISION_STATUS_LABELS[r.status]}
              {r.publishedAt ? ` pada ${formatTanggal(r.publishedAt)}` : ""}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
