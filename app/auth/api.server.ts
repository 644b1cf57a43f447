// Bearer-token authentication and JSON answers for the HTTP API (contract §5).
import { hasScope, type Scope } from "~/domain/api-tokens";
import { getDb } from "~db/client.server";
import { findActiveToken, type ApiPrincipal } from "~db/queries/api-tokens.server";

export type { ApiPrincipal };

/** A JSON response; API answers carry credentials-bound data, so no cache may keep them unless a route says so. */
export function apiJson(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** The contract's error body `{"error","message"}`; throw or return it from a loader or action. */
export function apiError(status: number, code: string, message: string, init: ResponseInit = {}): Response {
  return apiJson({ error: code, message }, { ...init, status });
}

function unauthorized(message: string): Response {
  return apiError(401, "unauthorized", message, { headers: { "WWW-Authenticate": "Bearer" } });
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get("Authorization");
  const match = header?.match(/^Bearer[ \t]+(\S+)[ \t]*$/i);
  return match?.[1] ?? null;
}

/** The principal of a request's bearer token, or a thrown 401/403 JSON response. */
export async function requireApiToken(request: Request, scope: Scope | "any"): Promise<ApiPrincipal> {
  const token = bearerToken(request);
  if (!token) throw unauthorized("Token API wajib dikirim dalam header Authorization: Bearer <token>.");
  const principal = findActiveToken(getDb(), token);
  if (!principal) throw unauthorized("Token API tidak valid, sudah dicabut, atau penggunanya tidak aktif.");
  if (!hasScope(principal.scopes, scope)) {
    throw apiError(
      403,
      "forbidden",
      scope === "any"
        ? "Token API ini tidak memiliki cakupan yang dikenal."
        : `Token API ini tidak memiliki cakupan ${scope} yang diperlukan.`,
    );
  }
  return principal;
}
