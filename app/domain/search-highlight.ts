// Search snippets travel as plain text with control-character markers instead of HTML, so the UI renders
// <mark> from text nodes and never has to trust markup built from user-written dictionary texts.

export const MARK_OPEN = "\u0002";
export const MARK_CLOSE = "\u0003";

/** The indexed columns of competency_search, in declaration order (bm25 weights follow this order). */
export const SEARCH_FIELDS = ["code", "name", "definition", "levels", "indicators", "keywords"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export interface SearchHighlight {
  /** matched words between MARK_OPEN and MARK_CLOSE (render with highlightParts) */
  snippet: string;
  matchedIn: SearchField;
}

export const SEARCH_FIELD_LABELS: Record<SearchField, string> = {
  code: "Kode",
  name: "Nama",
  definition: "Definisi",
  levels: "Deskripsi level",
  indicators: "Indikator perilaku",
  keywords: "Kata kunci",
};

export interface HighlightPart {
  text: string;
  match: boolean;
}

/**
 * Splits a snippet into plain and matched runs. Markers never reach the output; a stray closing marker
 * is dropped and an unclosed opening one marks the rest, so a malformed snippet still renders readably.
 */
export function highlightParts(snippet: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let match = false;
  let text = "";
  const flush = () => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
    text = "";
  };
  for (const ch of snippet) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      flush();
      match = ch === MARK_OPEN;
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}

/** The snippet without markers, for titles, exports and screen-reader text. */
export function stripHighlight(snippet: string): string {
  return snippet.replaceAll(MARK_OPEN, "").replaceAll(MARK_CLOSE, "");
}

export function hasHighlight(snippet: string): boolean {
  return snippet.includes(MARK_OPEN);
}
