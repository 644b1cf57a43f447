// Finding the register positions and dictionary entries whose names are close to a printed one without comparing
// it with every name: a 220-SKJ book against a register of 20,000 positions and a dictionary of 5,000 entries
// was 170 s of pairwise comparisons (issue 16). The index answers exactly what the pairwise scan answered.
import { closeSpelling, levenshteinRatio, nameTokens, tokenJaccard } from "../similarity";
import { fold } from "./text";

export const compactName = (s: string) => fold(s).replace(/\s+/g, "");

interface NameFacts {
  compact: string;
  /** Distinct words, as tokenJaccard counts them. */
  words: string[];
  tokens: string[];
  sorted: string;
  sortedLength: number;
}

function factsOf(name: string): NameFacts {
  const tokens = nameTokens(name);
  const sorted = [...tokens].sort().join(" ");
  return { compact: compactName(name), words: [...new Set(tokens)], tokens, sorted, sortedLength: Array.from(sorted).length };
}

/**
 * The names' similarity (nameSimilarity's score, 1 when equal as printed) where it can reach `min`. The score is
 * the mean of the word overlap and an edit-distance ratio of at most 1, so below an overlap of 2·min − 1 it cannot
 * reach `min`: then the costly edit distance is skipped and a score below `min` is answered.
 */
function nameScore(a: NameFacts, b: NameFacts, min: number): number {
  if (a.compact === b.compact) return 1;
  const jaccard = tokenJaccard(a.tokens, b.tokens);
  if (jaccard < 2 * min - 1) return jaccard / 2;
  return (jaccard + levenshteinRatio(a.sorted, b.sorted)) / 2;
}

/** Entries that print as the same name: scored once for all of them. */
interface NameGroup<T> {
  facts: NameFacts;
  entries: { entry: T; order: number }[];
}

export interface NameMatch<T> {
  entry: T;
  score: number;
  /** The entry's place in the list the index was made of: the first of equal scores wins. */
  order: number;
}

/**
 * Names by their words. A name reaches a score of `min` only when its word overlap reaches 2·min − 1, and the
 * overlap is at most the share of the printed words that have an equal or close word in it; so only names
 * sharing such words are candidates, and only those whose best possible score (that share, and the length ratio
 * that bounds the edit distance) reaches `min` are scored. Names alike as printed ("Sub Bagian" / "Subbagian")
 * are found by their compact form.
 */
export class NameIndex<T extends { name: string }> {
  private readonly groups: NameGroup<T>[] = [];
  private readonly byKey = new Map<string, NameGroup<T>>();
  /** Compact form → its groups; the groups without any word (a name of function words only) under "". */
  private readonly byCompact = new Map<string, NameGroup<T>[]>();
  /** Word → the groups whose names hold it. */
  private readonly postings = new Map<string, NameGroup<T>[]>();
  /** A printed word → the indexed words equal or close to it. */
  private readonly closeWords = new Map<string, string[]>();
  private readonly answers = new Map<string, NameMatch<T>[]>();
  private size = 0;

  constructor(entries: readonly T[] = []) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: T): void {
    const facts = factsOf(entry.name);
    const key = `${facts.compact}\u0000${facts.sorted}`;
    let group = this.byKey.get(key);
    if (!group) {
      group = { facts, entries: [] };
      this.byKey.set(key, group);
      this.groups.push(group);
      for (const compact of new Set(facts.words.length === 0 ? [facts.compact, ""] : [facts.compact])) {
        const list = this.byCompact.get(compact);
        if (list) list.push(group);
        else this.byCompact.set(compact, [group]);
      }
      for (const word of facts.words) {
        const list = this.postings.get(word);
        if (list) list.push(group);
        else {
          this.postings.set(word, [group]);
          this.closeWords.clear();
        }
      }
    }
    group.entries.push({ entry, order: this.size++ });
    this.answers.clear();
  }

  /** Every entry whose name scores at least `min` (> 0.5) against `name`, as a scan of all of them would score it. */
  matches(name: string, min: number): NameMatch<T>[] {
    const key = `${min}\u0000${name}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.search(factsOf(name), min);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private search(printed: NameFacts, min: number): NameMatch<T>[] {
    const found: NameMatch<T>[] = [];
    for (const group of this.candidates(printed, min)) {
      const score = nameScore(printed, group.facts, min);
      if (score >= min) for (const { entry, order } of group.entries) found.push({ entry, score, order });
    }
    return found;
  }

  private candidates(printed: NameFacts, min: number): Set<NameGroup<T>> {
    if (min <= 0.5) return new Set(this.groups); // a score of 0.5 needs no common word at all
    const shared = new Map<NameGroup<T>, number>();
    for (const word of printed.words) {
      const seen = new Set<NameGroup<T>>();
      for (const close of this.closeTo(word))
        for (const group of this.postings.get(close)!) {
          if (seen.has(group)) continue;
          seen.add(group);
          shared.set(group, (shared.get(group) ?? 0) + 1);
        }
    }
    const result = new Set<NameGroup<T>>();
    for (const [group, common] of shared) {
      const { words, sortedLength } = group.facts;
      const overlap = common / (printed.words.length + words.length - common);
      const spelling = Math.min(printed.sortedLength, sortedLength) / Math.max(printed.sortedLength, sortedLength, 1);
      if ((overlap + spelling) / 2 >= min) result.add(group);
    }
    for (const group of this.byCompact.get(printed.compact) ?? []) result.add(group);
    // two names of function words only share no word, yet their word overlap is 1
    if (printed.words.length === 0) for (const group of this.byCompact.get("") ?? []) if (group.facts.words.length === 0) result.add(group);
    return result;
  }

  private closeTo(word: string): string[] {
    let close = this.closeWords.get(word);
    if (!close) {
      close = [...this.postings.keys()].filter((w) => w === word || closeSpelling(word, w));
      this.closeWords.set(word, close);
    }
    return close;
  }
}
