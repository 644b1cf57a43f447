// Starts the built app (npm test builds it first) once per e2e worker, each on a free port with a fresh
// demo database of its own (server-url.ts says which worker uses which).
import type { TestProject } from "vitest/node";
import { startServer } from "./server-process";

export default async function setup(project: TestProject) {
  const workers = project.config.maxWorkers;
  // two web processes each, so every browser test also runs against the clustered server (docs/decisions/033)
  const servers = await Promise.all(Array.from({ length: workers }, () => startServer({ NODE_ENV: "test", WEB_CONCURRENCY: "2" })));
  let stopping = false;
  // a server that dies mid-suite fails every later test with "connection refused": say why, once
  for (const server of servers)
    server.child.once("exit", (code, signal) => {
      if (!stopping)
        console.error(`\n=== e2e server exited (code ${code}, signal ${signal}); its output:\n${server.output().slice(-20_000)}`);
    });
  project.provide(
    "serverUrls",
    servers.map((server) => server.baseUrl),
  );
  return async () => {
    stopping = true;
    await Promise.all(servers.map((server) => server.stop()));
  };
}
