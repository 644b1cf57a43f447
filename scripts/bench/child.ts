// A measure that runs in a child process of its own (a bundle print, a legacy book import), so that its peak
// memory is its own: the child prints one JSON line as its last output.
import { spawn } from "node:child_process";
import { ROOT } from "./runner";

export function runBenchChild<T>(script: string, args: string[], databaseFile: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: ROOT,
      // caches and job folders, if the services keep any, go beside the temp database rather than into data/
      env: { ...process.env, DATABASE_PATH: databaseFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => {
      stderr += d;
      process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = stdout.trim().split("\n").at(-1);
      if (code !== 0 || !last) reject(new Error(`Proses ${script} berhenti dengan kode ${code}:\n${stderr.slice(-2000)}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}
