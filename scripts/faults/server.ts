// The app on the fault test's database and port, started, awaited, and killed with SIGKILL.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
// tsx's own compiler (a dependency of tsx), used here ahead of time instead of on every start
import { build } from "esbuild";
import { replacementServes } from "../../server/web-processes";
import { childProcesses } from "../child-processes";

const HEALTH_TIMEOUT_MS = 120_000;

const BUNDLE = path.join(".cache", "faults", "server.mjs");

/** Web processes of the server under test: several, so the kills hit the clustered server (docs/decisions/033). */
export const WEB_PROCESSES = Number(process.env.WEB_CONCURRENCY || 2);

/**
 * How the server is started. `npm start` is `tsx server/index.ts`; under tsx every module the app loads (its
 * thousands of node_modules files included) passes through tsx's loader thread, which made each restart
 * about 1.5–2 times slower here. So by default server/index.ts and its TypeScript imports are compiled once
 * with esbuild (what tsx does on the fly, packages left external), into .cache/ so node_modules still
 * resolve; FAULT_SERVER=tsx starts exactly `node --import tsx server/index.ts` instead.
 */
export async function serverCommand(mode = process.env.FAULT_SERVER): Promise<{ label: string; args: string[] }> {
  if (mode === "tsx") return { label: "node --import tsx server/index.ts", args: ["--import", "tsx", "server/index.ts"] };
  await build({
    entryPoints: ["server/index.ts"],
    bundle: true,
    platform: "node",
    packages: "external",
    format: "esm",
    target: "node20",
    outfile: BUNDLE,
    logLevel: "warning",
  });
  return { label: `node ${BUNDLE} (server/index.ts dikompilasi esbuild)`, args: [BUNDLE] };
}

export class AppServer {
  private child: ChildProcess | undefined;
  private output = "";
  readonly baseUrl: string;

  constructor(
    private readonly port: number,
    private readonly databasePath: string,
    private readonly args: string[],
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    // the harness dying (an exception, Ctrl-C) must not leave a server holding the database
    process.once("exit", () => this.killGroup());
  }

  private killGroup() {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // the group is gone already
    }
  }

  /** Starts the server and resolves with the milliseconds until /healthz answered 200. */
  async start(): Promise<number> {
    const started = performance.now();
    this.output = "";
    const child = spawn(process.execPath, this.args, {
      env: {
        ...process.env,
        PORT: String(this.port),
        DATABASE_PATH: this.databasePath,
        NODE_ENV: "test",
        SKJ_SEED: "none",
        // nobody receives webhooks here; the outbox rows are still written in each publish's transaction
        SKJ_WEBHOOKS: "off",
        WEB_CONCURRENCY: String(WEB_PROCESSES),
      },
      stdio: ["ignore", "pipe", "pipe"],
      // a group of its own: the kill takes the primary and every web process at the same instant
      detached: true,
    });
    child.stdout!.on("data", (d) => (this.output += d));
    child.stderr!.on("data", (d) => (this.output += d));
    this.child = child;
    await this.untilServing(started);
    return performance.now() - started;
  }

  /** Resolves once every web process is up and /healthz answers. */
  private async untilServing(started: number): Promise<void> {
    const child = this.child!;
    const deadline = started + HEALTH_TIMEOUT_MS;
    while (performance.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`Server berhenti sebelum siap (server exited, code ${child.exitCode}):\n${this.output.slice(-5000)}`);
      if (this.webProcesses().length >= WEB_PROCESSES && (await healthy(this.baseUrl))) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`Server tidak siap dalam ${HEALTH_TIMEOUT_MS / 1000} detik (not healthy):\n${this.output.slice(-5000)}`);
  }

  private webProcesses(): number[] {
    if (WEB_PROCESSES === 1) return [this.child!.pid!];
    return childProcesses(this.child!.pid!, this.args.at(-1)!);
  }

  /** kill -9 of the primary and every web process at once: no shutdown handler runs, the database is left as the crash leaves it. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    this.killGroup();
    await exited;
  }

  /**
   * kill -9 of one web process while the others go on serving; resolves with the milliseconds until the primary
   * has replaced it and the server answers.
   */
  async killOneWebProcess(pick: (pids: number[]) => number): Promise<number> {
    const started = performance.now();
    const before = this.webProcesses();
    const victim = pick(before);
    process.kill(victim, "SIGKILL");
    // replaced means a new process answers: the primary says so once the replacement listens
    const served = replacementServes(victim);
    while (!this.output.includes(served)) {
      if (performance.now() - started > HEALTH_TIMEOUT_MS)
        throw new Error(`Proses web ${victim} tidak diganti dalam ${HEALTH_TIMEOUT_MS / 1000} detik.`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const replaced = performance.now() - started;
    await this.untilServing(started);
    return replaced;
  }

  /** Output since the last start: unhandled errors the server logged while being hammered. */
  log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

function healthy(baseUrl: string): Promise<boolean> {
  return fetch(`${baseUrl}/healthz`).then(
    (res) => res.ok,
    () => false,
  );
}
