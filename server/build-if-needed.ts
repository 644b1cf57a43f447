import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "db", "remix.config.js", "package-lock.json"];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** Builds the app when build/ is missing or older than its sources, so `npm start` works right after `npm ci`. */
export function buildIfNeeded(root = process.cwd()) {
  const buildFile = path.join(root, "build", "index.js");
  const built = fs.statSync(buildFile, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built > 0 && built >= newest) return;
  console.log(built ? "Sumber berubah sejak build terakhir: membangun ulang…" : "Build belum ada: membangun aplikasi…");
  const remix = path.join(root, "node_modules", ".bin", "remix");
  const result = spawnSync(remix, ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("remix build gagal (build failed)");
}
