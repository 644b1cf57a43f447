import type { NextFunction, Request, Response } from "express";

export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  next();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence beside SameSite=Lax cookies: a browser write from another origin is refused.
 * API calls authenticate with bearer tokens, which a foreign page cannot attach, so /api is exempt.
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
