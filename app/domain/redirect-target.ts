// Where a fresh login may send the browser (issue 13): only a path of this site, judged after the URL parser
// has read it, because the parser (and so the browser) drops TAB, CR and LF and reads "\" as "/": a check on
// the raw text passes "/\t/other.host" and the browser then lands on other.host.
const THIS_SITE = "http://this-site.invalid";

export function safeRedirectTarget(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(target, THIS_SITE);
  } catch {
    return fallback;
  }
  // dot segments can leave a path that starts with "//" ("/a/../..//other.host"), which a browser reads as a host
  if (url.origin !== THIS_SITE || url.pathname.startsWith("//")) return fallback;
  // the serialised parts are percent-encoded ASCII, so the Location header can always be written
  return url.pathname + url.search + url.hash;
}
