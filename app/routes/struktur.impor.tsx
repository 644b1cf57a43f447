import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ImportErrors } from "~/components/import-errors";
import { changePreview, type ChangePreview, type RowChange } from "~/domain/sotk-changes";
import type { ImportError, SotkImportCounts } from "~/domain/sotk-import";
import { readUploadedFiles, uploadRefusal } from "~/services/uploads.server";
import { getDb } from "~db/client.server";
import { importSotkFiles } from "~/services/sotk-import.server";

export const meta: MetaFunction = () => [{ title: "Impor SOTK — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "register:write");
  return null;
}

type ImportReply =
  | { kind: "message"; message: string }
  | { kind: "errors"; errors: ImportError[]; files: string[] }
  | { kind: "preview" | "done"; counts: SotkImportCounts; changes: ChangePreview; files: string[] };

// a page of 20,000 new positions helps nobody; the counts above the lists still say how many there are
const PREVIEW_LIMIT = 200;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "register:write");
  let upload: Awaited<ReturnType<typeof readUploadedFiles>>;
  try {
    upload = await readUploadedFiles(request, "files");
  } catch (error) {
    const refusal = uploadRefusal(error);
    if (!refusal) throw error;
    return data<ImportReply>({ kind: "message", message: refusal.message }, { status: refusal.status });
  }
  const { form, files } = upload;
  if (files.length === 0)
    return data<ImportReply>({ kind: "message", message: "Pilih minimal satu berkas CSV atau XLSX." }, { status: 400 });
  const names = files.map((f) => f.name);
  const dryRun = form.get("intent") !== "apply";
  const result = await importSotkFiles(getDb(), files, user.id, { dryRun });
  if (!result.ok) return data<ImportReply>({ kind: "errors", errors: result.errors, files: names }, { status: 422 });
  return data<ImportReply>({
    kind: dryRun ? "preview" : "done",
    counts: result.counts,
    changes: changePreview(result.changes, PREVIEW_LIMIT),
    files: names,
  });
}

function CountsTable({ counts }: { counts: SotkImportCounts }) {
  return (
    <table className="data" aria-label="Ringkasan impor" style={{ maxWidth: 560 }}>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Data</span>
          </th>
          <th scope="col">Baru</th>
          <th scope="col">Diubah</th>
          <th scope="col">Tetap</th>
        </tr>
      </thead>
      <tbody>
        {(
          [
            ["Unit", counts.units],
            ["Jabatan", counts.positions],
          ] as const
        ).map(([label, c]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{c.create}</td>
            <td>{c.update}</td>
            <td>{c.unchanged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SHEET_LABELS: Record<RowChange["sheet"], string> = { unit: "Unit", jabatan: "Jabatan" };
const valueText = (text: string) => (text === "" ? <span className="muted">(kosong)</span> : text);
const more = (n: number) => (n > 0 ? <p className="muted">… dan {n.toLocaleString("id-ID")} lainnya.</p> : null);

function ChangeLists({ changes, pending }: { changes: ChangePreview; pending: boolean }) {
  const { updated, created, moreUpdated, moreCreated } = changes;
  return (
    <>
      {updated.length > 0 ? (
        <>
          <h3>{pending ? "Akan diubah" : "Diubah"}</h3>
          <table className="data" aria-label="Perubahan per kolom">
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col">Kode</th>
                <th scope="col">Nama</th>
                <th scope="col">Kolom</th>
                <th scope="col">Lama</th>
                <th scope="col">Baru</th>
              </tr>
            </thead>
            <tbody>
              {updated.flatMap((c) =>
                c.fields.map((f, i) => (
                  <tr key={`${c.sheet}:${c.code}:${f.field}`}>
                    {i === 0 ? (
                      <>
                        <td rowSpan={c.fields.length}>{SHEET_LABELS[c.sheet]}</td>
                        <td rowSpan={c.fields.length}>
                          <code>{c.code}</code>
                        </td>
                        <td rowSpan={c.fields.length}>{c.name}</td>
                      </>
                    ) : null}
                    <td>{f.field}</td>
                    <td className="diff-removed">{valueText(f.before)}</td>
                    <td className="diff-added">{valueText(f.after)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          {more(moreUpdated)}
        </>
      ) : null}
      {created.length > 0 ? (
        <>
          <h3>{pending ? "Akan ditambahkan" : "Ditambahkan"}</h3>
          <table className="data" aria-label="Data baru">
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col">Kode</th>
                <th scope="col">Nama</th>
              </tr>
            </thead>
            <tbody>
              {created.map((c) => (
                <tr key={`${c.sheet}:${c.code}`}>
                  <td>{SHEET_LABELS[c.sheet]}</td>
                  <td>
                    <code>{c.code}</code>
                  </td>
                  <td>{c.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more(moreCreated)}
        </>
      ) : null}
    </>
  );
}

export default function ImportSotkPage() {
  const reply = useActionData<typeof action>() as ImportReply | undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/struktur">← Struktur organisasi</Link>
          </p>
          <h1>Impor SOTK</h1>
          <p>
            Unit dan jabatan dari berkas CSV atau satu buku kerja XLSX (lembar Unit dan Jabatan). Satu baris salah berarti tidak ada yang
            disimpan.
          </p>
        </div>
        <a className="button button-secondary" href="/struktur/template.xlsx" download>
          Unduh templat XLSX
        </a>
      </div>
      <Form method="post" encType="multipart/form-data" className="card stacked">
        <div className="field">
          <label htmlFor="files">Berkas SOTK (CSV atau XLSX, boleh beberapa)</label>
          <input
            id="files"
            name="files"
            type="file"
            multiple
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          />
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="preview" className="button button-secondary" disabled={busy}>
            Periksa berkas
          </button>
          {reply?.kind === "preview" ? (
            <button type="submit" name="intent" value="apply" className="button" disabled={busy}>
              Impor sekarang
            </button>
          ) : null}
          {busy ? <span className="muted">Memproses…</span> : null}
        </div>
      </Form>
      {reply?.kind === "message" ? (
        <p className="form-error" role="alert">
          {reply.message}
        </p>
      ) : null}
      {reply?.kind === "errors" ? <ImportErrors errors={reply.errors} /> : null}
      {reply?.kind === "preview" ? (
        <section className="card" aria-labelledby="import-preview">
          <h2 id="import-preview" style={{ marginTop: 0 }}>
            Pratinjau: berkas valid ({reply.files.join(", ")})
          </h2>
          <CountsTable counts={reply.counts} />
          <ChangeLists changes={reply.changes} pending />
          <p>
            {reply.changes.updated.length + reply.changes.created.length > 0
              ? "Tekan “Impor sekarang” untuk menyimpan."
              : "Tidak ada yang berubah."}
          </p>
        </section>
      ) : null}
      {reply?.kind === "done" ? (
        <section className="notice" role="status" aria-labelledby="import-done">
          <h2 id="import-done" style={{ marginTop: 0 }}>
            Impor selesai
          </h2>
          <CountsTable counts={reply.counts} />
          <ChangeLists changes={reply.changes} pending={false} />
          <p>
            <Link to="/jabatan">Lihat register jabatan</Link> · <Link to="/struktur">Lihat struktur organisasi</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
