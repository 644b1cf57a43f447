// Dates as Indonesian acts write them. Spelled out here so the printed date never depends on the runtime's ICU data.

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** "2026-03-02" (or a Date, read in UTC) → "2 Maret 2026"; text that is not a date comes back unchanged. */
export function formatTanggal(date: string | Date): string {
  const iso = typeof date === "string" ? date : Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  const day = m ? Number(m[3]) : 0;
  return m && month && day >= 1 && day <= 31 ? `${day} ${month} ${m[1]}` : typeof date === "string" ? date : "";
}
