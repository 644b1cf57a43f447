// Starts the built app (npm test builds it first) on a free port with a fresh demo database.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../scripts/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skj-e2e-"));
  const port = await freePort();
  let log = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_PATH: path.join(dir, "e2e.sqlite"), NODE_ENV: "test", SKJ_SEED: "demo" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  let stopping = false;
  // a server that dies mid-suite fails every later test with "connection refused": say why, once
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`\n=== e2e server exited (code ${code}, signal ${signal}); its output:\n${log.slice(-20_000)}`);
  });
  await waitForHealth(baseUrl, child, () => log);
  project.provide("baseUrl", baseUrl);
  return async () => {
    stopping = true;
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
