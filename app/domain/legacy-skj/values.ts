// The values of a printed SKJ as people write them, turned into the codes of contract §3.
import type { FunctionalLevel, PositionGroup } from "../sotk";
import { GOLONGAN, type EducationLevel, type Golongan, type Importance } from "../skj-document";
import { fold, listItems, squash } from "./text";

const ROMAN_GOLONGAN = /\b(IV|III|II|I)\s*[/.-]?\s*([a-e])\b/i;

/** "Penata Tingkat I (III/d)", "III/d", "III.d", "Pembina Utama Muda, IV/c" or the pangkat name alone → "III/d". */
export function parseRank(text: string): Golongan | null {
  const m = ROMAN_GOLONGAN.exec(text);
  if (m) return `${m[1]!.toUpperCase()}/${m[2]!.toLowerCase()}` as Golongan;
  const name = fold(text);
  // longest name first: "pembina utama muda" must not be taken for "pembina"
  const byLength = [...GOLONGAN].sort((a, b) => b.pangkat.length - a.pangkat.length);
  return byLength.find((g) => name.startsWith(fold(g.pangkat)))?.code ?? null;
}

// Words people print for each level, folded; tried in this order so "D-IV" is not read as "D-I".
const EDUCATION_WORDS: [EducationLevel, RegExp][] = [
  ["S-3", /^(s ?3|s 3|doktor(al)?)$/],
  ["S-2", /^(s ?2|magister|pasca ?sarjana)$/],
  ["S-1", /^(s ?1|sarjana|strata (1|satu))$/],
  ["D-IV", /^(d ?iv|d ?4|diploma (iv|4|empat)|sarjana terapan)$/],
  ["D-III", /^(d ?iii|d ?3|diploma (iii|3|tiga))$/],
  ["D-II", /^(d ?ii|d ?2|diploma (ii|2|dua))$/],
  ["D-I", /^(d ?i|d ?1|diploma (i|1|satu))$/],
  ["SMA", /^(sma|slta|smk|smu|ma|sma ?k|sekolah menengah atas)( sederajat)?$/],
  ["SMP", /^(smp|sltp|mts|sekolah menengah pertama)( sederajat)?$/],
  ["SD", /^(sd|mi|sekolah dasar)( sederajat)?$/],
];

function educationLevelOf(word: string): EducationLevel | null {
  const w = fold(word)
    .replace(/\bsederajat\b/, "")
    .trim();
  for (const [level, re] of EDUCATION_WORDS) if (re.test(w)) return level;
  return null;
}

/**
 * The levels a "Jenjang" cell prints: "S-1/D-IV", "S1 / DIV", "SLTA/Sederajat", one per line or "atau".
 * Parts that are no level are returned so the caller can report them.
 */
export function parseEducationLevels(text: string): { levels: EducationLevel[]; unknown: string[] } {
  const levels: EducationLevel[] = [];
  const unknown: string[] = [];
  for (const item of listItems(text)) {
    for (const part of item.split(/\s*(?:\/|,|;|\batau\b|\bdan\b)\s*/i)) {
      if (part.trim() === "" || /^sederajat$/i.test(part.trim())) continue;
      const level = educationLevelOf(part);
      if (level) {
        if (!levels.includes(level)) levels.push(level);
      } else unknown.push(part.trim());
    }
  }
  return { levels, unknown };
}

/** Fields of study: one per line, or separated by commas or semicolons ("dan" stays: "Ilmu Sosial dan Politik"). */
export function parseFields(text: string): string[] {
  return listItems(text)
    .flatMap((item) => item.split(/\s*[,;]\s*/))
    .map((f) => squash(f.replace(/\.$/, "")))
    .filter((f) => f !== "" && f !== "-");
}

/**
 * An education row that prints level and fields together: "S-1/D-IV Ilmu Pemerintahan, Administrasi Negara",
 * "S1 / DIV Ilmu Hukum", "Diploma IV Akuntansi". The leading words that are levels are the levels; the rest
 * are the fields.
 */
export function parseEducationCombined(text: string): { levels: EducationLevel[]; fields: string[] } {
  const levels: EducationLevel[] = [];
  const fields: string[] = [];
  const add = <T>(list: T[], items: T[]) => items.forEach((i) => list.includes(i) || list.push(i));
  for (const item of listItems(text)) {
    const words = item.split(/\s+/);
    let taken = 0;
    while (taken < words.length) {
      const one = parseEducationLevels(words[taken]!.replace(/,$/, ""));
      const two = taken + 1 < words.length ? parseEducationLevels(`${words[taken]} ${words[taken + 1]!.replace(/,$/, "")}`) : null;
      if (two && two.unknown.length === 0 && two.levels.length > 0 && one.unknown.length > 0) {
        add(levels, two.levels);
        taken += 2;
      } else if (one.unknown.length === 0 && (one.levels.length > 0 || /^(\/|atau|,)$/i.test(words[taken]!))) {
        add(levels, one.levels);
        taken += 1;
      } else break;
    }
    add(
      fields,
      parseFields(
        words
          .slice(taken)
          .join(" ")
          .replace(/^(bidang|jurusan|program studi)\s+/i, ""),
      ),
    );
  }
  return { levels, fields };
}

const YEARS_PHRASE =
  /[\s,;]*\(?\s*(?:paling\s+(?:singkat|sedikit|kurang)|minimal|minimum|min\.|sekurang-?\s?kurangnya|selama|lebih\s+dari)\s+(\d{1,2})\s*(?:\([^)]*\)\s*)?tahun\s*\)?\.?\s*$/i;

/** "… paling singkat 5 (lima) tahun", "… minimal 3 tahun", "… (paling singkat 2 tahun)" → the line and its years. */
export function parseExperience(line: string): { description: string; minYears: number | null } {
  const m = YEARS_PHRASE.exec(line);
  if (!m) return { description: squash(line).replace(/[;.]$/, ""), minYears: null };
  return { description: squash(line.slice(0, m.index)).replace(/[,;]$/, ""), minYears: Number(m[1]) };
}

const FUNCTIONAL_WORDS: [FunctionalLevel, RegExp][] = [
  ["ahli_utama", /\bahli utama\b/],
  ["ahli_madya", /\bahli madya\b/],
  ["ahli_muda", /\bahli muda\b/],
  ["ahli_pertama", /\bahli pertama\b/],
  ["penyelia", /\bpenyelia\b/],
  ["mahir", /\bmahir\b/],
  ["terampil", /\bterampil\b/],
  ["pemula", /\bpemula\b/],
];

export function functionalLevelOf(text: string): FunctionalLevel | null {
  const t = fold(text);
  return FUNCTIONAL_WORDS.find(([, re]) => re.test(t))?.[0] ?? null;
}

/**
 * The printed Kelompok Jabatan ("Jabatan Pimpinan Tinggi Pratama", "JPT Pratama", "Administrator",
 * "Jabatan Fungsional Ahli Muda") as §3 codes; a functional position takes its jenjang from the group text,
 * else from its name ("Analis Kebijakan Ahli Muda").
 */
export function parseGroup(
  groupText: string,
  positionName: string,
): { group: PositionGroup | null; functionalLevel: FunctionalLevel | null } {
  const t = fold(groupText);
  const group: PositionGroup | null = /\b(pimpinan tinggi|jpt)\b.*\butama\b/.test(t)
    ? "jpt_utama"
    : /\b(pimpinan tinggi|jpt)\b.*\bmadya\b/.test(t)
      ? "jpt_madya"
      : /\b(pimpinan tinggi|jpt)\b/.test(t)
        ? "jpt_pratama"
        : /\badministrator\b/.test(t)
          ? "administrator"
          : /\bpengawas\b/.test(t)
            ? "pengawas"
            : /\bpelaksana\b/.test(t)
              ? "pelaksana"
              : /\bfungsional\b|\bjf\b/.test(t) || functionalLevelOf(t)
                ? "fungsional"
                : null;
  const functionalLevel = group === "fungsional" ? (functionalLevelOf(groupText) ?? functionalLevelOf(positionName)) : null;
  return { group, functionalLevel };
}

/** A tick in a Mutlak/Penting/Perlu cell: √ ✓ ✔ v V x X and the like; anything else is no tick. */
export function isTick(text: string): boolean {
  return /^\s*[√✓✔✗✘vVxX•●*]\s*$/.test(text);
}

/** Column headers of the importance columns. */
export function importanceOfHeader(text: string): Importance | null {
  const t = fold(text);
  return t === "mutlak" ? "mutlak" : t === "penting" ? "penting" : t === "perlu" ? "perlu" : null;
}
