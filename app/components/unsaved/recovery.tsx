import { useRouteLoaderData } from "@remix-run/react";
import { formatTanggalWaktu } from "~/domain/format-date";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { localDraft, recoveryOf, type LocalDraft, type StoredDraft } from "./local-draft";

export interface RecoveryStart<T> {
  /** The copy the user chose to restore (with the server state it was typed on), else null. */
  restored: StoredDraft<T> | null;
  /** Where the form keeps its unsaved input until the server acknowledges it. */
  backup: LocalDraft<T>;
}

interface Props<T> {
  /** One form instance, e.g. `skj:12` or `kamus:ubah:T.ANJAB`; the signed-in user is added. */
  storageKey: string;
  /** The data the server holds now, as the form's backup value. */
  server: T;
  /** The server state the form opens on; a copy typed on another one says so. */
  base: string;
  /** Read-only view: nothing to offer back. */
  disabled?: boolean;
  children: (start: RecoveryStart<T>) => ReactNode;
}

/**
 * Offers back input that never reached the server (a closed tab, a crash, a lost connection): "Pulihkan"
 * reopens the form with it, "Buang" drops it. The form stays closed to typing until the user chooses, so
 * new typing cannot overwrite the copy being offered.
 */
export function Recoverable<T>({ storageKey, server, base, disabled = false, children }: Props<T>) {
  const user = (useRouteLoaderData("root") as { user?: { email: string } | null } | undefined)?.user;
  const backup = useMemo(() => localDraft<T>(`${user?.email ?? "anonim"}:${storageKey}`), [user?.email, storageKey]);
  const [offer, setOffer] = useState<StoredDraft<T> | null>(null);
  const [restored, setRestored] = useState<StoredDraft<T> | null>(null);
  useEffect(() => {
    if (disabled) return;
    const recovery = recoveryOf(backup.read(), server);
    if (recovery.kind === "drop") backup.clear();
    if (recovery.kind === "offer") setOffer(recovery.draft);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- decided once, when the form opens
  }, [backup]);
  return (
    <>
      {offer ? (
        <section className="warning recovery" aria-label="Perubahan yang belum tersimpan">
          <p style={{ margin: 0 }}>
            Ada perubahan yang belum tersimpan dari {formatTanggalWaktu(offer.savedAt)}.
            {offer.base !== base ? " Sejak itu data di server sudah berubah; periksa hasilnya sebelum menyimpan." : ""} Pulihkan untuk
            melanjutkan dari sana, atau buang.
          </p>
          <div className="actions" style={{ marginTop: "0.5rem" }}>
            <button
              type="button"
              className="button"
              onClick={() => {
                setRestored(offer);
                setOffer(null);
              }}
            >
              Pulihkan
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                backup.clear();
                setOffer(null);
              }}
            >
              Buang
            </button>
          </div>
        </section>
      ) : null}
      <fieldset className="recoverable" disabled={offer !== null} key={restored ? "restored" : "server"}>
        {children({ restored, backup })}
      </fieldset>
    </>
  );
}
