// Property-based checks of the SKJ document schema (issue 8, abuse): it never throws, accepts every
// document within its limits unchanged, and refuses anything else with a message.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ, mutatedDocument, skjDocument } from "../../tests/fixtures/skj-arbitraries";
import { SkjDocumentSchema } from "./skj-document";

describe("SkjDocumentSchema under fuzzing", () => {
  it("never throws on arbitrary JSON, and refuses what is not a document with an Indonesian message per issue", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const parsed = SkjDocumentSchema.safeParse(value);
        expect(parsed.success).toBe(false);
        if (!parsed.success) for (const issue of parsed.error.issues) expect(issue.message).toMatch(/\S/);
      }),
      FUZZ,
    );
  });

  it("accepts every document within the schema's limits as it is, and a JSON round trip changes nothing", () => {
    fc.assert(
      fc.property(skjDocument, (doc) => {
        const parsed = SkjDocumentSchema.safeParse(doc);
        expect(parsed.error?.issues ?? []).toEqual([]);
        expect(parsed.data).toEqual(doc);
        const again = SkjDocumentSchema.parse(JSON.parse(JSON.stringify(parsed.data)));
        expect(again).toEqual(doc);
      }),
      FUZZ,
    );
  });

  it("never throws on a document with one place replaced by junk; what it accepts comes back unchanged", () => {
    fc.assert(
      fc.property(mutatedDocument, (value) => {
        const parsed = SkjDocumentSchema.safeParse(value);
        if (parsed.success) expect(parsed.data).toEqual(value);
        else for (const issue of parsed.error.issues) expect(issue.message).toMatch(/\S/);
      }),
      FUZZ,
    );
  });
});
