import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ImportUploadForm } from "~/components/import-upload-form";
import type { ImportReply } from "~/domain/import-reply";
import { JF_STANDARD_SHEET_NAME } from "~/domain/jf-standard-import";
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

type JfStandardReply = ImportReply<{ counts: ChangeCounts; changes: JfStandardChange[] }>;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "jf-standard:write");
  const upload = await readImportUpload(request, "Pilih minimal satu berkas JSON atau XLSX.");
  if ("refused" in upload) return upload.refused;
  const { files, dryRun } = upload;
  const sources = await readJfStandardFiles(files);
  if ("error" in sources) return data<JfStandardReply>({ kind: "message", message: sources.error }, { status: 422 });
  const result = importJfStandards(getDb(), sources, user.id, { dryRun });
  if (!result.ok) return data<JfStandardReply>({ kind: "errors", errors: result.errors }, { status: 422 });
  return data<JfStandardReply>({
    kind: dryRun ? "preview" : "done",
    counts: result.counts,
    changes: result.changes,
    files: files.map((f) => f.name),
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
        </div>
      </div>
      <ImportUploadForm
        reply={reply}
        fileLabel="Berkas standar (JSON atau XLSX, boleh beberapa)"
        accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        headline={(result) => formatChangeCounts(result.counts)}
        renderResult={(result, pending) => <Changes changes={result.changes} pending={pending} />}
        changesAnything={(result) => result.counts.create + result.counts.update > 0}
        doneLinks={<Link to="/kamus/standar-jf">Lihat standar nasional JF</Link>}
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
