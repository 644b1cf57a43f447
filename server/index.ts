// `npm start`: build if needed, migrate, seed an empty database, then serve (contract §1) from one web process per
// core (WEB_CONCURRENCY; docs/decisions/033). Only the first process builds, migrates and seeds, before any web
// process exists, and only it runs the background workers.
// first: React must pick its production build before anything else requires it
import "./react-production";
import cluster from "node:cluster";
import os from "node:os";
import { readConfig } from "~/config.server";
import { closePdfBrowser } from "~/services/pdf.server";
import { getDb } from "~db/client.server";
import { describeSeedReport } from "~seeds/seed.server";
import { prepareDatabase } from "./bootstrap";
import { buildIfNeeded } from "./build-if-needed";
import { processRole, webProcessCount } from "./cluster-plan";
import { startWebProcesses } from "./web-processes";
import { startWebServer } from "./web-server";
import { startWorkers } from "./workers";

const config = readConfig();
const webProcesses = webProcessCount(process.env.WEB_CONCURRENCY, os.availableParallelism());
const role = processRole(cluster.isPrimary, webProcesses);
// the web processes inherit the primary's environment and read their config from it: an unset NODE_ENV must
// reach them unset, or they would answer errors like development (config.server.ts, remixMode)
if (role !== "primary") process.env.NODE_ENV = config.NODE_ENV;

const db = getDb();
if (role !== "web") {
  buildIfNeeded();
  const prepared = await prepareDatabase(db, { nodeEnv: config.NODE_ENV, skjSeed: config.SKJ_SEED });
  if (prepared.warning) console.warn(prepared.warning);
  if (prepared.report) console.log(`Data awal (${prepared.kind}): ${describeSeedReport(prepared.report) || "sudah lengkap"}`);
}

const ready = `SKJ Studio siap di http://localhost:${config.PORT} (database: ${config.DATABASE_PATH}`;
/** What this process must end on SIGTERM before it closes the database; each resolves when its part is done. */
const stopping: (() => Promise<unknown>)[] = [];

if (role === "primary") {
  const workers = startWorkers(db);
  const web = startWebProcesses(webProcesses);
  cluster.once("listening", () => console.log(`${ready}, ${webProcesses} proses web)`));
  stopping.push(
    () => web.stop(),
    () => workers.stop(),
  );
} else {
  const server = await startWebServer(config, db, () => {
    if (role === "single") {
      console.log(`${ready})`);
      const workers = startWorkers(db);
      stopping.push(() => workers.stop());
    }
  });
  stopping.push(() => new Promise((resolve) => server.close(resolve)));
}
stopping.push(closePdfBrowser);

let shuttingDown = false;
async function shutdown() {
  if (shuttingDown) return;
  shuttingDown = true;
  // a request or job that never ends must not keep the process from stopping
  setTimeout(() => process.exit(0), role === "primary" ? 8_000 : 3_000).unref();
  await Promise.allSettled(stopping.map((stop) => stop()));
  db.$client.close();
  process.exit(0);
}
// A stray promise (a webhook send, a browser event) must not take the whole app down with it: log it loudly.
process.on("unhandledRejection", (reason) => {
  console.error("Promise ditolak tanpa penanganan (unhandled rejection):", reason);
});
process.on("SIGTERM", shutdown);
// Ctrl-C reaches every process of the terminal's group: the web processes leave it to the primary, which stops
// them once it has stopped replacing them
process.on("SIGINT", role === "web" ? () => {} : shutdown);
