// The words people write in SOTK and dictionary files (contract §7.4), mapped to the codes of §3. Headers
// and values are compared by their letters and digits only, so "Kode Jabatan", "KODE_JABATAN" and
// "kode-jabatan" are one column and "III/a", "IIIa" and "III A" one echelon.
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS, UNIT_KIND_LABELS } from "./labels";
import {
  ECHELONS,
  FUNCTIONAL_LEVELS,
  POSITION_GROUPS,
  UNIT_KINDS,
  type Echelon,
  type FunctionalLevel,
  type PositionGroup,
  type UnitKind,
} from "./sotk";

/** A header cell reduced to what identifies it: lower-case letters and digits. */
export function headerKey(cell: string): string {
  return cell
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** A value cell reduced to lower-case words separated by one space. */
export function wordKey(cell: string): string {
  return cell
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Builds a lookup of column names by every name a header may carry (the name itself, its label, aliases). */
export function headerLookup(columns: readonly { name: string; label: string; aliases?: readonly string[] }[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of columns) for (const written of [c.name, c.label, ...(c.aliases ?? [])]) map.set(headerKey(written), c.name);
  return map;
}

function wordTable<T extends string>(codes: readonly T[], labels: Record<string, string>, extra: Record<string, T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(wordKey(code), code);
    map.set(wordKey(labels[code] ?? code), code);
  }
  for (const [word, code] of Object.entries(extra)) map.set(wordKey(word), code);
  return map;
}

const GROUP_WORDS = wordTable<PositionGroup>(POSITION_GROUPS, GROUP_LABELS, {
  "JPT Utama": "jpt_utama",
  "JPT Madya": "jpt_madya",
  "JPT Pratama": "jpt_pratama",
  "Pimpinan Tinggi Utama": "jpt_utama",
  "Pimpinan Tinggi Madya": "jpt_madya",
  "Pimpinan Tinggi Pratama": "jpt_pratama",
  Administrator: "administrator",
  Pengawas: "pengawas",
  Pelaksana: "pelaksana",
  Fungsional: "fungsional",
  JF: "fungsional",
});

const LEVEL_WORDS = wordTable<FunctionalLevel>(FUNCTIONAL_LEVELS, FUNCTIONAL_LEVEL_LABELS, {});

/** "Jabatan Fungsional", "JPT Pratama", "jpt_pratama" → the group code; null when the word is unknown. */
export function positionGroupOf(cell: string): PositionGroup | null {
  return GROUP_WORDS.get(wordKey(cell)) ?? null;
}

/** "Ahli Muda", "ahli_muda", "AHLI MUDA" → the level code; null when unknown. */
export function functionalLevelOf(cell: string): FunctionalLevel | null {
  return LEVEL_WORDS.get(wordKey(cell)) ?? null;
}

const ECHELON_PATTERN = /^(?:eselon\s*)?(iv|iii|ii|i)\s*[./\-\s]?\s*([ab])$/i;

/** "III.a", "III/a", "IIIa", "III A", "Eselon III.a" → "III.a"; null when it is no echelon. */
export function echelonOf(cell: string): Echelon | null {
  const m = ECHELON_PATTERN.exec(cell.normalize("NFKC").trim());
  if (!m) return null;
  const echelon = `${m[1]!.toUpperCase()}.${m[2]!.toLowerCase()}`;
  return (ECHELONS as readonly string[]).includes(echelon) ? (echelon as Echelon) : null;
}

/**
 * The unit kinds SOTK regulations write (contract §7.4), each mapped to the structural kind the register
 * keeps; the word itself is kept for display. Abbreviations are the ones regulations use themselves.
 */
export const UNIT_KIND_WORDS: Readonly<Record<string, UnitKind>> = {
  "Sekretariat Daerah": "perangkat_daerah",
  Setda: "perangkat_daerah",
  "Sekretariat DPRD": "perangkat_daerah",
  "Sekretariat Dewan Perwakilan Rakyat Daerah": "perangkat_daerah",
  Setwan: "perangkat_daerah",
  Dinas: "perangkat_daerah",
  Badan: "perangkat_daerah",
  Inspektorat: "perangkat_daerah",
  "Inspektorat Daerah": "perangkat_daerah",
  "Satuan Polisi Pamong Praja": "perangkat_daerah",
  "Satpol PP": "perangkat_daerah",
  Kantor: "perangkat_daerah",
  "Rumah Sakit Umum Daerah": "perangkat_daerah",
  "Rumah Sakit Daerah": "perangkat_daerah",
  RSUD: "perangkat_daerah",
  Sekretariat: "sekretariat",
  Kecamatan: "kecamatan",
  Kelurahan: "kelurahan",
  Biro: "biro",
  Bagian: "bagian",
  Subbagian: "subbagian",
  "Sub Bagian": "subbagian",
  Subbag: "subbagian",
  Bidang: "bidang",
  Subbidang: "subbidang",
  "Sub Bidang": "subbidang",
  Subbid: "subbidang",
  Seksi: "seksi",
  UPT: "upt",
  "Unit Pelaksana Teknis": "upt",
  UPTD: "uptd",
  "Unit Pelaksana Teknis Daerah": "uptd",
  "Cabang Dinas": "cabang_dinas",
  "Inspektur Pembantu": "inspektorat_wilayah",
  "Inspektorat Pembantu": "inspektorat_wilayah",
  "Staf Ahli": "lainnya",
};

const KIND_WORDS = wordTable<UnitKind>(UNIT_KINDS, UNIT_KIND_LABELS, UNIT_KIND_WORDS);

export type UnitKindReading = { kind: UnitKind; label: string | null };

/**
 * "Badan", "BADAN", "sub bagian", "perangkat_daerah" → the structural kind, and the word to display when it
 * says more than the kind's own label (null for a code or that label, so an export re-imports unchanged).
 */
export function unitKindOf(cell: string): UnitKindReading | null {
  const key = wordKey(cell);
  const kind = KIND_WORDS.get(key);
  if (!kind) return null;
  const plain = key === wordKey(kind) || key === wordKey(UNIT_KIND_LABELS[kind] ?? kind);
  return { kind, label: plain ? null : cell.replace(/\s+/g, " ").trim() };
}

/** What a unit's kind shows: the word the file wrote, else the kind's label. */
export function unitKindText(kind: string, label: string | null | undefined): string {
  return label || UNIT_KIND_LABELS[kind] || kind;
}

/** The kinds the regulation names (contract §7.4), as offered in messages and the template. */
export const UNIT_KIND_CHOICES = [
  "Sekretariat Daerah",
  "Sekretariat DPRD",
  "Dinas",
  "Badan",
  "Inspektorat",
  "Satuan Polisi Pamong Praja",
  "Kantor",
  "Rumah Sakit Umum Daerah",
  "Kecamatan",
  "Kelurahan",
  "Biro",
  "Sekretariat",
  "Bagian",
  "Subbagian",
  "Bidang",
  "Subbidang",
  "Seksi",
  "UPTD",
  "UPT",
  "Cabang Dinas",
  "Staf Ahli",
] as const;
export const POSITION_GROUP_CHOICES = POSITION_GROUPS.map((g) => GROUP_LABELS[g]!);
export const FUNCTIONAL_LEVEL_CHOICES = FUNCTIONAL_LEVELS.map((l) => FUNCTIONAL_LEVEL_LABELS[l]!);
