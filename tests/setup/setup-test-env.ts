import { afterEach, vi } from "vitest";

// A test that logs an unexpected console.error fails: errors must be asserted, not printed.
const originalError = console.error;
afterEach(() => {
  console.error = originalError;
});
console.error = (...args: unknown[]) => {
  originalError(...args);
  throw new Error(`console.error called: ${args.map(String).join(" ")}`);
};
vi.stubEnv("NODE_ENV", "test");
