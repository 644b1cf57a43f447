// Suggested technical competencies for one position (issue 17 item 3): what the live SKJ of positions with
// similar names, of the same unit subtree and of the same urusan use, plus dictionary entries whose texts
// match the position's ikhtisar. The SQL gathers the signals; this module weighs them and explains each
// suggestion in words an analyst can check.
import { MANDATORY_TECHNICAL_CODE } from "./dictionary";
import type { CatalogEntry } from "./skj-editor-data";
import { STOP_WORDS } from "./similarity";

/** How many live SKJ of one group of positions use each technical competency. */
export interface UsageSignal {
  /** positions of the group that have a live SKJ: the denominator of each share */
  total: number;
  uses: ReadonlyMap<string, number>;
}

export interface SuggestionSignals {
  /**
   * Positions with similar names: `weight` sums, over the positions using the entry, how similar each name
   * is (0–1), so a near-identical name counts more than one sharing a word; `totalWeight` sums it over all.
   */
  similar: { totalWeight: number; uses: ReadonlyMap<string, { positions: number; weight: number }> };
  unit: UsageSignal & { unitName: string };
  affair: UsageSignal & { affair: string | null };
  /** Dictionary entries matching the ikhtisar, best first, with the ikhtisar's words they share. */
  summary: readonly { code: string; words: readonly string[] }[];
}

export interface Suggestion {
  code: string;
  score: number;
  /** Why, strongest first, in Indonesian: "dipakai 14 jabatan serupa". */
  reasons: string[];
}

export interface SuggestedEntry extends CatalogEntry {
  reasons: string[];
}

/**
 * Weights of the four signals. A similar name says most about the work; a unit subtree shares its focus;
 * an urusan is broad; an ikhtisar match is a text coincidence until SKJ confirm it.
 */
export const SIGNAL_WEIGHTS = { similar: 3, unit: 2, affair: 1, summary: 0.6 } as const;
/**
 * Pretend every group has this many more positions that use nothing: one SKJ in a unit of one is a share of
 * 1/3, not certainty, while 40 of 50 similar positions stay close to their 0.8.
 */
const PRIOR_POSITIONS = 2;
export const SUGGESTION_LIMIT = 8;

const share = (count: number, total: number) => count / (total + PRIOR_POSITIONS);

/**
 * The suggestions, best first: every entry any signal names except those in `exclude` (already chosen) and
 * T.OTDA (added to every regional SKJ on its own). The score sums each signal's weight times its share;
 * ties go by code so the list is stable.
 */
export function rankSuggestions(signals: SuggestionSignals, exclude: ReadonlySet<string>, limit = SUGGESTION_LIMIT): Suggestion[] {
  const parts = new Map<string, { score: number; text: string }[]>();
  const add = (code: string, score: number, text: string) => {
    if (score <= 0 || exclude.has(code) || code === MANDATORY_TECHNICAL_CODE) return;
    parts.set(code, [...(parts.get(code) ?? []), { score, text }]);
  };
  for (const [code, use] of signals.similar.uses) {
    add(
      code,
      SIGNAL_WEIGHTS.similar * (use.weight / (signals.similar.totalWeight + PRIOR_POSITIONS)),
      `dipakai ${use.positions} jabatan serupa`,
    );
  }
  for (const [code, n] of signals.unit.uses) {
    add(code, SIGNAL_WEIGHTS.unit * share(n, signals.unit.total), `dipakai ${n} jabatan di unit yang sama (${signals.unit.unitName})`);
  }
  for (const [code, n] of signals.affair.uses) {
    const affair = signals.affair.affair ? ` urusan ${signals.affair.affair}` : " urusan yang sama";
    add(code, SIGNAL_WEIGHTS.affair * share(n, signals.affair.total), `dipakai ${n} jabatan${affair}`);
  }
  signals.summary.forEach((hit, rank) => {
    add(hit.code, SIGNAL_WEIGHTS.summary / (rank + 1), `cocok dengan ikhtisar: ${hit.words.join(", ")}`);
  });
  return [...parts]
    .map(([code, found]) => ({
      code,
      score: found.reduce((sum, p) => sum + p.score, 0),
      reasons: [...found].sort((a, b) => b.score - a.score).map((p) => p.text),
    }))
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, limit);
}

/**
 * Words that place a position rather than describe its work: the jenjang of a functional position ("Ahli
 * Muda") and the structure of a head's title ("Kepala Bidang …"). Without them "Kepala Subbagian Umum dan
 * Kepegawaian" meets its namesake in every dinas, not every head of a subbagian.
 */
const PLACING_WORDS: ReadonlySet<string> = new Set([
  "ahli",
  "utama",
  "madya",
  "muda",
  "pertama",
  "penyelia",
  "mahir",
  "terampil",
  "pemula",
  "kepala",
  "bidang",
  "bagian",
  "subbagian",
  "sub",
  "seksi",
  "biro",
  "dinas",
  "badan",
  "upt",
  "uptd",
  "unit",
]);

/** The root words that make a position name: no function words, nothing that only places it, each once. */
export function positionNameRoots(words: readonly string[], stem: (word: string) => string): string[] {
  return [...new Set(words.filter((w) => !STOP_WORDS.has(w) && !PLACING_WORDS.has(w)).map(stem))];
}

/**
 * Roots of the stock phrases of Indonesian official prose ("melaksanakan … sesuai ketentuan peraturan
 * perundang-undangan", "dalam rangka mendukung …"): in nearly every ikhtisar and definition, they match
 * everything and say nothing about a field.
 */
export const STOCK_ROOTS: ReadonlySet<string> = new Set([
  "laksana",
  "sesuai",
  "tentu",
  "atur",
  "undang",
  "rangka",
  "dukung",
  "tugas",
  "fungsi",
  "giat",
  "bidang",
  "tingkat",
  "kualitas",
  "efektif",
  "efisien",
  "prinsip",
  "dasar",
  "capai",
  "sasar",
  "guna",
  "agar",
  "baik",
]);

/** |A ∩ B| / |A ∪ B| of two names' root words: 1 for the same job, 0 for nothing in common. */
export function nameOverlap(a: readonly string[], b: readonly string[]): number {
  const setB = new Set(b);
  const common = new Set(a.filter((w) => setB.has(w))).size;
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : common / union;
}

/** Below this overlap a position is not "serupa": "Kepala Dinas Kesehatan" and "Kepala Seksi Kurikulum" share only "kepala". */
export const SIMILAR_NAME_THRESHOLD = 0.5;
