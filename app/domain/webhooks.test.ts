import { describe, expect, it } from "vitest";
import {
  eventHref,
  isFinalAttempt,
  nextAttemptDelayMs,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_BASE_MS,
  WEBHOOK_RETRY_MAX_DELAY_MS,
  WEBHOOK_URL_MAX,
  WebhookUrlSchema,
  webhookPayloadOf,
} from "./webhooks";

describe("nextAttemptDelayMs", () => {
  it("doubles from 5 seconds after each failed attempt", () => {
    expect([1, 2, 3, 4, 5].map(nextAttemptDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
    expect(nextAttemptDelayMs(1)).toBe(WEBHOOK_RETRY_BASE_MS);
  });

  it("never waits longer than an hour, however many attempts failed", () => {
    expect(nextAttemptDelayMs(10)).toBe(2_560_000);
    expect(nextAttemptDelayMs(11)).toBe(WEBHOOK_RETRY_MAX_DELAY_MS);
    expect(nextAttemptDelayMs(WEBHOOK_MAX_ATTEMPTS)).toBe(60 * 60 * 1000);
    expect(nextAttemptDelayMs(10_000)).toBe(WEBHOOK_RETRY_MAX_DELAY_MS);
  });

  it("is never shorter for more failures", () => {
    for (let n = 1; n < 40; n++) expect(nextAttemptDelayMs(n + 1)).toBeGreaterThanOrEqual(nextAttemptDelayMs(n));
  });

  it("sends at once when nothing has failed yet, and tolerates nonsense", () => {
    expect(nextAttemptDelayMs(0)).toBe(0);
    expect(nextAttemptDelayMs(-3)).toBe(0);
    expect(nextAttemptDelayMs(Number.NaN)).toBe(0);
    expect(nextAttemptDelayMs(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it("gives up after the last allowed attempt, a few hours after the first", () => {
    expect(isFinalAttempt(WEBHOOK_MAX_ATTEMPTS - 1)).toBe(false);
    expect(isFinalAttempt(WEBHOOK_MAX_ATTEMPTS)).toBe(true);
    let total = 0;
    for (let n = 1; n < WEBHOOK_MAX_ATTEMPTS; n++) total += nextAttemptDelayMs(n);
    expect(total / 3_600_000).toBeGreaterThan(4);
    expect(total / 3_600_000).toBeLessThan(8);
  });
});

describe("WebhookUrlSchema", () => {
  const message = (input: unknown) => {
    const result = WebhookUrlSchema.safeParse(input);
    return result.success ? null : result.error.issues[0]!.message;
  };

  it("accepts http and https URLs and stores them normalized", () => {
    expect(WebhookUrlSchema.parse("  http://127.0.0.1:9/hook ")).toBe("http://127.0.0.1:9/hook");
    expect(WebhookUrlSchema.parse("https://Pemetaan.Example.go.id")).toBe("https://pemetaan.example.go.id/");
    expect(WebhookUrlSchema.parse("https://example.go.id/a?b=1")).toBe("https://example.go.id/a?b=1");
  });

  it("refuses other schemes, non-URLs and blanks in Indonesian", () => {
    expect(message("")).toBe("URL webhook wajib diisi.");
    expect(message("   ")).toBe("URL webhook wajib diisi.");
    expect(message(undefined)).toBe("URL webhook wajib diisi.");
    expect(message("pemetaan.example.go.id/hook")).toMatch(/^URL webhook tidak valid\./);
    expect(message("ftp://example.go.id/hook")).toMatch(/^URL webhook harus diawali http:\/\/ atau https:\/\/\./);
    expect(message("javascript:alert(1)")).toMatch(/harus diawali http/);
    expect(message("file:///etc/passwd")).toMatch(/harus diawali http/);
  });

  it("refuses credentials in the URL", () => {
    expect(message("https://user:secret@example.go.id/hook")).toMatch(/tidak boleh memuat nama pengguna atau kata sandi/);
  });

  it("allows at most 2,000 characters", () => {
    const base = "https://example.go.id/";
    expect(WebhookUrlSchema.safeParse(base + "a".repeat(WEBHOOK_URL_MAX - base.length)).success).toBe(true);
    expect(message(base + "a".repeat(WEBHOOK_URL_MAX - base.length + 1))).toBe("URL webhook maksimal 2000 karakter.");
  });
});

describe("the event payload", () => {
  it("is a changes-feed event, keys in the feed's order", () => {
    const payload = webhookPayloadOf({
      id: 7,
      type: "skj.published",
      positionCode: "BKD.BID-PKA.KABID",
      version: 2,
      occurredAt: "2026-03-02T03:04:05.678Z",
    });
    expect(JSON.stringify(payload)).toBe(
      '{"id":7,"type":"skj.published","positionCode":"BKD.BID-PKA.KABID","version":2,"occurredAt":"2026-03-02T03:04:05.678Z","href":"/api/v1/skj/BKD.BID-PKA.KABID/versions/2"}',
    );
  });

  it("links codes with slashes and spaces readably but safely", () => {
    expect(eventHref("A/B C", 1)).toBe("/api/v1/skj/A/B%20C/versions/1");
  });
});
