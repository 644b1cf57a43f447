// `npm start`: build if needed, migrate, seed an empty database, then serve (contract §1).
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { readConfig } from "~/config.server";
import { closePdfBrowser } from "~/services/pdf.server";
import { getDb } from "~db/client.server";
import { describeSeedReport } from "~seeds/seed.server";
import { withSkjReadApi } from "./api/skj-read";
import { prepareDatabase } from "./bootstrap";
import { buildIfNeeded } from "./build-if-needed";
import { withCanonicalPath } from "./canonical-path";
import { contentSecurityPolicy, limitBrowserBodies, refuseCrossSiteWrites, securityHeaders } from "./middleware";
import { startWorkers, type Workers } from "./workers";

const config = readConfig();
process.env.NODE_ENV = config.NODE_ENV;

buildIfNeeded();

const db = getDb();
const prepared = await prepareDatabase(db, { nodeEnv: config.NODE_ENV, skjSeed: config.SKJ_SEED });
if (prepared.warning) console.warn(prepared.warning);
if (prepared.report) console.log(`Data awal (${prepared.kind}): ${describeSeedReport(prepared.report) || "sudah lengkap"}`);

const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
// which proxy may tell express the client's protocol and address (X-Forwarded-*); off unless TRUST_PROXY is set
if (config.TRUST_PROXY !== undefined) app.set("trust proxy", config.TRUST_PROXY);
app.use(securityHeaders);
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

app.get("/healthz", (_req, res) => {
  try {
    db.$client.prepare("select 1").get();
    res.json({ ok: true });
  } catch (error) {
    res.status(503).json({ ok: false, error: String(error) });
  }
});

app.use(refuseCrossSiteWrites);
app.use(limitBrowserBodies);
app.use(contentSecurityPolicy);
app.all(
  "*",
  createRequestHandler({ build, mode: config.remixMode, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }) }),
);

let workers: Workers | undefined;
// the API's GET reads are answered ahead of express and Remix (issue 6, Speed); see server/api/skj-read.ts.
// Every one of them, like every middleware and Remix, sees the canonical path (server/canonical-path.ts).
const server = http.createServer(withCanonicalPath(withSkjReadApi(app))).listen(config.PORT, () => {
  console.log(`SKJ Studio siap di http://localhost:${config.PORT} (database: ${config.DATABASE_PATH})`);
  workers = startWorkers(db);
});

function shutdown() {
  void workers?.stop();
  void closePdfBrowser();
  server.close(() => {
    db.$client.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 3000).unref();
}
// A stray promise (a webhook send, a browser event) must not take the whole app down with it: log it loudly.
process.on("unhandledRejection", (reason) => {
  console.error("Promise ditolak tanpa penanganan (unhandled rejection):", reason);
});
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
