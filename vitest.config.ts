import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export const alias = {
  "~db": fileURLToPath(new URL("./db", import.meta.url)),
  "~seeds": fileURLToPath(new URL("./seeds", import.meta.url)),
  "~": fileURLToPath(new URL("./app", import.meta.url)),
};

// tests/unit holds whole-tree checks (e.g. the layer rule) that read files and keep no state either
const UNIT_TESTS = ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts"];
const INTEGRATION_TESTS = ["tests/integration/**/*.test.{ts,tsx}"];

export default defineConfig({
  resolve: { alias },
  test: {
    environment: "node",
    setupFiles: ["./tests/setup/setup-test-env.ts"],
    // vitest keeps a core for itself by default, which on a 2-core machine means one test file at a time;
    // its own process is mostly idle once the files are transformed, so every core runs test files
    maxWorkers: availableParallelism(),
    // Stryker's instrumented code runs slower, and a test that times out in its first run stops the whole measurement
    testTimeout: process.env.STRYKER_MUTATOR_WORKER ? 120_000 : 20_000,
    // ADR 038: the pure unit tests share one process per worker (re-importing the app for each file was most of
    // their time); the integration tests swap the process-wide database and start servers, so each file keeps
    // a fresh process of its own
    projects: [
      { extends: true, test: { name: "unit", include: UNIT_TESTS, isolate: false } },
      { extends: true, test: { name: "integration", include: INTEGRATION_TESTS } },
    ],
  },
});
