import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export const alias = {
  "~db": fileURLToPath(new URL("./db", import.meta.url)),
  "~seeds": fileURLToPath(new URL("./seeds", import.meta.url)),
  "~": fileURLToPath(new URL("./app", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    environment: "node",
    include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts", "tests/integration/**/*.test.{ts,tsx}"],
    setupFiles: ["./tests/setup/setup-test-env.ts"],
    // Stryker's instrumented code runs slower, and a test that times out in its first run stops the whole measurement
    testTimeout: process.env.STRYKER_MUTATOR_WORKER ? 120_000 : 20_000,
  },
});
