// The webhook outbox (contract §5): registered receivers, one delivery row per (webhook, feed event), and
// the retry bookkeeping the worker in server/webhook-worker.ts drives.
import crypto from "node:crypto";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { isFinalAttempt, nextAttemptDelayMs, WebhookUrlSchema, type DeliveryStatus, type WebhookEventType } from "~/domain/webhooks";
import type { DbOrTx } from "../client.server";
import { events, users, webhookDeliveries, webhooks } from "../schema";
import { recordAudit } from "./audit.server";
import { settingValue } from "./settings.server";

const REGISTER_ACTION = "webhook.register";

/** Hosts an admin allowed as receivers although they are on an internal address (setting webhookAllowedHosts). */
export function allowedWebhookHosts(db: DbOrTx): string[] {
  return settingValue<string[]>(db, "webhookAllowedHosts") ?? [];
}

/**
 * Registers a receiver and returns its secret. Unlike an API token the secret is stored as is, since the
 * worker signs every body with it; the pages never show it again after this answer.
 *
 * Only events after this moment are sent: the newest event id is kept in the registration's audit row (an
 * append-only table, written in the same transaction), which enqueueDueDeliveries reads until the webhook
 * has delivery rows of its own.
 */
export function registerWebhook(db: DbOrTx, url: string, actorId: number | null): { id: number; secret: string } {
  const href = WebhookUrlSchema.parse(url);
  const secret = crypto.randomBytes(32).toString("hex");
  return db.transaction((tx) => {
    const newest = tx
      .select({ id: sql<number | null>`max(${events.id})` })
      .from(events)
      .get();
    const startsAfterEventId = newest?.id ?? 0;
    const row = tx.insert(webhooks).values({ url: href, secret, createdBy: actorId }).returning({ id: webhooks.id }).get();
    recordAudit(tx, {
      actorId,
      action: REGISTER_ACTION,
      entityType: "webhook",
      entityId: row.id,
      summary: `Webhook ${href} didaftarkan`,
      after: { url: href, startsAfterEventId },
    });
    return { id: row.id, secret };
  });
}

/** Stops all sending to a webhook, pending deliveries included; false when it is unknown or already inactive. */
export function deactivateWebhook(db: DbOrTx, id: number, actorId: number | null): boolean {
  return db.transaction((tx) => {
    const hook = tx.select({ url: webhooks.url, active: webhooks.active }).from(webhooks).where(eq(webhooks.id, id)).get();
    if (!hook?.active) return false;
    tx.update(webhooks).set({ active: false }).where(eq(webhooks.id, id)).run();
    recordAudit(tx, {
      actorId,
      action: "webhook.deactivate",
      entityType: "webhook",
      entityId: id,
      summary: `Webhook ${hook.url} dinonaktifkan`,
      before: { active: true },
      after: { active: false },
    });
    return true;
  });
}

export interface WebhookListRow {
  id: number;
  url: string;
  active: boolean;
  createdAt: string;
  createdByName: string | null;
  delivered: number;
  pending: number;
  failed: number;
}

/** Every webhook, newest first, with its delivery counts; never the secret. */
export function listWebhooks(db: DbOrTx): WebhookListRow[] {
  const count = (status: DeliveryStatus) =>
    sql<number>`coalesce(sum(case when ${webhookDeliveries.status} = ${status} then 1 else 0 end), 0)`;
  return db
    .select({
      id: webhooks.id,
      url: webhooks.url,
      active: webhooks.active,
      createdAt: webhooks.createdAt,
      createdByName: users.name,
      delivered: count("terkirim"),
      pending: count("menunggu"),
      failed: count("gagal"),
    })
    .from(webhooks)
    .leftJoin(users, eq(users.id, webhooks.createdBy))
    .leftJoin(webhookDeliveries, eq(webhookDeliveries.webhookId, webhooks.id))
    .groupBy(webhooks.id)
    .orderBy(desc(webhooks.id))
    .all();
}

/**
 * Queues every feed event an active webhook has not been given yet, due at once. The starting point is the
 * webhook's newest delivery row, or before its first one the event id recorded at registration; a webhook
 * with neither (made outside registerWebhook) gets the whole feed, which replays to the current state.
 * Returns how many deliveries were queued.
 */
export function enqueueDueDeliveries(db: DbOrTx, now: Date): number {
  const result = db.run(sql`
    insert or ignore into webhook_deliveries (webhook_id, event_id, status, attempts, next_attempt_at)
    select w.id, e.id, 'menunggu', 0, ${now.toISOString()}
    from webhooks w
    join events e on e.id > max(
      coalesce((select max(d.event_id) from webhook_deliveries d where d.webhook_id = w.id), 0),
      coalesce((
        select json_extract(a."after", '$.startsAfterEventId') from audit_log a
        where a.entity_type = 'webhook' and a.entity_id = cast(w.id as text) and a.action = ${REGISTER_ACTION}
        order by a.id limit 1
      ), 0)
    )
    where w.active = 1
    order by w.id, e.id`);
  return result.changes;
}

export interface DueDelivery {
  id: number;
  attempts: number;
  webhookId: number;
  url: string;
  secret: string;
  event: { id: number; type: WebhookEventType; positionCode: string; version: number; occurredAt: string };
}

/** Pending deliveries of active webhooks whose time has come, oldest event first. */
export function dueDeliveries(db: DbOrTx, now: Date, limit: number): DueDelivery[] {
  const rows = db
    .select({
      id: webhookDeliveries.id,
      attempts: webhookDeliveries.attempts,
      webhookId: webhooks.id,
      url: webhooks.url,
      secret: webhooks.secret,
      eventId: events.id,
      type: events.type,
      positionCode: events.positionCode,
      version: events.version,
      occurredAt: events.occurredAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.status, "menunggu"),
        eq(webhooks.active, true),
        sql`${webhookDeliveries.nextAttemptAt} <= ${now.toISOString()}`,
      ),
    )
    .orderBy(webhookDeliveries.eventId, webhookDeliveries.id)
    .limit(limit)
    .all();
  return rows.map(({ eventId, type, positionCode, version, occurredAt, ...rest }) => ({
    ...rest,
    event: { id: eventId, type, positionCode, version, occurredAt },
  }));
}

// Both marks touch only a pending row, so a second sender finishing the same delivery late changes nothing.

export function markDelivered(db: DbOrTx, id: number, statusCode: number, now: Date): void {
  db.update(webhookDeliveries)
    .set({
      status: "terkirim",
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastStatusCode: statusCode,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: now.toISOString(),
    })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "menunggu")))
    .run();
}

/** Counts the failed attempt and schedules the next one by the backoff, or gives up after the last allowed. */
export function markFailed(db: DbOrTx, id: number, statusCode: number | null, error: string, now: Date): void {
  db.transaction((tx) => {
    const row = tx
      .select({ attempts: webhookDeliveries.attempts })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "menunggu")))
      .get();
    if (!row) return;
    const attempts = row.attempts + 1;
    const final = isFinalAttempt(attempts);
    tx.update(webhookDeliveries)
      .set({
        status: final ? "gagal" : "menunggu",
        attempts,
        lastStatusCode: statusCode,
        // a receiver's error page can be long; the log needs the gist
        lastError: error.slice(0, 500),
        nextAttemptAt: final ? null : new Date(now.getTime() + nextAttemptDelayMs(attempts)).toISOString(),
      })
      .where(eq(webhookDeliveries.id, id))
      .run();
  });
}

export const DELIVERY_LOG_PAGE_SIZE = 50;

export interface DeliveryLogFilter {
  webhookId?: number;
  status?: DeliveryStatus;
  page?: number;
}

/** Deliveries newest event first, for the admin page. */
export function deliveryLog(db: DbOrTx, filter: DeliveryLogFilter) {
  const where: SQL[] = [];
  if (filter.webhookId) where.push(eq(webhookDeliveries.webhookId, filter.webhookId));
  if (filter.status) where.push(eq(webhookDeliveries.status, filter.status));
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const rows = db
    .select({
      id: webhookDeliveries.id,
      webhookId: webhookDeliveries.webhookId,
      url: webhooks.url,
      eventId: events.id,
      type: events.type,
      positionCode: events.positionCode,
      version: events.version,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(webhookDeliveries.eventId), desc(webhookDeliveries.id))
    .limit(DELIVERY_LOG_PAGE_SIZE + 1)
    .offset((page - 1) * DELIVERY_LOG_PAGE_SIZE)
    .all();
  return { rows: rows.slice(0, DELIVERY_LOG_PAGE_SIZE), hasMore: rows.length > DELIVERY_LOG_PAGE_SIZE, page };
}
