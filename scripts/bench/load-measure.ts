// Issue 8, item 2: 50 concurrent logged-in sessions against the built server for 30 s, mixing the pages people
// read with autosaves of drafts. Each session edits a draft of its own and chains the base revision from each
// acknowledged save, so no save may legitimately answer 409; afterwards every draft must hold the last
// revision the server acknowledged.
import autocannon from "autocannon";
import type { RichTextNode } from "~/domain/richtext";
import type { SkjDocument } from "~/domain/skj-document";
import { openDraftForPosition } from "~/services/skj.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { LARGE } from "./data-set";
import { bulkPositions, offsetOf } from "./positions";
import { COMMON_WORD } from "./register-measures";
import { mib, sampleTreeMemory } from "./peak-memory";
import { log, type Measure } from "./runner";
import { login } from "./server";

const SESSIONS = 50;
const LOAD_SECONDS = 30;
// 50 sessions with no think time keep 50 requests queued at the web processes' event loops, so latency is mostly
// waiting in that queue; a request counts as an error only when unanswered this long (autocannon's default is 10 s)
const TIMEOUT_SECONDS = 30;

interface Session {
  cookie: string;
  positionId: number;
  code: string;
  document: SkjDocument;
  summaryJson: RichTextNode | null;
  /** The revision the server last acknowledged, which the next save is based on. */
  revision: number;
  /** The marker written by that save, to find it in the stored draft. */
  marker: string | null;
  /** A save sent whose answer has not arrived (the run may stop in between). */
  pending: { marker: string } | null;
  saves: number;
}

/**
 * The action's answer out of Remix's single-fetch reply (turbo-stream: one JSON array, objects as
 * {"_<key index>": <value index>}, arrays as lists of indices, negative indices for undefined/null/…).
 * Enough for the plain data an action returns; promises and class instances are not needed here.
 */
export function singleFetchData(body: string): unknown {
  const values = JSON.parse(body.split("\n", 1)[0]!) as unknown[];
  const SPECIAL: Record<number, unknown> = {
    [-1]: undefined,
    [-2]: null,
    [-3]: Number.NaN,
    [-4]: Number.POSITIVE_INFINITY,
    [-5]: Number.NEGATIVE_INFINITY,
    [-6]: -0,
  };
  const hydrate = (index: number): unknown => {
    if (index < 0) return SPECIAL[index];
    const value = values[index];
    if (Array.isArray(value)) return value.map((i) => hydrate(i as number));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, i]) => [values[Number(key.slice(1))] as string, hydrate(i as number)]));
    }
    return value;
  };
  return (hydrate(0) as { data?: unknown }).data;
}

/**
 * Resolves once the server answers /healthz promptly again: requests the run abandoned are still queued there,
 * and the writes among them would otherwise race the next measure's.
 */
async function drained(baseUrl: string) {
  const deadline = Date.now() + 120_000;
  for (let prompt = 0; prompt < 3 && Date.now() < deadline; ) {
    const started = performance.now();
    await fetch(`${baseUrl}/healthz`);
    prompt = performance.now() - started < 100 ? prompt + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

// issue 18, item 3
const MIN_REQUESTS_PER_SECOND = 250;
const MAX_P95_MS = 400;

const pageOf = (n: number) => 1 + (n % Math.floor(LARGE.positions / 50));

export const loadMeasure: Measure = {
  name: `beban: ${SESSIONS} sesi × ${LOAD_SECONDS} s (register, jabatan, kamus, API versi; simpan draf)`,
  size: LARGE.label,
  target: {
    label: `≥ ${MIN_REQUESTS_PER_SECOND} permintaan/s, p95 < ${MAX_P95_MS} ms, 0 galat, 0 non-2xx, draf = revisi terakhir yang diakui`,
    stat: "p95",
    maxMs: MAX_P95_MS,
  },
  async run(ctx) {
    const { baseUrl, readToken, pid } = await ctx.server(LARGE);
    const { db } = await ctx.dataSet(LARGE);
    const analyst = findUserByEmail(db, "analis@demo.go.id")!;
    const positions = bulkPositions(db, offsetOf(LARGE.positions, "load"), SESSIONS);
    const cookies = await ctx.timed(`${SESSIONS} sesi login`, async () => {
      const out: string[] = [];
      // a few at a time: each login is one argon2 verification on the server
      for (let i = 0; i < SESSIONS; i += 5)
        out.push(...(await Promise.all(Array.from({ length: Math.min(5, SESSIONS - i) }, () => login(baseUrl)))));
      return out;
    });
    const pool: Session[] = positions.map((p, i) => {
      // the draft is opened here, as "Susun SKJ" would, from the position's published version
      const draft = openDraftForPosition(db, p.id, analyst.id);
      return {
        cookie: cookies[i]!,
        positionId: p.id,
        code: p.code,
        document: draft.document,
        summaryJson: draft.summaryJson as RichTextNode | null,
        revision: draft.revision,
        marker: null,
        pending: null,
        saves: 0,
      };
    });
    const free = [...pool];
    const byRoute = new Map<string, { statuses: Map<number, number>; latencies: number[] }>();
    let unexpected = 0;
    let exhausted = 0;
    type Ctx = { session?: Session; sentAt?: number };
    // a connection sends its next request only after the previous answer, so the context times one request
    const count = (route: string, status: number, context: object) => {
      const r = byRoute.get(route) ?? { statuses: new Map<number, number>(), latencies: [] };
      r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1);
      r.latencies.push(performance.now() - (context as Ctx).sentAt!);
      byRoute.set(route, r);
    };
    const sessionOf = (context: object) => (context as Ctx).session!;
    const sent = (req: autocannon.Request, context: object) => {
      (context as Ctx).sentAt = performance.now();
      return req;
    };
    // a save that timed out never gives its session back: a connection left without one only asks /healthz
    // for that round, so the run goes on and fails on `exhausted` instead of crashing autocannon
    const idle = (req: autocannon.Request, context: object) =>
      sent({ ...req, method: "GET", path: "/healthz", headers: {}, body: undefined }, context);
    const needsSession = (r: autocannon.Request): autocannon.Request => {
      const setup = r.setupRequest as (req: autocannon.Request, context: object) => autocannon.Request;
      const after = r.onResponse as (status: number, body: string, context: object) => void;
      return {
        ...r,
        setupRequest: (req, context) => ((context as Ctx).session ? setup(req, context) : idle(req, context)),
        onResponse: (status, body, context) => ((context as Ctx).session ? after(status, body, context) : undefined),
      };
    };
    const withCookie = (req: autocannon.Request, context: object): autocannon.Request =>
      sent({ ...req, headers: { ...req.headers, Cookie: sessionOf(context).cookie } }, context);
    let counter = 0;
    // autocannon resets a connection's context each time it starts the list again: the first request takes a
    // free session and the last gives it back, so a session (and its draft) is never on two connections at once
    const [first, ...rest]: autocannon.Request[] = [
      {
        method: "GET",
        setupRequest(req, context) {
          const session = free.pop();
          if (!session) {
            exhausted++;
            return idle(req, context);
          }
          (context as Ctx).session = session;
          return withCookie({ ...req, path: `/jabatan?page=${pageOf(counter++)}` }, context);
        },
        onResponse: (status, _body, context) => count("GET /jabatan", status, context),
      },
      {
        method: "GET",
        setupRequest: (req, context) => withCookie({ ...req, path: `/jabatan/${sessionOf(context).positionId}` }, context),
        onResponse: (status, _body, context) => count("GET /jabatan/{id}", status, context),
      },
      {
        method: "GET",
        setupRequest: (req, context) => withCookie({ ...req, path: `/kamus?q=${COMMON_WORD}` }, context),
        onResponse: (status, _body, context) => count("GET /kamus?q=", status, context),
      },
      {
        method: "GET",
        setupRequest: (req, context) =>
          sent(
            { ...req, path: `/api/v1/skj/${sessionOf(context).code}/versions/1`, headers: { Authorization: `Bearer ${readToken}` } },
            context,
          ),
        onResponse: (status, _body, context) => count("GET /api/v1/skj/{kode}/versions/1", status, context),
      },
      {
        method: "POST",
        setupRequest(req, context) {
          const s = sessionOf(context);
          const marker = `Indikator kinerja beban ${s.code} #${++s.saves}`;
          s.pending = { marker };
          const document = { ...s.document, requirements: { ...s.document.requirements, performanceIndicators: [marker] } };
          return sent(
            {
              ...req,
              // the editor's autosave: JSON to its own resource route
              path: `/jabatan/${s.positionId}/skj/simpan`,
              headers: { Cookie: s.cookie, "Content-Type": "application/json", Origin: baseUrl },
              body: JSON.stringify({ intent: "save", document, summaryJson: s.summaryJson, baseRevision: s.revision, refreshCodes: [] }),
            },
            context,
          );
        },
        onResponse(status, body, context) {
          const s = sessionOf(context);
          count("POST /jabatan/{id}/skj (simpan)", status, context);
          try {
            if (status === 200) {
              const reply = JSON.parse(body) as { ok?: boolean; revision?: number } | undefined;
              if (reply?.ok && typeof reply.revision === "number") {
                s.revision = reply.revision;
                s.marker = s.pending!.marker;
              } else unexpected++;
            }
          } catch {
            // an answer that is not the action's reply is a finding, not a reason to stop the run
            unexpected++;
          } finally {
            s.pending = null;
            free.push(s);
          }
        },
      },
    ];
    const requests = [first!, ...rest.map(needsSession)];
    const latencies: number[] = [];
    const memory = sampleTreeMemory(pid, 500);
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        { url: baseUrl, connections: SESSIONS, duration: LOAD_SECONDS, timeout: TIMEOUT_SECONDS, requests },
        (error, r) => (error ? reject(error) : resolve(r)),
      );
      instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
    const peak = memory.stop();
    await ctx.timed("server selesai melayani sisa antrean", () => drained(baseUrl));
    // a save still in flight when the run stopped may or may not have landed; every acknowledged one must have
    let lost = 0;
    for (const s of pool) {
      const stored = findOpenDraft(db, s.positionId);
      const text = stored?.document.requirements.performanceIndicators[0] ?? null;
      const acknowledged = stored?.revision === s.revision && (s.marker === null || text === s.marker);
      const landedUnacknowledged = s.pending !== null && stored?.revision === s.revision + 1 && text === s.pending.marker;
      if (!acknowledged && !landedUnacknowledged) lost++;
    }
    latencies.sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!;
    const quantiles = Array.from({ length: 101 }, (_, i) => latencies[Math.round((i / 100) * (latencies.length - 1))]!);
    const saves = pool.reduce((n, s) => n + s.saves, 0);
    const p95 = (list: number[]) => [...list].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.95 * list.length) - 1)] ?? 0;
    const routes = [...byRoute]
      .map(
        ([route, r]) =>
          `${route}: ${[...r.statuses].map(([status, n]) => `${n}×${status}`).join(", ")}, p95 ${p95(r.latencies).toFixed(0)} ms`,
      )
      .join("; ");
    log(`  ${routes}`);
    return {
      samples: quantiles,
      runs: latencies.length,
      meets:
        latencies.length / result.duration >= MIN_REQUESTS_PER_SECOND &&
        at(0.95) < MAX_P95_MS &&
        result.errors === 0 &&
        result.timeouts === 0 &&
        result.non2xx === 0 &&
        unexpected === 0 &&
        exhausted === 0 &&
        lost === 0,
      note:
        `${(latencies.length / result.duration).toFixed(0)} permintaan/s (${SESSIONS} koneksi tanpa jeda, batas waktu ${TIMEOUT_SECONDS} s) selama ${result.duration.toFixed(0)} s, ${latencies.length.toLocaleString("id-ID")} jawaban; ` +
        `latensi p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms, maks ${latencies.at(-1)!.toFixed(0)} ms; ` +
        `galat ${result.errors} (batas waktu ${result.timeouts}), non-2xx ${result.non2xx}, jawaban simpan tak terduga ${unexpected}; ` +
        `puncak memori server ${mib(peak.peakPss)} PSS (${peak.maxProcesses} proses); ` +
        `${saves} penyimpanan draf, ${SESSIONS - lost} dari ${SESSIONS} draf memuat revisi terakhir yang diakui; ${routes}`,
    };
  },
};
