import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { requirePermission } from "~/auth/guard.server";
import { ConfirmInRow } from "~/components/confirm-in-row";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/form";
import type { FieldErrors } from "~/domain/forms";
import { DELIVERY_STATUSES, isDeliveryStatus, WEBHOOK_MAX_ATTEMPTS, WebhookUrlSchema, type DeliveryStatus } from "~/domain/webhooks";
import { getDb } from "~db/client.server";
import { checkWebhookTarget } from "~/services/webhook-target.server";
import { allowedWebhookHosts, deactivateWebhook, deliveryLog, listWebhooks, registerWebhook } from "~db/queries/webhooks.server";
import { formatTanggalWaktu } from "~/domain/format-date";
import { DELIVERY_STATUS_LABELS, FEED_EVENT_LABELS } from "~/domain/labels";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Webhook — SKJ Studio" }];

const IdSchema = z.coerce.number().int().positive();

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  const db = getDb();
  const params = new URL(request.url).searchParams;
  const webhooks = listWebhooks(db);
  const status = params.get("status");
  const webhookId = IdSchema.safeParse(params.get("webhook"));
  const page = IdSchema.safeParse(params.get("page"));
  const log = deliveryLog(db, {
    status: isDeliveryStatus(status) ? status : undefined,
    webhookId: webhookId.success ? webhookId.data : undefined,
    page: page.success ? page.data : 1,
  });
  const asked = IdSchema.safeParse(params.get("nonaktifkan"));
  // only an active webhook can be asked about; a stale link simply shows the list
  const confirmDeactivate = asked.success && webhooks.some((w) => w.id === asked.data && w.active) ? asked.data : null;
  return { webhooks, log, confirmDeactivate };
}

type Created = { id: number; url: string; secret: string };
type ActionResult = { errors: FieldErrors; values: { url: string } } | { created: Created };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const form = await readFormBody(request);
  const db = getDb();
  const intent = form.get("intent");

  if (intent === "deactivate") {
    const id = IdSchema.safeParse(form.get("id"));
    const hook = id.success ? listWebhooks(db).find((w) => w.id === id.data) : undefined;
    if (!hook) throw new Response("Webhook tidak ditemukan.", { status: 404 });
    const done = deactivateWebhook(db, hook.id, admin.id);
    const notice = done
      ? `Webhook ${hook.url} dinonaktifkan; tidak ada lagi peristiwa yang dikirim ke sana.`
      : `Webhook ${hook.url} sudah nonaktif sebelumnya.`;
    throw redirect(`/admin/webhooks?notice=${encodeURIComponent(notice)}`);
  }
  if (intent !== "register") throw new Response("Tindakan tidak dikenal.", { status: 400 });

  const values = { url: String(form.get("url") ?? "") };
  const url = WebhookUrlSchema.safeParse(values.url);
  if (!url.success) return data<ActionResult>({ errors: { url: url.error.issues[0]!.message }, values }, { status: 422 });
  const target = await checkWebhookTarget(url.data, allowedWebhookHosts(db));
  if (!target.ok) return data<ActionResult>({ errors: { url: target.problem }, values }, { status: 422 });
  const { id, secret } = registerWebhook(db, url.data, admin.id);
  // the page never shows the secret again, so this answer must not be kept by any cache
  return data<ActionResult>({ created: { id, url: url.data, secret } }, { headers: { "Cache-Control": "no-store" } });
}

const when = (iso: string | null) => (iso ? formatTanggalWaktu(iso) : null);

const STATUS_TAGS: Record<DeliveryStatus, string> = { menunggu: "tag tag-warn", terkirim: "tag tag-ok", gagal: "tag tag-off" };

export default function WebhooksPage() {
  const { webhooks, log, confirmDeactivate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const notice = params.get("notice");
  const navigation = useNavigation();
  const registering = navigation.state === "submitting" && navigation.formData?.get("intent") === "register";
  const failed = result && "errors" in result ? result : undefined;
  const created = result && "created" in result ? result.created : undefined;
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.delete("notice");
    next.set("page", String(n));
    return `?${next}`;
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Webhook</h1>
          <p>
            Setiap peristiwa umpan perubahan (SKJ ditetapkan atau dicabut) dikirim sebagai POST JSON ke URL terdaftar, ditandatangani dengan
            rahasia webhook. Pengiriman diulang dengan jeda yang makin panjang sampai penerima menjawab 2xx, paling banyak{" "}
            {WEBHOOK_MAX_ATTEMPTS} kali. Waktu dalam WIB.
          </p>
        </div>
        <Link to="/admin">← Admin</Link>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {created ? <NewSecret created={created} /> : null}

      <h2>Daftarkan webhook</h2>
      {/* remounted after each registration so the form starts empty again */}
      <Form method="post" className="stacked card" noValidate key={created?.id ?? "form"}>
        <input type="hidden" name="intent" value="register" />
        <Field
          label="URL penerima"
          error={failed?.errors.url}
          hint="http:// atau https://. Hanya peristiwa setelah pendaftaran yang dikirim; peristiwa sebelumnya dapat dibaca dari GET /api/v1/changes."
        >
          <input type="url" name="url" autoComplete="off" spellCheck={false} defaultValue={failed?.values.url ?? ""} />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={registering}>
            {registering ? "Mendaftarkan…" : "Daftarkan webhook"}
          </button>
        </div>
      </Form>

      <h2>Daftar webhook</h2>
      {webhooks.length === 0 ? (
        <p className="empty">Belum ada webhook terdaftar.</p>
      ) : (
        <table className="data" aria-label="Daftar webhook">
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Didaftarkan</th>
              <th scope="col">Status</th>
              <th scope="col">Terkirim</th>
              <th scope="col">Menunggu</th>
              <th scope="col">Gagal</th>
              <th scope="col">
                <span className="visually-hidden">Tindakan</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((w) => (
              <tr key={w.id}>
                <td>
                  <code>{w.url}</code>
                </td>
                <td>
                  {when(w.createdAt)}
                  {w.createdByName ? <div className="muted">oleh {w.createdByName}</div> : null}
                </td>
                <td>{w.active ? <span className="tag tag-ok">Aktif</span> : <span className="tag tag-off">Nonaktif</span>}</td>
                <td>{w.delivered}</td>
                <td>{w.pending}</td>
                <td>{w.failed}</td>
                <td>
                  {!w.active ? null : (
                    <ConfirmInRow
                      asking={confirmDeactivate === w.id}
                      id={w.id}
                      intent="deactivate"
                      askParam="nonaktifkan"
                      askLabel="Nonaktifkan"
                      askAriaLabel={`Nonaktifkan webhook ${w.url}`}
                      question="Hentikan semua pengiriman ke URL ini?"
                      confirmLabel="Ya, nonaktifkan"
                      cancelTo="/admin/webhooks"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Log pengiriman</h2>
      <Form method="get" className="filters card">
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" name="status" defaultValue={params.get("status") ?? ""}>
            <option value="">Semua</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {DELIVERY_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {webhooks.length > 1 ? (
          <div className="field">
            <label htmlFor="f-webhook">Webhook</label>
            <select id="f-webhook" name="webhook" defaultValue={params.get("webhook") ?? ""}>
              <option value="">Semua</option>
              {webhooks.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.url}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button">
          Terapkan
        </button>
      </Form>
      {log.rows.length === 0 ? (
        <p className="empty">Tidak ada pengiriman yang cocok dengan filter.</p>
      ) : (
        <table className="data" aria-label="Log pengiriman webhook">
          <thead>
            <tr>
              <th scope="col">Peristiwa</th>
              <th scope="col">Jenis</th>
              <th scope="col">Jabatan</th>
              <th scope="col">Versi</th>
              <th scope="col">Status</th>
              <th scope="col">Percobaan</th>
              <th scope="col">Jawaban terakhir</th>
              <th scope="col">Percobaan berikutnya</th>
              <th scope="col">Terkirim pada</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((d) => (
              <tr key={d.id}>
                <td>
                  #{d.eventId}
                  {webhooks.length > 1 ? <div className="muted">{d.url}</div> : null}
                </td>
                <td>{FEED_EVENT_LABELS[d.type]}</td>
                <td>
                  <code>{d.positionCode}</code>
                </td>
                <td>{d.version}</td>
                <td>
                  <span className={STATUS_TAGS[d.status]}>{DELIVERY_STATUS_LABELS[d.status]}</span>
                </td>
                <td>{d.attempts}</td>
                <td>
                  {d.lastStatusCode != null ? `HTTP ${d.lastStatusCode}` : null}
                  {d.lastError ? <div className="muted">{d.lastError}</div> : null}
                  {d.lastStatusCode == null && !d.lastError ? <span className="muted">—</span> : null}
                </td>
                <td>{d.status === "menunggu" ? when(d.nextAttemptAt) : <span className="muted">—</span>}</td>
                <td>{when(d.deliveredAt) ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        {log.page > 1 ? <Link to={pageLink(log.page - 1)}>← Sebelumnya</Link> : null}
        <span className="muted">Halaman {log.page}</span>
        {log.hasMore ? <Link to={pageLink(log.page + 1)}>Berikutnya →</Link> : null}
      </div>
    </>
  );
}

function NewSecret({ created }: { created: Created }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied("Rahasia tersalin.");
    } catch {
      setCopied("Tidak dapat menyalin otomatis; pilih teks rahasia lalu salin secara manual.");
    }
  };
  return (
    <section className="card stacked" aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">Webhook didaftarkan</h2>
      <p className="warning">Salin sekarang: rahasia tidak akan ditampilkan lagi.</p>
      <div className="field">
        <label htmlFor="new-webhook-secret">Rahasia untuk {created.url}</label>
        <input
          id="new-webhook-secret"
          type="text"
          readOnly
          value={created.secret}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <p className="muted">
        Penerima memeriksa header <code>X-SKJ-Signature: sha256=…</code>, yaitu HMAC-SHA256 dari isi permintaan apa adanya dengan rahasia
        ini, dan mengabaikan peristiwa yang <code>X-SKJ-Event-Id</code>-nya sudah pernah diterima.
      </p>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          Salin rahasia
        </button>
        <span role="status">{copied}</span>
      </div>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
