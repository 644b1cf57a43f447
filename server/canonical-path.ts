// One path normalisation before every decision the server takes on a path (issue 13). The middleware used to
// judge the raw path ("/api/../login" starts with "/api/", so it skipped the body cap and the cross-site
// check) while Remix routed the path its URL parser had normalised ("/login"). Now the request's URL is
// rewritten to its canonical form first, and every later reader — the API read handler, express, the
// middleware and Remix — sees that same path.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

export type CanonicalTarget = { ok: true; url: string } | { ok: false; reason: string };

const UNRESERVED = /[A-Za-z0-9\-._~]/;
// what the URL parser reads as "." and ".." (it decodes %2e there, and only there)
const DOT = /^(?:\.|%2e)$/i;
const DOT_DOT = /^(?:\.|%2e){2}$/i;

/**
 * The canonical form of a request target: percent-escapes of unreserved characters decoded, other escapes
 * upper-cased, empty segments collapsed and dot segments resolved. Refused: anything but an origin-form
 * path, a backslash (a separator to the URL parser, a letter to express), an encoded backslash, control
 * characters and malformed escapes. An encoded slash (%2F) stays data inside its segment: neither express
 * nor Remix reads it as a separator, and the API's position codes may contain "/".
 */
export function canonicalTarget(target: string): CanonicalTarget {
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? "" : target.slice(q);
  if (!path.startsWith("/")) return { ok: false, reason: "not an origin-form path" };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\\\x00-\x20\x7f]/.test(path)) return { ok: false, reason: "backslash, space or control character" };
  const segments: string[] = [];
  for (const raw of path.slice(1).split("/")) {
    if (raw === "" || DOT.test(raw)) continue;
    if (DOT_DOT.test(raw)) {
      segments.pop();
      continue;
    }
    const segment = canonicalSegment(raw);
    if (segment === null) return { ok: false, reason: "malformed or forbidden percent-escape" };
    segments.push(segment);
  }
  // a trailing slash is kept: Remix treats "/jabatan/" and "/jabatan" alike, and a form may post to either
  const trailing = segments.length > 0 && /\/(?:\.|%2e){0,2}$/i.test(path) ? "/" : "";
  return { ok: true, url: `/${segments.join("/")}${trailing}${query}` };
}

function canonicalSegment(raw: string): string | null {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== "%") {
      out += raw[i];
      continue;
    }
    const hex = raw.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
    const code = parseInt(hex, 16);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return null;
    const char = String.fromCharCode(code);
    out += UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
    i += 2;
  }
  return out;
}

/** Rewrites every request to its canonical target before `next` sees it; a target that has none gets 400. */
export function withCanonicalPath(next: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const result = canonicalTarget(req.url ?? "");
    if (!result.ok) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
      res.end("Alamat permintaan tidak valid (malformed request path).");
      req.resume();
      return;
    }
    req.url = result.url;
    next(req, res);
  };
}
