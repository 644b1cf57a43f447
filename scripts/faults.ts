// `npm run test:faults` (issue 8, Faults): kill -9 the server during a stream of draft saves and publishes,
// FAULT_ROUNDS times (100 by default); after each restart the database must be sound, every acknowledged save
// and publish present, every penetapan all or nothing, and the feed without gap or duplicate. Exits 1 on any
// violation. FAULT_SEED replays the same kill moments.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { DEMO_PASSWORD } from "~seeds/seed.server";
import { buildIfNeeded } from "../server/build-if-needed";
import { checkApi, checkDatabase, unansweredOutcomes, type FeedEvent, type UnansweredOutcomes } from "./faults/checks";
import { prepareFixture, type Fixture } from "./faults/fixture";
import { Client } from "./faults/http";
import { Ledger, type RequestKind } from "./faults/ledger";
import { freePort } from "./free-port";
import { AppServer, serverCommand, WEB_PROCESSES } from "./faults/server";
import { readStartState, runStream, type Sessions } from "./faults/stream";

const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 100);
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
// after the round's first answer: the kill lands anywhere from the first saves to well into the publishes
const KILL_AFTER_MS = { min: 50, max: 1500 };
// the share of rounds in which one web process dies while the others serve on (the rest kill the whole server)
const ONE_PROCESS_KILLS = WEB_PROCESSES > 1 ? 0.25 : 0;
const MAX_REPORTED = 40;

const log = (message: string) => process.stderr.write(`${message}\n`);

/** mulberry32: a small seeded generator, so a failing run can be replayed with FAULT_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

async function logIn(client: Client, email: string): Promise<string> {
  const answer = await client.form("/login", { email, password: DEMO_PASSWORD, redirectTo: "/" }, "");
  const setCookie = answer.headers["set-cookie"] ?? [];
  const cookie = setCookie.map((c) => c.split(";")[0]!).find((c) => c.startsWith("skj_session="));
  if (answer.status !== 302 || !cookie) throw new Error(`Login ${email} gagal: HTTP ${answer.status}.`);
  return cookie;
}

function openChecker(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  return db;
}

const positionsWithVersions = (fixture: Fixture) => [...fixture.pools.single, ...fixture.pools.penetapan].map((p) => p.code);

async function verify(server: AppServer, file: string, fixture: Fixture, ledger: Ledger, previous: FeedEvent[], round: number) {
  const db = openChecker(file);
  const client = new Client(server.baseUrl);
  try {
    const stored = checkDatabase(db, ledger);
    const api = await checkApi(client, fixture.tokens.read, db, ledger, previous, positionsWithVersions(fixture));
    const unanswered = unansweredOutcomes(db, ledger, round);
    return {
      ...stored,
      violations: [...stored.violations, ...api.violations],
      feed: api.feed,
      reads: api.reads,
      unanswered,
      next: readStartState(db, fixture),
    };
  } finally {
    client.close();
    db.close();
  }
}

async function main() {
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1)
    throw new Error(`FAULT_ROUNDS harus bilangan bulat positif, bukan "${process.env.FAULT_ROUNDS}".`);
  const wallStarted = performance.now();
  const rng = random(SEED);
  buildIfNeeded();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skj-faults-"));
  const file = path.join(dir, "faults.sqlite");
  log(`Uji gangguan (fault test): ${ROUNDS} ronde, FAULT_SEED=${SEED}, basis data ${file}`);
  const fixture = await prepareFixture(file);
  const command = await serverCommand();
  const server = new AppServer(await freePort(), file, command.args);
  const ledger = new Ledger();
  const violations: string[] = [];
  const restarts: number[] = [];
  const replacements: number[] = [];
  const killDelays: number[] = [];
  let checked = { savesVerified: 0, penetapanChecked: 0, feedEvents: 0, reads: 0 };
  const unanswered: UnansweredOutcomes = { savesStored: 0, savesNotStored: 0, penetapanPublished: 0, penetapanNotPublished: 0 };

  const firstStart = await server.start();
  log(`  server siap dalam ${(firstStart / 1000).toFixed(1)} s di ${server.baseUrl}: ${command.label}`);
  const loginClient = new Client(server.baseUrl);
  const sessions: Sessions = {
    analis: await logIn(loginClient, "analis@demo.go.id"),
    reviewer2: await logIn(loginClient, "reviewer2@demo.go.id"),
  };
  loginClient.close();
  ledger.decisionsAfter = fixture.lastDecisionId;
  let state = await verify(server, file, fixture, ledger, [], 0);
  violations.push(...state.violations.map((v) => `sebelum ronde 1: ${v}`));

  for (let round = 1; round <= ROUNDS && violations.length < MAX_REPORTED; round++) {
    const client = new Client(server.baseUrl);
    let alive = true;
    let flowing: () => void = () => {};
    const firstAnswer = new Promise<void>((resolve) => (flowing = resolve));
    const stream = runStream({ round, client, fixture, sessions, ledger, alive: () => alive, answered: () => flowing() }, state.next);
    const delay = KILL_AFTER_MS.min + rng() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min);
    killDelays.push(delay);
    // the kill's clock starts at the round's first answer: a freshly started server's first requests are slow
    // on a loaded machine, and a kill before anything was written would test nothing
    await Promise.race([firstAnswer, stream]);
    await new Promise((r) => setTimeout(r, delay));
    alive = false;
    const oneProcess = rng() < ONE_PROCESS_KILLS;
    if (oneProcess) {
      try {
        replacements.push(await server.killOneWebProcess((pids) => pids[Math.floor(rng() * pids.length)]!));
        // a connection the primary was handing to the killed process at that instant stays open without an answer
        // (node:cluster keeps its copy until the process replies): closing the client ends it, as a browser's
        // timeout would, and counts it as in flight
        client.close();
        await stream;
      } catch (error) {
        violations.push(`ronde ${round}: proses web yang dimatikan tidak diganti (web process not replaced): ${String(error)}`);
        break;
      }
    } else {
      await server.kill();
      await stream;
    }
    client.close();
    violations.push(...ledger.unexpected.splice(0));

    if (!oneProcess) {
      try {
        restarts.push(await server.start());
      } catch (error) {
        violations.push(`ronde ${round}: server tidak dapat dinyalakan ulang setelah kill -9 (won't restart): ${String(error)}`);
        break;
      }
    }
    state = await verify(server, file, fixture, ledger, state.feed, round);
    for (const key of Object.keys(unanswered) as (keyof UnansweredOutcomes)[]) unanswered[key] += state.unanswered[key];
    violations.push(...state.violations.map((v) => `ronde ${round}: ${v}`));
    checked = {
      savesVerified: checked.savesVerified + state.savesVerified,
      penetapanChecked: checked.penetapanChecked + state.penetapanChecked,
      feedEvents: checked.feedEvents + state.feedEvents,
      reads: checked.reads + state.reads,
    };
    if (round % 10 === 0 || state.violations.length) {
      log(
        `  ronde ${round}: kill ${oneProcess ? "satu proses web" : "server"} setelah ${delay.toFixed(0)} ms; diakui ${ledger.saves.length} simpanan, ${ledger.singlePublishes.length + ledger.penetapanPublishes.length} penetapan; umpan ${state.feed.length} peristiwa; ${violations.length} pelanggaran`,
      );
    }
  }
  await server.stop();

  const sorted = [...restarts].sort((a, b) => a - b);
  const kinds = (map: Map<RequestKind, number>) => [...map].map(([k, n]) => `${k} ${n}`).join(", ") || "—";
  const publishedSkj = ledger.penetapanPublishes.reduce((n, a) => n + a.positionCodes.length, 0);
  const lines = [
    "",
    "Uji gangguan kill -9 (fault test) — ringkasan / summary",
    `  ronde (rounds)                                  ${restarts.length + replacements.length} dari ${ROUNDS}, FAULT_SEED=${SEED}; ${replacements.length} dengan satu proses web dimatikan (one web process killed)`,
    `  simpanan draf diakui (saves acknowledged)       ${ledger.saves.length} (API ${ledger.saves.filter((s) => s.via === "api").length}, penyunting ${ledger.saves.filter((s) => s.via === "editor").length}; konflik 409 penyunting ${ledger.editorConflicts})`,
    `  pemeriksaan simpanan (save checks passed)       ${checked.savesVerified} (setiap simpanan diperiksa ulang di setiap ronde berikutnya)`,
    `  penetapan tunggal API diakui (single publishes) ${ledger.singlePublishes.length}`,
    `  penetapan UI diakui (penetapan published)       ${ledger.penetapanPublishes.length} (${publishedSkj} SKJ)`,
    `  pemeriksaan penetapan (penetapan checked)       ${checked.penetapanChecked} (semua penetapan di basis data, setiap ronde)`,
    `  peristiwa umpan diperiksa (feed events checked) ${checked.feedEvents} (terakhir ${state.feed.length} peristiwa; ${checked.reads} GET API)`,
    `  jawaban diterima (answers)                      ${ledger.total(ledger.answered)}: ${kinds(ledger.answered)}`,
    `  sedang berjalan saat kill (in flight at kill)   ${ledger.total(ledger.inFlight)}: ${kinds(ledger.inFlight)}`,
    `    simpanan terpotong: tersimpan / tidak          ${unanswered.savesStored} / ${unanswered.savesNotStored} (cut-off saves: committed / not; both allowed, never half)`,
    `    penetapan terpotong: ditetapkan / tetap draf   ${unanswered.penetapanPublished} / ${unanswered.penetapanNotPublished} (cut-off penetapan publishes: whole / none)`,
    `  kill setelah (kill delay) ms                    median ${percentile(
      [...killDelays].sort((a, b) => a - b),
      0.5,
    ).toFixed(0)}, rentang ${KILL_AFTER_MS.min}–${KILL_AFTER_MS.max}`,
    `  server                                          ${command.label}, ${WEB_PROCESSES} proses web`,
    `  waktu restart (restart time) s                  median ${(percentile(sorted, 0.5) / 1000).toFixed(2)}, p95 ${(percentile(sorted, 0.95) / 1000).toFixed(2)}, maks ${(sorted.at(-1)! / 1000).toFixed(2)}`,
    `  proses web diganti (web process replaced) s     median ${(
      percentile(
        [...replacements].sort((a, b) => a - b),
        0.5,
      ) / 1000
    ).toFixed(2)}, maks ${(Math.max(0, ...replacements) / 1000).toFixed(2)}`,
    `  waktu total (wall time)                         ${((performance.now() - wallStarted) / 1000).toFixed(1)} s`,
    `  pelanggaran (violations)                        ${violations.length}`,
  ];
  console.log(lines.join("\n"));
  if (violations.length) {
    console.log(`\nPELANGGARAN (violations); basis data disimpan di ${dir}:`);
    for (const v of violations.slice(0, MAX_REPORTED)) console.log(`  - ${v}`);
    process.exitCode = 1;
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
    console.log("\nOK: tidak ada yang hilang (nothing lost).");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
