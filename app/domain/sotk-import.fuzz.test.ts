// Property-based checks of the SOTK import validation (issue 8, abuse): any sheet gives either rows or
// errors naming file, row and column, never an exception.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sotkSheet } from "../../tests/fixtures/import-arbitraries";
import { FUZZ } from "../../tests/fixtures/skj-arbitraries";
import { validateSotkImport } from "./sotk-import";

const KNOWN = new Set(["SETDA", "SETDA.BIRO-ORG"]);

describe("validateSotkImport under fuzzing", () => {
  it("answers rows or located errors for arbitrary sheets", () => {
    fc.assert(
      fc.property(fc.array(sotkSheet, { minLength: 1, maxLength: 3 }), (sheets) => {
        const result = validateSotkImport(sheets, KNOWN);
        if (result.ok) {
          const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
          expect(result.units.length + result.positions.length).toBe(rows);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) {
            expect(sheets.map((s) => s.fileName)).toContain(e.file);
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
