// Fixtures shared by the measures, each built once on first use: the data set at both sizes (and the built
// server on each), CSV files for the import, and scratch databases.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { writeBulkSotkCsv } from "./bulk-seed";
import { openDatabase, type Db } from "~db/client.server";
import { migrateDatabase } from "~db/migrate.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { findUserByEmail } from "~db/queries/users.server";
import { seed } from "~seeds/seed.server";
import { seedBenchDataSet, type DataSet, type DataSetSize } from "./data-set";
import { mib, ownPeakRss } from "./peak-memory";
import { log, seconds } from "./runner";
import { login, startServer } from "./server";

export interface Step {
  label: string;
  seconds: number;
}

export interface BenchServer {
  baseUrl: string;
  /** A session of the demo analyst. */
  cookie: string;
  /** The analyst's tokens: skj:write (validate, drafts) and skj:read (the feed). */
  token: string;
  readToken: string;
  /** The server process, for its memory. */
  pid: number;
}

export class Context {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "skj-bench-"));
  /** How long each fixture took to build, so the report can say which steps dominate. */
  readonly steps: Step[] = [];
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

  async timed<T>(label: string, make: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    const value = await make();
    const ms = performance.now() - started;
    this.steps.push({ label, seconds: ms / 1000 });
    log(`  ${label}: ${seconds(ms)}`);
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

  /** The demo seed (users, the regulation's dictionary) plus the synthetic data set of `size`, all published. */
  dataSet(size: DataSetSize): Promise<{ db: Db; file: string; set: DataSet }> {
    return this.once(`data-set-${size.label}`, async () => {
      const { db, file } = this.freshDb(`data-${size.label}`);
      await seed(db, "demo");
      const set = await this.timed(`data set ${size.label} dibuat`, () => seedBenchDataSet(db, size));
      const t = set.timings;
      log(
        `    ${set.units} unit, ${set.positions} jabatan (${seconds(t.sotk)}); ${set.competencies} kompetensi teknis (${seconds(t.dictionary)}); ` +
          `${set.versions} SKJ ditetapkan, ${set.competencyUses} baris kompetensi, ${set.events} peristiwa (${seconds(t.publish)}); ${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MB; ` +
          `puncak RSS proses bench sejauh ini ${mib(ownPeakRss())}`,
      );
      return { db, file, set };
    });
  }

  csvFiles(size: DataSetSize) {
    return this.once(`csv-${size.label}`, async () => {
      const { unitsFile, positionsFile } = writeBulkSotkCsv(path.join(this.dir, `csv-${size.label}`), size);
      return [unitsFile, positionsFile].map((f) => ({ name: path.basename(f), bytes: new Uint8Array(fs.readFileSync(f)) }));
    });
  }

  /** The built app serving the data set of `size`, with a session and API tokens of the demo analyst. */
  server(size: DataSetSize): Promise<BenchServer> {
    return this.once(`server-${size.label}`, async () => {
      const { db, file } = await this.dataSet(size);
      const analyst = findUserByEmail(db, "analis@demo.go.id");
      if (!analyst) throw new Error("Pengguna analis@demo.go.id tidak ada.");
      const token = createApiToken(db, { userId: analyst.id, name: `bench ${size.label}`, scopes: ["skj:write"] }, null).token;
      const readToken = createApiToken(db, { userId: analyst.id, name: `bench baca ${size.label}`, scopes: ["skj:read"] }, null).token;
      const running = await this.timed(`server ${size.label} siap`, () => startServer(file));
      this.onCleanup(() => running.stop());
      return { baseUrl: running.baseUrl, cookie: await login(running.baseUrl), token, readToken, pid: running.child.pid! };
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
