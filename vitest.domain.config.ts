// The unit tests of the pure domain core alone: what the domain files' mutation score is measured against
// (stryker.domain.config.mjs). The fuzz tests stay out: each static mutant reruns every test, and thousands
// of generated inputs per mutant would make the measurement take hours.
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

export default defineConfig({ ...base, test: { ...base.test, include: ["app/domain/**/*.test.ts"], exclude: [...(base.test?.exclude ?? []), "**/*.fuzz.test.ts"] } });
