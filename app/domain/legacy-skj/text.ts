// Text normalisation shared by the legacy readers: printed books vary in case, accents, spacing and
// list markers, and none of that may change what a line means.

/** Lower case, accents removed, punctuation as single spaces: the form labels and names are compared in. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Spaces collapsed and trimmed; line breaks become spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// "1.", "1)", "a.", "-", "•", "–" and similar markers that open a list item
const LIST_MARKER = /^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-–—•·*▪●○])\s+/i;

export function hasListMarker(line: string): boolean {
  return LIST_MARKER.test(line);
}

export function stripListMarker(line: string): string {
  return line.replace(LIST_MARKER, "").trim();
}

/** Nothing printed: empty or a lone dash. */
export function isBlankValue(text: string): boolean {
  return /^[\s\-–—.]*$/.test(text);
}

/**
 * The items of a list cell: one per line; where the items carry markers, an unmarked line continues the
 * item above (a line wrapped by the page, as PDF text gives it). A lone dash is an empty list.
 */
export function listItems(text: string): string[] {
  const lines = text
    .split(/\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length === 0 || (lines.length === 1 && isBlankValue(lines[0]!))) return [];
  const marked = lines.some(hasListMarker);
  const items: string[] = [];
  for (const line of lines) {
    if (marked && !hasListMarker(line) && items.length > 0) items[items.length - 1] += ` ${line}`;
    else items.push(stripListMarker(line));
  }
  return items.map(squash).filter((i) => !isBlankValue(i));
}
