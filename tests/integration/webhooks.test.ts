// Webhooks (contract §5, issue 6 §7): the outbox, the worker's signed POSTs and backoff, against real HTTP
// receivers on 127.0.0.1, with the worker's clock under the test's control.
import crypto from "node:crypto";
import http, { type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WEBHOOK_MAX_ATTEMPTS, nextAttemptDelayMs } from "~/domain/webhooks";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { findUserByEmail } from "~db/queries/users.server";
import { deactivateWebhook, deliveryLog, listWebhooks, registerWebhook } from "~db/queries/webhooks.server";
import { action, loader } from "~/routes/admin.webhooks";
import { skjReadApi } from "../../server/api/skj-read";
import { startWebhookWorker, type WebhookWorker, type WebhookWorkerOptions } from "../../server/webhook-worker";
import { cookieFor, get, post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const CODE = "BKD.BID-PKA.KABID";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that answers the given statuses in turn (the last one from then on). */
async function receiver(statuses: number[], extraHeaders: Record<string, string> = {}) {
  const requests: Received[] = [];
  const server: Server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(statuses[Math.min(requests.length - 1, statuses.length - 1)]!, extraHeaders);
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, requests };
}

let servers: Server[] = [];
let workers: WebhookWorker[] = [];
let db: Db;
let adminId: number;
let clock: Date;
let workerErrors: unknown[];

beforeEach(async () => {
  db = await useTestDatabase("demo");
  adminId = findUserByEmail(db, "admin@demo.go.id")!.id;
  clock = new Date("2026-03-02T03:00:00.000Z");
  workerErrors = [];
});

afterEach(async () => {
  for (const w of workers) await w.stop();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
  workers = [];
  expect(workerErrors).toEqual([]);
});

/** A worker whose timer never fires during a test: every tick is an explicit runOnce. */
function worker(options: WebhookWorkerOptions = {}) {
  const w = startWebhookWorker(db, { intervalMs: 600_000, now: () => clock, onError: (e) => workerErrors.push(e), ...options });
  workers.push(w);
  return w;
}

const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

function addEvent(type: "skj.published" | "skj.withdrawn" = "skj.published", version = 1): number {
  return Number(
    db.$client
      .prepare("insert into events (type, position_code, version, occurred_at) values (?, ?, ?, ?)")
      .run(type, CODE, version, clock.toISOString()).lastInsertRowid,
  );
}

const deliveries = (webhookId: number) =>
  db.$client.prepare("select * from webhook_deliveries where webhook_id = ? order by event_id").all(webhookId) as {
    event_id: number;
    status: string;
    attempts: number;
    next_attempt_at: string | null;
    last_status_code: number | null;
    last_error: string | null;
    delivered_at: string | null;
  }[];

const hmac = (secret: string, body: string) => `sha256=${crypto.createHmac("sha256", secret).update(body).digest("hex")}`;

describe("webhook delivery", () => {
  it("a receiver that fails twice gets the signed event on the third try, after the backoff", async () => {
    const before = addEvent();
    const hook = await receiver([500, 500, 200]);
    const { id, secret } = registerWebhook(db, hook.url, adminId);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const eventId = addEvent();
    expect(eventId).toBeGreaterThan(before);
    const w = worker();

    await w.runOnce();
    expect(hook.requests).toHaveLength(1);
    expect(deliveries(id)).toMatchObject([{ event_id: eventId, status: "menunggu", attempts: 1, last_status_code: 500, last_error: "Penerima menjawab HTTP 500" }]);
    expect(deliveries(id)[0]!.next_attempt_at).toBe(new Date(clock.getTime() + nextAttemptDelayMs(1)).toISOString());

    // not yet due: the backoff holds it back
    advance(nextAttemptDelayMs(1) - 1);
    await w.runOnce();
    expect(hook.requests).toHaveLength(1);

    advance(1);
    await w.runOnce();
    expect(hook.requests).toHaveLength(2);
    expect(deliveries(id)[0]).toMatchObject({ status: "menunggu", attempts: 2, last_status_code: 500 });
    expect(deliveries(id)[0]!.next_attempt_at).toBe(new Date(clock.getTime() + nextAttemptDelayMs(2)).toISOString());

    advance(nextAttemptDelayMs(2));
    await w.runOnce();
    expect(hook.requests).toHaveLength(3);
    expect(deliveries(id)).toMatchObject([{ status: "terkirim", attempts: 3, last_status_code: 200, last_error: null, next_attempt_at: null, delivered_at: clock.toISOString() }]);

    const log = deliveryLog(db, { webhookId: id, page: 1 });
    expect(log.rows).toMatchObject([{ eventId, type: "skj.published", positionCode: CODE, version: 1, status: "terkirim", attempts: 3, lastStatusCode: 200 }]);
    expect(deliveryLog(db, { status: "menunggu", page: 1 }).rows).toEqual([]);
    expect(listWebhooks(db).find((x) => x.id === id)).toMatchObject({ delivered: 1, pending: 0, failed: 0 });

    // every try carried the same bytes, signed with the secret, and only the event after registration
    for (const r of hook.requests) {
      expect(r.body).toBe(hook.requests[0]!.body);
      expect(r.headers["x-skj-signature"]).toBe(hmac(secret, r.body));
      expect(r.headers["x-skj-event-id"]).toBe(String(JSON.parse(r.body).id));
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers["user-agent"]).toBe("SKJ-Studio-Webhook/1");
    }
    expect(JSON.parse(hook.requests[0]!.body)).toEqual({
      id: eventId,
      type: "skj.published",
      positionCode: CODE,
      version: 1,
      occurredAt: "2026-03-02T03:00:00.000Z",
      href: `/api/v1/skj/${CODE}/versions/1`,
    });
    expect(hmac("another secret", hook.requests[0]!.body)).not.toBe(hook.requests[0]!.headers["x-skj-signature"]);

    // delivered means done
    advance(24 * 3_600_000);
    await w.runOnce();
    expect(hook.requests).toHaveLength(3);
  });

  it("events from before the registration are never sent; later ones all are, each once", async () => {
    const hook = await receiver([200]);
    addEvent();
    addEvent("skj.withdrawn");
    const { id } = registerWebhook(db, hook.url, adminId);
    const w = worker();
    await w.runOnce();
    expect(hook.requests).toEqual([]);
    expect(deliveries(id)).toEqual([]);

    const first = addEvent("skj.published", 2);
    const second = addEvent("skj.withdrawn", 2);
    await w.runOnce();
    await w.runOnce();
    expect(hook.requests.map((r) => Number(r.headers["x-skj-event-id"])).sort()).toEqual([first, second]);
    expect(deliveries(id).map((d) => [d.event_id, d.status])).toEqual([
      [first, "terkirim"],
      [second, "terkirim"],
    ]);
  });

  it("a webhook registered on an empty feed gets the very first event", async () => {
    db = await useTestDatabase("empty");
    const hook = await receiver([200]);
    const { id } = registerWebhook(db, hook.url, null);
    const eventId = addEvent();
    await worker().runOnce();
    expect(eventId).toBe(1);
    expect(deliveries(id)).toMatchObject([{ event_id: 1, status: "terkirim", attempts: 1 }]);
  });

  it("a deactivated webhook gets nothing, not even what was pending for it", async () => {
    const kept = await receiver([200]);
    const dropped = await receiver([200]);
    const stalled = await receiver([503, 200]);
    const keptHook = registerWebhook(db, kept.url, adminId);
    const droppedHook = registerWebhook(db, dropped.url, adminId);
    const stalledHook = registerWebhook(db, stalled.url, adminId);
    expect(deactivateWebhook(db, droppedHook.id, adminId)).toBe(true);
    expect(deactivateWebhook(db, droppedHook.id, adminId)).toBe(false);

    const eventId = addEvent();
    const w = worker();
    await w.runOnce();
    expect(kept.requests).toHaveLength(1);
    expect(dropped.requests).toEqual([]);
    expect(deliveries(droppedHook.id)).toEqual([]);
    expect(stalled.requests).toHaveLength(1);

    deactivateWebhook(db, stalledHook.id, adminId);
    addEvent("skj.withdrawn");
    advance(3_600_000);
    await w.runOnce();
    expect(stalled.requests).toHaveLength(1);
    expect(deliveries(stalledHook.id)).toMatchObject([{ event_id: eventId, status: "menunggu", attempts: 1 }]);
    expect(dropped.requests).toEqual([]);
    expect(kept.requests).toHaveLength(2);
    expect(deliveries(keptHook.id).every((d) => d.status === "terkirim")).toBe(true);

    const list = listWebhooks(db);
    expect(list.find((x) => x.id === droppedHook.id)).toMatchObject({ active: false, delivered: 0, pending: 0 });
    expect(list.find((x) => x.id === stalledHook.id)).toMatchObject({ active: false, delivered: 0, pending: 1 });
    expect(JSON.stringify(list)).not.toContain(keptHook.secret);
  });

  it("registering and deactivating are audited, without the secret", () => {
    const { id, secret } = registerWebhook(db, "http://127.0.0.1:9/hook", adminId);
    deactivateWebhook(db, id, adminId);
    const rows = db.$client.prepare("select actor_id, action, summary, \"before\", \"after\" from audit_log where entity_type = 'webhook' and entity_id = ? order by id").all(String(id)) as {
      actor_id: number;
      action: string;
      summary: string;
    }[];
    expect(rows.map((r) => [r.actor_id, r.action, r.summary])).toEqual([
      [adminId, "webhook.register", "Webhook http://127.0.0.1:9/hook didaftarkan"],
      [adminId, "webhook.deactivate", "Webhook http://127.0.0.1:9/hook dinonaktifkan"],
    ]);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it("gives up after the last allowed attempt and records why each one failed", async () => {
    const calls: string[] = [];
    const refused: typeof fetch = async (input) => {
      calls.push(String(input));
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    };
    const { id } = registerWebhook(db, "http://127.0.0.1:9/hook", adminId);
    addEvent();
    const w = worker({ fetchImpl: refused });
    for (let n = 1; n <= WEBHOOK_MAX_ATTEMPTS; n++) {
      await w.runOnce();
      expect(calls).toHaveLength(n);
      advance(nextAttemptDelayMs(n));
    }
    expect(deliveries(id)).toMatchObject([
      { status: "gagal", attempts: WEBHOOK_MAX_ATTEMPTS, last_status_code: null, last_error: "fetch failed: connect ECONNREFUSED 127.0.0.1:9", next_attempt_at: null },
    ]);
    advance(24 * 3_600_000);
    await w.runOnce();
    expect(calls).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect(listWebhooks(db).find((x) => x.id === id)).toMatchObject({ failed: 1, pending: 0 });
    expect(deliveryLog(db, { status: "gagal", page: 1 }).rows).toHaveLength(1);
  });

  it("a timeout is a failed attempt with a readable reason", async () => {
    const slow: typeof fetch = async () => {
      throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
    };
    const { id } = registerWebhook(db, "http://127.0.0.1:9/hook", adminId);
    addEvent();
    await worker({ fetchImpl: slow }).runOnce();
    expect(deliveries(id)).toMatchObject([{ status: "menunggu", attempts: 1, last_status_code: null, last_error: "Tidak ada jawaban dalam 10 detik" }]);
  });

  it("does not follow a redirect: the event goes only where it was registered", async () => {
    const elsewhere = await receiver([200]);
    const hook = await receiver([302], { Location: elsewhere.url });
    const { id } = registerWebhook(db, hook.url, adminId);
    addEvent();
    await worker().runOnce();
    expect(hook.requests).toHaveLength(1);
    expect(elsewhere.requests).toEqual([]);
    expect(deliveries(id)).toMatchObject([{ status: "menunggu", attempts: 1, last_status_code: 302 }]);
  });

  it("the body is the very event GET /api/v1/changes serves", async () => {
    const app = express();
    app.use(skjReadApi);
    const api = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    servers.push(api);
    const token = createApiToken(db, { userId: adminId, name: "uji webhook", scopes: ["skj:read"] }, null).token;

    const hook = await receiver([200]);
    registerWebhook(db, hook.url, adminId);
    const eventId = addEvent("skj.withdrawn", 3);
    await worker().runOnce();

    const feed = await fetch(`http://127.0.0.1:${(api.address() as AddressInfo).port}/api/v1/changes?after=${eventId - 1}`, { headers: { Authorization: `Bearer ${token}` } });
    const { events } = (await feed.json()) as { events: unknown[] };
    expect(hook.requests.map((r) => r.body)).toEqual([JSON.stringify(events[0])]);
  });
});

describe("the admin page", () => {
  it("shows the secret once, in the registration answer only, and only to an admin", async () => {
    const cookie = await cookieFor("admin@demo.go.id");

    const invalid = await run(action, post("/admin/webhooks", { intent: "register", url: "ftp://example.go.id/hook" }, cookie));
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ errors: { url: expect.stringMatching(/^URL webhook harus diawali http/) } });

    const created = await run(action, post("/admin/webhooks", { intent: "register", url: "http://127.0.0.1:9/hook" }, cookie));
    expect(created.status).toBe(200);
    expect(created.headers.get("Cache-Control")).toBe("no-store");
    const { secret, id } = (created.body as { created: { secret: string; id: number } }).created;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);

    const page = await run(loader, get("/admin/webhooks", cookie));
    expect(JSON.stringify(page.body)).not.toContain(secret);
    expect((page.body as { webhooks: { id: number; url: string }[] }).webhooks.find((w) => w.id === id)?.url).toBe("http://127.0.0.1:9/hook");

    const viewer = await cookieFor("viewer@demo.go.id");
    expect((await run(loader, get("/admin/webhooks", viewer))).status).toBe(403);
    expect((await run(action, post("/admin/webhooks", { intent: "register", url: "http://127.0.0.1:9/x" }, viewer))).status).toBe(403);

    const deactivated = await run(action, post("/admin/webhooks", { intent: "deactivate", id: String(id) }, cookie));
    expect(deactivated.status).toBe(302);
    expect(listWebhooks(db).find((w) => w.id === id)?.active).toBe(false);
  });
});
