// "Impor SKJ lama" (contract §7.5, issue 16): upload existing SKJ books, check one row per SKJ found (its
// position, changeable among the candidates, or left out), then import the kept rows as drafts in one go.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AnalysisForm, type LegacyAnalysis } from "~/components/legacy-analysis-form";
import { requestLegacyAnalysisJob } from "~/services/legacy-skj/analysis-job.server";
import { applyLegacyImport } from "~/services/legacy-skj/import.server";
import { analysedRows, importedRows, type ImportedRow } from "~/services/legacy-skj/page-rows.server";
import { applyChoices, discardPendingAnalysis, loadPendingAnalysis, type RowChoice } from "~/services/legacy-skj/pending.server";
import { readFormBody } from "~/services/request-body.server";
import { readUploadedFiles, uploadRefusal } from "~/services/uploads.server";
import { getDb } from "~db/client.server";

export const meta: MetaFunction = () => [{ title: "Impor SKJ lama — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "skj:write");
  return null;
}

type LegacyReply =
  | { kind: "message"; message: string }
  | ({ kind: "analysis" } & LegacyAnalysis)
  | { kind: "done"; rows: ImportedRow[]; dictionaryDrafts: string[] };

const isUpload = (request: Request) => (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "skj:write");
  return isUpload(request) ? analyse(request, user.id) : apply(request, user.id);
}

async function analyse(request: Request, userId: number) {
  let files: { name: string; bytes: Uint8Array }[];
  try {
    files = (await readUploadedFiles(request, "files")).files;
  } catch (error) {
    const refusal = uploadRefusal(error);
    if (!refusal) throw error;
    return data<LegacyReply>({ kind: "message", message: refusal.message }, { status: refusal.status });
  }
  if (files.length === 0)
    return data<LegacyReply>(
      { kind: "message", message: "Pilih minimal satu berkas Word (.docx), Excel (.xlsx) atau PDF." },
      { status: 400 },
    );
  // the books are read in the background; the job's page shows the progress, then the rows to check
  const queued = requestLegacyAnalysisJob(getDb(), userId, files);
  if (!queued.ok) return data<LegacyReply>({ kind: "message", message: queued.message }, { status: queued.status });
  return redirect(`/skj/impor/${queued.id}`);
}

async function apply(request: Request, userId: number) {
  const form = await readFormBody(request);
  const id = String(form.get("analisis") ?? "");
  const pending = loadPendingAnalysis(id, userId);
  if (!pending)
    return data<LegacyReply>(
      { kind: "message", message: "Hasil pemeriksaan berkas tidak ditemukan atau sudah kedaluwarsa (1 jam). Unggah berkasnya lagi." },
      { status: 410 },
    );
  const kept = new Set(form.getAll("impor").map(String));
  const choices: RowChoice[] = pending.rows.map((_, i) => {
    const positionCode = String(form.get(`jabatan-${i}`) ?? "");
    return kept.has(String(i)) && positionCode ? { keep: true, positionCode } : { keep: false };
  });
  const chosen = applyChoices(pending.rows, choices);
  if (!chosen.ok || chosen.rows.length === 0) {
    const message = chosen.ok ? "Tidak ada baris yang dipilih untuk diimpor." : chosen.message;
    // the rows stay on the page (with the user's choices) so that the refusal can be corrected there
    return data<LegacyReply>({ kind: "analysis", id, files: pending.files, rows: analysedRows(pending.rows), message }, { status: 422 });
  }
  const db = getDb();
  const result = applyLegacyImport(db, chosen.rows, userId);
  discardPendingAnalysis(id);
  return data<LegacyReply>({
    kind: "done",
    rows: importedRows(db, pending.rows, chosen.chosen, result),
    dictionaryDrafts: result.dictionaryDrafts,
  });
}

function ImportDone({ reply }: { reply: Extract<LegacyReply, { kind: "done" }> }) {
  const created = reply.rows.filter((r) => r.outcome === "Draf dibuat").length;
  return (
    <section className="notice" role="status" aria-labelledby="impor-selesai">
      <h2 id="impor-selesai" style={{ marginTop: 0 }}>
        Impor selesai
      </h2>
      <p>{`${created.toLocaleString("id-ID")} draf dibuat; ${reply.dictionaryDrafts.length.toLocaleString("id-ID")} kompetensi teknis baru menjadi draf kamus.`}</p>
      <table className="data" aria-label="Hasil impor">
        <thead>
          <tr>
            <th scope="col">Sumber</th>
            <th scope="col">Jabatan</th>
            <th scope="col">Hasil</th>
          </tr>
        </thead>
        <tbody>
          {reply.rows.map((r, i) => (
            <tr key={i}>
              <td>{r.source}</td>
              <td>{r.positionId ? <Link to={`/jabatan/${r.positionId}/skj`}>{r.positionCode}</Link> : (r.positionCode ?? "—")}</td>
              <td>{r.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {reply.dictionaryDrafts.length > 0 ? (
        <p>{`Draf kamus baru: ${reply.dictionaryDrafts.join(", ")}. Lengkapi level lainnya di Kamus kompetensi sebelum SKJ diajukan.`}</p>
      ) : null}
    </section>
  );
}

export default function LegacyImportPage() {
  const reply = useActionData<typeof action>() as LegacyReply | undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/skj">← Standar Kompetensi Jabatan</Link>
          </p>
          <h1>Impor SKJ lama</h1>
          <p>
            SKJ yang sudah ditetapkan instansi, dari buku Word (.docx), Excel (.xlsx) atau PDF berlapis teks, menjadi draf jabatan yang
            cocok di register. Berkas diperiksa lebih dulu; tidak ada yang disimpan sebelum “Impor”.
          </p>
        </div>
      </div>
      <Form method="post" encType="multipart/form-data" className="card stacked" key={reply?.kind === "analysis" ? reply.id : "upload"}>
        <div className="field">
          <label htmlFor="files">Berkas SKJ (boleh beberapa)</label>
          <input
            id="files"
            name="files"
            type="file"
            multiple
            accept=".docx,.xlsx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={busy}>
            Periksa berkas
          </button>
          {busy ? <span className="muted">Mengunggah…</span> : null}
        </div>
      </Form>
      {reply?.kind === "message" ? (
        <p className="form-error" role="alert">
          {reply.message}
        </p>
      ) : null}
      {reply?.kind === "analysis" ? <AnalysisForm key={reply.id} reply={reply} /> : null}
      {reply?.kind === "done" ? <ImportDone reply={reply} /> : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
