import { describe, expect, it } from "vitest";
import { API_SCOPES, API_TOKEN_PATTERN, ApiTokenNameSchema, hasScope, ScopeListSchema } from "./api-tokens";

describe("ScopeListSchema", () => {
  it("splits a comma-separated list, trims it and drops duplicates", () => {
    expect(ScopeListSchema.parse(" skj:read , skj:write,skj:read,")).toEqual(["skj:read", "skj:write"]);
    expect(ScopeListSchema.parse(API_SCOPES.join(","))).toEqual([...API_SCOPES]);
  });

  it("refuses an empty list in Indonesian", () => {
    for (const input of ["", " , ,"]) {
      const result = ScopeListSchema.safeParse(input);
      expect(result.success, JSON.stringify(input)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Sebutkan minimal satu cakupan (skj:read, skj:write, skj:review).");
    }
    expect(ScopeListSchema.safeParse(undefined).error?.issues[0]?.message).toBe("Cakupan (scope) token wajib diisi.");
  });

  it("names each unknown scope", () => {
    const result = ScopeListSchema.safeParse("skj:read,skj:admin,SKJ:READ");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "Cakupan tidak dikenal: skj:admin. Pilihan: skj:read, skj:write, skj:review.",
      "Cakupan tidak dikenal: SKJ:READ. Pilihan: skj:read, skj:write, skj:review.",
    ]);
  });
});

describe("hasScope", () => {
  it("grants exactly the listed scopes", () => {
    expect(hasScope(["skj:read"], "skj:read")).toBe(true);
    expect(hasScope(["skj:write"], "skj:read")).toBe(false);
    expect(hasScope(["skj:write", "skj:review"], "skj:review")).toBe(true);
  });

  it('lets "any" through with one known scope, never with none or a corrupted value', () => {
    expect(hasScope(["skj:write"], "any")).toBe(true);
    expect(hasScope([], "any")).toBe(false);
    expect(hasScope(["skj:everything"], "any")).toBe(false);
    expect(hasScope("skj:read", "skj:read")).toBe(false);
    expect(hasScope(null, "any")).toBe(false);
  });
});

describe("token format and name", () => {
  it("accepts skj_ plus 43 base64url characters only", () => {
    expect(API_TOKEN_PATTERN.test(`skj_${"A".repeat(42)}_`)).toBe(true);
    expect(API_TOKEN_PATTERN.test(`skj_${"A".repeat(42)}`)).toBe(false);
    expect(API_TOKEN_PATTERN.test(`skj_${"A".repeat(42)}=`)).toBe(false);
    expect(API_TOKEN_PATTERN.test(`xyz_${"A".repeat(43)}`)).toBe(false);
  });

  it("requires a name of at most 100 characters", () => {
    expect(ApiTokenNameSchema.parse("  mesin pemetaan  ")).toBe("mesin pemetaan");
    expect(ApiTokenNameSchema.safeParse("  ").error?.issues[0]?.message).toBe("Nama token wajib diisi.");
    expect(ApiTokenNameSchema.safeParse("x".repeat(101)).error?.issues[0]?.message).toBe("Nama token maksimal 100 karakter.");
  });
});
