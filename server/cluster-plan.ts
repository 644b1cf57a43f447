// How many web processes serve (WEB_CONCURRENCY), who owns the one-off and background work, and how soon a dead
// web process is replaced. Pure, so the rules are tested without forking anything (docs/decisions/033).

/** The number of web processes: WEB_CONCURRENCY when set, else one per core. */
export function webProcessCount(value: string | undefined, cores: number): number {
  const text = value?.trim() ?? "";
  if (text === "") return Math.max(1, cores);
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new Error(`WEB_CONCURRENCY harus bilangan bulat 1 atau lebih (jumlah proses server), bukan "${value}".`);
  return Number(text);
}

/**
 * What a process does. With one web process nothing is forked: it migrates, serves and runs the background
 * workers, as before issue 18. With several, the primary migrates and seeds before it forks anyone, then owns
 * the background workers and never serves; the web processes only serve.
 */
export type ProcessRole = "single" | "primary" | "web";

export function processRole(isPrimary: boolean, webProcesses: number): ProcessRole {
  if (!isPrimary) return "web";
  return webProcesses > 1 ? "primary" : "single";
}

/** A web process that dies sooner than this after its start is likely to die again at once (a crash loop). */
export const QUICK_DEATH_MS = 10_000;
const FIRST_RETRY_MS = 500;
export const MAX_RESTART_DELAY_MS = 30_000;

/**
 * How long to wait before forking the replacement of a web process that lived `livedMs`: at once after a long
 * life, else twice the previous wait (from half a second up to 30 s), so a process that cannot start does not
 * spin the primary.
 */
export function restartDelayMs(livedMs: number, previousDelayMs: number): number {
  if (livedMs >= QUICK_DEATH_MS) return 0;
  return Math.min(MAX_RESTART_DELAY_MS, Math.max(FIRST_RETRY_MS, previousDelayMs * 2));
}
