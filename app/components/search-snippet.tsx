import { highlightParts, SEARCH_FIELD_LABELS, type SearchField } from "~/domain/search-highlight";

/** Where a dictionary search matched an entry: the field's name and its text with the matched words marked. */
export function SearchSnippet({ snippet, matchedIn }: { snippet: string; matchedIn?: SearchField }) {
  return (
    <div className="muted" style={{ fontSize: "0.88rem" }}>
      {matchedIn ? `${SEARCH_FIELD_LABELS[matchedIn]}: ` : ""}
      {highlightParts(snippet).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </div>
  );
}
