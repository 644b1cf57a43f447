import crypto from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { API_TOKEN_PATTERN, API_TOKEN_PREFIX, tokenCreationRefusal, type Scope } from "~/domain/api-tokens";
import type { Role } from "~/domain/permissions";
import type { Db, DbOrTx } from "../client.server";
import { apiTokens, users } from "../schema";
import { recordAudit } from "./audit.server";

// Writing last_used_at on every request would turn each API read into a write; a minute is precise enough for the admin page.
export const LAST_USED_RESOLUTION_MS = 60_000;

export const hashApiToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/**
 * Creates a token and returns its secret: the only moment it exists outside the caller, since only its hash
 * is stored. `actorId` is its creator (null: the operator's CLI); a review token for someone else is refused.
 */
export function createApiToken(
  db: Db,
  input: { userId: number; name: string; scopes: Scope[] },
  actorId: number | null,
): { id: number; token: string } {
  const refusal = tokenCreationRefusal(input.scopes, input.userId, actorId);
  if (refusal) throw new Error(refusal);
  const token = API_TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  return db.transaction((tx) => {
    const owner = tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId)).get();
    if (!owner) throw new Error(`createApiToken: no user ${input.userId}`);
    const row = tx
      .insert(apiTokens)
      .values({ userId: input.userId, name: input.name, tokenHash: hashApiToken(token), scopes: input.scopes, createdBy: actorId })
      .returning({ id: apiTokens.id })
      .get();
    recordAudit(tx, {
      actorId,
      action: "token.create",
      entityType: "api_token",
      entityId: row.id,
      summary: `Token API "${input.name}" (#${row.id}) dibuat untuk ${owner.email} dengan cakupan ${input.scopes.join(", ")}${actorId === null ? " oleh operator (CLI)" : ""}`,
      after: { name: input.name, userId: input.userId, scopes: input.scopes, createdBy: actorId },
    });
    return { id: row.id, token };
  });
}

export interface ApiPrincipal {
  tokenId: number;
  tokenName: string;
  scopes: string[];
  user: { id: number; email: string; name: string; role: Role };
}

/** The principal behind a bearer token, or undefined when it is malformed, unknown, revoked or its user deactivated. */
export function findActiveToken(db: Db, token: string, now = new Date()): ApiPrincipal | undefined {
  if (!API_TOKEN_PATTERN.test(token)) return undefined;
  const row = db
    .select({
      tokenId: apiTokens.id,
      tokenName: apiTokens.name,
      scopes: apiTokens.scopes,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt), eq(users.active, true)))
    .get();
  if (!row) return undefined;
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USED_RESOLUTION_MS) {
    db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.tokenId)).run();
  }
  return {
    tokenId: row.tokenId,
    tokenName: row.tokenName,
    scopes: Array.isArray(row.scopes) ? row.scopes : [],
    user: { id: row.userId, email: row.email, name: row.name, role: row.role },
  };
}

/** Revokes a token for good; false when it does not exist or was already revoked (nothing is recorded then). */
export function revokeApiToken(db: Db, id: number, actorId: number | null, now = new Date()): boolean {
  return db.transaction((tx) => {
    const token = tx
      .select({ name: apiTokens.name, revokedAt: apiTokens.revokedAt, email: users.email })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.id, id))
      .get();
    if (!token || token.revokedAt) return false;
    const revokedAt = now.toISOString();
    tx.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, id)).run();
    recordAudit(tx, {
      actorId,
      action: "token.revoke",
      entityType: "api_token",
      entityId: id,
      summary: `Token API "${token.name}" milik ${token.email} dicabut`,
      before: { revokedAt: null },
      after: { revokedAt },
    });
    return true;
  });
}

/** Revokes every live token of a user inside the caller's transaction; the number revoked, for its audit row. */
export function revokeTokensOfUser(tx: DbOrTx, userId: number, now = new Date()): number {
  return tx
    .update(apiTokens)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run().changes;
}

/** Every token (or one user's), newest first, without its hash. */
export function listApiTokens(db: Db, userId?: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      userId: users.id,
      userEmail: users.email,
      userName: users.name,
      userActive: users.active,
      createdBy: apiTokens.createdBy,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(userId === undefined ? undefined : eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.id))
    .all();
}
