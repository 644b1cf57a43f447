// One process's HTTP side: the Remix build behind express, with the lean API reads ahead of both.
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { Config } from "~/config.server";
import type { Db } from "~db/client.server";
import { withSkjReadApi } from "./api/skj-read";
import { withCanonicalPath } from "./canonical-path";
import { installRouteMatchCache } from "./route-match-cache";
import { contentSecurityPolicy, limitBrowserBodies, refuseCrossSiteWrites, securityHeaders } from "./middleware";

/** Serves the app on config.PORT; `onListening` runs once the port accepts requests. */
export async function startWebServer(config: Config, db: Db, onListening: () => void): Promise<http.Server> {
  installRouteMatchCache();
  const buildPath = path.resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  // which proxy may tell express the client's protocol and address (X-Forwarded-*); off unless TRUST_PROXY is set
  if (config.TRUST_PROXY !== undefined) app.set("trust proxy", config.TRUST_PROXY);
  app.use(securityHeaders);
  // public/ holds only the build: a static lookup of every other path cost a file-system stat per page
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));

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

  // the API's GET reads are answered ahead of express and Remix (issue 6, Speed); see server/api/skj-read.ts.
  // Every one of them, like every middleware and Remix, sees the canonical path (server/canonical-path.ts).
  return http.createServer(withCanonicalPath(withSkjReadApi(app))).listen(config.PORT, onListening);
}
