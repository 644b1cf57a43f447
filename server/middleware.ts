import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { UPLOAD_MAX_BYTES } from "~/services/uploads.server";

export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  next();
}

/**
 * The Content-Security-Policy of every page (issue 13). Scripts run only from this site or inline with this
 * response's nonce, which app/entry.server.tsx hands to the inline scripts Remix renders. Styles allow
 * 'unsafe-inline': the components set style attributes in server HTML, and tiptap injects its own <style>.
 * HSTS is sent only on a request that came over HTTPS, which behind a proxy express knows from
 * X-Forwarded-Proto once TRUST_PROXY names that proxy.
 */
export function contentSecurityPolicy(req: Request, res: Response, next: NextFunction) {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence beside SameSite=Lax cookies: a browser write from another origin is refused.
 * API calls authenticate with bearer tokens, which a foreign page cannot attach, so /api is exempt. Every path
 * judged here is already canonical (server/canonical-path.ts), the same path Remix routes.
 */
export function refuseCrossSiteWrites(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || req.path.startsWith("/api/")) return next();
  const origin = req.get("origin");
  const fetchSite = req.get("sec-fetch-site");
  const host = req.get("host");
  if (origin ? !sameHost(origin, host) : fetchSite === "cross-site") {
    res.status(403).type("text/plain; charset=utf-8").send("Permintaan lintas situs ditolak (cross-site request refused).");
    return;
  }
  next();
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" and malformed origins
  }
}

// Remix actions buffer a form body whole (request.formData(), request.json()), so browser writes are bounded
// here, before any of it is read. Far above the largest document the schemas allow (docs/decisions/008),
// so a real form always reaches its action and gets a message at the field; the API reads its own bodies.
export const FORM_BODY_MAX_BYTES = 8 * 1024 * 1024;
// room for the multipart boundaries and the other form fields around the files
const MULTIPART_MAX_BYTES = UPLOAD_MAX_BYTES + 1024 * 1024;
// the rest of a refused body is read off so that the browser sees the 413 rather than a reset connection
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

export function limitBrowserBodies(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || req.path.startsWith("/api/")) return next();
  const multipart = (req.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  const max = multipart ? MULTIPART_MAX_BYTES : FORM_BODY_MAX_BYTES;
  const declared = req.get("content-length");
  if (declared === undefined) {
    // browsers always declare the length of a form post; a chunked one could not be bounded before Remix reads it
    if (req.get("transfer-encoding"))
      res.status(411).type("text/plain; charset=utf-8").send("Panjang isi permintaan (Content-Length) wajib dicantumkan.");
    else next();
    return;
  }
  const size = Number(declared);
  if (!(size > max)) return next();
  const refuse = () =>
    res
      .status(413)
      .type("text/plain; charset=utf-8")
      .send(
        multipart
          ? `Berkas terlalu besar: paling banyak ${UPLOAD_MAX_BYTES / 1024 / 1024} MB sekali unggah.`
          : `Isi formulir terlalu besar: paling banyak ${FORM_BODY_MAX_BYTES / 1024 / 1024} MB.`,
      );
  if (size > DRAIN_MAX_BYTES) {
    refuse();
    req.destroy();
    return;
  }
  req.on("end", refuse);
  req.resume();
}
