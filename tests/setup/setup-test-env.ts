import { afterEach, beforeEach, vi } from "vitest";

// A test that logs an unexpected console.error fails: errors must be asserted, not printed. Installed before
// every test, not once per file: a test that spies on console.error and restores it leaves this in place.
const originalError = console.error;
const failOnError = (...args: unknown[]) => {
  originalError(...args);
  throw new Error(`console.error called: ${args.map(String).join(" ")}`);
};
beforeEach(() => {
  console.error = failOnError;
});
afterEach(() => {
  console.error = originalError;
});
vi.stubEnv("NODE_ENV", "test");
