// Starts the built app as `npm start` would, on a free port with a fresh database of its own.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/free-port";

export interface ServerProcess {
  baseUrl: string;
  databasePath: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  // generous: on a machine shared with other test runs, seeding and starting the web processes took up to 150 s
  const deadline = Date.now() + 240_000;
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

/** `env` is laid over this process's environment; a value of undefined removes the variable. */
export async function startServer(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skj-server-"));
  const port = await freePort();
  const databasePath = path.join(dir, "app.sqlite");
  const merged: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    DATABASE_PATH: databasePath,
    SKJ_SEED: "demo",
    ...env,
  };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  let log = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: merged as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (error) {
    // nobody else holds the child yet: a server left running would keep its web processes and the port
    child.kill("SIGTERM");
    throw error;
  }
  return {
    baseUrl,
    databasePath,
    child,
    output: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
