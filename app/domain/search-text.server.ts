// Indonesian search normalisation shared by every full-text search (dictionary, API, SKJ editor picker,
// register) and by the duplicate-name warning. Words take affixes ("pengelolaan" = peng- + kelola + -an,
// "kearsipan" = ke- + arsip + -an), so each index keeps, beside the exact words, a column of root words that
// this module computes; SQLite calls stemText through the stem_id() function (db/client.server.ts).
// Server-only: the stemmer carries a 380 kB root-word dictionary that must stay out of the browser bundle.
import stemmer from "sastrawi-stemmer-id";
import { MARK_CLOSE, MARK_OPEN } from "./search-highlight";
import { searchWords } from "./search-words";

/** What a user may type at most: more words only slow the query down without narrowing it usefully. */
const MAX_QUERY_WORDS = 12;
const MAX_CACHED_STEMS = 50_000;
const stems = new Map<string, string>();

/** The root of one normalised word ("pengelolaan" → "kelola"); a word without a known root stays as it is. */
export function stemWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    // the stemmer treats "-" as reduplication; searchWords never leaves one, digits never have roots
    stem = /^\p{L}+$/u.test(word) ? stemmer.stem(word) : word;
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** The text as root words, one per word in the same order: what the *_stem index columns hold. */
export function stemText(text: string | null | undefined): string {
  return text ? searchWords(text).map(stemWord).join(" ") : "";
}

export interface QueryTerm {
  /** one word, or the words of something typed without spaces ("T.ANJAB", "e-government"), matched as a phrase */
  words: string[];
  /** the root of a single word; a phrase is matched as written */
  stem: string | null;
  /**
   * A word the stemmer left alone may be half typed ("arsi"), so its root is matched as a prefix; one it
   * reduced was whole enough to carry affixes, and a prefix of its root would match unrelated words.
   */
  stemIsPrefix: boolean;
}

export function queryTerms(input: string): QueryTerm[] {
  const chunks = input
    .split(/\s+/)
    .map(searchWords)
    .filter((words) => words.length > 0);
  const unique = [...new Map(chunks.map((words) => [words.join(" "), words])).values()].slice(0, MAX_QUERY_WORDS);
  return unique.map((words) => {
    const stem = words.length === 1 ? stemWord(words[0]!) : null;
    return { words, stem, stemIsPrefix: stem === words[0] };
  });
}

/**
 * The FTS5 query of what a user typed: every term must match, either as a prefix of a word in any column
 * (the root-word columns included, so "kel" finds "pengelolaan") or by its root in one of `stemColumns`. Null when nothing searchable was typed (an empty MATCH
 * is a syntax error); words are quoted, so FTS5 operators typed by the user are plain text.
 */
export function stemmedMatch(input: string, stemColumns: readonly string[]): string | null {
  const terms = queryTerms(input);
  if (terms.length === 0) return null;
  return terms
    .map((t) => {
      const exact = `"${t.words.join(" ")}"*`;
      return t.stem === null ? exact : `(${exact} OR {${stemColumns.join(" ")}} : "${t.stem}"${t.stemIsPrefix ? "*" : ""})`;
    })
    .join(" AND ");
}

/** Whether one normalised word of a text matches a query term, by the same rule as stemmedMatch. */
function matchesTerm(word: string, term: QueryTerm): boolean {
  const last = term.words.length - 1;
  if (term.words.some((w, i) => (i === last ? word.startsWith(w) : word === w))) return true;
  if (term.stem === null) return false;
  const stem = stemWord(word);
  return term.stemIsPrefix ? stem.startsWith(term.stem) : stem === term.stem;
}

const SNIPPET_WORDS = 16;
const WORDS_BEFORE_MATCH = 3;

/**
 * Up to SNIPPET_WORDS words of `text` around its first match, matched words between MARK_OPEN and
 * MARK_CLOSE and "…" where text was cut; null when no word matches. Done here rather than by FTS5's
 * snippet(), which cannot mark "Kearsipan" when only its root "arsip" in the stem column matched.
 */
export function highlightSnippet(text: string, terms: readonly QueryTerm[]): string | null {
  const words = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
  const matched = words.map((m) => {
    const normalised = searchWords(m[0]);
    return normalised.length > 0 && normalised.every((w) => terms.some((t) => matchesTerm(w, t)));
  });
  const first = matched.indexOf(true);
  if (first < 0) return null;
  const from = Math.max(0, Math.min(first - WORDS_BEFORE_MATCH, words.length - SNIPPET_WORDS));
  const to = Math.min(words.length, from + SNIPPET_WORDS);
  let out = from > 0 ? "…" : "";
  let at = from > 0 ? words[from]!.index! : 0;
  for (let i = from; i < to; i++) {
    const m = words[i]!;
    out += text.slice(at, m.index);
    out += matched[i] ? `${MARK_OPEN}${m[0]}${MARK_CLOSE}` : m[0];
    at = m.index! + m[0].length;
  }
  return to < words.length ? `${out}…` : out + text.slice(at);
}
