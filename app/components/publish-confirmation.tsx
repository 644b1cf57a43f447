import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { CONFIRMATION_FIELD, confirmationValue } from "~/domain/penetapan-confirmation";

interface Item {
  positionCode: string;
  positionName: string;
}

/**
 * "Tetapkan N SKJ" opens a modal dialog that names the act and its SKJ; only its confirm button publishes.
 * The modal keeps focus inside it and Escape cancels; focus starts on "Batal", the choice that changes nothing.
 */
export function PublishConfirmation({
  actLabel,
  items,
  disabled,
  error,
}: {
  actLabel: string;
  items: Item[];
  disabled: boolean;
  error?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const busy = useNavigation().state === "submitting";
  // a refusal is shown on the page (role="alert"), which the open modal would hide
  useEffect(() => {
    if (error) dialog.current?.close();
  }, [error]);
  const open = () => {
    dialog.current?.showModal();
    cancel.current?.focus();
  };
  return (
    <>
      <button type="button" ref={opener} className="button" disabled={disabled || busy} onClick={open}>
        Tetapkan {items.length} SKJ
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="konfirmasi-judul"
        aria-describedby="konfirmasi-akibat"
        onClose={() => opener.current?.focus()}
      >
        <h2 id="konfirmasi-judul">Tetapkan {items.length} SKJ?</h2>
        <p>
          Anda akan menetapkan SKJ berikut dengan <strong>{actLabel}</strong>:
        </p>
        <ul aria-label="SKJ yang akan ditetapkan">
          {items.map((i) => (
            <li key={i.positionCode}>
              {i.positionName} <span className="unit-code">{i.positionCode}</span>
            </li>
          ))}
        </ul>
        <p id="konfirmasi-akibat" className="warning">
          Setelah ditetapkan, versi SKJ ini tidak dapat diubah atau dihapus. Perubahan hanya dapat dilakukan melalui versi baru dengan
          penetapan lain.
        </p>
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name={CONFIRMATION_FIELD} value={confirmationValue(items.map((i) => i.positionCode))} />
          <button type="button" ref={cancel} className="button button-secondary" onClick={() => dialog.current?.close()}>
            Batal
          </button>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Menetapkan…" : "Ya, tetapkan"}
          </button>
        </Form>
      </dialog>
    </>
  );
}
