// Starts the built app (npm test builds it first) on a free port with a fresh demo database.
import type { TestProject } from "vitest/node";
import { startServer } from "./server-process";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // two web processes, so every browser test also runs against the clustered server (docs/decisions/033)
  const server = await startServer({ NODE_ENV: "test", WEB_CONCURRENCY: "2" });
  let stopping = false;
  // a server that dies mid-suite fails every later test with "connection refused": say why, once
  server.child.once("exit", (code, signal) => {
    if (!stopping)
      console.error(`\n=== e2e server exited (code ${code}, signal ${signal}); its output:\n${server.output().slice(-20_000)}`);
  });
  project.provide("baseUrl", server.baseUrl);
  return async () => {
    stopping = true;
    await server.stop();
  };
}
