// Mutation testing (`npm run test:mutation`, issue 13): how many plausible bugs planted in the guarding code the
// tests notice. A measurement, not part of `npm test`: the whole run takes a long time. Vitest runs only the test
// files that import the mutated file (related), with per-test coverage, two mutants at a time.
// One file: `npm run test:mutation -- --mutate app/domain/permissions.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.ts", related: true },
  coverageAnalysis: "perTest",
  mutate: [
    "app/domain/permissions.ts",
    "app/domain/skj-workflow.ts",
    "app/domain/dictionary-workflow.ts",
    "app/domain/skj-rules.ts",
    "app/domain/sotk.ts",
    "app/domain/login-throttle.ts",
    "app/auth/*.server.ts",
    "db/queries/skj-drafts*.server.ts",
    "db/queries/skj-publish.server.ts",
  ],
  concurrency: 2,
  // integration tests open real SQLite files and print PDFs; a slow machine must not turn them into timeouts
  timeoutMS: 60_000,
  // the first run executes every related test file once (for permissions.ts that is nearly every integration test)
  dryRunTimeoutMinutes: 90,
  timeoutFactor: 2,
  ignorePatterns: ["data", "build", "public/build", "bench-results", "reports", "pdf-cache", "exports", "*.sqlite*"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
export default config;
