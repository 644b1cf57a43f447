// Likely-duplicate detection for dictionary names. Deliberately simple, so a warning can be explained to
// the bureau in one sentence: "most words are the same (allowing small spelling differences) and the
// names read nearly alike".

import { searchWords } from "./search-words";

/** Two names at or above this score are reported as a likely duplicate. */
export const SIMILARITY_THRESHOLD = 0.7;

/** Function words that carry no meaning in a competency name; content words such as "pengelolaan" stay. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "dan",
  "atau",
  "serta",
  "yang",
  "di",
  "ke",
  "dari",
  "untuk",
  "bagi",
  "pada",
  "dalam",
  "dengan",
  "terhadap",
  "tentang",
  "oleh",
]);

/** Lower case, diacritics removed, punctuation as spaces, function words dropped. */
export function nameTokens(name: string): string[] {
  return searchWords(name).filter((w) => !STOP_WORDS.has(w));
}

export function normaliseName(name: string): string {
  return nameTokens(name).join(" ");
}

/** Two words count as the same word at or above this spelling similarity ("analisa" / "analisis" = 0.75). */
export const WORD_MATCH_THRESHOLD = 0.75;

/**
 * Whether two words are spellings of one word. The edit distance is at least the difference in length, so words
 * whose lengths differ by more than the threshold allows are told apart without computing it.
 */
export function closeSpelling(a: string, b: string): boolean {
  const la = Array.from(a).length;
  const lb = Array.from(b).length;
  if (Math.abs(la - lb) > (1 - WORD_MATCH_THRESHOLD) * Math.max(la, lb)) return false;
  return levenshteinRatio(a, b) >= WORD_MATCH_THRESHOLD;
}

/**
 * |A ∩ B| / |A ∪ B| over distinct words, where a word also matches a near-identical spelling of it
 * (each word of B is used once). Catches reordered, slightly extended and misspelled names.
 */
export function tokenJaccard(a: readonly string[], b: readonly string[]): number {
  const setA = [...new Set(a)];
  const free = [...new Set(b)];
  const sizeB = free.length;
  if (setA.length === 0 && sizeB === 0) return 1;
  let common = 0;
  for (const w of setA) {
    let at = free.indexOf(w);
    if (at < 0) at = free.findIndex((v) => closeSpelling(w, v));
    if (at >= 0) {
      common++;
      free.splice(at, 1);
    }
  }
  return common / (setA.length + sizeB - common);
}

export function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  let curr = new Array<number>(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= y.length; j++) {
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    [prev, curr] = [curr, prev];
  }
  return prev[y.length]!;
}

/** 1 − distance / longer length; catches spelling variants ("analisa" / "analisis") the word sets miss. */
export function levenshteinRatio(a: string, b: string): number {
  const longest = Math.max(Array.from(a).length, Array.from(b).length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}

export interface NameSimilarity {
  score: number;
  jaccard: number;
  levenshtein: number;
}

/**
 * The mean of the word overlap and the spelling similarity of the whole name. Words are sorted before
 * the whole-name comparison, so word order never counts; the mean keeps one shared long word
 * ("Pengelolaan Arsip" / "Pengelolaan Aset") from passing on spelling alone.
 */
export function nameSimilarity(a: string, b: string): NameSimilarity {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  const jaccard = tokenJaccard(ta, tb);
  const lev = levenshteinRatio([...ta].sort().join(" "), [...tb].sort().join(" "));
  return { score: (jaccard + lev) / 2, jaccard, levenshtein: lev };
}

export function isLikelyDuplicate(a: string, b: string): boolean {
  return nameSimilarity(a, b).score >= SIMILARITY_THRESHOLD;
}
