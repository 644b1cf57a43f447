// The authorisation matrix (issue 8 §4): every route of the built app and every API endpoint, asked by every
// kind of caller, over HTTP against the real server. The routes come from the build's own manifest and the
// expected answers from app/domain/permissions.ts, so a new route or a changed grant cannot slip past: a
// route the tables below do not mention fails the coverage test instead of going unchecked.
//
// Nothing here may disturb the browser tests that share the server's database: an empty POST is refused by
// every action's own validation before it writes, the API's state changes aim at a position code that does
// not exist, logout runs on sessions of its own, and no user, setting or SKJ is changed; what it adds is five
// API tokens (under names of their own) and the audit rows of its sign-ins.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hasScope, type Scope } from "~/domain/api-tokens";
import { can, ROLES, type Permission, type Role } from "~/domain/permissions";
import { DEMO_PASSWORD } from "~seeds/seed.server";
import { readManifest, type ManifestRoute } from "./manifest";
import { baseUrl } from "./server-url";

// ------------------------------------------------------------------ the expectations: one table for pages, one for the API

/**
 * Demo values the URL parameters are filled with, found on the running server in beforeAll. The e2e server
 * seeds no demo SKJ (NODE_ENV=test), so whether a published version, a draft or a penetapan exists depends on
 * which browser tests ran first; a value that is not there is replaced by a stand-in, and a permitted caller
 * may then get 404 (still neither 401/403 nor 5xx) from the routes that use it.
 */
interface Fixtures {
  publishedPosition: string; // a position with a published SKJ
  version: string; // one of its published versions
  draftPosition: string; // a position whose draft waits for review
  unit: string;
  penetapan: string;
  user: string; // the viewer's id: an admin page about someone else
  settingKey: string;
  dictionaryCode: string;
  missingPage: string;
  // export jobs belong to their requester: the matrix asks for one nobody has (the owner rule is an integration test)
  missingExportJob: string;
  // whether a national JF standard exists depends on which browser tests ran first; an id nobody has is 404
  missingJfStandard: string;
  // background jobs are their requester's only: the same, for the job pages of the legacy import and drafts in bulk
  missingJob: string;
  publishedCode: string; // a position code the API serves a published SKJ for
  publishedVersion: string;
  // the API's submit/review/publish are probed on a code that does not exist, so a permitted token reaches
  // the endpoint's own checks and is refused there without anything moving
  missingCode: string;
}
type Fixture = keyof Fixtures;

/**
 * What a route asks of its caller, read from the route's requirePermission call:
 * a permission; "signed-in" (requireUser only); "public"; "guest" (the login page sends a signed-in user home).
 */
type Need = Permission | "signed-in" | "public" | "guest";

interface PageRule {
  loader?: Need;
  action?: Need;
  /** Which fixture fills each URL parameter (`*` for a splat). */
  params?: Record<string, Fixture>;
  /** What a permitted GET answers when it is not 200. */
  okGet?: number[];
  /**
   * The empty request an action gets, default an empty urlencoded form. "json": there an empty form is not
   * a refusal but the "Susun SKJ" button, which opens a draft, so an unreadable (empty JSON) body is sent
   * instead; the autosave route reads JSON. "multipart": an upload form, whose page always sends multipart.
   */
  emptyBody?: "form" | "json" | "multipart";
  /** Every caller is sent here (document 302, single-fetch 202). */
  redirectsTo?: string;
  /** Ends the caller's session: only asked in the logout test, on sessions made for it. */
  endsSession?: true;
  /** A layout that runs under every page rather than a page of its own. */
  layout?: true;
}

const POSITION = { id: "publishedPosition" } as const;
const DRAFT = { id: "draftPosition" } as const;
const ENTRY = { "*": "dictionaryCode" } as const;

// keyed by the build's route id; every route of the manifest that is not under api/ must be here
const PAGES: Record<string, PageRule> = {
  root: { layout: true },
  "routes/_index": { loader: "read" },
  "routes/cakupan": { loader: "read" },
  "routes/$": { loader: "signed-in", params: { "*": "missingPage" }, okGet: [404] },
  "routes/login": { loader: "guest", action: "guest" },
  "routes/logout": { loader: "public", action: "public", endsSession: true },

  "routes/admin._index": { loader: "users:manage" },
  "routes/admin.audit": { loader: "audit:read" },
  "routes/admin.settings._index": { loader: "settings:write" },
  "routes/admin.instansi": { loader: "settings:write", action: "settings:write" },
  "routes/admin.settings.$key": { loader: "settings:write", action: "settings:write", params: { key: "settingKey" } },
  "routes/admin.tokens": { loader: "users:manage", action: "users:manage" },
  "routes/akun.token": { loader: "read", action: "read" },
  "routes/admin.users.new": { loader: "users:manage", action: "users:manage" },
  "routes/admin.users.$userId": { loader: "users:manage", action: "users:manage", params: { userId: "user" } },
  "routes/admin.webhooks": { loader: "users:manage", action: "users:manage" },

  "routes/struktur._index": { loader: "read" },
  "routes/struktur.baru": { loader: "register:write", action: "register:write" },
  "routes/struktur.impor": { loader: "register:write", action: "register:write", emptyBody: "multipart" },
  "routes/struktur.ekspor[.]xlsx": { loader: "read" },
  "routes/struktur.$id": { loader: "register:write", action: "register:write", params: { id: "unit" } },
  "routes/struktur.template[.]xlsx": { loader: "read" },
  "routes/struktur.pilih": { loader: "read" },
  // asked without the branches to open: the request is refused by name
  "routes/struktur.anak": { loader: "read", okGet: [400] },

  "routes/jabatan._index": { loader: "read" },
  "routes/jabatan.baru": { loader: "register:write", action: "register:write" },
  "routes/jabatan.ekspor[.]xlsx": { loader: "read" },
  "routes/jabatan.$id._index": { loader: "read", params: POSITION },
  "routes/jabatan.$id.riwayat": { loader: "read", params: POSITION },
  "routes/jabatan.$id.ubah": { loader: "register:write", action: "register:write", params: POSITION },
  "routes/jabatan.$id.versi.$n": { loader: "read", params: { id: "publishedPosition", n: "version" } },
  "routes/jabatan.$id.versi.$n[.]pdf": { loader: "read", params: { id: "publishedPosition", n: "version" } },
  "routes/jabatan.$id.skj": { loader: "read", action: "skj:write", params: DRAFT, emptyBody: "json" },
  "routes/jabatan.$id.skj_.simpan": { action: "skj:write", params: DRAFT, emptyBody: "json" },
  "routes/jabatan.$id.skj_.salin": { loader: "skj:write", action: "skj:write", params: DRAFT, emptyBody: "json" },
  "routes/jabatan.$id.skj_.saran": { loader: "read", params: DRAFT },
  "routes/jabatan.$id.versi.$n[.]docx": { loader: "read", params: { id: "publishedPosition", n: "version" } },
  "routes/jabatan.$id.versi.$n_.cabut": { loader: "skj:publish", action: "skj:publish", params: { id: "publishedPosition", n: "version" } },
  "routes/jabatan.$id.skj_.pdf": { loader: "read", params: DRAFT },
  "routes/jabatan.$id.skj_.docx": { loader: "read", params: DRAFT },
  "routes/jabatan.$id.skj_.pratinjau": { loader: "read", params: DRAFT },
  "routes/jabatan.$id.skj_.riwayat": { loader: "read", params: DRAFT },
  // approve and return ask skj:review as well, past the intent check that an empty form stops at
  "routes/jabatan.$id.skj_.tinjau": { loader: "read", action: "skj:write", params: DRAFT },

  "routes/kamus._index": { loader: "read" },
  "routes/kamus.baru": { loader: "dictionary:write", action: "dictionary:write" },
  "routes/kamus.ekspor": { loader: "read" },
  "routes/kamus.mirip": { loader: "dictionary:write" },
  "routes/kamus.pilih": { loader: "read" },
  "routes/kamus.entri.$": { loader: "read", action: "dictionary:write", params: ENTRY },
  "routes/kamus.riwayat.$": { loader: "read", params: ENTRY },
  "routes/kamus.ubah.$": { loader: "dictionary:write", action: "dictionary:write", params: ENTRY },
  "routes/kamus.standar-jf._index": { loader: "read" },
  "routes/kamus.standar-jf.ekspor[.]json": { loader: "read" },
  "routes/kamus.standar-jf.impor": { loader: "jf-standard:write", action: "jf-standard:write", emptyBody: "multipart" },
  "routes/kamus.standar-jf.$id": { loader: "read", params: { id: "missingJfStandard" }, okGet: [404] },

  "routes/skj._index": { loader: "read" },
  "routes/skj.draf-massal": { loader: "skj:write", action: "skj:write" },
  "routes/skj.ubah-massal": { loader: "skj:write", action: "skj:write" },
  // an empty form names no analysis: 410; an empty upload names no file: 400
  "routes/skj.impor": { loader: "skj:write", action: "skj:write" },
  "routes/skj.impor_.$id": { loader: "skj:write", params: { id: "missingJob" }, okGet: [404] },
  "routes/skj.draf-massal_.$id": { loader: "skj:write", params: { id: "missingJob" }, okGet: [404] },
  "routes/skj.ekspor[.]xlsx": { loader: "read" },
  "routes/penetapan._index": { loader: "read" },
  "routes/penetapan.baru": { loader: "skj:publish", action: "skj:publish" },
  "routes/penetapan.$id": { loader: "read", action: "skj:publish", params: { id: "penetapan" } },

  "routes/ekspor._index": { loader: "read", action: "read" },
  "routes/ekspor.$id": { loader: "read", params: { id: "missingExportJob" }, okGet: [404] },
  "routes/ekspor.$id_.unduh": { loader: "read", params: { id: "missingExportJob" }, okGet: [404] },
};

/**
 * Who answers an API path: a Remix route id, "lean" (the hand-dispatching read router of server/api) or
 * "express" (a handler of server/web-server.ts itself).
 */
interface ApiEndpoint {
  owner: string;
  method: "GET" | "POST";
  /** The contract's form, `{fixture}` for a parameter. */
  pattern: string;
  scope: Scope | "any" | "none";
  /** A token acts as its user: the role must allow this too. */
  role?: Permission;
  /** What a permitted caller gets. */
  ok: number[];
  /** The same answer for every caller, token or not (a method the endpoint does not serve). */
  fixed?: number;
}

// a refused empty body: malformed JSON, a shape error, or the code that does not exist
const REFUSED_BODY = [400, 404, 422];

const API: ApiEndpoint[] = [
  { owner: "express", method: "GET", pattern: "/healthz", scope: "none", ok: [200] },
  { owner: "lean", method: "GET", pattern: "/api/v1/schema/skj-published.json", scope: "none", ok: [200] },
  { owner: "lean", method: "GET", pattern: "/api/v1/skj", scope: "skj:read", ok: [200] },
  { owner: "lean", method: "GET", pattern: "/api/v1/skj/{publishedCode}", scope: "skj:read", ok: [200] },
  { owner: "lean", method: "GET", pattern: "/api/v1/skj/{publishedCode}/versions/{publishedVersion}", scope: "skj:read", ok: [200] },
  { owner: "lean", method: "GET", pattern: "/api/v1/skj/{publishedCode}/versions/{publishedVersion}/pdf", scope: "skj:read", ok: [200] },
  { owner: "lean", method: "GET", pattern: "/api/v1/changes", scope: "skj:read", ok: [200] },
  { owner: "routes/api.v1.instance", method: "GET", pattern: "/api/v1/instance", scope: "skj:read", ok: [200] },
  { owner: "routes/api.v1.competencies", method: "GET", pattern: "/api/v1/competencies", scope: "skj:read", ok: [200] },
  { owner: "routes/api.v1.units", method: "GET", pattern: "/api/v1/units", scope: "skj:read", ok: [200] },
  { owner: "routes/api.v1.positions", method: "GET", pattern: "/api/v1/positions", scope: "skj:read", ok: [200] },
  { owner: "routes/api.v1.skj.validate", method: "POST", pattern: "/api/v1/skj/validate", scope: "any", ok: REFUSED_BODY },
  { owner: "routes/api.v1.skj.validate", method: "GET", pattern: "/api/v1/skj/validate", scope: "none", ok: [405], fixed: 405 },
  {
    owner: "routes/api.v1.skj.drafts",
    method: "POST",
    pattern: "/api/v1/skj/drafts",
    scope: "skj:write",
    role: "skj:write",
    ok: REFUSED_BODY,
  },
  { owner: "routes/api.v1.skj.drafts", method: "GET", pattern: "/api/v1/skj/drafts", scope: "none", ok: [405], fixed: 405 },
  {
    owner: "routes/api.v1.skj.drafts_.bulk",
    method: "POST",
    pattern: "/api/v1/skj/drafts/bulk",
    scope: "skj:write",
    role: "skj:write",
    ok: REFUSED_BODY,
  },
  { owner: "routes/api.v1.skj.drafts_.bulk", method: "GET", pattern: "/api/v1/skj/drafts/bulk", scope: "none", ok: [405], fixed: 405 },
  {
    owner: "routes/api.v1.skj.$",
    method: "POST",
    pattern: "/api/v1/skj/{missingCode}/submit",
    scope: "skj:write",
    role: "skj:write",
    ok: REFUSED_BODY,
  },
  {
    owner: "routes/api.v1.skj.$",
    method: "POST",
    pattern: "/api/v1/skj/{missingCode}/review",
    scope: "skj:review",
    role: "skj:review",
    ok: REFUSED_BODY,
  },
  {
    owner: "routes/api.v1.skj.$",
    method: "POST",
    pattern: "/api/v1/skj/{missingCode}/publish",
    scope: "skj:review",
    role: "skj:publish",
    ok: REFUSED_BODY,
  },
  { owner: "routes/api.v1.skj.$", method: "GET", pattern: "/api/v1/skj/{publishedCode}/submit", scope: "none", ok: [404], fixed: 404 },
  {
    owner: "routes/api.v1.skj.$",
    method: "GET",
    pattern: "/api/v1/skj/{missingCode}/draft",
    scope: "skj:write",
    role: "skj:write",
    ok: [404],
  },
];

// ------------------------------------------------------------------ callers

type Principal =
  | { label: string; kind: "anonymous" }
  | { label: string; kind: "session"; role: Role; cookie: string }
  | { label: string; kind: "token"; role: Role; scopes: Scope[]; token: string }
  | { label: string; kind: "bad-token"; token: string };

function headersOf(who: Principal): Record<string, string> {
  if (who.kind === "session") return { Cookie: who.cookie };
  if (who.kind === "token" || who.kind === "bad-token") return { Authorization: `Bearer ${who.token}` };
  return {};
}

const emailOf = (role: Role) => `${role}@demo.go.id`;

async function signIn(role: Role): Promise<Principal & { kind: "session" }> {
  const res = await fetch(`${baseUrl()}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseUrl(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: emailOf(role), password: DEMO_PASSWORD, redirectTo: "/" }),
  });
  await res.arrayBuffer();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("skj_session="));
  if (res.status !== 302 || !cookie) throw new Error(`sign-in as ${role} answered ${res.status}`);
  return { label: role, kind: "session", role, cookie: cookie.split(";")[0]! };
}

// ------------------------------------------------------------------ requests and outcomes

interface Answer {
  status: number;
  location: string | null; // path and query of a redirect, document or single-fetch
  body: string;
}

async function send(
  method: "GET" | "POST",
  url: string,
  who: Principal,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const res = await fetch(`${baseUrl()}${url}`, {
    method,
    redirect: "manual",
    headers: { ...headersOf(who), ...init.headers },
    body: init.body,
  });
  const type = res.headers.get("Content-Type") ?? "";
  // only text is kept: the matrix reads redirects and refusals, never a PDF or a workbook
  const body = /text|json|turbo/.test(type) ? await res.text() : (await res.arrayBuffer(), "");
  let location = res.headers.get("Location");
  // a single-fetch (.data) redirect answers 202 with the target inside the turbo-stream
  if (!location && res.status === 202) location = /"SingleFetchRedirect"[\s\S]*?"redirect","([^"]*)"/.exec(body)?.[1] ?? null;
  if (location) {
    const target = new URL(location, baseUrl());
    location = target.origin === new URL(baseUrl()).origin ? target.pathname + target.search : target.href;
  }
  return { status: res.status, location, body };
}

/** A statement about an answer: a check and how it reads in the failure table. */
interface Expectation {
  says: string;
  holds: (a: Answer) => boolean;
}

const exactly = (...statuses: number[]): Expectation => ({ says: statuses.join("/"), holds: (a) => statuses.includes(a.status) });

function redirectTo(target: string, singleFetch: boolean): Expectation {
  const status = singleFetch ? 202 : 302;
  const matches = (loc: string | null) => loc !== null && (target === "/" ? loc === "/" : loc === target || loc.startsWith(`${target}?`));
  return { says: `${status}→${target}`, holds: (a) => a.status === status && matches(a.location) };
}

// the empty body of a permitted caller is refused by the action's own checks: any 4xx but "who are you"
const refusedEmptyBody: Expectation = {
  says: "4xx≠401/403",
  holds: (a) => a.status >= 400 && a.status < 500 && a.status !== 401 && a.status !== 403,
};

function pageExpectation(
  need: Need,
  rule: PageRule,
  who: Principal,
  method: "GET" | "POST",
  singleFetch: boolean,
  standIn: boolean,
): Expectation {
  if (rule.redirectsTo) return redirectTo(rule.redirectsTo, singleFetch);
  const okGet = rule.okGet ?? [200];
  const permitted = method === "GET" ? exactly(...okGet, ...(standIn && !okGet.includes(404) ? [404] : [])) : refusedEmptyBody;
  // pages know only the session cookie: a bearer token is nobody there
  const session = who.kind === "session" ? who : null;
  if (need === "public") return permitted;
  // a document POST renders the page again, and its loader sends a signed-in user home; .data runs the action alone
  if (need === "guest") return session && (method === "GET" || !singleFetch) ? redirectTo("/", singleFetch) : permitted;
  if (!session) return redirectTo("/login", singleFetch);
  if (need === "signed-in") return permitted;
  return can(session.role, need) ? permitted : exactly(403);
}

function apiExpectation(endpoint: ApiEndpoint, who: Principal, standIn: boolean): Expectation {
  if (endpoint.fixed !== undefined) return exactly(endpoint.fixed);
  const ok = standIn && !endpoint.ok.includes(404) ? [...endpoint.ok, 404] : endpoint.ok;
  if (endpoint.scope === "none") return exactly(...ok);
  // the API knows only bearer tokens: a session cookie is nobody there
  if (who.kind !== "token") return exactly(401);
  if (!hasScope(who.scopes, endpoint.scope)) return exactly(403);
  if (endpoint.role && !can(who.role, endpoint.role)) return exactly(403);
  return exactly(...ok);
}

interface Probe {
  row: string;
  method: "GET" | "POST";
  url: string;
  who: Principal;
  expected: Expectation;
  headers?: Record<string, string>;
  body?: string;
}

interface Outcome {
  probe: Probe;
  answer: Answer;
  ok: boolean;
}

const everyOutcome: Outcome[] = [];

async function runAll(probes: Probe[], parallel = 8): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(probes.length);
  let next = 0;
  async function worker() {
    while (next < probes.length) {
      const i = next++;
      const probe = probes[i]!;
      const answer = await send(probe.method, probe.url, probe.who, { headers: probe.headers, body: probe.body });
      outcomes[i] = { probe, answer, ok: answer.status < 500 && probe.expected.holds(answer) };
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  everyOutcome.push(...outcomes);
  return outcomes;
}

/** Request × caller → status, a mismatch marked with "!", then each mismatch in words. */
function table(outcomes: Outcome[], principals: Principal[]): string {
  const rows = new Map<string, Map<string, Outcome>>();
  for (const o of outcomes) {
    if (!rows.has(o.probe.row)) rows.set(o.probe.row, new Map());
    rows.get(o.probe.row)!.set(o.probe.who.label, o);
  }
  const width = Math.max(...[...rows.keys()].map((r) => r.length));
  const head = `${"".padEnd(width)} ${principals.map((p) => p.label.padStart(9)).join("")}`;
  const lines = [...rows].map(([row, cells]) => {
    const statuses = principals.map((p) => {
      const o = cells.get(p.label);
      return (o ? `${o.answer.status}${o.ok ? "" : "!"}` : "-").padStart(9);
    });
    return `${row.padEnd(width)} ${statuses.join("")}`;
  });
  const wrong = outcomes
    .filter((o) => !o.ok)
    .map(
      (o) =>
        `  ${o.probe.row} as ${o.probe.who.label}: got ${o.answer.status}${o.answer.location ? `→${o.answer.location}` : ""}, expected ${o.probe.expected.says}`,
    );
  return ["", head, ...lines, "", "mismatches:", ...wrong].join("\n");
}

function expectAllHold(outcomes: Outcome[], principals: Principal[]) {
  const wrong = outcomes.filter((o) => !o.ok);
  expect(wrong.length, table(outcomes, principals)).toBe(0);
}

// ------------------------------------------------------------------ the manifest and the API's sources

// a trailing "." is the full stop of a comment that lists the paths
const normalizePattern = (p: string) => p.replace(/\{[^}]*\}/g, "{}").replace(/[./]+$/, "") || "/";

/**
 * Every path the hand-written servers mention. The read router dispatches on the path by hand for speed
 * (issue 6), so it has no route table to list at run time, and importing it would open the database in the
 * test process; its source is the only list there is. Three readings of it, each catching a different way a
 * path gets added: `/api/v1/…` literals (code and the header comment that lists the routes), the
 * `rest === "…"` dispatch on the path after the prefix, and express-style `.get("/…")` registrations.
 */
function handWrittenPaths(): { file: string; path: string }[] {
  const found: { file: string; path: string }[] = [];
  const files = [
    ...fs
      .readdirSync("server/api")
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => path.join("server/api", f)),
    "server/web-server.ts",
  ];
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8").replace(/\$\{[^{}]*\}/g, "{}");
    const prefix = /const PREFIX = "([^"]+)"/.exec(source)?.[1];
    const add = (p: string) => found.push({ file, path: normalizePattern(p) });
    for (const m of source.matchAll(/\/api\/v1\/[A-Za-z0-9_.{}/-]*/g)) add(m[0]);
    if (prefix) for (const m of source.matchAll(/\brest\s*===\s*"([^"]*)"|\brest\.startsWith\("([^"]*)"\)/g)) add(prefix + (m[1] ?? m[2]));
    for (const m of source.matchAll(/\.(?:get|post|put|patch|delete|all)\(\s*["'`](\/[^"'`]*)["'`]/g)) add(m[1]!);
  }
  // the bare prefix is the mount point, not an endpoint
  return found.filter((f) => f.path !== "/api/v1");
}

// as React Router reads a segment: ":n.pdf" is the parameter n followed by ".pdf"
const PARAM_SEGMENT = /^:([\w-]+)(.*)$/;

const paramsOf = (fullPath: string) => fullPath.split("/").flatMap((s) => (s === "*" ? ["*"] : (PARAM_SEGMENT.exec(s)?.[1] ?? [])));

function pageUrl(route: ManifestRoute, rule: PageRule, fixtures: Fixtures): string {
  const fill = (name: string) => {
    const fixture = rule.params?.[name];
    if (!fixture) throw new Error(`${route.id}: no fixture for parameter ${name}`);
    return fixtures[fixture];
  };
  const segments = route.fullPath.split("/").map((s) => {
    if (s === "*") return fill("*");
    const param = PARAM_SEGMENT.exec(s);
    return param ? fill(param[1]!) + param[2]! : s;
  });
  return `/${segments.filter(Boolean).join("/")}`;
}

/** The URL the hydrated client asks for a route's data (v3_singleFetch). */
const dataUrl = (url: string) => (url === "/" ? "/_root.data" : `${url}.data`);

function apiUrl(endpoint: ApiEndpoint, fixtures: Fixtures): string {
  return endpoint.pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = fixtures[name as Fixture];
    if (value === undefined) throw new Error(`${endpoint.pattern}: no fixture ${name}`);
    // position codes may hold "/", which the API takes literally
    return encodeURIComponent(value).replace(/%2F/g, "/");
  });
}

function pathRegex(fullPath: string): RegExp {
  const body = fullPath
    .split("/")
    .map((s) => (s === "*" ? ".+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/^:[\w-]+/, "[^/]+")))
    .join("/");
  return new RegExp(`^/${body}$`);
}

// ------------------------------------------------------------------ the demo data

const firstMatch = (html: string, re: RegExp): string | undefined => re.exec(html)?.[1];

async function page(url: string, who: Principal): Promise<string> {
  const answer = await send("GET", url, who);
  if (answer.status !== 200) throw new Error(`GET ${url} as ${who.label} answered ${answer.status}`);
  return answer.body;
}

/** One token through the admin page's own form; the secret is only in that answer. */
async function createToken(
  admin: Principal,
  userId: string,
  owner: Role,
  scopes: Scope[],
  label: string,
): Promise<Principal & { kind: "token" }> {
  const form = new URLSearchParams({ intent: "create", userId, name: `Matriks otorisasi ${label} ${Date.now()}` });
  for (const s of scopes) form.append("scopes", s);
  const answer = await send("POST", "/admin/tokens", admin, {
    headers: { Origin: baseUrl(), "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  const token = /skj_[A-Za-z0-9_-]{43}/.exec(answer.body)?.[0];
  if (answer.status !== 200 || !token) throw new Error(`token ${label}: /admin/tokens answered ${answer.status} without a token`);
  return { label, kind: "token", role: owner, scopes, token };
}

const EMPTY_BODIES = {
  form: { type: "application/x-www-form-urlencoded", body: "" },
  json: { type: "application/json", body: "" },
  multipart: { type: "multipart/form-data; boundary=authz", body: "--authz--\r\n" },
} as const;

// ------------------------------------------------------------------ the tests

describe("authorisation matrix", () => {
  let manifest: ManifestRoute[];
  let fixtures: Fixtures;
  const standIns = new Set<Fixture>();
  let sessions: (Principal & { kind: "session" })[];
  let principals: Principal[];

  beforeAll(async () => {
    manifest = await readManifest();
    sessions = await Promise.all(ROLES.map(signIn));
    const admin = sessions.find((s) => s.role === "admin")!;

    const found = <T extends string>(fixture: Fixture, value: T | undefined, standIn: T): T => {
      if (value !== undefined) return value;
      standIns.add(fixture);
      return standIn;
    };
    const positionLink = /href="\/jabatan\/(\d+)"/;
    const anyPosition = firstMatch(await page("/jabatan", admin), positionLink);
    const unit = firstMatch(await page("/struktur", admin), /href="\/struktur\/(\d+)"/);
    // the demo province always has positions and units: without them every check below would be a 404
    if (!anyPosition || !unit) throw new Error("the demo SOTK has no positions or units");
    const publishedPosition = found(
      "publishedPosition",
      firstMatch(await page("/jabatan?status=ditetapkan", admin), positionLink),
      anyPosition,
    );
    const version = found(
      "version",
      firstMatch(await page(`/jabatan/${publishedPosition}`, admin), /href="\/jabatan\/\d+\/versi\/(\d+)\.pdf"/),
      "1",
    );
    const draftPosition = found(
      "draftPosition",
      firstMatch(await page("/skj", admin), /href="\/jabatan\/(\d+)\/skj\/tinjau"/),
      anyPosition,
    );
    const penetapan = found("penetapan", firstMatch(await page("/penetapan", admin), /href="\/penetapan\/(\d+)"/), "1");

    // the owner <select> of the token form names every active user with their email
    const tokenForm = await page("/admin/tokens", admin);
    const userIds = new Map<string, string>();
    for (const m of tokenForm.matchAll(/<option value="(\d+)">([\s\S]*?)<\/option>/g)) {
      const email = /\(([^,()]+@[^,()]+),/.exec(m[2]!.replace(/<!-- -->/g, ""))?.[1];
      if (email) userIds.set(email, m[1]!);
    }
    const idOf = (role: Role) => {
      const id = userIds.get(emailOf(role));
      if (!id) throw new Error(`no active user ${emailOf(role)} in the demo data`);
      return id;
    };

    const tokens = [
      await createToken(admin, idOf("admin"), "admin", ["skj:read"], "t:read"),
      await createToken(admin, idOf("admin"), "admin", ["skj:write"], "t:write"),
      await createToken(admin, idOf("admin"), "admin", ["skj:review"], "t:review"),
      await createToken(admin, idOf("viewer"), "viewer", ["skj:read"], "t:v-read"),
      // both scopes an admin may give someone else, but the user is a viewer: the role still bounds the token
      // (a review token for another user is refused on the web, so none is tried here)
      await createToken(admin, idOf("viewer"), "viewer", ["skj:read", "skj:write"], "t:v-all"),
    ];
    const list = await send("GET", "/api/v1/skj?limit=1", tokens[0]!);
    const first = (JSON.parse(list.body) as { items: { position: { code: string }; version: number }[] }).items[0];
    const missingCode = "AUTHZ.TIDAK-ADA";

    fixtures = {
      publishedPosition,
      version,
      draftPosition,
      unit,
      penetapan,
      user: idOf("viewer"),
      settingKey: "standardLevels",
      dictionaryCode: "T.ANJAB",
      missingPage: "tidak-ada/halaman-ini",
      missingExportJob: "999999",
      missingJfStandard: "999999",
      missingJob: "999999",
      publishedCode: found("publishedCode", first?.position.code, missingCode),
      publishedVersion: found("publishedVersion", first && String(first.version), "1"),
      missingCode,
    };
    principals = [
      { label: "anon", kind: "anonymous" },
      ...sessions,
      ...tokens,
      { label: "t:bad", kind: "bad-token", token: `skj_${"A".repeat(43)}` },
    ];
  });

  it("names every route of the build and every hand-written API path, with the permissions the routes really have", () => {
    const problems: string[] = [];
    const ids = new Set(manifest.map((r) => r.id));
    for (const route of manifest) {
      if (route.fullPath.startsWith("api/")) {
        const owned = API.filter((e) => e.owner === route.id);
        if (owned.length === 0) problems.push(`${route.id}: an API route that API does not list`);
        if (route.hasLoader && !owned.some((e) => e.method === "GET")) problems.push(`${route.id}: has a loader but API probes no GET`);
        if (route.hasAction && !owned.some((e) => e.method === "POST")) problems.push(`${route.id}: has an action but API probes no POST`);
        for (const e of owned)
          if (!pathRegex(route.fullPath).test(apiUrl(e, fixtures)))
            problems.push(`${route.id}: ${e.pattern} is not its path /${route.fullPath}`);
        continue;
      }
      const rule = PAGES[route.id];
      if (!rule) {
        problems.push(`${route.id} (/${route.fullPath}): a route PAGES does not mention; add the permission its loader/action require`);
        continue;
      }
      if (rule.layout) continue;
      if (route.hasLoader !== Boolean(rule.loader))
        problems.push(`${route.id}: loader ${route.hasLoader ? "exists" : "is gone"} but PAGES says ${rule.loader ?? "none"}`);
      if (route.hasAction !== Boolean(rule.action))
        problems.push(`${route.id}: action ${route.hasAction ? "exists" : "is gone"} but PAGES says ${rule.action ?? "none"}`);
      for (const name of paramsOf(route.fullPath)) if (!rule.params?.[name]) problems.push(`${route.id}: no fixture for parameter ${name}`);
    }
    for (const id of Object.keys(PAGES)) if (!ids.has(id)) problems.push(`PAGES lists ${id}, which the build no longer has`);
    for (const e of API)
      if (e.owner.startsWith("routes/") && !ids.has(e.owner)) problems.push(`API lists ${e.owner}, which the build no longer has`);

    const known = new Set(API.map((e) => normalizePattern(e.pattern)));
    const mentioned = handWrittenPaths();
    for (const m of mentioned) if (!known.has(m.path)) problems.push(`${m.file} serves or names ${m.path}, which API does not list`);
    const seen = new Set(mentioned.map((m) => m.path));
    for (const e of API)
      if ((e.owner === "lean" || e.owner === "express") && !seen.has(normalizePattern(e.pattern)))
        problems.push(`API lists ${e.method} ${e.pattern} as ${e.owner}, which its source no longer names`);

    expect([...new Set(problems)]).toEqual([]);
    // the manifest was really read: a broken import would make every check above vacuous
    expect(manifest.filter((r) => !r.fullPath.startsWith("api/")).length).toBeGreaterThan(30);
  });

  it("every page, resource route and action answers each caller as its permission says", async () => {
    const probes: Probe[] = [];
    for (const route of manifest) {
      const rule = PAGES[route.id];
      if (!rule || rule.layout || rule.endsSession || route.fullPath.startsWith("api/")) continue;
      const url = pageUrl(route, rule, fixtures);
      const standIn = Object.values(rule.params ?? {}).some((f) => standIns.has(f));
      // the document request and the single-fetch request the hydrated client makes are separate doors
      const doors = route.isDocument ? [false, true] : [false];
      for (const who of principals) {
        for (const singleFetch of doors) {
          const target = singleFetch ? dataUrl(url) : url;
          const tag = singleFetch ? " ·data" : "";
          if (rule.loader)
            probes.push({
              row: `GET  ${url}${tag}`,
              method: "GET",
              url: target,
              who,
              expected: pageExpectation(rule.loader, rule, who, "GET", singleFetch, standIn),
            });
          if (rule.action) {
            const empty = EMPTY_BODIES[rule.emptyBody ?? "form"];
            probes.push({
              row: `POST ${url}${tag}`,
              method: "POST",
              url: route.index ? `${target}?index` : target,
              who,
              expected: pageExpectation(rule.action, rule, who, "POST", singleFetch, standIn),
              headers: { Origin: baseUrl(), "Content-Type": empty.type },
              body: empty.body,
            });
          }
        }
      }
    }
    expectAllHold(await runAll(probes), principals);
  });

  it("every API endpoint answers 401 without a valid token, 403 without the scope or the role, and serves the rest", async () => {
    const probes: Probe[] = [];
    for (const endpoint of API) {
      const url = apiUrl(endpoint, fixtures);
      const standIn = [...endpoint.pattern.matchAll(/\{(\w+)\}/g)].some((m) => standIns.has(m[1] as Fixture));
      for (const who of principals) {
        probes.push({
          row: `${endpoint.method.padEnd(4)} ${url}`,
          method: endpoint.method,
          url,
          who,
          expected: apiExpectation(endpoint, who, standIn),
          ...(endpoint.method === "POST" ? { headers: { "Content-Type": "application/json" }, body: "" } : {}),
        });
      }
    }
    expectAllHold(await runAll(probes), principals);
  });

  it("refuses a write from another site (CSRF) before any route runs, and lets the same site through", async () => {
    const admin = sessions.find((s) => s.role === "admin")!;
    const anonymous = principals[0]!;
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    const crossSite: Expectation = { says: "403 lintas situs", holds: (a) => a.status === 403 && a.body.includes("lintas situs") };
    const notRefused: Expectation = { says: "not 403", holds: (a) => a.status !== 403 };
    const foreign: [string, Record<string, string>][] = [
      ["Origin evil", { Origin: "https://evil.example" }],
      ["Origin null", { Origin: "null" }],
      ["Origin port", { Origin: "http://127.0.0.1:1" }],
      ["Origin look-alike", { Origin: `${baseUrl()}.evil.example` }],
      ["Sec-Fetch-Site", { "Sec-Fetch-Site": "cross-site" }],
    ];
    const probes: Probe[] = [];
    for (const [who, url] of [
      [anonymous, "/login"],
      [admin, "/admin/users/new"],
    ] as const) {
      for (const [name, headers] of foreign)
        probes.push({
          row: `POST ${url} ${name}`,
          method: "POST",
          url,
          who,
          expected: crossSite,
          headers: { ...form, ...headers },
          body: "",
        });
      probes.push({
        row: `POST ${url} same Origin`,
        method: "POST",
        url,
        who,
        expected: notRefused,
        headers: { ...form, Origin: baseUrl() },
        body: "",
      });
      probes.push({
        row: `POST ${url} same-origin fetch`,
        method: "POST",
        url,
        who,
        expected: notRefused,
        headers: { ...form, "Sec-Fetch-Site": "same-origin" },
        body: "",
      });
    }
    // every action of the build, as the admin who may do them all: the refusal is the middleware's, not a role's
    for (const route of manifest) {
      const rule = PAGES[route.id];
      if (!route.hasAction || !rule || route.fullPath.startsWith("api/")) continue;
      const url = pageUrl(route, rule, fixtures);
      for (const target of route.isDocument ? [url, dataUrl(url)] : [url]) {
        for (const [name, headers] of [foreign[0]!, foreign[4]!]) {
          probes.push({
            row: `POST ${target} ${name}`,
            method: "POST",
            url: target,
            who: admin,
            expected: crossSite,
            headers: { ...form, ...headers },
            body: "",
          });
        }
      }
    }
    // bearer tokens are exempt by design: a foreign page cannot attach one, so the Origin proves nothing there
    const token = principals.find((p) => p.label === "t:read")!;
    probes.push({
      row: "POST /api/v1/skj/validate Origin evil",
      method: "POST",
      url: "/api/v1/skj/validate",
      who: token,
      expected: exactly(400),
      headers: { "Content-Type": "application/json", Origin: "https://evil.example" },
      body: "",
    });

    const outcomes = await runAll(probes);
    const wrong = outcomes.filter((o) => !o.ok);
    expect(wrong.length, table(outcomes, [anonymous, admin, token])).toBe(0);
  });

  // found by this matrix: a urlencoded (or bodiless) POST to the SOTK import once answered 500
  it("the SOTK import refuses a body that is not multipart with a 4xx, not a 500", async () => {
    const route = manifest.find((r) => r.id === "routes/struktur.impor");
    const url = pageUrl(route!, PAGES[route!.id]!, fixtures);
    const analis = sessions.find((s) => s.role === "analis")!;
    const answer = await send("POST", url, analis, { headers: { Origin: baseUrl(), "Content-Type": EMPTY_BODIES.form.type }, body: "" });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it("logout ends the session of every role by POST only, and sends everyone to the login page", async () => {
    const route = manifest.find((r) => PAGES[r.id]?.endsSession);
    expect(route, "the manifest has a logout route").toBeDefined();
    const url = pageUrl(route!, PAGES[route!.id]!, fixtures);
    const toLogin = redirectTo("/login", false);
    const probes: Probe[] = [];
    for (const method of ["GET", "POST"] as const) {
      // fresh sessions: the matrix's own ones stay signed in for the other tests
      const fresh = await Promise.all(ROLES.map(signIn));
      for (const who of [...principals.filter((p) => p.kind !== "session"), ...fresh]) {
        // a GET (a link, an image on another site) only shows the page with the button
        const expected = method === "GET" && who.kind === "session" ? exactly(200) : toLogin;
        probes.push({
          row: `${method.padEnd(4)} ${url}`,
          method,
          url,
          who,
          expected,
          headers: method === "POST" ? { Origin: baseUrl() } : {},
          body: method === "POST" ? "" : undefined,
        });
      }
      for (const who of fresh)
        probes.push({
          row: `GET  / after ${method} ${url}`,
          method: "GET",
          url: "/",
          who,
          expected: method === "GET" ? exactly(200) : redirectTo("/login", false),
        });
    }
    // run the logouts first and the checks after, so no check races its own logout
    const logouts = await runAll(probes.filter((p) => p.url === url));
    const after = await runAll(probes.filter((p) => p.url !== url));
    const all = [...logouts, ...after];
    expect(
      all.filter((o) => !o.ok).length,
      table(all, [principals[0]!, ...sessions, ...principals.filter((p) => p.kind !== "session" && p.kind !== "anonymous")]),
    ).toBe(0);
  });

  it("no answer anywhere in the matrix was a server error", () => {
    const errors = everyOutcome
      .filter((o) => o.answer.status >= 500)
      .map((o) => `${o.probe.row} as ${o.probe.who.label}: ${o.answer.status}`);
    expect(everyOutcome.length).toBeGreaterThan(500);
    expect(errors).toEqual([]);
  });
});
