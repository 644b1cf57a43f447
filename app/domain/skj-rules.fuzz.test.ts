// Property-based checks of the rules engine (issue 8, abuse): on any input it answers rule results of
// contract §4, each with a path and an Indonesian message, the same every time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ, mutatedDocument, seededRuleContext, skjDocument } from "../../tests/fixtures/skj-arbitraries";
import { RULES, validateSkj, type RuleResult } from "./skj-rules";

const context = seededRuleContext();
const SEVERITY = new Map<string, string>(RULES.map((r) => [r.code, r.severity]));
const CITATION = new Map<string, string>(RULES.map((r) => [r.code, r.citation]));
// a message an analyst can read: no leaked JavaScript values, no English from zod's defaults
const UNREADABLE = /undefined|NaN|\[object|Invalid input|Expected|Required|received/;

function expectWellFormed(results: readonly RuleResult[]) {
  for (const r of results) {
    expect(SEVERITY.get(r.rule), `rule ${r.rule}`).toBe(r.severity);
    expect(r.citation).toBe(CITATION.get(r.rule));
    expect(typeof r.path).toBe("string");
    expect(r.message).toMatch(/\S/);
    expect(r.message).not.toMatch(UNREADABLE);
  }
}

describe("validateSkj under fuzzing", () => {
  it("answers well-formed results for every schema-valid document, deterministically", () => {
    fc.assert(
      fc.property(skjDocument, (doc) => {
        const results = validateSkj(doc, context);
        expectWellFormed(results);
        // a valid shape leaves no SKJ-SCHEMA result, and content rules point into the document
        expect(results.filter((r) => r.rule === "SKJ-SCHEMA")).toEqual([]);
        for (const r of results) expect(r.path).toMatch(/^(position|competencies|requirements)\b/);
        expect(validateSkj(structuredClone(doc), context)).toEqual(results);
      }),
      FUZZ,
    );
  });

  it("answers only SKJ-SCHEMA results, with a path, for arbitrary JSON and for documents with junk in one place", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutatedDocument), (value) => {
        const results = validateSkj(value, context);
        expectWellFormed(results);
        const schema = results.filter((r) => r.rule === "SKJ-SCHEMA");
        // either the shape is wrong (and only that is reported) or the document went through the content rules
        if (schema.length > 0) expect(schema).toEqual(results);
        expect(validateSkj(value, context)).toEqual(results);
      }),
      FUZZ,
    );
  });
});
