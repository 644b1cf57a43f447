// The processes a process started, read from Linux's /proc: the web processes of a clustered server, for the
// tests and the fault test that must reach one of them (docs/decisions/033).
import fs from "node:fs";

/** Pids of the live node processes whose parent is `parentPid` and whose command line runs `script`. */
export function childProcesses(parentPid: number, script: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so the fields are counted after its closing parenthesis
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(ppid) !== parentPid || state === "Z") continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(script)) pids.push(Number(entry));
    } catch {
      // the process ended while it was being read
    }
  }
  return pids.sort((a, b) => a - b);
}
