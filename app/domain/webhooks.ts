// Webhooks (contract §5): what a registered URL may be, what is POSTed to it, and when a failed delivery is
// tried again. Pure, so the admin page, the outbox queries and the worker agree; signing needs node:crypto
// and lives in server/webhook-worker.ts.
import { z } from "zod";

export const WEBHOOK_URL_MAX = 2000;

/** After this many failed attempts a delivery is given up ('gagal'); with the backoff below that is about 5½ hours. */
export const WEBHOOK_MAX_ATTEMPTS = 15;
export const WEBHOOK_RETRY_BASE_MS = 5_000;
export const WEBHOOK_RETRY_MAX_DELAY_MS = 60 * 60 * 1000;

export const DELIVERY_STATUSES = ["menunggu", "terkirim", "gagal"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export function isDeliveryStatus(value: unknown): value is DeliveryStatus {
  return typeof value === "string" && (DELIVERY_STATUSES as readonly string[]).includes(value);
}

const URL_EXAMPLE = "Contoh: https://pemetaan.example.go.id/webhook/skj";

/** The URL as typed → its normalized form (what is stored and shown), or an Indonesian message. */
export const WebhookUrlSchema = z
  .string({ error: "URL webhook wajib diisi." })
  .trim()
  .min(1, "URL webhook wajib diisi.")
  .max(WEBHOOK_URL_MAX, `URL webhook maksimal ${WEBHOOK_URL_MAX} karakter.`)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: `URL webhook tidak valid. ${URL_EXAMPLE}` });
      return z.NEVER;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: `URL webhook harus diawali http:// atau https://. ${URL_EXAMPLE}` });
      return z.NEVER;
    }
    // fetch refuses such URLs outright, and the admin list would show the password to everyone who opens it
    if (url.username || url.password) {
      ctx.addIssue({
        code: "custom",
        message: "URL webhook tidak boleh memuat nama pengguna atau kata sandi. Verifikasi penerima memakai rahasia (secret) webhook.",
      });
      return z.NEVER;
    }
    // normalizing can lengthen it (an internationalized host becomes punycode)
    if (url.href.length > WEBHOOK_URL_MAX) {
      ctx.addIssue({ code: "custom", message: `URL webhook maksimal ${WEBHOOK_URL_MAX} karakter.` });
      return z.NEVER;
    }
    return url.href;
  });

/**
 * How long to wait before the next attempt once `attempts` attempts have failed: 5 s, 10 s, 20 s, … doubling
 * up to one hour. No jitter: there is a single sender per database, so retries cannot stampede a receiver.
 */
export function nextAttemptDelayMs(attempts: number): number {
  if (!Number.isFinite(attempts) || attempts < 1) return 0;
  // past 2^20 the doubling is far beyond the cap anyway; stopping there keeps the number finite
  const exponent = Math.min(Math.floor(attempts) - 1, 20);
  return Math.min(WEBHOOK_RETRY_BASE_MS * 2 ** exponent, WEBHOOK_RETRY_MAX_DELAY_MS);
}

/** A delivery that has failed `attempts` times is given up rather than scheduled again. */
export const isFinalAttempt = (attempts: number) => attempts >= WEBHOOK_MAX_ATTEMPTS;

export type WebhookEventType = "skj.published" | "skj.withdrawn";

/** Exactly one event of GET /api/v1/changes, so a receiver handles a push and a poll with the same code. */
export interface WebhookEventPayload {
  id: number;
  type: WebhookEventType;
  positionCode: string;
  version: number;
  occurredAt: string;
  href: string;
}

/** The feed's link to a published version; position codes keep their dots and slashes readable. */
export const eventHref = (positionCode: string, version: number) =>
  `/api/v1/skj/${encodeURIComponent(positionCode).replace(/%2F/g, "/")}/versions/${version}`;

export function webhookPayloadOf(event: {
  id: number;
  type: WebhookEventType;
  positionCode: string;
  version: number;
  occurredAt: string;
}): WebhookEventPayload {
  // built field by field so the key order, and so the signed bytes, match the feed's
  return {
    id: event.id,
    type: event.type,
    positionCode: event.positionCode,
    version: event.version,
    occurredAt: event.occurredAt,
    href: eventHref(event.positionCode, event.version),
  };
}
