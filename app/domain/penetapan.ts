// A penetapan is the regional head's legal act that establishes approved SKJ. Its identity (kind, number,
// year, title) is what a published SKJ cites as `legalBasis`. Pure: shared by the form, the actions and the API.
import { z } from "zod";
import { LEGAL_BASIS_NUMBER_MAX, LEGAL_BASIS_YEARS } from "./sotk";

export const PENETAPAN_KINDS = [
  "Peraturan Gubernur",
  "Peraturan Bupati",
  "Peraturan Wali Kota",
  "Keputusan Gubernur",
  "Keputusan Bupati",
  "Keputusan Wali Kota",
  "Peraturan Menteri",
  "Peraturan Kepala",
  "Keputusan Menteri",
  "Keputusan Kepala",
] as const;
export type PenetapanKind = (typeof PENETAPAN_KINDS)[number];

export const PENETAPAN_TITLE_MAX = 500;
export const PENETAPAN_SIGNER_MAX = 200;

/** The part of a penetapan a published SKJ carries as `legalBasis`. */
export interface LegalBasis {
  kind: PenetapanKind;
  number: string;
  year: number;
  title: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (so 2026-02-30 is refused, not rolled over to March). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// Forms send "" for an empty field; the API may send null or leave the key out. All three mean "not set".
const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

const requiredText = (label: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input == null ? `${label} wajib diisi.` : `${label} harus berupa teks.`) })
    .trim()
    .min(1, `${label} wajib diisi.`)
    .max(max, `${label} maksimal ${max} karakter.`);

const optionalText = (label: string, max: number) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: `${label} harus berupa teks.` })
      .trim()
      .max(max, `${label} maksimal ${max} karakter.`)
      .nullable(),
  );

const optionalDate = (label: string) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: `${label} harus berupa tanggal (TTTT-BB-HH).` })
      .refine(isCalendarDate, `${label} harus berupa tanggal yang benar dengan format TTTT-BB-HH, misalnya 2026-03-31.`)
      .nullable(),
  );

export const PenetapanSchema = z.object({
  kind: z.enum(PENETAPAN_KINDS, {
    error: (iss) =>
      iss.input == null || iss.input === ""
        ? "Pilih jenis penetapan."
        : `Jenis penetapan harus salah satu dari: ${PENETAPAN_KINDS.join(", ")}.`,
  }),
  number: requiredText("Nomor", LEGAL_BASIS_NUMBER_MAX),
  // a form sends the year as text
  year: z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z
      .number({ error: (iss) => (iss.input == null || iss.input === "" ? "Tahun wajib diisi." : "Tahun harus berupa angka.") })
      .int("Tahun harus bilangan bulat.")
      .min(LEGAL_BASIS_YEARS.min, `Tahun harus antara ${LEGAL_BASIS_YEARS.min} dan ${LEGAL_BASIS_YEARS.max}.`)
      .max(LEGAL_BASIS_YEARS.max, `Tahun harus antara ${LEGAL_BASIS_YEARS.min} dan ${LEGAL_BASIS_YEARS.max}.`),
  ),
  title: requiredText("Judul (tentang)", PENETAPAN_TITLE_MAX),
  signedDate: optionalDate("Tanggal ditetapkan"),
  effectiveDate: optionalDate("Tanggal berlaku"),
  signerTitle: optionalText("Jabatan penanda tangan", PENETAPAN_SIGNER_MAX),
  signerName: optionalText("Nama penanda tangan", PENETAPAN_SIGNER_MAX),
});
export type PenetapanInput = z.output<typeof PenetapanSchema>;
/** What a form or an API body may send: dates and signer may be blank or absent, the year may be text. */
export interface PenetapanFields {
  kind: string;
  number: string;
  year: number | string;
  title: string;
  signedDate?: string | null;
  effectiveDate?: string | null;
  signerTitle?: string | null;
  signerName?: string | null;
}

/** "Peraturan Gubernur Nomor 12 Tahun 2026 tentang Standar Kompetensi Jabatan", as the act is cited. */
export function legalBasisLabel(basis: { kind: string; number: string; year: number; title?: string | null }): string {
  const head = `${basis.kind} Nomor ${basis.number} Tahun ${basis.year}`;
  return basis.title ? `${head} tentang ${basis.title}` : head;
}

// the abbreviations used in everyday citations
const KIND_ALIASES: Record<string, PenetapanKind> = {
  pergub: "Peraturan Gubernur",
  perbup: "Peraturan Bupati",
  perwali: "Peraturan Wali Kota",
  perwalkot: "Peraturan Wali Kota",
  kepgub: "Keputusan Gubernur",
  kepbup: "Keputusan Bupati",
  kepwali: "Keputusan Wali Kota",
  kepwalkot: "Keputusan Wali Kota",
};

const CITATION = /^\s*(.+?)\s+Nomor\s+(\S+)\s+Tahun\s+(\d{4})(?:\s+tentang\s+(.+?))?\s*$/i;

/**
 * Reads a citation such as "Peraturan Gubernur Nomor 12 Tahun 2026 tentang …" into its parts; null when
 * it does not have that shape or names a kind we do not know, so the caller can ask for a proper citation.
 */
export function parseLegalBasis(text: string): { kind: PenetapanKind; number: string; year: number; title: string | null } | null {
  const m = CITATION.exec(text);
  if (!m) return null;
  // "Walikota", "Wali kota" and lower case are all written in practice; they name the same kinds
  const squash = (s: string) => s.replace(/\s+/g, "").toLowerCase();
  const kind = PENETAPAN_KINDS.find((k) => squash(k) === squash(m[1]!)) ?? KIND_ALIASES[squash(m[1]!)];
  if (!kind) return null;
  return { kind, number: m[2]!.replace(/,$/, ""), year: Number(m[3]), title: m[4]?.trim() || null };
}
