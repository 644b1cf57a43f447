// "Impor SKJ lama" (contract §7.5, issue 16): upload existing SKJ books, check one row per SKJ found (its
// position, changeable among the candidates, or left out), then import the kept rows as drafts in one go.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LegacyFileError } from "~/services/legacy-skj/errors.server";
import { analyseLegacyFiles, applyLegacyImport } from "~/services/legacy-skj/import.server";
import { analysedRows, importedRows, type AnalysedRow, type ImportedRow } from "~/services/legacy-skj/page-rows.server";
import { applyChoices, discardPendingAnalysis, loadPendingAnalysis, savePendingAnalysis, type RowChoice } from "~/services/legacy-skj/pending.server";
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
  | { kind: "analysis"; id: string; files: string[]; rows: AnalysedRow[]; message?: string }
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
  if (files.length === 0) return data<LegacyReply>({ kind: "message", message: "Pilih minimal satu berkas Word (.docx), Excel (.xlsx) atau PDF." }, { status: 400 });
  const db = getDb();
  try {
    const rows = await analyseLegacyFiles(db, files);
    if (rows.length === 0) return data<LegacyReply>({ kind: "message", message: `Tidak ada SKJ yang ditemukan di ${files.map((f) => f.name).join(", ")}: tidak ada baris "Nama Jabatan".` }, { status: 422 });
    const names = files.map((f) => f.name);
    return data<LegacyReply>({ kind: "analysis", id: savePendingAnalysis(userId, names, rows), files: names, rows: analysedRows(rows) });
  } catch (error) {
    if (error instanceof LegacyFileError) return data<LegacyReply>({ kind: "message", message: `${error.message} Tidak ada yang disimpan.` }, { status: 422 });
    throw error;
  }
}

async function apply(request: Request, userId: number) {
  const form = await readFormBody(request);
  const id = String(form.get("analisis") ?? "");
  const pending = loadPendingAnalysis(id, userId);
  if (!pending) return data<LegacyReply>({ kind: "message", message: "Hasil pemeriksaan berkas tidak ditemukan atau sudah kedaluwarsa (1 jam). Unggah berkasnya lagi." }, { status: 410 });
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
  return data<LegacyReply>({ kind: "done", rows: importedRows(db, pending.rows, chosen.chosen, result), dictionaryDrafts: result.dictionaryDrafts });
}

const score = (n: number) => n.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function AnalysisForm({ reply }: { reply: Extract<LegacyReply, { kind: "analysis" }> }) {
  const busy = useNavigation().state === "submitting";
  const [choices, setChoices] = useState(() => reply.rows.map((r) => ({ keep: r.match !== null, positionCode: r.match?.positionCode ?? "" })));
  const count = choices.filter((c) => c.keep && c.positionCode).length;
  const choose = (i: number, change: Partial<(typeof choices)[number]>) => setChoices((all) => all.map((c, j) => (j === i ? { ...c, ...change } : c)));
  return (
    <Form method="post" className="card" aria-labelledby="hasil-periksa">
      <h2 id="hasil-periksa" style={{ marginTop: 0 }}>{`${reply.rows.length} SKJ ditemukan di ${reply.files.join(", ")}`}</h2>
      <p className="muted">Periksa jabatan yang dicocokkan. Ubah pilihan bila keliru, atau hapus centang agar baris itu tidak diimpor. Kompetensi teknis baru menjadi draf kamus.</p>
      <input type="hidden" name="analisis" value={reply.id} />
      <table className="data" aria-label="SKJ yang ditemukan">
        <thead>
          <tr>
            <th scope="col">Impor</th>
            <th scope="col">Sumber</th>
            <th scope="col">Jabatan tercetak</th>
            <th scope="col">Jabatan di register</th>
            <th scope="col">Kompetensi cocok</th>
            <th scope="col">Kompetensi baru</th>
            <th scope="col">Masalah</th>
          </tr>
        </thead>
        <tbody>
          {reply.rows.map((row, i) => (
            <tr key={i}>
              <td>
                <input
                  type="checkbox"
                  name="impor"
                  value={i}
                  aria-label={`Impor ${row.name} (${row.source})`}
                  checked={choices[i]!.keep && choices[i]!.positionCode !== ""}
                  disabled={choices[i]!.positionCode === ""}
                  onChange={(e) => choose(i, { keep: e.target.checked })}
                />
              </td>
              <td>{row.source}</td>
              <td>{row.name}</td>
              <td>
                {row.match ? <span>{`Cocok (skor ${score(row.match.score)})`}</span> : <span className="tag tag-warn">Tidak cocok</span>}
                {row.candidates.length > 0 ? (
                  <select
                    name={`jabatan-${i}`}
                    aria-label={`Jabatan untuk ${row.name} (${row.source})`}
                    value={choices[i]!.positionCode}
                    onChange={(e) => choose(i, { positionCode: e.target.value, keep: e.target.value !== "" })}
                  >
                    {row.match ? null : <option value="">— pilih jabatan —</option>}
                    {row.candidates.map((c) => (
                      <option key={c.positionCode} value={c.positionCode}>{`${c.name} — ${c.unit} (${c.positionCode}, skor ${score(c.score)})`}</option>
                    ))}
                  </select>
                ) : (
                  <p className="muted">Tidak ada kandidat di register.</p>
                )}
              </td>
              <td>{row.matchedCompetencies}</td>
              <td>{row.newCompetencies}</td>
              <td>
                {row.problems.length ? (
                  <ul>
                    {row.problems.map((p, j) => (
                      <li key={j}>{p}</li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reply.message ? (
        <p className="form-error" role="alert">
          {reply.message}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={busy || count === 0}>
          {busy ? "Mengimpor…" : `Impor ${count.toLocaleString("id-ID")} draf`}
        </button>
      </div>
    </Form>
  );
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
      {reply.dictionaryDrafts.length > 0 ? <p>{`Draf kamus baru: ${reply.dictionaryDrafts.join(", ")}. Lengkapi level lainnya di Kamus kompetensi sebelum SKJ diajukan.`}</p> : null}
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
          <p>SKJ yang sudah ditetapkan instansi, dari buku Word (.docx), Excel (.xlsx) atau PDF berlapis teks, menjadi draf jabatan yang cocok di register. Berkas diperiksa lebih dulu; tidak ada yang disimpan sebelum “Impor”.</p>
        </div>
      </div>
      <Form method="post" encType="multipart/form-data" className="card stacked" key={reply?.kind === "analysis" ? reply.id : "upload"}>
        <div className="field">
          <label htmlFor="files">Berkas SKJ (boleh beberapa)</label>
          <input id="files" name="files" type="file" multiple accept=".docx,.xlsx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={busy}>
            Periksa berkas
          </button>
          {busy ? <span className="muted">Memproses… buku yang tebal dapat memakan waktu hingga satu menit.</span> : null}
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
