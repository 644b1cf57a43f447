// The pure domain files measured against their unit tests alone: these files are meant to be proved in
// milliseconds, and the full config's related integration tests (nearly all of them import the permission
// table) make every static mutant cost minutes. `npx stryker run stryker.domain.config.mjs`.
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  ...base,
  vitest: { ...base.vitest, configFile: "vitest.domain.config.ts" },
  mutate: base.mutate.filter((pattern) => pattern.startsWith("app/domain/")),
  timeoutMS: 10_000,
  dryRunTimeoutMinutes: 10,
};
export default config;
