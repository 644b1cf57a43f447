import { and, desc, eq, gte, like, lte, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client.server";
import { apiTokens, auditLog, users } from "../schema";
import type { AuditAction, AuditEntity } from "~/domain/labels";

export interface AuditInput {
  actorId: number | null;
  /** the API token the actor acted through: every change made with a token names it */
  tokenId?: number | null;
  action: AuditAction;
  entityType: AuditEntity;
  entityId?: string | number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Call inside the transaction of the mutation it records, so the row exists exactly when the change does. */
export function recordAudit(db: DbOrTx, entry: AuditInput) {
  db.insert(auditLog)
    .values({
      actorId: entry.actorId,
      tokenId: entry.tokenId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      summary: entry.summary,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}

export interface AuditFilter {
  actorId?: number;
  entityType?: string;
  action?: string;
  from?: string; // YYYY-MM-DD
  to?: string; // YYYY-MM-DD, inclusive
  q?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export function listAudit(db: DbOrTx, filter: AuditFilter) {
  const where: SQL[] = [];
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lte(auditLog.at, `${filter.to}T23:59:59.999Z`));
  if (filter.q) where.push(like(auditLog.summary, `%${filter.q}%`));
  const page = Math.max(1, filter.page ?? 1);
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
      before: auditLog.before,
      after: auditLog.after,
      actorName: users.name,
      actorEmail: users.email,
      tokenId: auditLog.tokenId,
      tokenName: apiTokens.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(apiTokens, eq(apiTokens.id, auditLog.tokenId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE, page };
}

export function auditFacets(db: DbOrTx) {
  const entityTypes = db
    .selectDistinct({ v: auditLog.entityType })
    .from(auditLog)
    .all()
    .map((r) => r.v);
  const actions = db
    .selectDistinct({ v: auditLog.action })
    .from(auditLog)
    .all()
    .map((r) => r.v);
  return { entityTypes: entityTypes.sort(), actions: actions.sort() };
}
