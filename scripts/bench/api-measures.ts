// The feed for the mapping engine (issue 6): one published version over HTTP beside a bare node:http handler
// serving the same bytes, the feed of 1,000 events, and the list.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { changesAfter, publishedVersionBytes } from "~db/queries/skj-read.server";
import type { Context } from "./context";
import { LARGE, type DataSetSize } from "./data-set";
import { bulkPositions, offsetOf } from "./positions";
import { RUNS, sample, WARMUP, type Measure } from "./runner";

// issue 6, Speed: a published version at least half the requests/s of a bare node:http handler serving the
// same row, measured side by side; 1,000 feed events read in under 50 ms
const API_RATIO_TARGET = 0.5;
const FEED_TARGET_MS = 50;
export const FEED_EVENTS = 1_000;
const LOAD_SECONDS = 5;
const LOAD_WARMUP_SECONDS = 1;
const LOAD_CONCURRENCY = 20;
const LOAD_ROUNDS = 5;

/** The published version the read measures fetch: a synthetic position's version 1 and its stored bytes. */
export function readVersion(ctx: Context, size: DataSetSize) {
  return ctx.once(`read-version-${size.label}`, async () => {
    const { db, file } = await ctx.dataSet(size);
    const [position] = bulkPositions(db, offsetOf(size.positions, "read"), 1);
    const stored = publishedVersionBytes(db, position!.code, 1);
    if (!stored) throw new Error(`Jabatan ${position!.code} tidak punya versi 1.`);
    return { file, code: position!.code, version: 1, snapshot: stored.bytes, contentHash: stored.contentHash };
  });
}

// CommonJS in a worker thread of the bench process: its own event loop, so it does not share a core with
// the load loop, as the server child process does not either. No Express, no token, no query per request.
const BARE_SERVER = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
const row = db.prepare("select v.snapshot, v.content_hash from positions p join skj_versions v on v.position_id = p.id where p.code = ? and v.version_number = ?").get(workerData.code, workerData.version);
db.close();
const body = Buffer.from(row.snapshot, "utf8");
const headers = { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(body.length), ETag: '"' + row.content_hash + '"', "Cache-Control": "private, max-age=0, must-revalidate" };
const server = http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); });
server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
`;

async function startBareServer(file: string, code: string, version: number): Promise<{ url: string; stop: () => Promise<number> }> {
  const worker = new Worker(BARE_SERVER, { eval: true, execArgv: [], workerData: { file, code, version } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => worker.terminate() };
}

interface LoadResult {
  rps: number;
  requests: number;
  failures: number;
  /** Latency quantiles 0, 1, …, 100 %, in ms. */
  quantiles: number[];
}

interface LoadTarget {
  options: http.RequestOptions;
  bytes: number;
  latencies: number[];
  failures: number;
  seconds: number;
}

function loadTarget(url: string, headers: Record<string, string>, bytes: number): LoadTarget {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: LOAD_CONCURRENCY });
  return {
    bytes,
    latencies: [],
    failures: 0,
    seconds: 0,
    options: { agent, hostname: target.hostname, port: target.port, path: target.pathname + target.search, headers },
  };
}

/**
 * LOAD_CONCURRENCY requests in flight over keep-alive connections for `ms`; a response counts as failed
 * unless it is 200 with the expected bytes. Hand-written rather than autocannon so both servers see exactly
 * the same client, alternating round by round.
 */
async function loadFor(t: LoadTarget, ms: number, record: boolean) {
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      http
        .get(t.options, (res) => {
          let received = 0;
          res.on("data", (chunk: Buffer) => (received += chunk.length));
          res.on("end", () => {
            if (record) {
              if (res.statusCode !== 200 || received !== t.bytes) t.failures++;
              t.latencies.push(performance.now() - started);
            }
            resolve();
          });
          res.on("error", reject);
        })
        .on("error", reject);
    });
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: LOAD_CONCURRENCY }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  if (record) t.seconds += (performance.now() - started) / 1000;
}

function loadResult(t: LoadTarget): LoadResult {
  (t.options.agent as http.Agent).destroy();
  const sorted = t.latencies.sort((a, b) => a - b);
  const quantiles = Array.from({ length: 101 }, (_, i) => sorted[Math.round((i / 100) * (sorted.length - 1))]!);
  return { rps: sorted.length / t.seconds, requests: sorted.length, failures: t.failures, quantiles };
}

const rpsText = (rps: number) => Math.round(rps).toLocaleString("id-ID");
const versionPath = (v: { code: string; version: number }) => `/api/v1/skj/${v.code}/versions/${v.version}`;

/**
 * The bare node:http handler and the API, loaded in alternating rounds (LOAD_SECONDS each in all) so that
 * whatever else the machine runs weighs on both alike; measured once for the two rows.
 */
function sideBySide(ctx: Context) {
  return ctx.once("side-by-side", async () => {
    const { baseUrl, readToken } = await ctx.server(LARGE);
    const published = await readVersion(ctx, LARGE);
    const path = versionPath(published);
    const headers = { Authorization: `Bearer ${readToken}` };
    const bytes = Buffer.byteLength(published.snapshot);
    const bare = await startBareServer(published.file, published.code, published.version);
    try {
      const targets = [loadTarget(bare.url + path, headers, bytes), loadTarget(baseUrl + path, headers, bytes)];
      for (const t of targets) await loadFor(t, LOAD_WARMUP_SECONDS * 1000, false);
      for (let round = 0; round < LOAD_ROUNDS; round++) {
        for (const t of targets) await loadFor(t, (LOAD_SECONDS * 1000) / LOAD_ROUNDS, true);
      }
      const [bareResult, apiResult] = targets.map(loadResult) as [LoadResult, LoadResult];
      return { bare: bareResult, api: apiResult, bytes, path };
    } finally {
      await bare.stop();
    }
  });
}

const feedTarget = { label: `p95 < ${FEED_TARGET_MS} ms`, stat: "p95", maxMs: FEED_TARGET_MS } as const;

export const sideBySideMeasures: Measure[] = [
  {
    name: "HTTP node:http bawaan, baris versi yang sama (pembanding)",
    size: LARGE.label,
    async run(ctx) {
      const { bare, bytes } = await sideBySide(ctx);
      return {
        samples: bare.quantiles,
        runs: bare.requests,
        valid: bare.failures === 0,
        note: `${rpsText(bare.rps)} permintaan/s (${LOAD_CONCURRENCY} koneksi keep-alive, ${LOAD_SECONDS} s dalam ${LOAD_ROUNDS} putaran berselang, ${bytes.toLocaleString("id-ID")} B per jawaban, ${bare.failures} gagal); median/p95 = latensi per permintaan`,
      };
    },
  },
  {
    name: "HTTP GET /api/v1/skj/{kode}/versions/{n} di bawah beban (server aplikasi, token, byte siap kirim)",
    size: LARGE.label,
    target: { label: `≥ ${API_RATIO_TARGET} × node:http bawaan (permintaan/s)`, stat: "median", maxMs: Number.POSITIVE_INFINITY },
    async run(ctx) {
      const { baseUrl, readToken } = await ctx.server(LARGE);
      const published = await readVersion(ctx, LARGE);
      const { bare, api, path } = await sideBySide(ctx);
      // the stored bytes and the ETag the issue asks for, checked once outside the load
      const check = await fetch(baseUrl + path, { headers: { Authorization: `Bearer ${readToken}` } });
      const body = await check.text();
      if (check.status !== 200) throw new Error(`GET ${path} menjawab HTTP ${check.status}: ${body.slice(0, 200)}`);
      const ratio = api.rps / bare.rps;
      return {
        samples: api.quantiles,
        runs: api.requests,
        meets: ratio >= API_RATIO_TARGET,
        ratio: { value: ratio, label: "permintaan/s thd. node:http bawaan" },
        valid: api.failures === 0 && body === published.snapshot && check.headers.get("etag") === `"${published.contentHash}"`,
        note: `${rpsText(api.rps)} permintaan/s lawan ${rpsText(bare.rps)} node:http bawaan: rasio ${ratio.toFixed(2)} (target ≥ ${API_RATIO_TARGET}); ${api.failures} gagal; ${path}`,
      };
    },
  },
];

export const readMeasures = (size: DataSetSize): Measure[] => [
  {
    name: "HTTP GET /api/v1/skj/{kode}/versions/{n} (satu per satu)",
    size: size.label,
    async run(ctx) {
      const { baseUrl, readToken } = await ctx.server(size);
      const published = await readVersion(ctx, size);
      let body = "";
      const samples = await sample(RUNS, WARMUP, async () => {
        const res = await fetch(baseUrl + versionPath(published), { headers: { Authorization: `Bearer ${readToken}` } });
        body = await res.text();
        if (res.status !== 200) throw new Error(`GET ${versionPath(published)} menjawab HTTP ${res.status}: ${body.slice(0, 200)}`);
      });
      return { samples, valid: body === published.snapshot, note: `${versionPath(published)}: ${(body.length / 1024).toFixed(1)} KB` };
    },
  },
  {
    name: `umpan: changesAfter ${FEED_EVENTS.toLocaleString("id-ID")} peristiwa (kueri langsung)`,
    size: size.label,
    target: feedTarget,
    async run(ctx) {
      const { db, set } = await ctx.dataSet(size);
      const first = changesAfter(db, 0, FEED_EVENTS);
      const samples = await sample(RUNS, WARMUP, () => changesAfter(db, 0, FEED_EVENTS));
      return { samples, valid: first.length === FEED_EVENTS, note: `${first.length} dari ${set.events}+ peristiwa` };
    },
  },
  {
    name: `HTTP GET /api/v1/changes?limit=${FEED_EVENTS} (pulang-pergi, JSON diurai)`,
    size: size.label,
    target: feedTarget,
    async run(ctx) {
      const { baseUrl, readToken } = await ctx.server(size);
      let page: { events: { id: number }[]; nextCursor: string | null } = { events: [], nextCursor: null };
      let bytes = 0;
      const samples = await sample(RUNS, WARMUP, async () => {
        const res = await fetch(`${baseUrl}/api/v1/changes?limit=${FEED_EVENTS}`, { headers: { Authorization: `Bearer ${readToken}` } });
        const text = await res.text();
        if (res.status !== 200) throw new Error(`GET /api/v1/changes menjawab HTTP ${res.status}: ${text.slice(0, 200)}`);
        bytes = text.length;
        page = JSON.parse(text) as typeof page;
      });
      const increasing = page.events.every((e, i) => i === 0 || e.id > page.events[i - 1]!.id);
      return {
        samples,
        valid: page.events.length === FEED_EVENTS && increasing,
        note: `${page.events.length} peristiwa, ${(bytes / 1024).toFixed(0)} KB, nextCursor ${page.nextCursor}`,
      };
    },
  },
];

export const listMeasure: Measure = {
  name: `HTTP GET /api/v1/skj?limit=${FEED_EVENTS} (daftar, byte tersimpan digabung)`,
  size: LARGE.label,
  async run(ctx) {
    const { baseUrl, readToken } = await ctx.server(LARGE);
    let items = 0;
    let bytes = 0;
    const samples = await sample(10, 2, async () => {
      const res = await fetch(`${baseUrl}/api/v1/skj?limit=${FEED_EVENTS}`, { headers: { Authorization: `Bearer ${readToken}` } });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`GET /api/v1/skj menjawab HTTP ${res.status}: ${text.slice(0, 200)}`);
      bytes = Buffer.byteLength(text);
      items = (JSON.parse(text) as { items: unknown[] }).items.length;
    });
    return { samples, valid: items === FEED_EVENTS, note: `${items} dokumen, ${(bytes / 1024 / 1024).toFixed(1)} MB` };
  },
};
