// The built app as a child process for the HTTP measures, and its sessions.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD } from "~seeds/seed.server";
import { log, ROOT } from "./runner";
import { freePort } from "../free-port";

export function ensureBuild() {
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

export async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

export interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** BENCH_CPU_PROFILE=<folder>: every server process writes a .cpuprofile there when it stops (web processes inherit it). */
const cpuProfileFlags = () => (process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []);

/** The built app on `file` (webhooks off: the bench registers none, and a second sender would only add noise). */
export async function startServer(file: string): Promise<RunningServer> {
  ensureBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, [...cpuProfileFlags(), "--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_PATH: file, NODE_ENV: "test", SKJ_SEED: "none", SKJ_WEBHOOKS: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => {
    output += d;
    // a web process that dies mid-measure is replaced by the primary, so the measure would only see a failed
    // fetch: what the server says on stderr goes into the bench's log
    for (const line of String(d).split("\n").filter(Boolean)) log(`  [server] ${line}`);
  });
  // a crash of the bench itself must not leave a server holding the port
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  await waitForHealth(baseUrl, child, () => output);
  return {
    baseUrl,
    child,
    async stop() {
      process.off("exit", killOnExit);
      await stopChild(child);
    },
  };
}

/** A fresh session of `email` (the demo password): the `skj_session=…` cookie pair. */
export async function login(baseUrl: string, email = "analis@demo.go.id"): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/jabatan" }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("skj_session="));
  if (res.status !== 302 || !cookie) throw new Error(`Login ${email} gagal: HTTP ${res.status}.`);
  return cookie;
}
