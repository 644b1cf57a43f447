// The API tokens listed with their state, shared by an admin's list of everyone's tokens and a user's own.
// Revoking asks first (a GET that is no change), and only the confirmation posts: a revoked token is gone for good.
import { ConfirmInRow } from "~/components/confirm-in-row";
import { formatTanggalWaktu } from "~/domain/format-date";

interface TokenRow {
  id: number;
  name: string;
  scopes: unknown;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  userName: string;
  userEmail: string;
  userActive: boolean;
}

interface Props {
  tokens: readonly TokenRow[];
  label: string;
  /** The admin's list names each token's user; a user's own list does not. */
  showOwner: boolean;
  /** The token whose revocation is being confirmed (revokeAsked). */
  confirmRevoke: number | null;
  /** This page without the question, for "Batal". */
  pagePath: string;
}

const when = (iso: string | null) => (iso ? formatTanggalWaktu(iso) : null);

export function ApiTokenTable({ tokens, label, showOwner, confirmRevoke, pagePath }: Props) {
  return (
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Nama</th>
          {showOwner ? <th scope="col">Pengguna</th> : null}
          <th scope="col">Cakupan</th>
          <th scope="col">Dibuat</th>
          <th scope="col">Terakhir dipakai</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Tindakan</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id}>
            <td>{t.name}</td>
            {showOwner ? (
              <td>
                {t.userName}
                <div className="muted">{t.userEmail}</div>
              </td>
            ) : null}
            <td>{Array.isArray(t.scopes) ? t.scopes.join(", ") : "—"}</td>
            <td>{when(t.createdAt)}</td>
            <td>{when(t.lastUsedAt) ?? <span className="muted">Belum pernah</span>}</td>
            <td>
              {t.revokedAt ? (
                <span className="tag tag-off">Dicabut {when(t.revokedAt)}</span>
              ) : t.userActive ? (
                <span className="tag tag-ok">Aktif</span>
              ) : (
                <span className="tag tag-warn">Pengguna nonaktif</span>
              )}
            </td>
            <td>
              {t.revokedAt ? null : (
                <ConfirmInRow
                  asking={confirmRevoke === t.id}
                  id={t.id}
                  intent="revoke"
                  askParam="cabut"
                  askLabel="Cabut"
                  askAriaLabel={`Cabut token ${t.name}`}
                  question="Cabut token ini untuk selamanya?"
                  confirmLabel="Ya, cabut token"
                  cancelTo={pagePath}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
