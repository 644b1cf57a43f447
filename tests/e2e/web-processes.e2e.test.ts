// WEB_CONCURRENCY=2 (issue 18): two web processes answer on the one port, a web process that dies is replaced,
// and only the primary runs the background work, so a replacement starting never touches a running job.
import http from "node:http";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "~seeds/seed.server";
import { childProcesses } from "../../scripts/child-processes";
import { processOfConnection } from "./proc-sockets";
import { startServer, type ServerProcess } from "./server-process";

const SCRIPT = "server/index.ts";

/** GET /healthz on a new connection; resolves with the pid of the web process that answered it. */
function answeringPid(server: ServerProcess, pids: number[]): Promise<number | undefined> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise<number | undefined>((resolve, reject) => {
    const req = http.get(`${server.baseUrl}/healthz`, { agent }, (res) => {
      const clientPort = res.socket.localPort!;
      res.resume();
      // read while the agent keeps the connection open: the server's end of it belongs to the process that answered
      res.on("end", () => resolve(processOfConnection(pids, Number(new URL(server.baseUrl).port), clientPort)));
    });
    req.on("error", reject);
  }).finally(() => agent.destroy());
}

/**
 * Asks on fresh connections until every pid of `pids` has answered one; returns the pids that answered. A process
 * just forked answers once it has loaded the app, which took a minute on a loaded machine.
 */
async function pidsThatAnswer(server: ServerProcess, pids: number[]): Promise<Set<number>> {
  const seen = new Set<number>();
  const deadline = Date.now() + 180_000;
  while (seen.size < pids.length && Date.now() < deadline) {
    const pid = await answeringPid(server, pids).catch(() => undefined);
    if (pid !== undefined) seen.add(pid);
    await new Promise((r) => setTimeout(r, 100));
  }
  return seen;
}

/** The web processes once there are `count` of them and none of `gone` is among them. */
async function webPids(server: ServerProcess, count: number, gone: number[] = []): Promise<number[]> {
  const current = () => childProcesses(server.child.pid!, SCRIPT);
  await expect.poll(() => current().length === count && !current().some((p) => gone.includes(p)), { timeout: 60_000 }).toBe(true);
  return current();
}

async function logIn(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }),
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("skj_session="))!;
}

describe("the server with WEB_CONCURRENCY=2", () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("answers from two web processes, replaces one that is killed, and leaves the background work to the primary", async () => {
    // without NODE_ENV the demo seed includes its published penetapan, whose lampiran is exported below
    server = await startServer({ NODE_ENV: undefined, WEB_CONCURRENCY: "2" });
    const first = await webPids(server, 2);
    expect(first).not.toContain(server.child.pid);
    expect(await pidsThatAnswer(server, first)).toEqual(new Set(first));

    // a job the (only) background worker is running: a process that ran the workers would, on starting, end it
    // as interrupted by a restart
    const db = new Database(server.databasePath);
    const admin = db.prepare("select id from users where email = 'admin@demo.go.id'").get() as { id: number };
    const running = db
      .prepare(
        "insert into background_jobs (kind, requested_by, title, status, input) values ('draf_massal', ?, 'Uji proses', 'berjalan', '{}')",
      )
      .run(admin.id).lastInsertRowid;

    process.kill(first[0]!, "SIGKILL");
    const replaced = await webPids(server, 2, [first[0]!]);
    const replacement = replaced.find((p) => !first.includes(p))!;
    expect(replaced).toEqual([first[1]!, replacement].sort((a, b) => a - b));
    expect(await pidsThatAnswer(server, replaced)).toEqual(new Set(replaced));
    expect(db.prepare("select status, error from background_jobs where id = ?").get(running)).toEqual({ status: "berjalan", error: null });

    // and the primary does run it: a Word lampiran asked of a web process is made
    const penetapan = db.prepare("select id from penetapan where status = 'ditetapkan' order by id limit 1").get() as { id: number };
    const cookie = await logIn(server.baseUrl, "admin@demo.go.id");
    const asked = await fetch(`${server.baseUrl}/ekspor?index`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.baseUrl, Cookie: cookie },
      body: new URLSearchParams({ subject: "penetapan", id: String(penetapan.id), format: "docx" }),
    });
    expect(asked.status).toBe(302);
    const jobId = Number(asked.headers.get("Location")!.match(/\/ekspor\/(\d+)$/)![1]);
    const job = db.prepare("select status, error from export_jobs where id = ?");
    await expect.poll(() => job.get(jobId), { timeout: 60_000 }).toEqual({ status: "selesai", error: null });
    const download = await fetch(`${server.baseUrl}/ekspor/${jobId}/unduh`, { headers: { Cookie: cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toContain("wordprocessingml");
    db.close();
  }, 600_000);
});
