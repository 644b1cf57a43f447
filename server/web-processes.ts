// The primary's side of the cluster: forks the web processes, replaces one that dies, and stops them all on
// shutdown. They share the listening port through node:cluster (the primary accepts, each process serves).
import cluster, { type Worker } from "node:cluster";
import { restartDelayMs } from "./cluster-plan";

/** What the primary logs once the process that replaces `replaced` listens; the fault test waits for it. */
export const replacementServes = (replaced: number) => `menggantikan ${replaced} dan sudah melayani`;

export interface WebProcesses {
  /** Asks every web process to finish its requests and exit; resolves when all have exited. */
  stop(): Promise<void>;
}

// as long as a web process's own shutdown may take (server/web-server.ts) and a little more
const STOP_GRACE_MS = 5_000;

interface Slot {
  worker?: Worker;
  startedAt: number;
  delayMs: number;
  restart?: NodeJS.Timeout;
}

export function startWebProcesses(count: number): WebProcesses {
  let stopping = false;
  const slots: Slot[] = Array.from({ length: count }, () => ({ startedAt: 0, delayMs: 0 }));

  function fork(slot: Slot, replacing?: number) {
    slot.restart = undefined;
    slot.startedAt = Date.now();
    const worker = cluster.fork();
    slot.worker = worker;
    // the operator (and the fault test) learn when the replacement serves, not only that it was started
    if (replacing !== undefined)
      worker.once("listening", () => console.error(`Proses web ${worker.process.pid} ${replacementServes(replacing)}.`));
    worker.once("exit", (code, signal) => {
      slot.worker = undefined;
      if (stopping) return;
      slot.delayMs = restartDelayMs(Date.now() - slot.startedAt, slot.delayMs);
      const when = slot.delayMs ? `dalam ${slot.delayMs / 1000} detik` : "sekarang";
      console.error(`Proses web ${worker.process.pid} berhenti (kode ${code}, sinyal ${signal}); diganti ${when}.`);
      slot.restart = setTimeout(() => fork(slot, worker.process.pid), slot.delayMs);
    });
  }
  for (const slot of slots) fork(slot);

  return {
    async stop() {
      stopping = true;
      const exits = slots.map((slot) => {
        clearTimeout(slot.restart);
        const worker = slot.worker;
        if (!worker || worker.isDead()) return Promise.resolve();
        const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
        worker.process.kill("SIGTERM");
        const timer = setTimeout(() => worker.process.kill("SIGKILL"), STOP_GRACE_MS);
        return exited.finally(() => clearTimeout(timer));
      });
      await Promise.all(exits);
    },
  };
}
