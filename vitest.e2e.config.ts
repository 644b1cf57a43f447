import { defineConfig } from "vitest/config";
import { alias } from "./vitest.config";

export default defineConfig({
  resolve: { alias },
  test: {
    environment: "node",
    include: ["tests/e2e/**/*.e2e.test.ts"],
    globalSetup: ["./tests/e2e/global-setup.ts"],
    // two files at a time, each against its own server and database (tests/e2e/server-url.ts): while one
    // file waits on a page or the server, the other uses the second core
    maxWorkers: 2,
    // a page that navigates or saves may take longer than the 1 s default while the other file uses a core;
    // the same wait as a locator's (browser.ts), and a condition that never holds still fails
    expect: { poll: { timeout: 15_000 } },
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
