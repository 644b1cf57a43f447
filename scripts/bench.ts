// `npm run bench`: performance figures at realistic SOTK sizes, printed as one table and kept in
// bench-results/. Measures are a flat list so later issues can append rows without touching the runner.
import { editorData } from "~/services/skj-editor.server";
import { openDraftForPosition } from "~/services/skj.server";
import { commentThreads, draftDecisions } from "~db/queries/skj-review.server";
import { unverifiedSettings } from "~db/queries/settings.server";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { canonicalJson } from "~/domain/canonical-json";
import { parseRegisterQuery } from "~/domain/register-filter";
import type { SkjDocument } from "~/domain/skj-document";
import { buildPublishedDocument, type PublishedCompetencyTexts, type SkjPublishedUnit } from "~/domain/skj-published";
import { hasBlockingErrors } from "~/domain/skj-rules";
import { formatImportError, formatSotkCounts, type SotkImportCounts } from "~/domain/sotk-import";
import { loadRegister } from "~/services/register.server";
import { newDraftDocument, validateDocument } from "~/services/skj.server";
import { BULK_PREFIX, bulkSeed, bulkSeedCompetencies, writeBulkSotkCsv, type BulkSeedOptions } from "~db/bulk-seed.server";
import { openDatabase, type Db } from "~db/client.server";
import { migrateDatabase } from "~db/migrate.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { findCompetencyByCode, levelsOfRevision, revisionsOf } from "~db/queries/competencies.server";
import { searchDictionary, similarCompetencyNames, type DictionarySearchFilter } from "~db/queries/dictionary-search.server";
import { findPositionByCode, unitAncestry } from "~db/queries/register.server";
import { addToPenetapan, createPenetapan } from "~db/queries/penetapan.server";
import { publishPenetapan } from "~db/queries/skj-publish.server";
import { createDraft, findOpenDraft, saveDraft } from "~db/queries/skj-drafts.server";
import { changesAfter } from "~db/queries/skj-read.server";
import { importSotkFiles } from "~db/queries/sotk-import.server";
import { findUserByEmail } from "~db/queries/users.server";
import { positions, skjDrafts } from "~db/schema";
import { DEMO_PASSWORD, seed } from "~seeds/seed.server";

const ROOT = process.cwd();
const RESULTS_DIR = path.join(ROOT, "bench-results");
const RUNS = 30;
const WARMUP = 5;
const SEED = 1;
const REGISTER_PAGE_SIZE = 50;
const COMMON_WORD = "pelayanan";
// PD001 is the Setda and PD002 carries the JPT utama; PD003 is an ordinary dinas
const SUBTREE_UNIT = "BULK-PD003";
const REGISTER_TARGET_MS = 100;
const IMPORT_TARGET_MS = 10_000;
// issue 4, Speed: dictionary search < 20 ms and the entry page < 50 ms of server time at 5,000 entries
const DICTIONARY_SEARCH_TARGET_MS = 20;
const DICTIONARY_ENTRY_TARGET_MS = 50;
const DICTIONARY = { label: "5k kamus", count: 5_000, seed: SEED };
// in the middle of the generated codes, so the entry is neither the first nor the last row written
const DICTIONARY_ENTRY_CODE = "BULK-T.02500";
// issue 5, Speed: validate of a full document < 5 ms median server time, a draft save < 20 ms
const SKJ_VALIDATE_TARGET_MS = 5;
const SKJ_DRAFT_SAVE_TARGET_MS = 20;
// a demo administrator position (eselon III.a): its complete SKJ passes every rule
const SKJ_POSITION_CODE = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";
const SKJ_TECHNICAL = ["T.OTDA", "T.ANJAB", "T.KELEMBAGAAN"];
// issue 6, Speed: publishing a penetapan of 50 SKJ < 1 s
const PUBLISH_ITEMS = 50;
const PUBLISH_TARGET_MS = 1_000;
const PUBLISH_RUNS = 10;
// runs past this many batches publish the same positions again, so supersession (version 2) is timed too
const PUBLISH_DISTINCT_BATCHES = 5;

// issue 6, Speed: a published version at least half the requests/s of a bare node:http handler serving the
// same row, measured side by side; 1,000 feed events read in under 50 ms
const API_RATIO_TARGET = 0.5;
const FEED_TARGET_MS = 50;
const FEED_EVENTS = 1_000;
const LOAD_SECONDS = 5;
const LOAD_WARMUP_SECONDS = 1;
const LOAD_CONCURRENCY = 20;

interface Size extends BulkSeedOptions {
  label: string;
}
const SMALL: Size = { label: "2k", units: 200, positions: 2_000, seed: SEED };
const LARGE: Size = { label: "20k", units: 2_000, positions: 20_000, seed: SEED };

interface Target {
  label: string;
  stat: "median" | "p95";
  maxMs: number;
}

interface Outcome {
  samples: number[];
  note?: string;
  /** A correctness check beside the timing (for instance "re-import changed nothing"). */
  valid?: boolean;
  /** Whether a target that is not a time (a throughput ratio) was met; decides ok? instead of the samples. */
  meets?: boolean;
  /** How many requests the samples summarise, when they are quantiles of a load run rather than the runs. */
  runs?: number;
}

interface Measure {
  name: string;
  size: string;
  target?: Target;
  run(ctx: Context): Promise<Outcome>;
}

interface Row {
  name: string;
  size: string;
  runs: number;
  medianMs: number | null;
  p95Ms: number | null;
  minMs: number | null;
  maxMs: number | null;
  target: string;
  ok: boolean | null;
  note?: string;
  error?: string;
  samples: number[];
}

// ------------------------------------------------------------------ helpers

const log = (message: string) => process.stderr.write(`${message}\n`);

function percentile(sorted: number[], p: number): number {
  // nearest rank: with 30 samples p95 is the 29th, an observed value rather than an interpolation
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

async function sample(runs: number, warmup: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const fmt = (ms: number | null) => (ms === null ? "—" : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

// ------------------------------------------------------------------ fixtures shared by measures

class Context {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "skj-bench-"));
  private readonly cleanups: (() => Promise<void> | void)[] = [];
  private readonly memo = new Map<string, Promise<unknown>>();
  private fileCounter = 0;

  onCleanup(fn: () => Promise<void> | void) {
    this.cleanups.push(fn);
  }

  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.memo.set(key, value);
    }
    return value;
  }

  /** A migrated database in the temp folder, closed at the end. */
  freshDb(name: string): { db: Db; file: string } {
    const file = path.join(this.dir, `${++this.fileCounter}-${name}.sqlite`);
    const db = openDatabase(file);
    migrateDatabase(db);
    this.onCleanup(() => {
      if (db.$client.open) db.$client.close();
    });
    return { db, file };
  }

  /** Migrated, demo users (for the HTTP login), then the synthetic SOTK of `size`. */
  registerDb(size: Size) {
    return this.once(`register-${size.label}`, async () => {
      const { db, file } = this.freshDb(`register-${size.label}`);
      await seed(db, "demo");
      const started = performance.now();
      const counts = bulkSeed(db, size);
      log(`  bulkSeed ${size.label}: ${counts.units} unit, ${counts.positions} jabatan dalam ${((performance.now() - started) / 1000).toFixed(2)} s`);
      db.$client.pragma("optimize");
      return { db, file };
    });
  }

  /** Migrated, the reference dictionary, then the synthetic technical entries. */
  dictionaryDb() {
    return this.once("dictionary", async () => {
      const { db } = this.freshDb("dictionary");
      await seed(db, "reference");
      const started = performance.now();
      const counts = bulkSeedCompetencies(db, DICTIONARY);
      log(`  bulkSeedCompetencies: ${counts.competencies} kompetensi, ${counts.indicators} indikator dalam ${((performance.now() - started) / 1000).toFixed(2)} s`);
      db.$client.pragma("optimize");
      return db;
    });
  }

  /** Migrated and demo-seeded, as a fresh instance is: the SKJ measures' database. */
  demoDb() {
    return this.once("demo", async () => {
      const { db } = this.freshDb("demo");
      await seed(db, "demo");
      return db;
    });
  }

  /**
   * Published SKJ on the large database, written in SQL before the server opens it: SKJ_POSITION_CODE's
   * complete document as version 1, and the same document under FEED_EVENTS bulk positions, so the feed
   * holds more than FEED_EVENTS events and the list has realistic pages.
   */
  published() {
    return this.once("published", async () => {
      const { db, file } = await this.registerDb(LARGE);
      const started = performance.now();
      const fixture = publishInSql(db, FEED_EVENTS);
      log(`  ${fixture.events} versi SKJ ditetapkan lewat SQL dalam ${((performance.now() - started) / 1000).toFixed(2)} s`);
      return { ...fixture, file };
    });
  }

  csvFiles(size: Size) {
    return this.once(`csv-${size.label}`, async () => {
      const { unitsFile, positionsFile } = writeBulkSotkCsv(path.join(this.dir, `csv-${size.label}`), size);
      return [unitsFile, positionsFile].map((f) => ({ name: path.basename(f), bytes: new Uint8Array(fs.readFileSync(f)) }));
    });
  }

  /** The built app on the large database, logged in as the demo analyst, with an API token of the analyst. */
  server() {
    return this.once("server", async () => {
      ensureBuild();
      const { db, file } = await this.registerDb(LARGE);
      // written before the server opens the file, so it needs no second connection's view of it
      const analyst = findUserByEmail(db, "analis@demo.go.id");
      if (!analyst) throw new Error("Pengguna analis@demo.go.id tidak ada.");
      const { token } = createApiToken(db, { userId: analyst.id, name: "bench", scopes: ["skj:write"] }, null);
      const readToken = createApiToken(db, { userId: analyst.id, name: "bench baca", scopes: ["skj:read"] }, null).token;
      await this.published();
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      let output = "";
      const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), DATABASE_PATH: file, NODE_ENV: "test", SKJ_SEED: "none" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout!.on("data", (d) => (output += d));
      child.stderr!.on("data", (d) => (output += d));
      // a crash of the bench itself must not leave a server holding the port
      const killOnExit = () => child.kill("SIGKILL");
      process.once("exit", killOnExit);
      this.onCleanup(async () => {
        process.off("exit", killOnExit);
        await stopChild(child);
      });
      const started = performance.now();
      await waitForHealth(baseUrl, child, () => output);
      log(`  server siap dalam ${((performance.now() - started) / 1000).toFixed(1)} s di ${baseUrl}`);
      return { baseUrl, cookie: await login(baseUrl), token, readToken };
    });
  }

  async close() {
    for (const fn of this.cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        log(`Pembersihan gagal: ${String(error)}`);
      }
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function ensureBuild() {
  if (fs.existsSync(path.join(ROOT, "build", "index.js"))) return;
  log("  build/index.js belum ada: menjalankan remix build…");
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "remix"), ["build"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("remix build gagal.");
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  // generous: the server rebuilds on start when app sources are newer than build/
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server berhenti sebelum siap:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Server tidak siap dalam 240 detik:\n${output()}`);
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

async function login(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email: "analis@demo.go.id", password: DEMO_PASSWORD, redirectTo: "/jabatan" }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("skj_session="));
  if (res.status !== 302 || !cookie) throw new Error(`Login analis@demo.go.id gagal: HTTP ${res.status}.`);
  return cookie;
}

// ------------------------------------------------------------------ measures

const registerTarget: Target = { label: `p95 < ${REGISTER_TARGET_MS} ms`, stat: "p95", maxMs: REGISTER_TARGET_MS };

function registerMeasure(size: Size, name: string, params: Record<string, string>): Measure {
  return {
    name: `register: ${name}`,
    size: size.label,
    target: registerTarget,
    async run(ctx) {
      const { db } = await ctx.registerDb(size);
      const search = new URLSearchParams(params);
      const first = loadRegister(db, parseRegisterQuery(search));
      // timing an empty page would flatter the query, so a filter that matches nothing is a bench bug
      if (first.rows.length === 0) throw new Error(`Kueri ${search} tidak menghasilkan baris.`);
      const samples = await sample(RUNS, WARMUP, () => loadRegister(db, parseRegisterQuery(search)));
      return { samples, note: `?${search}: ${first.total} jabatan cocok` };
    },
  };
}

const deepPage = (size: Size) => String(Math.ceil(size.positions / REGISTER_PAGE_SIZE / 2));

const registerMeasures = (size: Size): Measure[] => [
  registerMeasure(size, "tanpa filter, hal. 1", {}),
  registerMeasure(size, "subpohon satu perangkat daerah", { unit: SUBTREE_UNIT }),
  registerMeasure(size, "pencarian FTS + kelompok", { q: COMMON_WORD, group: "fungsional" }),
  registerMeasure(size, `halaman dalam (hal. ${deepPage(size)})`, { page: deepPage(size) }),
];

const httpMeasure: Measure = {
  name: "HTTP GET /jabatan (cari + unit), HTML penuh",
  size: LARGE.label,
  async run(ctx) {
    const { baseUrl, cookie } = await ctx.server();
    const url = `${baseUrl}/jabatan?${new URLSearchParams({ q: COMMON_WORD, unit: SUBTREE_UNIT })}`;
    let bytes = 0;
    const samples = await sample(RUNS, 3, async () => {
      const res = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
      const html = await res.text();
      if (res.status !== 200) throw new Error(`GET ${url} menjawab HTTP ${res.status}.`);
      bytes = html.length;
    });
    return { samples, note: `${url.replace(baseUrl, "")}: ${(bytes / 1024).toFixed(0)} KB HTML` };
  },
};

const importTarget: Target = { label: `median < ${IMPORT_TARGET_MS.toLocaleString("id-ID")} ms`, stat: "median", maxMs: IMPORT_TARGET_MS };
const allUnchanged = (c: SotkImportCounts) => c.units.create + c.units.update + c.positions.create + c.positions.update === 0;

async function importOnce(db: Db, files: { name: string; bytes: Uint8Array }[]): Promise<{ ms: number; counts: SotkImportCounts }> {
  const started = performance.now();
  const result = await importSotkFiles(db, files, null, {});
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`Impor gagal:\n${result.errors.slice(0, 5).map(formatImportError).join("\n")}`);
  return { ms, counts: result.counts };
}

function importedDb(ctx: Context): Promise<Db> {
  return ctx.once("imported-db", async () => {
    const { db } = ctx.freshDb("import");
    await importOnce(db, await ctx.csvFiles(LARGE));
    return db;
  });
}

const importMeasure: Measure = {
  name: `impor SOTK CSV (${LARGE.units.toLocaleString("id-ID")} unit + ${LARGE.positions.toLocaleString("id-ID")} jabatan)`,
  size: LARGE.label,
  target: importTarget,
  async run(ctx) {
    const files = await ctx.csvFiles(LARGE);
    const samples: number[] = [];
    let last: { db: Db; counts: SotkImportCounts } | undefined;
    for (let i = 0; i < 3; i++) {
      const { db } = ctx.freshDb(`import-${i}`);
      const { ms, counts } = await importOnce(db, files);
      samples.push(ms);
      last = { db, counts };
    }
    // the re-import measure reuses the last database instead of importing once more
    ctx.once("imported-db", async () => last!.db);
    const c = last!.counts;
    const valid = c.units.create === LARGE.units && c.positions.create === LARGE.positions;
    return { samples, valid, note: formatSotkCounts(c) };
  },
};

const reimportMeasure: Measure = {
  name: "impor ulang berkas yang sama",
  size: LARGE.label,
  target: importTarget,
  async run(ctx) {
    const db = await importedDb(ctx);
    const files = await ctx.csvFiles(LARGE);
    const samples: number[] = [];
    let valid = true;
    let counts: SotkImportCounts | undefined;
    for (let i = 0; i < 3; i++) {
      const run = await importOnce(db, files);
      samples.push(run.ms);
      counts = run.counts;
      valid &&= allUnchanged(run.counts);
    }
    return { samples, valid, note: `${formatSotkCounts(counts!)}${valid ? "" : " — seharusnya semua tetap"}` };
  },
};

const dictionarySearchTarget: Target = { label: `p95 < ${DICTIONARY_SEARCH_TARGET_MS} ms`, stat: "p95", maxMs: DICTIONARY_SEARCH_TARGET_MS };

function dictionarySearchMeasure(name: string, filter: DictionarySearchFilter): Measure {
  return {
    name: `kamus: ${name}`,
    size: DICTIONARY.label,
    target: dictionarySearchTarget,
    async run(ctx) {
      const db = await ctx.dictionaryDb();
      const first = searchDictionary(db, filter);
      if (first.rows.length === 0) throw new Error(`Pencarian ${JSON.stringify(filter)} tidak menghasilkan baris.`);
      const samples = await sample(RUNS, WARMUP, () => searchDictionary(db, filter));
      return { samples, note: `${JSON.stringify(filter)}: ${first.total} kompetensi cocok, ${first.rows.length} per halaman` };
    },
  };
}

const dictionaryMeasures: Measure[] = [
  dictionarySearchMeasure(`cari kata umum "${COMMON_WORD}"`, { q: COMMON_WORD }),
  // a filter on the latest revision joins the entry tables for every hit: the slowest shape of search
  dictionarySearchMeasure(`cari kata umum "${COMMON_WORD}" + status`, { q: COMMON_WORD, status: "diterbitkan" }),
  dictionarySearchMeasure("cari dua kata + kategori + status", { q: "arsip pemantauan", category: "Kearsipan", status: "diterbitkan" }),
  dictionarySearchMeasure("tanpa kata kunci, hal. 1", {}),
  {
    name: "kamus: peringatan nama mirip",
    size: DICTIONARY.label,
    target: dictionarySearchTarget,
    async run(ctx) {
      const db = await ctx.dictionaryDb();
      const name = "pengelolaan arsip dinamis";
      const first = similarCompetencyNames(db, name);
      const samples = await sample(RUNS, WARMUP, () => similarCompetencyNames(db, name));
      return { samples, note: `"${name}": ${first.map((s) => s.code).join(", ") || "tidak ada"}` };
    },
  },
  {
    name: "kamus: halaman entri (revisi terakhir, level, indikator, daftar revisi)",
    size: DICTIONARY.label,
    target: { label: `p95 < ${DICTIONARY_ENTRY_TARGET_MS} ms`, stat: "p95", maxMs: DICTIONARY_ENTRY_TARGET_MS },
    async run(ctx) {
      const db = await ctx.dictionaryDb();
      // what the entry loader reads: the entry, its revisions, and the latest one's levels with indicators
      const load = () => {
        const entry = findCompetencyByCode(db, DICTIONARY_ENTRY_CODE);
        if (!entry) throw new Error(`Kompetensi ${DICTIONARY_ENTRY_CODE} tidak ada.`);
        const revisions = revisionsOf(db, entry.id);
        const latest = revisions.at(-1)!;
        return { entry, revisions, latest, levels: levelsOfRevision(db, latest.id) };
      };
      const page = load();
      const indicators = page.levels.reduce((n, l) => n + l.indicators.length, 0);
      const valid = page.levels.length === 5 && indicators === 15;
      const samples = await sample(RUNS, WARMUP, load);
      return { samples, valid, note: `${DICTIONARY_ENTRY_CODE}: ${page.revisions.length} revisi, ${page.levels.length} level, ${indicators} indikator` };
    },
  },
];

/** The complete SKJ of SKJ_POSITION_CODE: the prefilled new draft plus what an analyst adds. */
function completeSkjDocument(db: Db): SkjDocument {
  const position = findPositionByCode(db, SKJ_POSITION_CODE);
  if (!position) throw new Error(`Jabatan ${SKJ_POSITION_CODE} tidak ada.`);
  const { document } = newDraftDocument(db, position.id);
  return {
    ...document,
    // the draft may start from a published version that already lists some of them
    competencies: [...document.competencies.filter((c) => !SKJ_TECHNICAL.includes(c.code)), ...SKJ_TECHNICAL.map((code) => ({ code, level: 3 }))],
    requirements: {
      rank: "IV/a",
      education: [{ level: "S-1", fields: ["Ilmu Pemerintahan", "Administrasi Negara"] }],
      training: { managerial: ["Pelatihan Kepemimpinan Administrator (PKA)"], technical: ["Analisis Jabatan"], functional: [] },
      experience: [{ description: "Jabatan Pengawas di bidang kelembagaan", minYears: 3 }],
      performanceIndicators: ["Persentase perangkat daerah yang memiliki SKJ yang ditetapkan"],
    },
  };
}

const SKJ_EDITOR_TARGET_MS = 100;
const skjValidateTarget: Target = { label: `median < ${SKJ_VALIDATE_TARGET_MS} ms`, stat: "median", maxMs: SKJ_VALIDATE_TARGET_MS };

const skjMeasures: Measure[] = [
  {
    name: "SKJ: validasi dokumen lengkap (validateDocument)",
    size: "demo",
    target: skjValidateTarget,
    async run(ctx) {
      const db = await ctx.demoDb();
      const document = completeSkjDocument(db);
      const results = validateDocument(db, document);
      // timing a document that fails early would flatter the rules, so it must pass them all
      const valid = results.length === 0;
      const samples = await sample(RUNS, WARMUP, () => validateDocument(db, document));
      return { samples, valid, note: `${SKJ_POSITION_CODE}, ${document.competencies.length} kompetensi: ${results.length ? results.map((r) => r.rule).join(", ") : "tanpa temuan"}` };
    },
  },
  {
    // no target: the round trip includes the client and Remix's routing, so it only bounds the server time from above
    name: "HTTP POST /api/v1/skj/validate (dokumen lengkap, pulang-pergi)",
    size: LARGE.label,
    async run(ctx) {
      const { baseUrl, token } = await ctx.server();
      const { db } = await ctx.registerDb(LARGE);
      const body = JSON.stringify(completeSkjDocument(db));
      let answer: { valid?: boolean; results?: unknown[] } = {};
      const samples = await sample(RUNS, WARMUP, async () => {
        const res = await fetch(`${baseUrl}/api/v1/skj/validate`, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body });
        answer = (await res.json()) as typeof answer;
        if (res.status !== 200) throw new Error(`POST /api/v1/skj/validate menjawab HTTP ${res.status}: ${JSON.stringify(answer)}`);
      });
      return { samples, valid: answer.valid === true, note: `${(body.length / 1024).toFixed(1)} KB JSON, valid=${String(answer.valid)}, ${answer.results?.length ?? "?"} temuan` };
    },
  },
  {
    name: "SKJ: simpan draf (saveDraft, revisi dasar terkini)",
    size: "demo",
    target: { label: `median < ${SKJ_DRAFT_SAVE_TARGET_MS} ms`, stat: "median", maxMs: SKJ_DRAFT_SAVE_TARGET_MS },
    async run(ctx) {
      const db = await ctx.demoDb();
      const position = findPositionByCode(db, SKJ_POSITION_CODE)!;
      const document = completeSkjDocument(db);
      let draft = createDraft(db, { positionId: position.id, document, summaryJson: null, basedOnVersionId: null, actorId: null, via: "ui" });
      let saves = 0;
      let valid = true;
      const samples = await sample(RUNS, WARMUP, () => {
        // a different document each time, as successive autosaves send
        const edited = { ...document, requirements: { ...document.requirements, performanceIndicators: [`Indikator kinerja ${++saves}`] } };
        const result = saveDraft(db, { draftId: draft.id, baseRevision: draft.revision, document: edited, summaryJson: null, actorId: null });
        if (result.ok) draft = result.draft;
        else valid = false;
      });
      return { samples, valid: valid && !hasBlockingErrors(validateDocument(db, draft.document)), note: `${saves} penyimpanan, revisi terakhir ${draft.revision}` };
    },
  },
  {
    // what the editor page's loader reads: the draft, identity, dictionary texts, rule context, comments
    name: "SKJ: halaman penyunting (data loader)",
    size: "demo",
    target: { label: `median < ${SKJ_EDITOR_TARGET_MS} ms`, stat: "median", maxMs: SKJ_EDITOR_TARGET_MS },
    async run(ctx) {
      const db = await ctx.demoDb();
      const position = findPositionByCode(db, SKJ_POSITION_CODE)!;
      const draft = openDraftForPosition(db, position.id, findUserByEmail(db, "analis@demo.go.id")!.id);
      const load = () => ({ draft: findOpenDraft(db, position.id), editor: editorData(db, position.id, draft), comments: commentThreads(db, draft.id), decisions: draftDecisions(db, draft.id), unverified: unverifiedSettings(db) });
      const page = load();
      const samples = await sample(RUNS, WARMUP, load);
      return { samples, valid: page.editor.catalog.length >= 9, note: `${page.editor.catalog.length} entri kamus, ${page.draft?.document.competencies.length ?? 0} kompetensi` };
    },
  },
];

/**
 * `count` approved drafts of bulk positions (the prefilled document plus two technical competencies), as
 * the review workflow leaves them: written and submitted by the analyst, approved by the reviewer.
 */
function approvedBulkDrafts(db: Db, positionIds: readonly number[], people: { analis: number; reviewer: number }): number[] {
  const ids = positionIds.map((positionId) => {
    const fresh = newDraftDocument(db, positionId);
    const technical = fresh.document.competencies.some((c) => c.code === "T.ANJAB") ? [] : [{ code: "T.ANJAB", level: 3 }, { code: "T.KELEMBAGAAN", level: 3 }];
    const document = { ...fresh.document, competencies: [...fresh.document.competencies, ...technical] };
    return createDraft(db, { positionId, ...fresh, document, actorId: people.analis, via: "ui" }).id;
  });
  const at = new Date().toISOString();
  db.update(skjDrafts)
    .set({ state: "disetujui", submittedBy: people.analis, submittedAt: at, lastEditedBy: people.analis, approvedBy: people.reviewer, approvedAt: at })
    .where(inArray(skjDrafts.id, ids))
    .run();
  return ids;
}

const publishMeasure: Measure = {
  name: `SKJ: tetapkan penetapan ${PUBLISH_ITEMS} SKJ (publishPenetapan)`,
  size: SMALL.label,
  target: { label: `p95 < ${PUBLISH_TARGET_MS.toLocaleString("id-ID")} ms`, stat: "p95", maxMs: PUBLISH_TARGET_MS },
  async run(ctx) {
    // its own database: publishing changes the register that the other measures read
    const { db } = ctx.freshDb("publish");
    await seed(db, "demo");
    bulkSeed(db, SMALL);
    const user = (email: string) => {
      const u = findUserByEmail(db, email);
      if (!u) throw new Error(`Pengguna ${email} tidak ada.`);
      return u;
    };
    const analis = user("analis@demo.go.id");
    const reviewer = user("reviewer@demo.go.id");
    const publisher = user("reviewer2@demo.go.id");
    const candidates = db
      .select({ id: positions.id })
      .from(positions)
      .where(and(like(positions.code, `${BULK_PREFIX}%`), eq(positions.active, true)))
      .orderBy(positions.id)
      .limit(PUBLISH_ITEMS * PUBLISH_DISTINCT_BATCHES)
      .all()
      .map((p) => p.id);
    if (candidates.length < PUBLISH_ITEMS * PUBLISH_DISTINCT_BATCHES) throw new Error(`Hanya ${candidates.length} jabatan BULK untuk diuji.`);
    let batch = 0;
    let valid = true;
    let competencies = 0;
    let bytes = 0;
    const maxVersion = { value: 0 };
    const samples: number[] = [];
    // one warm-up batch, then the timed ones; drafts and the act are prepared outside the timing
    for (let run = 0; run <= PUBLISH_RUNS; run++) {
      const chunk = batch++ % PUBLISH_DISTINCT_BATCHES;
      const drafts = approvedBulkDrafts(db, candidates.slice(chunk * PUBLISH_ITEMS, (chunk + 1) * PUBLISH_ITEMS), { analis: analis.id, reviewer: reviewer.id });
      const act = createPenetapan(db, { kind: "Peraturan Gubernur", number: String(100 + run), year: 2026, title: "Standar Kompetensi Jabatan (bench)", effectiveDate: "2026-04-01" }, publisher.id);
      if (!act.ok) throw new Error(act.message);
      for (const draftId of drafts) {
        const added = addToPenetapan(db, act.id, draftId, publisher.id);
        if (!added.ok) throw new Error(added.message);
      }
      const started = performance.now();
      const result = publishPenetapan(db, act.id, { id: publisher.id, role: publisher.role });
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`publishPenetapan menolak: ${result.message}`);
      if (run > 0) samples.push(ms);
      valid &&= result.versions.length === PUBLISH_ITEMS;
      maxVersion.value = Math.max(maxVersion.value, ...result.versions.map((v) => v.version));
      // the stored bytes must carry a hash that verifies, or the timing measured the wrong thing
      const stored = db.get<{ snapshot: string; hash: string }>(sql`select snapshot, content_hash as hash from skj_versions where id = ${result.versions[0]!.versionId}`)!;
      const { contentHash, ...rest } = JSON.parse(stored.snapshot) as { contentHash: string; competencies: unknown[] };
      valid &&= contentHash === stored.hash && stored.hash === `sha256:${createHash("sha256").update(canonicalJson(rest), "utf8").digest("hex")}`;
      competencies = rest.competencies.length;
      bytes = stored.snapshot.length;
    }
    return {
      samples,
      valid: valid && maxVersion.value >= 2,
      note: `${PUBLISH_RUNS} penetapan × ${PUBLISH_ITEMS} SKJ (${competencies} kompetensi, ${(bytes / 1024).toFixed(1)} KB per snapshot), sampai versi ${maxVersion.value}`,
    };
  },
};

// ------------------------------------------------------------------ published SKJ and load (issue 6)

const PUBLISHED_AT = "2026-01-02T03:00:00.000Z";

/** The pinned dictionary texts of a document's competencies: their latest published revisions. */
function competencyTexts(db: Db, document: SkjDocument): Map<string, PublishedCompetencyTexts> {
  const texts = new Map<string, PublishedCompetencyTexts>();
  for (const c of document.competencies) {
    const entry = findCompetencyByCode(db, c.code);
    const revision = entry && revisionsOf(db, entry.id).filter((r) => r.status === "diterbitkan").at(-1);
    if (!entry || !revision) throw new Error(`Kompetensi ${c.code} tidak punya revisi yang diterbitkan.`);
    texts.set(c.code, { type: entry.type, name: revision.name ?? entry.name, definition: revision.definitionText, revision: revision.number, levels: levelsOfRevision(db, revision.id) });
  }
  return texts;
}

function publishedUnit(db: Db, unitId: number): SkjPublishedUnit {
  const path = unitAncestry(db, unitId);
  const own = path.at(-1)!;
  return { code: own.code, name: own.name, echelon: (own.echelon || null) as SkjPublishedUnit["echelon"], path: path.map((u) => ({ code: u.code, name: u.name })) };
}

/** A sealed snapshot in the stored format of db/queries/skj-publish.server.ts: canonical JSON with its hash. */
function sealedSnapshot(db: Db, document: SkjDocument, texts: Map<string, PublishedCompetencyTexts>, unitId: number, version: number) {
  const built = buildPublishedDocument(document, texts, {
    version,
    publishedAt: PUBLISHED_AT,
    effectiveDate: "2026-01-01",
    legalBasis: { kind: "Peraturan Gubernur", number: "12", year: 2026, title: "Standar Kompetensi Jabatan di Lingkungan Pemerintah Provinsi" },
    approvedBy: { name: "Reviewer Demo" },
    publishedBy: { name: "Admin Demo" },
    unit: publishedUnit(db, unitId),
  });
  if (!built.ok) throw new Error(built.message);
  const contentHash = `sha256:${crypto.createHash("sha256").update(canonicalJson({ ...built.document, contentHash: "" })).digest("hex")}`;
  return { snapshot: canonicalJson({ ...built.document, contentHash }), contentHash };
}

/**
 * What a penetapan writes, straight in SQL (closed drafts, versions, feed events): the complete SKJ of
 * SKJ_POSITION_CODE as its next version, then the same document under `bulk` generated positions.
 */
function publishInSql(db: Db, bulk: number) {
  const document = completeSkjDocument(db);
  const texts = competencyTexts(db, document);
  const position = findPositionByCode(db, SKJ_POSITION_CODE)!;
  const admin = findUserByEmail(db, "admin@demo.go.id");
  if (!admin) throw new Error("Pengguna admin@demo.go.id tidak ada.");
  const sqlite = db.$client;
  const bulkPositions = sqlite
    .prepare("select p.id, p.code, p.name, p.unit_id as unitId, u.code as unitCode from positions p join org_units u on u.id = p.unit_id where p.code like 'BULK-%' order by p.id limit ?")
    .all(bulk) as { id: number; code: string; name: string; unitId: number; unitCode: string }[];
  if (bulkPositions.length < bulk) throw new Error(`Hanya ${bulkPositions.length} jabatan BULK-, perlu ${bulk}.`);
  const insertDraft = sqlite.prepare(
    "insert into skj_drafts (position_id, state, document, created_by, approved_by, approved_at, closed_at, closed_reason) values (?, 'disetujui', ?, ?, ?, ?, ?, 'ditetapkan')",
  );
  const insertVersion = sqlite.prepare(
    "insert into skj_versions (position_id, version_number, draft_id, penetapan_id, snapshot, content_hash, published_at, published_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertEvent = sqlite.prepare("insert into events (type, position_code, version, occurred_at) values ('skj.published', ?, ?, ?)");
  let events = 0;
  const one = (positionId: number, code: string, doc: SkjDocument, unitId: number, penetapanId: number) => {
    // the demo seed may have published this position already: the new version supersedes that one
    const previous = sqlite
      .prepare("select v.id, v.version_number as n from skj_versions v where v.position_id = ? and not exists (select 1 from skj_version_ends e where e.version_id = v.id)")
      .get(positionId) as { id: number; n: number } | undefined;
    const last = (sqlite.prepare("select coalesce(max(version_number), 0) n from skj_versions where position_id = ?").get(positionId) as { n: number }).n;
    const version = last + 1;
    const sealed = sealedSnapshot(db, doc, texts, unitId, version);
    const draftId = insertDraft.run(positionId, JSON.stringify(doc), admin.id, admin.id, PUBLISHED_AT, PUBLISHED_AT).lastInsertRowid;
    const versionId = insertVersion.run(positionId, version, draftId, penetapanId, sealed.snapshot, sealed.contentHash, PUBLISHED_AT, admin.id).lastInsertRowid;
    if (previous) sqlite.prepare("insert into skj_version_ends (version_id, kind, replaced_by_version_id, actor_id) values (?, 'diganti', ?, ?)").run(previous.id, versionId, admin.id);
    insertEvent.run(code, version, PUBLISHED_AT);
    events++;
    return { version, ...sealed };
  };
  return sqlite.transaction(() => {
    const penetapanId = Number(
      sqlite
        .prepare("insert into penetapan (kind, number, year, title, status, published_by, published_at) values ('Peraturan Gubernur', '12', 2026, 'SKJ bench', 'ditetapkan', ?, ?)")
        .run(admin.id, PUBLISHED_AT).lastInsertRowid,
    );
    const main = one(position.id, SKJ_POSITION_CODE, document, position.unitId, penetapanId);
    for (const p of bulkPositions) {
      one(p.id, p.code, { ...document, position: { ...document.position, code: p.code, name: p.name, unitCode: p.unitCode } }, p.unitId, penetapanId);
    }
    return { code: SKJ_POSITION_CODE, ...main, events };
  })();
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
  url: string;
  options: http.RequestOptions;
  bytes: number;
  latencies: number[];
  failures: number;
  seconds: number;
}

function loadTarget(url: string, headers: Record<string, string>, bytes: number): LoadTarget {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: LOAD_CONCURRENCY });
  return { url, bytes, latencies: [], failures: 0, seconds: 0, options: { agent, hostname: target.hostname, port: target.port, path: target.pathname + target.search, headers } };
}

/**
 * autocannon's shape without the dependency: LOAD_CONCURRENCY requests in flight over keep-alive connections
 * for `ms`; a response counts as failed unless it is 200 with the expected bytes.
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
const LOAD_ROUNDS = 5;

/**
 * The bare node:http handler and the API, loaded in alternating one-second rounds (LOAD_SECONDS each in
 * all) so that whatever else the machine runs weighs on both alike; measured once for the two rows.
 */
function sideBySide(ctx: Context) {
  return ctx.once("side-by-side", async () => {
    const { baseUrl, readToken } = await ctx.server();
    const published = await ctx.published();
    const path = `/api/v1/skj/${published.code}/versions/${published.version}`;
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

const apiMeasures: Measure[] = [
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
    name: "HTTP GET /api/v1/skj/{kode}/versions/{n} (server aplikasi, token, byte siap kirim)",
    size: LARGE.label,
    target: { label: `≥ ${API_RATIO_TARGET} × node:http bawaan`, stat: "median", maxMs: Number.POSITIVE_INFINITY },
    async run(ctx) {
      const { baseUrl, readToken } = await ctx.server();
      const published = await ctx.published();
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
        valid: api.failures === 0 && body === published.snapshot && check.headers.get("etag") === `"${published.contentHash}"`,
        note: `${rpsText(api.rps)} permintaan/s lawan ${rpsText(bare.rps)} node:http bawaan: rasio ${ratio.toFixed(2)} (target ≥ ${API_RATIO_TARGET}); ${api.failures} gagal; ${path}`,
      };
    },
  },
  {
    name: `umpan: changesAfter ${FEED_EVENTS.toLocaleString("id-ID")} peristiwa (kueri langsung)`,
    size: LARGE.label,
    target: { label: `p95 < ${FEED_TARGET_MS} ms`, stat: "p95", maxMs: FEED_TARGET_MS },
    async run(ctx) {
      const { events } = await ctx.published();
      const { db } = await ctx.registerDb(LARGE);
      const first = changesAfter(db, 0, FEED_EVENTS);
      const samples = await sample(RUNS, WARMUP, () => changesAfter(db, 0, FEED_EVENTS));
      return { samples, valid: first.length === FEED_EVENTS, note: `${first.length} dari ${events}+ peristiwa` };
    },
  },
  {
    name: `HTTP GET /api/v1/changes?limit=${FEED_EVENTS} (pulang-pergi, JSON diurai)`,
    size: LARGE.label,
    target: { label: `p95 < ${FEED_TARGET_MS} ms`, stat: "p95", maxMs: FEED_TARGET_MS },
    async run(ctx) {
      const { baseUrl, readToken } = await ctx.server();
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
      return { samples, valid: page.events.length === FEED_EVENTS && increasing, note: `${page.events.length} peristiwa, ${(bytes / 1024).toFixed(0)} KB, nextCursor ${page.nextCursor}` };
    },
  },
  {
    name: `HTTP GET /api/v1/skj?limit=${FEED_EVENTS} (daftar, byte tersimpan digabung)`,
    size: LARGE.label,
    async run(ctx) {
      const { baseUrl, readToken } = await ctx.server();
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
  },
];

const MEASURES: Measure[] = [...registerMeasures(SMALL), ...registerMeasures(LARGE), httpMeasure, importMeasure, reimportMeasure, ...dictionaryMeasures, ...skjMeasures, publishMeasure, ...apiMeasures];

// ------------------------------------------------------------------ runner and report

async function runMeasure(ctx: Context, m: Measure): Promise<Row> {
  log(`→ ${m.name} [${m.size}]`);
  const base = { name: m.name, size: m.size, target: m.target?.label ?? "—" };
  try {
    const outcome = await m.run(ctx);
    const sorted = [...outcome.samples].sort((a, b) => a - b);
    const medianMs = percentile(sorted, 0.5);
    const p95Ms = percentile(sorted, 0.95);
    const timed = outcome.meets ?? (m.target ? (m.target.stat === "median" ? medianMs : p95Ms) < m.target.maxMs : null);
    const ok = outcome.valid === false ? false : timed;
    return { ...base, runs: outcome.runs ?? sorted.length, medianMs, p95Ms, minMs: sorted[0]!, maxMs: sorted.at(-1)!, ok, note: outcome.note, samples: outcome.samples };
  } catch (error) {
    log(`  GAGAL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { ...base, runs: 0, medianMs: null, p95Ms: null, minMs: null, maxMs: null, ok: false, error: error instanceof Error ? error.message : String(error), samples: [] };
  }
}

function markdown(rows: Row[], wallSeconds: number, startedAt: string): string {
  const okText = (r: Row) => (r.error ? "GALAT" : r.ok === null ? "—" : r.ok ? "ya" : "TIDAK");
  const lines = [
    "| pengukuran | ukuran | median ms | p95 ms | target | ok? |",
    "|---|---|---:|---:|---|---|",
    ...rows.map((r) => `| ${r.name} | ${r.size} | ${fmt(r.medianMs)} | ${fmt(r.p95Ms)} | ${r.target} | ${okText(r)} |`),
  ];
  const notes = rows.filter((r) => r.note || r.error).map((r) => `- ${r.name} [${r.size}]: ${r.error ? `GALAT: ${r.error}` : r.note}`);
  return [
    `Benchmark SKJ Studio — ${startedAt}, Node ${process.version}, ${os.cpus().length} CPU, ${RUNS} pengulangan register/HTTP, total ${wallSeconds.toFixed(1)} s`,
    "",
    ...lines,
    "",
    ...notes,
    "",
  ].join("\n");
}

function gitCommit(): string | null {
  const result = spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const wallStart = performance.now();
  const ctx = new Context();
  const interrupt = () => {
    void ctx.close().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  const rows: Row[] = [];
  try {
    for (const m of MEASURES) rows.push(await runMeasure(ctx, m));
  } finally {
    await ctx.close();
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const md = markdown(rows, wallSeconds, startedAt.toISOString());
  console.log(`\n${md}`);

  const missed = rows.filter((r) => !r.error && r.ok === false);
  const crashed = rows.filter((r) => r.error);
  if (missed.length) console.log(`PERHATIAN: ${missed.length} target tidak tercapai: ${missed.map((r) => `${r.name} [${r.size}]`).join("; ")}`);
  if (crashed.length) console.log(`GALAT: ${crashed.length} pengukuran gagal dijalankan.`);
  if (!missed.length && !crashed.length) console.log("Semua target tercapai.");

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  const json = JSON.stringify(
    { startedAt: startedAt.toISOString(), wallSeconds, node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, commit: gitCommit(), rows },
    null,
    2,
  );
  for (const [name, text] of [
    [`bench-${stamp}.json`, json],
    [`bench-${stamp}.md`, md],
    ["latest.json", json],
    ["latest.md", md],
  ] as const) {
    fs.writeFileSync(path.join(RESULTS_DIR, name), `${text.trimEnd()}\n`);
  }
  console.log(`Hasil ditulis ke ${path.relative(ROOT, RESULTS_DIR)}/bench-${stamp}.{json,md} dan latest.{json,md}.`);
  // a missed target is a finding, not a failure; only a measure that could not run fails the script
  return crashed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
