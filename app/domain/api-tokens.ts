// API tokens (contract §5): which scopes exist and what a token may do. Pure, shared by the CLI, the API and the admin pages.
import { z } from "zod";
import { can, type Role } from "./permissions";

export const API_SCOPES = ["skj:read", "skj:write", "skj:review"] as const;
export type Scope = (typeof API_SCOPES)[number];

export const API_TOKEN_PREFIX = "skj_";
// "skj_" + 32 random bytes in base64url (43 characters, no padding); anything else is rejected before hashing
export const API_TOKEN_PATTERN = /^skj_[A-Za-z0-9_-]{43}$/;
export const API_TOKEN_NAME_MAX = 100;

export function isApiScope(value: unknown): value is Scope {
  return typeof value === "string" && (API_SCOPES as readonly string[]).includes(value);
}

/** "skj:read, skj:write" → ["skj:read", "skj:write"]; duplicates collapse, unknown scopes are refused by name. */
export const ScopeListSchema = z
  .string({ error: "Cakupan (scope) token wajib diisi." })
  .transform((input) => [
    ...new Set(
      input
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(
        z.enum(API_SCOPES, {
          error: (issue) => `Cakupan tidak dikenal: ${String(issue.input)}. Pilihan: ${API_SCOPES.join(", ")}.`,
        }),
      )
      .min(1, `Sebutkan minimal satu cakupan (${API_SCOPES.join(", ")}).`),
  );

export const ApiTokenNameSchema = z
  .string({ error: "Nama token wajib diisi." })
  .trim()
  .min(1, "Nama token wajib diisi.")
  .max(API_TOKEN_NAME_MAX, `Nama token maksimal ${API_TOKEN_NAME_MAX} karakter.`);

/**
 * Whether a token's scopes allow an endpoint. "any" (endpoints open to every token) still needs one known
 * scope, so a row whose scopes were corrupted or renamed grants nothing.
 */
export function hasScope(scopes: unknown, needed: Scope | "any"): boolean {
  if (!Array.isArray(scopes)) return false;
  if (needed === "any") return scopes.some(isApiScope);
  return scopes.includes(needed);
}

export const REVIEW_TOKEN_REFUSAL =
  "Token dengan cakupan skj:review hanya dapat dibuat oleh pemiliknya sendiri (menu Token API saya), agar satu orang tidak dapat menyetujui dan menetapkan atas nama dua reviewer. Operator server dapat memakai perintah token:create.";

/**
 * A token with skj:review approves and publishes with its owner's four-eyes weight, so on the web only the
 * owner makes one: an admin minting review tokens for two reviewers could approve and publish alone. The
 * operator's CLI (creator null) is outside the web's trust model and stays allowed.
 */
export function tokenCreationRefusal(scopes: readonly string[], ownerId: number, creatorId: number | null): string | null {
  if (creatorId === null || creatorId === ownerId) return null;
  return scopes.includes("skj:review") ? REVIEW_TOKEN_REFUSAL : null;
}

const SCOPE_NEEDS: Record<Scope, Parameters<typeof can>[1]> = { "skj:read": "read", "skj:write": "skj:write", "skj:review": "skj:review" };

/** The scopes a user may give their own tokens: those their role can use (a token never exceeds its user). */
export function scopesForRole(role: Role): Scope[] {
  return API_SCOPES.filter((scope) => can(role, SCOPE_NEEDS[scope]));
}

/**
 * The token whose revocation the page asks to confirm (`?cabut=<id>`): only a listed, active one, so a stale
 * link simply shows the list.
 */
export function revokeAsked(param: string | null, tokens: readonly { id: number; revokedAt: string | null }[]): number | null {
  const id = Number(param);
  return tokens.some((t) => t.id === id && !t.revokedAt) ? id : null;
}
