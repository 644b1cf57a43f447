// Every date and time the UI shows: "7 Desember 2026", "08.27 WIB". Spelled out here rather than with
// Intl so the server and the browser render the same text (no hydration mismatch) whatever ICU data or
// time zone either has. WIB is UTC+7 all year (Indonesia has no daylight saving time).
const WIB_OFFSET_MS = 7 * 3600_000;

const MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface WibParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** A timestamp (ISO string, epoch ms or Date) on the WIB clock; a bare "YYYY-MM-DD" is a calendar day and is not shifted. */
function wibParts(value: string | number | Date): WibParts | null {
  if (typeof value === "string") {
    const day = CALENDAR_DATE.exec(value);
    if (day) return { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]), hour: 0, minute: 0 };
  }
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return null;
  const wib = new Date(ms + WIB_OFFSET_MS);
  return {
    year: wib.getUTCFullYear(),
    month: wib.getUTCMonth() + 1,
    day: wib.getUTCDate(),
    hour: wib.getUTCHours(),
    minute: wib.getUTCMinutes(),
  };
}

const two = (n: number) => String(n).padStart(2, "0");

/** "7 Desember 2026". */
export function formatTanggal(value: string | number | Date): string {
  const p = wibParts(value);
  return p ? `${p.day} ${MONTHS[p.month - 1]} ${p.year}` : "—";
}

/** "08.27 WIB" (Indonesian writes the time with a period). */
export function formatWaktu(value: string | number | Date): string {
  const p = wibParts(value);
  return p ? `${two(p.hour)}.${two(p.minute)} WIB` : "—";
}

/** "7 Desember 2026 pukul 08.27 WIB". */
export function formatTanggalWaktu(value: string | number | Date): string {
  const p = wibParts(value);
  return p ? `${formatTanggal(value)} pukul ${formatWaktu(value)}` : "—";
}

/** "2026-12-07": today's calendar day in WIB, for file names and date inputs. */
export function isoTanggalWib(value: string | number | Date = Date.now()): string {
  const p = wibParts(value);
  return p ? `${p.year}-${two(p.month)}-${two(p.day)}` : "";
}
