// Memory of a process and everything it started (a server or a bundle job and its Chromium), sampled from
// /proc while the work runs. PSS splits pages shared between processes among them, so the sum over the tree
// is what the tree costs the machine; RSS summed over the tree counts shared pages once per process and is
// an upper bound. Linux only; elsewhere the figures are null.
import fs from "node:fs";

export interface TreeMemory {
  /** Sum of PSS over the tree, in bytes (null when /proc is not readable). */
  pss: number | null;
  /** Sum of RSS over the tree, in bytes. */
  rss: number | null;
  processes: number;
}

function childrenOf(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // the command name in field 2 may hold spaces and parentheses: the fields after its last ")" are fixed
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended between readdir and read
    }
  }
  return children;
}

function kilobytes(text: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text);
  return m ? Number(m[1]) : 0;
}

/** The memory of `rootPid` and all its descendants right now. */
export function treeMemory(rootPid: number): TreeMemory {
  if (!fs.existsSync("/proc/self/smaps_rollup")) return { pss: null, rss: null, processes: 0 };
  const children = childrenOf();
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) pids.push(...(children.get(pids[i]!) ?? []));
  let pss = 0;
  let rss = 0;
  let processes = 0;
  for (const pid of pids) {
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      pss += kilobytes(rollup, "Pss") * 1024;
      rss += kilobytes(rollup, "Rss") * 1024;
      processes++;
    } catch {
      // gone, or a zombie without mappings
    }
  }
  return { pss, rss, processes };
}

export interface PeakMemory {
  peakPss: number | null;
  peakRss: number | null;
  maxProcesses: number;
  samples: number;
}

/** Samples treeMemory(rootPid) every `intervalMs` until stop(), which answers the peaks seen. */
export function sampleTreeMemory(rootPid: number, intervalMs = 100): { stop(): PeakMemory } {
  const peak: PeakMemory = { peakPss: null, peakRss: null, maxProcesses: 0, samples: 0 };
  const take = () => {
    const now = treeMemory(rootPid);
    if (now.pss !== null) peak.peakPss = Math.max(peak.peakPss ?? 0, now.pss);
    if (now.rss !== null) peak.peakRss = Math.max(peak.peakRss ?? 0, now.rss);
    peak.maxProcesses = Math.max(peak.maxProcesses, now.processes);
    peak.samples++;
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}

export const mib = (bytes: number | null) => (bytes === null ? "?" : `${(bytes / 1024 / 1024).toFixed(0)} MiB`);

/**
 * Forgets this process's peak RSS so far (Linux: clear_refs 5), so that ownPeakRss() then answers the peak of
 * the work that follows alone; synchronous work starves a sampling timer, the kernel's high-water mark does not.
 */
export function resetOwnPeakRss(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** This process's peak RSS (VmHWM) in bytes, or null off Linux. */
export function ownPeakRss(): number | null {
  try {
    return kilobytes(fs.readFileSync("/proc/self/status", "utf8"), "VmHWM") * 1024;
  } catch {
    return null;
  }
}
