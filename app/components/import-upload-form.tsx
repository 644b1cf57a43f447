// The page body every file import shares: pick files, "Periksa berkas" for a preview that stores nothing,
// "Impor sekarang" once the preview is valid; then the refusal, the bad rows, the preview or the result.
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ImportReply } from "~/domain/import-reply";
import { ImportErrors } from "./import-errors";

interface Props<Result> {
  reply: ImportReply<Result> | undefined;
  fileLabel: string;
  /** The file input's accepted extensions and media types. */
  accept: string;
  /** Fields a page adds to the form, shown between the file input and the buttons. */
  children?: ReactNode;
  /** Said after the heading of the preview and of the result, e.g. the counts in words. */
  headline?: (result: Result) => string;
  /** What the import will do (pending) or did: counts and rows. */
  renderResult: (result: Result, pending: boolean) => ReactNode;
  /** Whether storing the previewed files would change anything. */
  changesAnything: (result: Result) => boolean;
  /** Where to look after the import. */
  doneLinks: ReactNode;
}

export function ImportUploadForm<Result>({
  reply,
  fileLabel,
  accept,
  children,
  headline,
  renderResult,
  changesAnything,
  doneLinks,
}: Props<Result>) {
  const busy = useNavigation().state === "submitting";
  const heading = (text: string, result: Result) => (headline ? `${text} — ${headline(result)}` : text);
  return (
    <>
      <Form method="post" encType="multipart/form-data" className="card stacked">
        <div className="field">
          <label htmlFor="files">{fileLabel}</label>
          <input id="files" name="files" type="file" multiple accept={accept} />
        </div>
        {children}
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
            {heading(`Pratinjau: berkas valid (${reply.files.join(", ")})`, reply)}
          </h2>
          {renderResult(reply, true)}
          <p>{changesAnything(reply) ? "Tekan “Impor sekarang” untuk menyimpan." : "Tidak ada yang berubah."}</p>
        </section>
      ) : null}
      {reply?.kind === "done" ? (
        <section className="notice" role="status" aria-labelledby="import-done">
          <h2 id="import-done" style={{ marginTop: 0 }}>
            {heading("Impor selesai", reply)}
          </h2>
          {renderResult(reply, false)}
          <p>{doneLinks}</p>
        </section>
      ) : null}
    </>
  );
}
