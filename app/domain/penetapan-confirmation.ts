// "Tetapkan" creates permanent numbered versions, so the publisher confirms what they saw: the form carries
// the position codes the confirmation dialog listed, and the act is published only if it still holds exactly
// those SKJ. A bare POST without the field publishes nothing.

export const CONFIRMATION_FIELD = "confirmedPositions";

export const CONFIRMATION_MISSING =
  'Penetapan belum dikonfirmasi, sehingga tidak ada SKJ yang ditetapkan. Tekan "Tetapkan", periksa daftar SKJ pada dialog konfirmasi, lalu pilih "Ya, tetapkan".';

/** The codes of the confirmation field (space-separated, as position codes hold no spaces); null when absent or empty. */
export function parseConfirmation(value: unknown): string[] | null {
  if (typeof value !== "string") return null;
  const codes = value.split(/\s+/).filter(Boolean);
  return codes.length ? codes : null;
}

export const confirmationValue = (codes: readonly string[]) => codes.join(" ");

/** Why the confirmed list no longer matches the act's SKJ, or null when it does. */
export function confirmationMismatch(confirmed: readonly string[], actual: readonly string[]): string | null {
  const added = actual.filter((c) => !confirmed.includes(c));
  const removed = confirmed.filter((c) => !actual.includes(c));
  if (added.length === 0 && removed.length === 0) return null;
  const changes = [added.length ? `ditambahkan ${added.join(", ")}` : "", removed.length ? `dikeluarkan ${removed.join(", ")}` : ""]
    .filter(Boolean)
    .join("; ");
  return `Daftar SKJ penetapan ini berubah setelah Anda mengonfirmasi (${changes}), sehingga tidak ada SKJ yang ditetapkan. Periksa daftarnya lalu tetapkan lagi.`;
}
