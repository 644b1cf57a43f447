// A mutation run against a chosen set of tests instead of every related one, so a file can be measured on a
// busy machine: the related tests of the auth module and the permission table are nearly all integration
// tests, and every static mutant reruns all of them. Which tests: MUTATION_TESTS (see vitest.mutation.config.ts).
//   npx stryker run stryker.focused.config.mjs --mutate app/domain/sotk.ts
//   MUTATION_TESTS="tests/integration/auth.test.ts" npx stryker run stryker.focused.config.mjs --mutate app/auth/session.server.ts
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = { ...base, vitest: { ...base.vitest, configFile: "vitest.mutation.config.ts" } };
export default config;
