// Sends the webhook outbox (contract §5): each tick queues new feed events, then POSTs the due deliveries,
// signed, and records the outcome. At least once: a crash between sending and recording sends again.
import crypto from "node:crypto";
import { webhookPayloadOf } from "~/domain/webhooks";
import type { Db } from "~db/client.server";
import { dueDeliveries, enqueueDueDeliveries, markDelivered, markFailed, type DueDelivery } from "~db/queries/webhooks.server";

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_USER_AGENT = "SKJ-Studio-Webhook/1";
// enough to drain a penetapan of dozens of SKJ in a few ticks without one slow receiver holding up the rest
const BATCH_SIZE = 50;
const PARALLEL = 4;

/** `sha256=<hex>` of the HMAC-SHA256 of exactly the bytes sent. */
export function signatureOf(secret: string, rawBody: string | Uint8Array): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

export interface WebhookWorkerOptions {
  intervalMs?: number;
  fetchImpl?: typeof fetch;
  now?: () => Date;
  /** Where a failing tick is reported; the timer itself never throws. */
  onError?: (error: unknown) => void;
}

export interface WebhookWorker {
  /** Stops the timer; resolves once a tick already running has recorded its outcomes. */
  stop(): Promise<void>;
  /** One tick; resolves when every due delivery of this tick has an outcome recorded. */
  runOnce(): Promise<void>;
}

function describeError(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `Tidak ada jawaban dalam ${WEBHOOK_TIMEOUT_MS / 1000} detik`;
  }
  if (error instanceof Error) {
    // undici reports "fetch failed" and puts the useful part (ECONNREFUSED, DNS, TLS) in the cause
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    return cause ? `${error.message}: ${cause}` : error.message;
  }
  return String(error);
}

async function deliver(db: Db, delivery: DueDelivery, fetchImpl: typeof fetch, now: () => Date) {
  const body = Buffer.from(JSON.stringify(webhookPayloadOf(delivery.event)), "utf8");
  let response: Response;
  try {
    response = await fetchImpl(delivery.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": WEBHOOK_USER_AGENT,
        "X-SKJ-Event-Id": String(delivery.event.id),
        "X-SKJ-Signature": signatureOf(delivery.secret, body),
      },
      body,
      // a redirect would re-send the event somewhere nobody registered (and turn the POST into a GET)
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    markFailed(db, delivery.id, null, describeError(error), now());
    return;
  }
  // the answer's body means nothing to us; dropping it frees the connection
  await response.body?.cancel().catch(() => undefined);
  if (response.status >= 200 && response.status < 300) markDelivered(db, delivery.id, response.status, now());
  else markFailed(db, delivery.id, response.status, `Penerima menjawab HTTP ${response.status}`, now());
}

/** Starts the timer; the first tick runs one interval after start. */
export function startWebhookWorker(db: Db, options: WebhookWorkerOptions = {}): WebhookWorker {
  const { intervalMs = 1000, fetchImpl = fetch, now = () => new Date(), onError = (error) => console.error("Webhook worker:", error) } = options;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function tick() {
    enqueueDueDeliveries(db, now());
    const due = dueDeliveries(db, now(), BATCH_SIZE);
    let next = 0;
    const lane = async () => {
      while (next < due.length) {
        const delivery = due[next++]!;
        try {
          await deliver(db, delivery, fetchImpl, now);
        } catch (error) {
          // a database error for one delivery leaves it pending for the next tick; the others still go
          report(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, lane));
  }

  // ticks never overlap: a caller arriving during one waits for it, then runs its own
  let chain: Promise<void> = Promise.resolve();
  function runOnce(): Promise<void> {
    const run = chain.then(tick).catch(report);
    chain = run;
    return run;
  }

  function report(error: unknown) {
    try {
      onError(error);
    } catch {
      // a failing reporter must not turn into an unhandled rejection in the timer
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().finally(schedule);
    }, intervalMs);
    // the worker alone must not keep a process (a test, a CLI run) alive
    timer.unref();
  }
  schedule();

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      return chain;
    },
    runOnce,
  };
}
