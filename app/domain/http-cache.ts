// Conditional GET for what does not change under a URL: a published version (its JSON and its printed
// files) and the published dictionary between two of its writes. Every answer still checks the session or
// token first; only then may a 304 spare the body.

/** Browsers and API clients keep the copy but must ask each time: a revoked token or ended session must stop reading. */
export const REVALIDATE_EVERY_TIME = "private, max-age=0, must-revalidate";

/** Whether If-None-Match names `etag` (or "*"), compared weakly as RFC 9110 §13.1.2 asks of a GET. */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((part) => {
    const tag = part.trim();
    return tag === "*" || tag.replace(/^W\//, "") === opaque;
  });
}

/**
 * The ETag of a printed file (PDF, Word) of a published version. The version's content is fixed by its hash,
 * but the file also prints the instance profile, and its layout is the running build's: either changing
 * must give a new tag, or a browser would be told its copy with the old name or layout is still good.
 */
export function printedFileEtag(kind: "pdf" | "docx", contentHash: string, instanceFingerprint: string, buildId: string): string {
  return `"${contentHash}-${kind}-${instanceFingerprint}-${buildId}"`;
}
