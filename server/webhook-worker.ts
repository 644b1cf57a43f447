// Sends the webhook outbox (contract §5): each tick queues new feed events, then POSTs the due deliveries,
// signed, and records the outcome. At least once: a crash between sending and recording sends again.
import crypto from "node:crypto";
import { webhookPayloadOf } from "~/domain/webhooks";
import {
  checkWebhookTarget,
  postToTarget,
  resolveWithDns,
  type ResolveHost,
  type WebhookTransport,
} from "~/services/webhook-target.server";
import type { Db } from "~db/client.server";
import {
  allowedWebhookHosts,
  dueDeliveries,
  enqueueDueDeliveries,
  markDelivered,
  markFailed,
  type DueDelivery,
} from "~db/queries/webhooks.server";
import { startPollingWorker, type PollingWorker, type PollingWorkerOptions } from "./polling-worker";

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_USER_AGENT = "SKJ-Studio-Webhook/1";
// enough to drain a penetapan of dozens of SKJ in a few ticks without one slow receiver holding up the rest
const BATCH_SIZE = 50;
const PARALLEL = 4;

/** `sha256=<hex>` of the HMAC-SHA256 of exactly the bytes sent. */
export function signatureOf(secret: string, rawBody: string | Uint8Array): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

export interface WebhookWorkerOptions extends PollingWorkerOptions {
  transport?: WebhookTransport;
  resolveHost?: ResolveHost;
  now?: () => Date;
}

/** `drain()` sends every due delivery and resolves once each has its outcome recorded. */
export type WebhookWorker = PollingWorker;

/**
 * One text for every delivery that got no HTTP answer: an address refused by the rules, a refused connection,
 * a DNS failure, a reset, a timeout. Telling them apart would let whoever registers URLs map which hosts and
 * ports answer, from the server's point of view.
 */
export const UNREACHABLE = `Penerima tidak dapat dihubungi: alamatnya tidak diizinkan, tidak ditemukan, menolak koneksi, atau tidak menjawab dalam ${WEBHOOK_TIMEOUT_MS / 1000} detik.`;

type Send = { transport: WebhookTransport; resolveHost: ResolveHost; allowedHosts: readonly string[] };

async function deliver(db: Db, delivery: DueDelivery, send: Send, now: () => Date) {
  const body = Buffer.from(JSON.stringify(webhookPayloadOf(delivery.event)), "utf8");
  // checked at every attempt, after resolving: the host's addresses (or the allowed hosts) may have changed
  const checked = await checkWebhookTarget(delivery.url, send.allowedHosts, send.resolveHost);
  if (!checked.ok) {
    markFailed(db, delivery.id, null, UNREACHABLE, now());
    return;
  }
  let status: number;
  try {
    status = await send.transport(checked.target, {
      headers: {
        "Content-Type": "application/json",
        "User-Agent": WEBHOOK_USER_AGENT,
        "X-SKJ-Event-Id": String(delivery.event.id),
        "X-SKJ-Signature": signatureOf(delivery.secret, body),
      },
      body,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch {
    markFailed(db, delivery.id, null, UNREACHABLE, now());
    return;
  }
  if (status >= 200 && status < 300) markDelivered(db, delivery.id, status, now());
  else markFailed(db, delivery.id, status, `Penerima menjawab HTTP ${status}`, now());
}

/** Starts the timer; the first tick runs one interval after start. */
export function startWebhookWorker(db: Db, options: WebhookWorkerOptions = {}): WebhookWorker {
  const {
    intervalMs = 1000,
    transport = postToTarget,
    resolveHost = resolveWithDns,
    now = () => new Date(),
    onError = (error) => console.error("Webhook worker:", error),
  } = options;

  /** Sends one batch; true when a full batch went out cleanly, so more may be due. */
  async function sendBatch(): Promise<boolean> {
    enqueueDueDeliveries(db, now());
    const due = dueDeliveries(db, now(), BATCH_SIZE);
    const send: Send = { transport, resolveHost, allowedHosts: allowedWebhookHosts(db) };
    let next = 0;
    let failed = false;
    const lane = async () => {
      while (next < due.length) {
        const delivery = due[next++]!;
        try {
          await deliver(db, delivery, send, now);
        } catch (error) {
          // a database error for one delivery leaves it pending for the next tick; the others still go
          failed = true;
          onError(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, lane));
    return due.length === BATCH_SIZE && !failed;
  }

  return startPollingWorker("Webhook worker", { runNext: sendBatch }, { intervalMs, onError });
}
