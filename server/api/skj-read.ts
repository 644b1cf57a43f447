// The read side of the HTTP API (contract §5): GET /api/v1/skj, /api/v1/skj/{code}, /api/v1/skj/{code}/versions/{n},
// /api/v1/skj/{code}/versions/{n}/pdf, /api/v1/changes and /api/v1/schema/skj-published.json.
//
// These run in our own server entry, ahead of express and the Remix handler, because the mapping engine reads
// them far more often than people read pages and a Remix resource route costs about fifteen times a bare
// handler per request (issue 6, Speed). So: one request listener that dispatches on the path by hand, answers
// written straight onto node's response, and published documents sent as their stored bytes, never parsed
// and re-serialized.
//
// Everything else under /api/v1 (the POST endpoints) falls through to Remix.
import type Database from "better-sqlite3";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import { hasScope, type Scope } from "~/domain/api-tokens";
import { etagMatches, printedFileEtag, REVALIDATE_EVERY_TIME } from "~/domain/http-cache";
import { INSTANCE_MISSING_MESSAGE, instanceFingerprint } from "~/domain/instance";
import { currentBuildId } from "~/services/build-id.server";
import { parsePageParams, toPage } from "~/domain/pagination";
import { skjPublishedJsonSchema } from "~/domain/skj-published";
import { CODE_MAX, CODE_PATTERN } from "~/domain/sotk";
import { getDb, type Db } from "~db/client.server";
import { findActiveToken, LAST_USED_RESOLUTION_MS, type ApiPrincipal } from "~db/queries/api-tokens.server";
import { instanceProfile } from "~db/queries/instance.server";
import { findUnitByCode } from "~db/queries/register.server";
import {
  changesAfter,
  currentPublished,
  listCurrentPublished,
  publishedVersionBytes,
  publishedVersionRef,
} from "~db/queries/skj-read.server";
import { securityHeaders } from "../middleware";

const PREFIX = "/api/v1/";
const JSON_TYPE = "application/json; charset=utf-8";
const VERSION_PATH = /^(.+)\/versions\/([^/]+)$/;
const PDF_PATH = /^(.+)\/versions\/([^/]+)\/pdf$/;
const VERSION_NUMBER = /^[1-9]\d{0,8}$/;
const AFTER = /^\d{1,15}$/;
// Remix owns these: GET on them answers 405 there, which must not turn into "SKJ tidak ditemukan" here
const REMIX_COLLECTIONS = new Set(["validate", "drafts", "drafts/bulk"]);
const REMIX_LAST_SEGMENTS = new Set(["submit", "review", "publish", "draft"]);

// ------------------------------------------------------------------ answers

function sendJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": JSON_TYPE, "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store", ...headers });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  sendJson(res, status, JSON.stringify({ error: code, message }), headers);
}

// The same words as app/auth/api.server.ts, so a client sees one API whichever server part answers it.
const MESSAGES = {
  missing: "Token API wajib dikirim dalam header Authorization: Bearer <token>.",
  invalid: "Token API tidak valid, sudah dicabut, atau penggunanya tidak aktif.",
  forbidden: (scope: Scope) => `Token API ini tidak memiliki cakupan ${scope} yang diperlukan.`,
  notFound: (code: string) => `SKJ yang ditetapkan untuk jabatan ${code} tidak ditemukan.`,
  versionNotFound: (code: string, n: string) => `Versi ${n} SKJ jabatan ${code} tidak ditemukan.`,
  badAfter: "Parameter after harus bilangan bulat tidak negatif (id peristiwa terakhir yang sudah dibaca).",
  internal: "Terjadi kesalahan pada server. Silakan coba lagi.",
};

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

// ------------------------------------------------------------------ what holds while the database stands still

// findActiveToken builds and compiles its query on every call (~0.1 ms, more than the rest of a version read),
// and a version read would otherwise also ask which row {code, n} is. Both answers are kept, but only while
// the database is provably unchanged: no write on this connection (total_changes) and no commit by another
// (data_version, e.g. the CLI revoking a token). Any write at all, a revocation, a deactivated user or a
// renamed position among them, sends the next request back to SQL. A token is also looked up again after a
// minute, which keeps findActiveToken's once-a-minute last_used_at bookkeeping.
const PRINCIPAL_TTL_MS = LAST_USED_RESOLUTION_MS;
const ENTRIES_MAX = 10_000;
// Published snapshots themselves are kept by skj_versions.id, which SQL triggers tie to the same bytes forever,
// so they outlive any write; only the budget evicts them.
const BYTES_MAX = 64 * 1024 * 1024;

interface Ready {
  body: Buffer;
  etag: string;
}

interface Memo {
  stamp: Database.Statement<[], { changes: number; version: number }>;
  at: string;
  // keyed by the token itself: hashing it again is what findActiveToken does on a miss anyway
  principals: Map<string, { principal: ApiPrincipal; until: number }>;
  // "<n> <code>" → the version row and its ETag
  versions: Map<string, { id: number; etag: string }>;
  snapshots: Map<number, Ready>;
  snapshotBytes: number;
}

// per connection, so a test's fresh database starts with nothing remembered
const memos = new WeakMap<Database.Database, Memo>();

/** The connection's memo, emptied of everything but snapshots when the database changed since the last request. */
function memoOf(db: Db): Memo {
  let memo = memos.get(db.$client);
  if (!memo) {
    memo = {
      stamp: db.$client.prepare("select total_changes() as changes, (select data_version from pragma_data_version()) as version"),
      at: "",
      principals: new Map(),
      versions: new Map(),
      snapshots: new Map(),
      snapshotBytes: 0,
    };
    memos.set(db.$client, memo);
  }
  const { changes, version } = memo.stamp.get()!;
  const at = `${changes}:${version}`;
  if (at !== memo.at) {
    memo.principals.clear();
    memo.versions.clear();
    memo.at = at;
  }
  return memo;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V) {
  if (map.size >= ENTRIES_MAX) map.clear();
  map.set(key, value);
}

function activeToken(db: Db, memo: Memo, token: string): ApiPrincipal | undefined {
  const now = Date.now();
  const hit = memo.principals.get(token);
  if (hit && hit.until > now) return hit.principal;
  const principal = findActiveToken(db, token);
  if (!principal) {
    memo.principals.delete(token);
    return undefined;
  }
  // filed under the stamp read before the lookup: when the lookup wrote last_used_at, the next request
  // looks up once more rather than trusting a stamp that might also hide another connection's commit
  remember(memo.principals, token, { principal, until: now + PRINCIPAL_TTL_MS });
  return principal;
}

/** True when the request carries an active token with `scope`; otherwise the 401/403 has been sent. */
function authorize(req: IncomingMessage, res: ServerResponse, db: Db, memo: Memo, scope: Scope): boolean {
  const token = req.headers.authorization?.match(BEARER)?.[1];
  const principal = token ? activeToken(db, memo, token) : undefined;
  if (!principal) {
    sendError(res, 401, "unauthorized", token ? MESSAGES.invalid : MESSAGES.missing, { "WWW-Authenticate": "Bearer" });
    return false;
  }
  if (!hasScope(principal.scopes, scope)) {
    sendError(res, 403, "forbidden", MESSAGES.forbidden(scope));
    return false;
  }
  return true;
}

function snapshotOf(memo: Memo, id: number, load: () => { bytes: string; contentHash: string } | undefined): Ready | undefined {
  const hit = memo.snapshots.get(id);
  if (hit) return hit;
  const row = load();
  if (!row) return undefined;
  const ready = { body: Buffer.from(row.bytes, "utf8"), etag: `"${row.contentHash}"` };
  // oldest first: an evicted version that is still read just comes back on its next request
  for (const [key, old] of memo.snapshots) {
    if (memo.snapshotBytes + ready.body.length <= BYTES_MAX) break;
    memo.snapshots.delete(key);
    memo.snapshotBytes -= old.body.length;
  }
  memo.snapshots.set(id, ready);
  memo.snapshotBytes += ready.body.length;
  return ready;
}

// ------------------------------------------------------------------ routes

function versionRoute(req: IncomingMessage, res: ServerResponse, db: Db, code: string, n: string) {
  const memo = memoOf(db);
  if (!authorize(req, res, db, memo, "skj:read")) return;
  const key = `${n} ${code}`;
  let ref = memo.versions.get(key);
  if (!ref) {
    const row = VERSION_NUMBER.test(n) ? publishedVersionRef(db, code, Number(n)) : undefined;
    if (!row) return sendError(res, 404, "not_found", MESSAGES.versionNotFound(code, n));
    remember(memo.versions, key, (ref = { id: row.id, etag: `"${row.contentHash}"` }));
  }
  if (etagMatches(req.headers["if-none-match"], ref.etag)) {
    res.writeHead(304, { ETag: ref.etag, "Cache-Control": REVALIDATE_EVERY_TIME });
    res.end();
    return;
  }
  const ready = snapshotOf(memo, ref.id, () => publishedVersionBytes(db, code, Number(n)));
  if (!ready) return sendError(res, 404, "not_found", MESSAGES.versionNotFound(code, n));
  res.writeHead(200, {
    "Content-Type": JSON_TYPE,
    "Content-Length": ready.body.length,
    ETag: ready.etag,
    "Cache-Control": REVALIDATE_EVERY_TIME,
  });
  res.end(ready.body);
}

function pdfRoute(req: IncomingMessage, res: ServerResponse, db: Db, code: string, n: string) {
  if (!authorize(req, res, db, memoOf(db), "skj:read")) return;
  const ref = VERSION_NUMBER.test(n) ? publishedVersionRef(db, code, Number(n)) : undefined;
  if (!ref) return sendError(res, 404, "not_found", MESSAGES.versionNotFound(code, n));
  const instance = instanceProfile(db);
  if (!instance) return sendError(res, 409, "instance_missing", INSTANCE_MISSING_MESSAGE);
  const etag = printedFileEtag("pdf", ref.contentHash, instanceFingerprint(instance), currentBuildId());
  if (etagMatches(req.headers["if-none-match"], etag)) {
    res.writeHead(304, { ETag: etag, "Cache-Control": REVALIDATE_EVERY_TIME });
    res.end();
    return;
  }
  // loaded on the first PDF only, so the JSON reads never pay for React and playwright at startup
  void import("~/services/skj-pdf.server")
    .then(async ({ pdfFileName, publishedVersionPdf }) => {
      const bytes = await publishedVersionPdf(db, code, Number(n));
      if (!bytes) return sendError(res, 404, "not_found", MESSAGES.versionNotFound(code, n));
      res.writeHead(200, {
        "Content-Type": "application/pdf",
        "Content-Length": bytes.length,
        ETag: etag,
        "Cache-Control": REVALIDATE_EVERY_TIME,
        "Content-Disposition": `inline; filename="${pdfFileName(code, Number(n))}"`,
      });
      res.end(bytes);
    })
    .catch((error: unknown) => {
      console.error(error);
      if (res.headersSent) res.destroy();
      else sendError(res, 500, "internal_error", MESSAGES.internal);
    });
}

function currentRoute(req: IncomingMessage, res: ServerResponse, db: Db, code: string) {
  if (!authorize(req, res, db, memoOf(db), "skj:read")) return;
  const row = currentPublished(db, code);
  if (!row) return sendError(res, 404, "not_found", MESSAGES.notFound(code));
  sendJson(res, 200, row.bytes);
}

function listRoute(req: IncomingMessage, res: ServerResponse, db: Db, params: URLSearchParams) {
  if (!authorize(req, res, db, memoOf(db), "skj:read")) return;
  const page = parsePageParams(params);
  if (!page.ok) return sendError(res, 400, page.error, page.message);
  const unitCode = params.get("unitCode") || undefined;
  let unitId: number | undefined;
  if (unitCode !== undefined) {
    const unit = findUnitByCode(db, unitCode);
    // as in /api/v1/positions: a unit that does not exist matches nothing, the request is not malformed
    if (!unit) return sendJson(res, 200, '{"items":[],"nextCursor":null}');
    unitId = unit.id;
  }
  const rows = listCurrentPublished(db, { afterId: page.afterId, limit: page.limit + 1, unitId });
  const { items, nextCursor } = toPage(
    rows,
    page.limit,
    (r) => r.id,
    (r) => r.bytes,
  );
  // the stored documents are valid JSON already: joining them keeps every item byte-identical to its version route
  sendJson(res, 200, `{"items":[${items.join(",")}],"nextCursor":${JSON.stringify(nextCursor)}}`);
}

const hrefOf = (code: string, version: number) => `/api/v1/skj/${encodeURIComponent(code).replace(/%2F/g, "/")}/versions/${version}`;

function changesRoute(req: IncomingMessage, res: ServerResponse, db: Db, params: URLSearchParams) {
  if (!authorize(req, res, db, memoOf(db), "skj:read")) return;
  const rawAfter = params.get("after") ?? "";
  if (rawAfter !== "" && !AFTER.test(rawAfter)) return sendError(res, 400, "invalid_after", MESSAGES.badAfter);
  const after = rawAfter === "" ? 0 : Number(rawAfter);
  // only limit: the feed's cursor is `after`, a plain event id, not the opaque list cursor
  const page = parsePageParams(new URLSearchParams(params.has("limit") ? { limit: params.get("limit")! } : {}));
  if (!page.ok) return sendError(res, 400, page.error, page.message);
  const rows = changesAfter(db, after, page.limit + 1);
  const more = rows.length > page.limit;
  const events = (more ? rows.slice(0, page.limit) : rows).map((e) => ({
    id: e.id,
    type: e.type,
    positionCode: e.positionCode,
    version: e.version,
    occurredAt: e.occurredAt,
    href: hrefOf(e.positionCode, e.version),
  }));
  sendJson(res, 200, JSON.stringify({ events, nextCursor: more ? String(events.at(-1)!.id) : null }));
}

let schemaBody: string | undefined;

function schemaRoute(res: ServerResponse) {
  // generated from the zod schema, which only changes with a deploy
  schemaBody ??= JSON.stringify(skjPublishedJsonSchema());
  sendJson(res, 200, schemaBody);
}

/** `rest` is the raw path after /api/v1/skj/; false when the path is not ours. */
function skjPath(req: IncomingMessage, res: ServerResponse, db: Db, rest: string): boolean {
  const pdf = PDF_PATH.exec(rest);
  if (pdf) {
    const code = decodeCode(pdf[1]!);
    if (code === null) sendError(res, 404, "not_found", MESSAGES.versionNotFound(pdf[1]!, pdf[2]!));
    else pdfRoute(req, res, db, code, pdf[2]!);
    return true;
  }
  const versioned = VERSION_PATH.exec(rest);
  if (versioned) {
    const code = decodeCode(versioned[1]!);
    if (code === null) sendError(res, 404, "not_found", MESSAGES.versionNotFound(versioned[1]!, versioned[2]!));
    else versionRoute(req, res, db, code, versioned[2]!);
    return true;
  }
  // other paths under /versions and the POST-only endpoints belong to Remix
  if (/\/versions(\/|$)/.test(rest) || REMIX_COLLECTIONS.has(rest) || REMIX_LAST_SEGMENTS.has(rest.slice(rest.lastIndexOf("/") + 1)))
    return false;
  const code = decodeCode(rest);
  if (code === null) sendError(res, 404, "not_found", MESSAGES.notFound(rest));
  else currentRoute(req, res, db, code);
  return true;
}

/** A position code from the path: "/" may come literally or as %2F; null when it cannot be a code. */
function decodeCode(raw: string): string | null {
  let code: string;
  try {
    code = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return code.length <= CODE_MAX && CODE_PATTERN.test(code) ? code : null;
}

/** Answers the request when it is one of these reads; false hands it on untouched. */
export function handleSkjRead(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "";
  if ((req.method !== "GET" && req.method !== "HEAD") || !url.startsWith(PREFIX)) return false;
  const q = url.indexOf("?");
  const rest = url.slice(PREFIX.length, q < 0 ? undefined : q);
  // only response headers are touched, which a bare ServerResponse has; set again, identically, on the way to Remix
  securityHeaders(req as Request, res as Response, () => {});
  try {
    if (rest === "schema/skj-published.json") return (schemaRoute(res), true);
    if (rest === "skj" || rest === "skj/") return (listRoute(req, res, getDb(), searchParams(url, q)), true);
    if (rest === "changes") return (changesRoute(req, res, getDb(), searchParams(url, q)), true);
    return rest.startsWith("skj/") && skjPath(req, res, getDb(), rest.slice(4));
  } catch (error) {
    console.error(error);
    if (res.headersSent) res.destroy();
    else sendError(res, 500, "internal_error", MESSAGES.internal);
    return true;
  }
}

/**
 * The server's request listener: these reads straight on node's http, everything else to `app`. In front of
 * express rather than inside it, because express's per-request set-up (prototype swaps on req and res, its
 * router and query parser) cost more than the whole read, about 40 % of the requests per second.
 */
export function withSkjReadApi(app: RequestListener): RequestListener {
  return (req, res) => {
    if (!handleSkjRead(req, res)) app(req, res);
  };
}

/** The same reads as express middleware, for an app served without withSkjReadApi (tests). */
export function skjReadApi(req: Request, res: Response, next: NextFunction) {
  if (!handleSkjRead(req, res)) next();
}

const searchParams = (url: string, q: number) => new URLSearchParams(q < 0 ? "" : url.slice(q + 1));
