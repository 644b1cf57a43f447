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
    include: ["app/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    setupFiles: ["./tests/setup/setup-test-env.ts"],
    testTimeout: 20_000,
  },
});
