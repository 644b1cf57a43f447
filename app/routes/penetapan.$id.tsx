import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ExportButton } from "~/components/export-button";
import { Pager } from "~/components/pager";
import { SearchForm } from "~/components/search-form";
import { PublishConfirmation } from "~/components/publish-confirmation";
import { CONFIRMATION_FIELD, CONFIRMATION_MISSING, parseConfirmation } from "~/domain/penetapan-confirmation";
import { pageCount, pageWithin } from "~/domain/page-number";
import { can } from "~/domain/permissions";
import { idParam } from "~/utils/params";
import { getDb, type Db } from "~db/client.server";
import {
  addToPenetapan,
  approvedDraftsNotInPenetapan,
  countPenetapanItems,
  itemsOfPenetapan,
  penetapanHeader,
  removeFromPenetapan,
} from "~db/queries/penetapan.server";
import { publishPenetapan, type SkjActor } from "~db/queries/skj-publish.server";
import { formatTanggal } from "~/domain/format-date";
import { PENETAPAN_STATUS_LABELS } from "~/domain/labels";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Penetapan — SKJ Studio" }];

const NOT_FOUND = "Penetapan tidak ditemukan.";

const ITEMS_PER_PAGE = 50;

// A province's act gathers thousands of SKJ: the page lists one page of them, filtered by name or code
// (ADR 034). Only a draft act that this user may publish loads them all, for the confirmation dialog.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const db = getDb();
  const id = idParam(params.id, NOT_FOUND);
  const act = penetapanHeader(db, id);
  if (!act) throw new Response(NOT_FOUND, { status: 404 });
  const search = new URL(request.url).searchParams;
  const q = (search.get("q") ?? "").trim().slice(0, 100);
  const matching = countPenetapanItems(db, id, q);
  const pages = pageCount(matching, ITEMS_PER_PAGE);
  const page = pageWithin(search.get("page"), pages);
  const canPublish = can(user.role, "skj:publish");
  const publishable = canPublish && act.status === "draf";
  const every = publishable ? itemsOfPenetapan(db, id) : [];
  return {
    act,
    items: itemsOfPenetapan(db, id, { q, limit: ITEMS_PER_PAGE, offset: (page - 1) * ITEMS_PER_PAGE }),
    total: q ? countPenetapanItems(db, id) : matching,
    matching,
    q,
    page,
    pages,
    confirmed: every.map((i) => ({ positionCode: i.positionCode, positionName: i.positionName })),
    candidates: publishable ? approvedDraftsNotInPenetapan(db) : [],
    canPublish,
    // the server refuses anyway; the page says why before the click
    fourEyesItems: every.filter((i) => i.submittedBy === user.id || i.contributors.includes(user.id)).map((i) => i.positionName),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "skj:publish");
  const id = idParam(params.id, NOT_FOUND);
  const db = getDb();
  const form = await readFormBody(request);
  const intent = form.get("intent");
  const draftId = Number(form.get("draftId"));
  const result =
    intent === "add"
      ? addToPenetapan(db, id, draftId, user.id)
      : intent === "remove"
        ? removeFromPenetapan(db, id, draftId, user.id)
        : intent === "publish"
          ? publishConfirmed(db, id, user, form.get(CONFIRMATION_FIELD))
          : { ok: false as const, status: 422 as const, message: "Tindakan tidak dikenal." };
  if (!result.ok) return data({ error: result.message }, { status: result.status });
  const notice = intent === "publish" ? "Penetapan ditetapkan: SKJ telah diterbitkan sebagai versi baru." : "Daftar SKJ diperbarui.";
  throw redirect(`/penetapan/${id}?notice=${encodeURIComponent(notice)}`);
}

function publishConfirmed(db: Db, id: number, user: SkjActor, confirmation: unknown) {
  const confirmed = parseConfirmation(confirmation);
  if (!confirmed) return { ok: false as const, status: 422 as const, message: CONFIRMATION_MISSING };
  return publishPenetapan(db, id, user, new Date(), confirmed);
}

export default function PenetapanPage() {
  const { act, items, total, matching, q, page, pages, confirmed, candidates, canPublish, fourEyesItems } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as { error?: string } | undefined;
  const notice = useSearchParams()[0].get("notice");
  const busy = useNavigation().state === "submitting";
  const draft = act.status === "draf";
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/penetapan">← Penetapan</Link>
          </p>
          <h1>{act.label}</h1>
          <p>
            Status: <span className={`tag ${draft ? "tag-warn" : "tag-ok"}`}>{PENETAPAN_STATUS_LABELS[act.status]}</span>
            {act.effectiveDate ? ` · berlaku ${formatTanggal(act.effectiveDate)}` : ""}
            {act.signerName ? ` · ditandatangani ${act.signerTitle ?? ""} ${act.signerName}` : ""}
            {act.publishedByName ? ` · diterbitkan oleh ${act.publishedByName}` : ""}
          </p>
        </div>
        {draft ? null : (
          <div className="actions">
            <ExportButton subject="penetapan" id={act.id} format="pdf" label="Unduh lampiran (PDF)" />
            <ExportButton subject="penetapan" id={act.id} format="docx" label="Unduh lampiran (Word)" />
          </div>
        )}
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {reply?.error ? (
        <p className="form-error" role="alert">
          {reply.error}
        </p>
      ) : null}
      <section className="card" aria-labelledby="isi">
        <h2 id="isi" style={{ marginTop: 0 }}>
          SKJ dalam penetapan ini ({total})
        </h2>
        {total > ITEMS_PER_PAGE || q ? (
          <SearchForm id="cari-skj" label="Cari jabatan" what="jabatan" q={q}>
            {q ? (
              <span className="muted" role="status">
                {matching} dari {total} SKJ cocok dengan “{q}”.
              </span>
            ) : null}
          </SearchForm>
        ) : null}
        {total === 0 ? (
          <p className="muted">Belum ada SKJ. Tambahkan SKJ yang sudah disetujui.</p>
        ) : matching === 0 ? (
          <p className="muted">Tidak ada jabatan dalam penetapan ini yang cocok dengan “{q}”.</p>
        ) : (
          <table className="data" aria-label="SKJ dalam penetapan">
            <thead>
              <tr>
                <th scope="col">Jabatan</th>
                <th scope="col">Disetujui oleh</th>
                <th scope="col">{draft ? <span className="visually-hidden">Tindakan</span> : "Versi"}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.draftId}>
                  <td>
                    <Link to={`/jabatan/${i.positionId}`}>{i.positionName}</Link> <span className="unit-code">{i.positionCode}</span>
                  </td>
                  <td>{i.approvedByName ?? "—"}</td>
                  <td>
                    {draft && canPublish ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="draftId" value={i.draftId} />
                        <button type="submit" className="button-link-inline" aria-label={`Keluarkan ${i.positionName}`}>
                          Keluarkan
                        </button>
                      </Form>
                    ) : i.versionNumber ? (
                      `Versi ${i.versionNumber}`
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 ? (
          <Pager
            page={page}
            pages={pages}
            linkTo={(p) => `/penetapan/${act.id}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`}
            label="Halaman SKJ dalam penetapan"
          />
        ) : null}
        {draft && canPublish && candidates.length > 0 ? (
          <Form method="post" className="filters" style={{ marginTop: "0.8rem" }}>
            <input type="hidden" name="intent" value="add" />
            <div className="field">
              <label htmlFor="draftId">Tambahkan SKJ yang disetujui</label>
              <select id="draftId" name="draftId">
                {candidates.map((c) => (
                  <option key={c.draftId} value={c.draftId}>
                    {c.positionName} ({c.positionCode})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-secondary" disabled={busy}>
              Tambahkan
            </button>
          </Form>
        ) : null}
      </section>
      {draft && canPublish ? (
        <section className="card" aria-labelledby="tetapkan">
          <h2 id="tetapkan" style={{ marginTop: 0 }}>
            Tetapkan
          </h2>
          <p>
            Menetapkan menerbitkan semua SKJ di atas sekaligus sebagai versi baru yang tidak dapat diubah, dan memberitahu mesin pemetaan
            kompetensi.
          </p>
          {fourEyesItems.length ? (
            <p className="warning">
              Prinsip empat mata: Anda mengajukan atau ikut mengubah {fourEyesItems.join(", ")}; penetapan harus dilakukan pengguna lain.
            </p>
          ) : null}
          <PublishConfirmation
            actLabel={act.label}
            items={confirmed}
            disabled={confirmed.length === 0 || fourEyesItems.length > 0}
            error={reply?.error}
          />
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
