// "Buat draf SKJ" for many positions at once (issue 17 item 1): the selection comes from the register (ticked
// rows, or every position its filter matches), optionally filled from one similar SKJ.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { selectionParams } from "~/domain/selection-params";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SkjStatusTag } from "~/components/skj-status-tag";
import { BULK_DRAFTS_MAX, COPY_PART_LABELS, COPY_PARTS, type CopyPart } from "~/domain/skj-copy";
import type { SkjStatus } from "~/domain/sotk";
import { readFormBody } from "~/services/request-body.server";
import { requestBulkDraftsJob } from "~/services/skj-bulk-job.server";
import { bulkDraftsRefusal, bulkSelection, copySourceCandidates, copySourceOf } from "~/services/skj-bulk.server";
import { getDb } from "~db/client.server";

export const meta: MetaFunction = () => [{ title: "Buat draf SKJ sekaligus — SKJ Studio" }];

// the parameters that describe the selection; everything else on the URL belongs to this page
const SELECTION_KEYS = ["position", "semua", "unit", "group", "level", "status", "q"];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "skj:write");
  const db = getDb();
  const params = new URL(request.url).searchParams;
  const sourceCode = params.get("sumber");
  const search = params.get("cari_sumber")?.trim() ?? "";
  const source = sourceCode ? copySourceOf(db, sourceCode) : null;
  return {
    selection: bulkSelection(db, selectionParams(params, SELECTION_KEYS)),
    source: source ? { code: source.positionCode, name: source.positionName, origin: source.origin } : null,
    sourceMissing: Boolean(sourceCode && !source),
    candidates: search ? copySourceCandidates(db, search) : [],
    search,
  };
}

type BulkReply = { message: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "skj:write");
  const db = getDb();
  const form = await readFormBody(request);
  const codes = bulkSelection(db, selectionParams(form, SELECTION_KEYS)).rows.map((r) => r.code);
  const parts = new Set(form.getAll("bagian").filter((p): p is CopyPart => (COPY_PARTS as readonly string[]).includes(String(p))));
  const sourceCode = String(form.get("sumber") ?? "") || null;
  // what would refuse the whole request is said on this form, before anything is queued
  const refusal = bulkDraftsRefusal(db, { positionCodes: codes, fromPositionCode: sourceCode, parts, actorId: user.id, via: "ui" });
  if (refusal) return data<BulkReply>({ message: refusal }, { status: 422 });
  // the drafts are made in the background, a chunk per transaction, while the job's page shows the progress
  const queued = requestBulkDraftsJob(db, user.id, { positionCodes: codes, fromPositionCode: sourceCode, parts: [...parts] });
  if (!queued.ok) return data<BulkReply>({ message: queued.message }, { status: queued.status });
  return redirect(`/skj/draf-massal/${queued.id}`);
}

export default function BulkDrafts() {
  const { selection, source, sourceMissing, candidates, search } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as BulkReply | undefined;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const kept = [...selectionParams(params, SELECTION_KEYS)];
  const toCreate = selection.rows.filter((r) => !r.hasOpenDraft).length;

  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`/jabatan?${new URLSearchParams(kept.filter(([k]) => k !== "position" && k !== "semua"))}`}>← Jabatan</Link>
          </p>
          <h1>Buat draf SKJ sekaligus</h1>
          <p>Setiap jabatan yang dipilih mendapat draf baru, seperti "Susun SKJ"; jabatan yang sudah mempunyai draf terbuka dilewati.</p>
        </div>
      </div>
      {selection.tooMany !== null ? (
        <p className="form-error" role="alert">
          {`Pilihan ini mencakup ${selection.tooMany.toLocaleString("id-ID")} jabatan; paling banyak ${BULK_DRAFTS_MAX.toLocaleString("id-ID")} sekaligus. Persempit saringan pada daftar jabatan.`}
        </p>
      ) : selection.rows.length === 0 ? (
        <p className="empty">Belum ada jabatan yang dipilih. Centang jabatan pada daftar Jabatan, lalu pilih "Buat draf SKJ".</p>
      ) : null}

      <section className="card" aria-labelledby="sumber-judul">
        <h2 id="sumber-judul">Isi dari SKJ serupa (opsional)</h2>
        <Form method="get" className="filters" role="search" aria-label="Cari SKJ sumber">
          {kept.map(([k, v], i) => (
            <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
          ))}
          <div className="field" style={{ flex: "1 1 260px" }}>
            <label htmlFor="cari-sumber">Cari jabatan sumber</label>
            <input id="cari-sumber" type="search" name="cari_sumber" defaultValue={search} placeholder="mis. Kepala Subbagian Umum" />
          </div>
          <button type="submit" className="button button-secondary">
            Cari
          </button>
        </Form>
        {search && candidates.length === 0 ? (
          <p className="muted">{`Tidak ada jabatan dengan SKJ yang cocok dengan "${search}".`}</p>
        ) : null}
        {candidates.length > 0 ? (
          <ul className="plain-list" aria-label="Jabatan sumber yang ditemukan">
            {candidates.map((c) => (
              <li key={c.code}>
                <Link to={`?${new URLSearchParams([...kept, ["sumber", c.code]])}`}>{`Pakai ${c.name}`}</Link>{" "}
                <span className="muted">— {c.unitName}</span> <SkjStatusTag status={c.skjStatus as SkjStatus} />
              </li>
            ))}
          </ul>
        ) : null}
        {sourceMissing ? (
          <p className="form-error" role="alert">
            Jabatan sumber tidak ditemukan atau belum mempunyai SKJ untuk disalin.
          </p>
        ) : null}
      </section>

      {selection.rows.length > 0 ? (
        <Form method="post" className="card" aria-label="Buat draf SKJ">
          {kept.map(([k, v], i) => (
            <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
          ))}
          {source ? (
            <fieldset>
              <legend>{`Diisi dari ${source.name} (${source.origin})`}</legend>
              <input type="hidden" name="sumber" value={source.code} />
              {COPY_PARTS.map((part) => (
                <label key={part} className="checkbox">
                  <input type="checkbox" name="bagian" value={part} defaultChecked /> {COPY_PART_LABELS[part]}
                </label>
              ))}
              <p className="muted">
                Kompetensi manajerial dan sosial kultural selalu mengikuti level standar kelompok masing-masing jabatan.
              </p>
            </fieldset>
          ) : (
            <p className="muted">
              Tanpa SKJ sumber: setiap draf dimulai dari versi yang berlaku jabatan itu, atau dari identitas pada register.
            </p>
          )}
          {reply?.message ? (
            <p className="form-error" role="alert">
              {reply.message}
            </p>
          ) : null}
          <table className="data" aria-label="Jabatan yang dipilih">
            <thead>
              <tr>
                <th scope="col">Jabatan</th>
                <th scope="col">Unit</th>
                <th scope="col">Keterangan</th>
              </tr>
            </thead>
            <tbody>
              {selection.rows.map((r) => (
                <tr key={r.code}>
                  <td>{r.name}</td>
                  <td>{r.unitName}</td>
                  <td>{r.hasOpenDraft ? "Sudah ada draf terbuka — dilewati" : "Draf baru"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="button" disabled={busy || toCreate === 0}>
            {busy ? "Membuat draf…" : `Buat ${toCreate.toLocaleString("id-ID")} draf SKJ`}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
