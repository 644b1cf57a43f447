import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ImportUploadForm } from "~/components/import-upload-form";
import type { ImportReply } from "~/domain/import-reply";
import { JF_TEXT_MAX } from "~/domain/jf-standard";
import { JF_STANDARD_SHEET_NAME, type SkippedSkj } from "~/domain/jf-standard-import";
import { formatChangeCounts, type ChangeCounts } from "~/domain/sotk-import";
import { readJfStandardFiles } from "~/services/jf-standard-files.server";
import { readImportUpload } from "~/services/uploads.server";
import { getDb } from "~db/client.server";
import { importJfStandards, type JfStandardChange } from "~db/queries/jf-standards.server";

export const meta: MetaFunction = () => [{ title: "Impor standar nasional JF — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "jf-standard:write");
  return null;
}

type JfStandardReply = ImportReply<{ counts: ChangeCounts; changes: JfStandardChange[]; skipped: SkippedSkj[] }>;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "jf-standard:write");
  const upload = await readImportUpload(request, "Pilih minimal satu berkas JSON, XLSX, atau buku SKJ lama.");
  if ("refused" in upload) return upload.refused;
  const { form, files, dryRun } = upload;
  const sources = await readJfStandardFiles(getDb(), files, {
    legalBasis: form.get("dasar_hukum") ?? "",
    instansiPembina: form.get("instansi_pembina") ?? "",
  });
  if ("error" in sources) return data<JfStandardReply>({ kind: "message", message: sources.error }, { status: 422 });
  const result = importJfStandards(getDb(), sources, user.id, { dryRun });
  if (!result.ok) return data<JfStandardReply>({ kind: "errors", errors: result.errors }, { status: 422 });
  return data<JfStandardReply>({
    kind: dryRun ? "preview" : "done",
    counts: result.counts,
    changes: result.changes,
    files: files.map((f) => f.name),
    skipped: sources.flatMap((s) => (s.format === "book" ? s.skipped : [])),
  });
}

const ACTION_LABELS: Record<JfStandardChange["action"], [pending: string, done: string]> = {
  create: ["akan ditambahkan", "ditambahkan"],
  update: ["akan diubah", "diubah"],
  unchanged: ["tetap", "tetap"],
};

function Changes({ changes, pending }: { changes: JfStandardChange[]; pending: boolean }) {
  return (
    <table className="data" aria-label="Standar dalam berkas">
      <thead>
        <tr>
          <th scope="col">Standar</th>
          <th scope="col">Hasil</th>
          <th scope="col">Perubahan (lama → baru)</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.title}>
            <td>{c.title}</td>
            <td>{ACTION_LABELS[c.action][pending ? 0 : 1]}</td>
            <td>
              {c.fields.length === 0 ? (
                <span className="muted">—</span>
              ) : (
                <ul>
                  {c.fields.map((f) => (
                    <li key={f.field}>
                      {f.field}: <span className="diff-removed">{f.before || "(kosong)"}</span> →{" "}
                      <span className="diff-added">{f.after}</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Skipped({ skipped }: { skipped: SkippedSkj[] }) {
  if (skipped.length === 0) return null;
  return (
    <details>
      <summary>{`${skipped.length} SKJ di buku dilewati (bukan standar jabatan fungsional)`}</summary>
      <ul>
        {skipped.map((s, i) => (
          <li key={i}>{`${s.name || "Tanpa nama"} (${s.where}): ${s.reason}`}</li>
        ))}
      </ul>
    </details>
  );
}

export default function ImportJfStandardsPage() {
  const reply = useActionData<typeof action>() as JfStandardReply | undefined;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/kamus/standar-jf">← Standar nasional JF</Link>
          </p>
          <h1>Impor standar nasional JF</h1>
          <p>
            Berkas JSON (array standar) atau XLSX dengan lembar “{JF_STANDARD_SHEET_NAME}”, satu baris per JF dan jenjang: kolom JF,
            Jenjang, Instansi Pembina, Dasar Hukum, M.01–M.08, SK.01, Kompetensi Teknis (satu “kode: level” per baris dalam sel),
            Terverifikasi, Contoh. Kompetensi teknis harus sudah terbit di kamus. Standar yang sudah ada diganti isinya; untuk mengubah,
            ekspor JSON di halaman daftar, ubah, lalu impor kembali. Satu baris salah berarti tidak ada yang disimpan.
          </p>
          <p>
            Buku SKJ lama (Word, PDF, atau Excel tanpa lembar “{JF_STANDARD_SHEET_NAME}”) juga dapat dipakai: setiap SKJ jabatan fungsional
            bernama “&lt;JF&gt; &lt;jenjang&gt;” menjadi standar dengan level manajerial, sosial kultural, dan kompetensi teknisnya (tanpa
            T.OTDA), ditandai belum diverifikasi. Isi dasar hukum dan instansi pembinanya di bawah.
          </p>
        </div>
      </div>
      <ImportUploadForm
        reply={reply}
        fileLabel="Berkas standar (JSON, XLSX, atau buku SKJ lama; boleh beberapa)"
        accept=".json,.xlsx,.docx,.pdf,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf"
        headline={(result) => formatChangeCounts(result.counts)}
        renderResult={(result, pending) => (
          <>
            <Changes changes={result.changes} pending={pending} />
            <Skipped skipped={result.skipped} />
          </>
        )}
        changesAnything={(result) => result.counts.create + result.counts.update > 0}
        doneLinks={<Link to="/kamus/standar-jf">Lihat standar nasional JF</Link>}
      >
        <fieldset className="level-box">
          <legend>Untuk buku SKJ lama (wajib bila mengunggah buku)</legend>
          <div className="field">
            <label htmlFor="dasar_hukum">Dasar hukum standar</label>
            <input id="dasar_hukum" name="dasar_hukum" type="text" maxLength={JF_TEXT_MAX} />
          </div>
          <div className="field">
            <label htmlFor="instansi_pembina">Instansi pembina</label>
            <input id="instansi_pembina" name="instansi_pembina" type="text" maxLength={JF_TEXT_MAX} />
          </div>
        </fieldset>
      </ImportUploadForm>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
