// Property-based checks of the dictionary import validation (issue 8, abuse): any sheet or JSON value gives
// either entries that satisfy the one entry schema or errors naming file, row and column, never an exception.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dictionaryJson, dictionarySheet } from "../../tests/fixtures/import-arbitraries";
import { FUZZ } from "../../tests/fixtures/skj-arbitraries";
import { TechnicalEntrySchema } from "./dictionary";
import { validateDictionaryImport } from "./dictionary-import";

describe("validateDictionaryImport under fuzzing", () => {
  it("answers schema-valid entries or located errors for arbitrary sheets and JSON", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(dictionarySheet, dictionaryJson), { minLength: 1, maxLength: 3 }), (sources) => {
        const result = validateDictionaryImport(sources);
        if (result.ok) {
          for (const entry of result.entries) expect(TechnicalEntrySchema.safeParse(entry).success).toBe(true);
          expect(result.origins).toHaveLength(result.entries.length);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) {
            expect(["kamus.csv", "kamus.json"]).toContain(e.file);
            expect(Number.isInteger(e.row) && e.row >= 0).toBe(true);
            expect(typeof e.column).toBe("string");
            expect(e.message).toMatch(/\S/);
            expect(e.message).not.toMatch(/undefined|NaN|\[object/);
          }
        }
      }),
      FUZZ,
    );
  });
});
