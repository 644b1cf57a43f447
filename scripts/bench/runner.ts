// The bench's runner and report: a measure yields samples (and optionally a baseline to compare with); the
// runner turns them into rows and writes one table, as Markdown and JSON, to the git-ignored bench-results/.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Context } from "./context";

export const ROOT = process.cwd();
export const RESULTS_DIR = path.join(ROOT, "bench-results");
export const RUNS = 30;
export const WARMUP = 5;

export interface Target {
  label: string;
  stat: "median" | "p95";
  maxMs: number;
}

export interface Outcome {
  samples: number[];
  note?: string;
  /** A correctness check beside the timing (for instance "re-import changed nothing"). */
  valid?: boolean;
  /** Whether a target that is not only a time (a ratio, a memory bound) was met; decides ok? instead of the samples. */
  meets?: boolean;
  /** How many requests the samples summarise, when they are quantiles of a load run rather than the runs. */
  runs?: number;
  /** ours ÷ baseline, where the issue names a side-by-side baseline; with what it compares. */
  ratio?: { value: number; label: string };
}

export interface Measure {
  name: string;
  size: string;
  target?: Target;
  run(ctx: Context): Promise<Outcome>;
}

export interface Row {
  name: string;
  size: string;
  runs: number;
  medianMs: number | null;
  p95Ms: number | null;
  minMs: number | null;
  maxMs: number | null;
  ratio: { value: number; label: string } | null;
  target: string;
  ok: boolean | null;
  /** Wall time of the measure, fixtures it built first included. */
  seconds: number;
  note?: string;
  error?: string;
  samples: number[];
}

export const log = (message: string) => process.stderr.write(`${message}\n`);

export function percentile(sorted: number[], p: number): number {
  // nearest rank: with 30 samples p95 is the 29th, an observed value rather than an interpolation
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export async function sample(runs: number, warmup: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmt = (ms: number | null) => (ms === null ? "—" : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

export async function runMeasure(ctx: Context, m: Measure): Promise<Row> {
  // A measure that ran SQL in this process blocked its event loop: a keep-alive socket the server closed
  // meanwhile still looks idle to fetch until the loop reads the close, and the next request on it fails
  // ("other side closed"). A moment for pending I/O first.
  await new Promise((resolve) => setTimeout(resolve, 50));
  log(`→ ${m.name} [${m.size}]`);
  const started = performance.now();
  const base = { name: m.name, size: m.size, target: m.target?.label ?? "—" };
  try {
    const outcome = await m.run(ctx);
    const sorted = [...outcome.samples].sort((a, b) => a - b);
    const medianMs = percentile(sorted, 0.5);
    const p95Ms = percentile(sorted, 0.95);
    const timed = outcome.meets ?? (m.target ? (m.target.stat === "median" ? medianMs : p95Ms) < m.target.maxMs : null);
    const ok = outcome.valid === false ? false : timed;
    const elapsed = (performance.now() - started) / 1000;
    return {
      ...base,
      runs: outcome.runs ?? sorted.length,
      medianMs,
      p95Ms,
      minMs: sorted[0]!,
      maxMs: sorted.at(-1)!,
      ratio: outcome.ratio ?? null,
      ok,
      seconds: elapsed,
      note: outcome.note,
      samples: outcome.samples,
    };
  } catch (error) {
    // fetch reports what the connection did only in its cause ("other side closed", ECONNREFUSED …)
    const cause = error instanceof Error && error.cause ? `\n    sebab: ${String(error.cause)}` : "";
    log(`  GAGAL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${cause}`);
    const elapsed = (performance.now() - started) / 1000;
    return {
      ...base,
      runs: 0,
      medianMs: null,
      p95Ms: null,
      minMs: null,
      maxMs: null,
      ratio: null,
      ok: false,
      seconds: elapsed,
      error: error instanceof Error ? error.message : String(error),
      samples: [],
    };
  }
}

const okText = (r: Row) => (r.error ? "GALAT" : r.ok === null ? "—" : r.ok ? "ya" : "TIDAK");

export function markdown(rows: Row[], steps: { label: string; seconds: number }[], wallSeconds: number, startedAt: string): string {
  const table = [
    "| pengukuran | ukuran | median ms | p95 ms | rasio thd. pembanding | target | ok? | durasi s |",
    "|---|---|---:|---:|---|---|---|---:|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.size} | ${fmt(r.medianMs)} | ${fmt(r.p95Ms)} | ${r.ratio ? `${r.ratio.value.toFixed(2)} (${r.ratio.label})` : "—"} | ${r.target} | ${okText(r)} | ${r.seconds.toFixed(1)} |`,
    ),
  ];
  const notes = rows.filter((r) => r.note || r.error).map((r) => `- ${r.name} [${r.size}]: ${r.error ? `GALAT: ${r.error}` : r.note}`);
  const targets = rows.filter((r) => r.target !== "—");
  const met = targets.filter((r) => r.ok === true);
  return [
    `Benchmark SKJ Studio — ${startedAt}, Node ${process.version}, ${os.cpus().length} CPU, ${RUNS} pengulangan, total ${wallSeconds.toFixed(1)} s`,
    "",
    ...table,
    "",
    `Target tercapai: ${met.length} dari ${targets.length}.`,
    ...targets.map((r) => `- ${okText(r)}: ${r.name} [${r.size}] — ${r.target}`),
    "",
    "Langkah terlama (data uji dan pengukuran):",
    ...[...steps]
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 8)
      .map((s) => `- ${s.label}: ${s.seconds.toFixed(1)} s`),
    "",
    ...notes,
    "",
  ].join("\n");
}

function gitCommit(): string | null {
  const result = spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Writes the run as <kind>-<stamp>.{json,md} and latest[-<kind>].{json,md}; answers both file names' stems. */
export function writeResults(
  rows: Row[],
  md: string,
  startedAt: Date,
  wallSeconds: number,
  fixtures: { label: string; seconds: number }[],
  kind = "bench",
): { stem: string; latest: string } {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  // the national run keeps its own latest, so it never hides the province run's figures
  const latest = kind === "bench" ? "latest" : `latest-${kind}`;
  const json = JSON.stringify(
    {
      startedAt: startedAt.toISOString(),
      wallSeconds,
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      commit: gitCommit(),
      fixtures,
      rows,
    },
    null,
    2,
  );
  for (const [name, text] of [
    [`${kind}-${stamp}.json`, json],
    [`${kind}-${stamp}.md`, md],
    [`${latest}.json`, json],
    [`${latest}.md`, md],
  ] as const) {
    fs.writeFileSync(path.join(RESULTS_DIR, name), `${text.trimEnd()}\n`);
  }
  return { stem: `${kind}-${stamp}`, latest };
}
