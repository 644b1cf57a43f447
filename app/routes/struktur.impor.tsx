import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ImportUploadForm } from "~/components/import-upload-form";
import type { ImportReply } from "~/domain/import-reply";
import { changePreview, type ChangePreview, type RowChange } from "~/domain/sotk-changes";
import type { SotkImportCounts } from "~/domain/sotk-import";
import { readImportUpload } from "~/services/uploads.server";
import { getDb } from "~db/client.server";
import { importSotkFiles } from "~/services/sotk-import.server";

export const meta: MetaFunction = () => [{ title: "Impor SOTK — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "register:write");
  return null;
}

type SotkReply = ImportReply<{ counts: SotkImportCounts; changes: ChangePreview }>;

// a page of 20,000 new positions helps nobody; the counts above the lists still say how many there are
const PREVIEW_LIMIT = 200;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "register:write");
  const upload = await readImportUpload(request, "Pilih minimal satu berkas CSV atau XLSX.");
  if ("refused" in upload) return upload.refused;
  const { files, dryRun } = upload;
  const result = await importSotkFiles(getDb(), files, user.id, { dryRun });
  if (!result.ok) return data<SotkReply>({ kind: "errors", errors: result.errors }, { status: 422 });
  return data<SotkReply>({
    kind: dryRun ? "preview" : "done",
    counts: result.counts,
    changes: changePreview(result.changes, PREVIEW_LIMIT),
    files: files.map((f) => f.name),
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
  const reply = useActionData<typeof action>() as SotkReply | undefined;
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
      <ImportUploadForm
        reply={reply}
        fileLabel="Berkas SOTK (CSV atau XLSX, boleh beberapa)"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        renderResult={(result, pending) => (
          <>
            <CountsTable counts={result.counts} />
            <ChangeLists changes={result.changes} pending={pending} />
          </>
        )}
        changesAnything={(result) => result.changes.updated.length + result.changes.created.length > 0}
        doneLinks={
          <>
            <Link to="/jabatan">Lihat register jabatan</Link> · <Link to="/struktur">Lihat struktur organisasi</Link>
          </>
        }
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
