// The tests a focused mutation run measures against (stryker.focused.config.mjs): the test files named in
// MUTATION_TESTS (space-separated globs), else the unit tests of the pure domain core. The fuzz tests stay
// out: each static mutant reruns every test, and thousands of generated inputs per mutant would take hours.
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

const chosen = process.env.MUTATION_TESTS?.split(/\s+/).filter(Boolean);
// a config that declares projects runs none of its own tests: the mutation run is one plain project
const { projects: _projects, ...test } = base.test!;

export default defineConfig({
  ...base,
  test: { ...test, include: chosen?.length ? chosen : ["app/domain/**/*.test.ts"], exclude: ["**/*.fuzz.test.ts"] },
});
