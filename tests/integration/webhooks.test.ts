// Webhooks (contract §5, issue 6 §7): the outbox, the worker's signed POSTs and backoff, against real HTTP
// receivers on 127.0.0.1 (allowed by the setting webhookAllowedHosts, as an intranet receiver would be), with
// the worker's clock under the test's control. Issue 13, finding 10: internal addresses are refused.
import crypto from "node:crypto";
import http, { type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WEBHOOK_MAX_ATTEMPTS, nextAttemptDelayMs } from "~/domain/webhooks";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { findUserByEmail } from "~db/queries/users.server";
import { updateSetting } from "~db/queries/settings.server";
import { deactivateWebhook, deliveryLog, listWebhooks, registerWebhook } from "~db/queries/webhooks.server";
import type { WebhookTransport } from "~/services/webhook-target.server";
import { action, loader } from "~/routes/admin.webhooks";
import { skjReadApi } from "../../server/api/skj-read";
import { startWebhookWorker, UNREACHABLE, type WebhookWorker, type WebhookWorkerOptions } from "../../server/webhook-worker";
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

function allowHosts(hosts: string[]) {
  const saved = updateSetting(db, "webhookAllowedHosts", { value: hosts, sourceNote: "Penerima uji di server ini.", verified: true }, null);
  if (!saved.ok) throw new Error(saved.reason);
}

beforeEach(async () => {
  db = await useTestDatabase("demo");
  adminId = findUserByEmail(db, "admin@demo.go.id")!.id;
  allowHosts(["127.0.0.1"]);
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

/** A worker whose timer never fires during a test: every tick is an explicit drain. */
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

    await w.drain();
    expect(hook.requests).toHaveLength(1);
    expect(deliveries(id)).toMatchObject([
      { event_id: eventId, status: "menunggu", attempts: 1, last_status_code: 500, last_error: "Penerima menjawab HTTP 500" },
    ]);
    expect(deliveries(id)[0]!.next_attempt_at).toBe(new Date(clock.getTime() + nextAttemptDelayMs(1)).toISOString());

    // not yet due: the backoff holds it back
    advance(nextAttemptDelayMs(1) - 1);
    await w.drain();
    expect(hook.requests).toHaveLength(1);

    advance(1);
    await w.drain();
    expect(hook.requests).toHaveLength(2);
    expect(deliveries(id)[0]).toMatchObject({ status: "menunggu", attempts: 2, last_status_code: 500 });
    expect(deliveries(id)[0]!.next_attempt_at).toBe(new Date(clock.getTime() + nextAttemptDelayMs(2)).toISOString());

    advance(nextAttemptDelayMs(2));
    await w.drain();
    expect(hook.requests).toHaveLength(3);
    expect(deliveries(id)).toMatchObject([
      {
        status: "terkirim",
        attempts: 3,
        last_status_code: 200,
        last_error: null,
        next_attempt_at: null,
        delivered_at: clock.toISOString(),
      },
    ]);

    const log = deliveryLog(db, { webhookId: id, page: 1 });
    expect(log.rows).toMatchObject([
      { eventId, type: "skj.published", positionCode: CODE, version: 1, status: "terkirim", attempts: 3, lastStatusCode: 200 },
    ]);
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
    await w.drain();
    expect(hook.requests).toHaveLength(3);
  });

  it("events from before the registration are never sent; later ones all are, each once", async () => {
    const hook = await receiver([200]);
    addEvent();
    addEvent("skj.withdrawn");
    const { id } = registerWebhook(db, hook.url, adminId);
    const w = worker();
    await w.drain();
    expect(hook.requests).toEqual([]);
    expect(deliveries(id)).toEqual([]);

    const first = addEvent("skj.published", 2);
    const second = addEvent("skj.withdrawn", 2);
    await w.drain();
    await w.drain();
    expect(hook.requests.map((r) => Number(r.headers["x-skj-event-id"])).sort()).toEqual([first, second]);
    expect(deliveries(id).map((d) => [d.event_id, d.status])).toEqual([
      [first, "terkirim"],
      [second, "terkirim"],
    ]);
  });

  it("a webhook registered on an empty feed gets the very first event", async () => {
    // regulation data and settings, but no event yet
    db = await useTestDatabase("reference");
    allowHosts(["127.0.0.1"]);
    const hook = await receiver([200]);
    const { id } = registerWebhook(db, hook.url, null);
    const eventId = addEvent();
    await worker().drain();
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
    await w.drain();
    expect(kept.requests).toHaveLength(1);
    expect(dropped.requests).toEqual([]);
    expect(deliveries(droppedHook.id)).toEqual([]);
    expect(stalled.requests).toHaveLength(1);

    deactivateWebhook(db, stalledHook.id, adminId);
    addEvent("skj.withdrawn");
    advance(3_600_000);
    await w.drain();
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
    const rows = db.$client
      .prepare(
        'select actor_id, action, summary, "before", "after" from audit_log where entity_type = \'webhook\' and entity_id = ? order by id',
      )
      .all(String(id)) as {
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
    const refused: WebhookTransport = async (target) => {
      calls.push(target.url.href);
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    };
    const { id } = registerWebhook(db, "http://127.0.0.1:9/hook", adminId);
    addEvent();
    const w = worker({ transport: refused });
    for (let n = 1; n <= WEBHOOK_MAX_ATTEMPTS; n++) {
      await w.drain();
      expect(calls).toHaveLength(n);
      advance(nextAttemptDelayMs(n));
    }
    expect(deliveries(id)).toMatchObject([
      { status: "gagal", attempts: WEBHOOK_MAX_ATTEMPTS, last_status_code: null, last_error: UNREACHABLE, next_attempt_at: null },
    ]);
    advance(24 * 3_600_000);
    await w.drain();
    expect(calls).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect(listWebhooks(db).find((x) => x.id === id)).toMatchObject({ failed: 1, pending: 0 });
    expect(deliveryLog(db, { status: "gagal", page: 1 }).rows).toHaveLength(1);
  });

  it("a timeout is a failed attempt with the same text as any unreachable receiver", async () => {
    const slow: WebhookTransport = async () => {
      throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
    };
    const { id } = registerWebhook(db, "http://127.0.0.1:9/hook", adminId);
    addEvent();
    await worker({ transport: slow }).drain();
    expect(deliveries(id)).toMatchObject([{ status: "menunggu", attempts: 1, last_status_code: null, last_error: UNREACHABLE }]);
    expect(UNREACHABLE).toBe(
      "Penerima tidak dapat dihubungi: alamatnya tidak diizinkan, tidak ditemukan, menolak koneksi, atau tidak menjawab dalam 10 detik.",
    );
  });

  it("does not follow a redirect: the event goes only where it was registered", async () => {
    const elsewhere = await receiver([200]);
    const hook = await receiver([302], { Location: elsewhere.url });
    const { id } = registerWebhook(db, hook.url, adminId);
    addEvent();
    await worker().drain();
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
    await worker().drain();

    const feed = await fetch(`http://127.0.0.1:${(api.address() as AddressInfo).port}/api/v1/changes?after=${eventId - 1}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
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
    expect((page.body as { webhooks: { id: number; url: string }[] }).webhooks.find((w) => w.id === id)?.url).toBe(
      "http://127.0.0.1:9/hook",
    );

    const viewer = await cookieFor("viewer@demo.go.id");
    expect((await run(loader, get("/admin/webhooks", viewer))).status).toBe(403);
    expect((await run(action, post("/admin/webhooks", { intent: "register", url: "http://127.0.0.1:9/x" }, viewer))).status).toBe(403);

    const deactivated = await run(action, post("/admin/webhooks", { intent: "deactivate", id: String(id) }, cookie));
    expect(deactivated.status).toBe(302);
    expect(listWebhooks(db).find((w) => w.id === id)?.active).toBe(false);
  });
});

describe("internal addresses (issue 13, finding 10)", () => {
  const INTERNAL = [
    ["loopback", "http://127.0.0.1:8080/hook"],
    ["loopback, decimal spelling", "http://2130706433/hook"],
    ["loopback, hexadecimal spelling", "http://0x7f.0.0.1/hook"],
    ["loopback, octal spelling", "http://0177.0.0.1/hook"],
    ["loopback, short spelling", "http://127.1/hook"],
    ["loopback IPv6", "http://[::1]/hook"],
    ["loopback, IPv4-mapped IPv6", "http://[::ffff:127.0.0.1]/hook"],
    ["loopback by name (DNS)", "http://localhost:3000/hook"],
    ["private 10/8", "http://10.0.0.1/hook"],
    ["private 172.16/12", "http://172.16.5.4/hook"],
    ["private 192.168/16", "http://192.168.1.1/hook"],
    ["private, IPv4-mapped IPv6", "http://[::ffff:192.168.1.1]/hook"],
    ["link-local (cloud metadata)", "http://169.254.169.254/latest/meta-data"],
    ["link-local IPv6", "http://[fe80::1]/hook"],
    ["unique-local IPv6", "http://[fd12:3456::1]/hook"],
    ["multicast", "http://224.0.0.1/hook"],
    ["multicast IPv6", "http://[ff02::1]/hook"],
    ["unspecified", "http://0.0.0.0/hook"],
    ["unspecified IPv6", "http://[::]/hook"],
  ] as const;

  it.each(INTERNAL)("registration refuses %s (%s) with 422 at the URL field and stores nothing", async (_kind, url) => {
    allowHosts([]);
    const cookie = await cookieFor("admin@demo.go.id");
    const answer = await run(action, post("/admin/webhooks", { intent: "register", url }, cookie));
    expect(answer.status).toBe(422);
    expect((answer.body as { errors: { url: string } }).errors.url).toMatch(
      /^URL webhook menuju alamat .*; webhook hanya dikirim ke alamat internet publik\. Bila penerimanya memang di jaringan internal, admin dapat mengizinkan host .* di Pengaturan aturan \(Host webhook yang diizinkan di jaringan internal\)\.$/,
    );
    expect(listWebhooks(db)).toEqual([]);
  });

  it("registration accepts a public address, and an internal host once an admin allowed it by name", async () => {
    allowHosts([]);
    const cookie = await cookieFor("admin@demo.go.id");
    expect((await run(action, post("/admin/webhooks", { intent: "register", url: "http://203.0.114.5/hook" }, cookie))).status).toBe(200);
    expect((await run(action, post("/admin/webhooks", { intent: "register", url: "http://localhost:3000/hook" }, cookie))).status).toBe(
      422,
    );
    allowHosts(["LOCALHOST"]);
    expect((await run(action, post("/admin/webhooks", { intent: "register", url: "http://localhost:3000/hook" }, cookie))).status).toBe(
      200,
    );
    expect(
      listWebhooks(db)
        .map((w) => w.url)
        .sort(),
    ).toEqual(["http://203.0.114.5/hook", "http://localhost:3000/hook"]);
  });

  it("delivery checks every address DNS gives, refuses without connecting, and logs the same text as an unreachable receiver", async () => {
    allowHosts([]);
    const connections: string[] = [];
    const transport: WebhookTransport = async (target) => {
      connections.push(target.address);
      return 200;
    };
    // a public first answer does not hide an internal second one (nor a name that changed since registration)
    const { id } = registerWebhook(db, "http://penerima.contoh.invalid/hook", adminId);
    addEvent();
    await worker({
      transport,
      resolveHost: async () => [
        { address: "203.0.114.5", family: 4 },
        { address: "10.0.0.7", family: 4 },
      ],
    }).drain();
    expect(connections).toEqual([]);
    expect(deliveries(id)).toMatchObject([{ status: "menunggu", attempts: 1, last_status_code: null, last_error: UNREACHABLE }]);
  });

  it("a refused address and a closed port read the same in the delivery log", async () => {
    allowHosts(["127.0.0.1"]);
    const closed = registerWebhook(db, "http://127.0.0.1:9/hook", adminId);
    const internal = registerWebhook(db, "http://10.255.255.1/hook", adminId);
    addEvent();
    await worker().drain();
    expect(deliveries(closed.id)).toMatchObject([{ last_status_code: null, last_error: UNREACHABLE }]);
    expect(deliveries(internal.id)).toMatchObject([{ last_status_code: null, last_error: UNREACHABLE }]);
  });

  it("connects to the address that was checked, not to a second DNS answer (no rebinding)", async () => {
    const hook = await receiver([200]);
    const port = new URL(hook.url).port;
    allowHosts(["penerima.uji.invalid"]);
    let lookups = 0;
    // a resolver that would answer something else the second time; .invalid never resolves in real DNS
    const resolveHost = async () => (lookups++ === 0 ? [{ address: "127.0.0.1", family: 4 }] : [{ address: "203.0.114.5", family: 4 }]);
    const { id } = registerWebhook(db, `http://penerima.uji.invalid:${port}/hook`, adminId);
    addEvent();
    await worker({ resolveHost }).drain();
    expect(lookups).toBe(1);
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]!.headers.host).toBe(`penerima.uji.invalid:${port}`);
    expect(deliveries(id)).toMatchObject([{ status: "terkirim", last_status_code: 200 }]);
  });
});
