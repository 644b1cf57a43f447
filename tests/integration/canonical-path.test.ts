import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalTarget } from "../../server/canonical-path";

const canonical = (target: string) => {
  const result = canonicalTarget(target);
  return result.ok ? result.url : "400";
};

describe("canonical request path", () => {
  it.each([
    ["/api/../login", "/login"],
    ["/api/%2e%2e/login", "/login"],
    ["/api/.%2E/login", "/login"],
    ["/api/v1/./../../login?x=1", "/login?x=1"],
    ["//api//..//login", "/login"],
    ["/api/v1/skj/..", "/api/v1/"],
    ["/../../login", "/login"],
    ["/%6Cogin", "/login"],
    ["/jabatan/", "/jabatan/"],
    ["/kamus/entri/K-STANKOM/KOMINFO/01", "/kamus/entri/K-STANKOM/KOMINFO/01"],
    ["/api/v1/skj/A%2fB", "/api/v1/skj/A%2FB"],
    ["/jabatan?q=../x&redirect=//evil", "/jabatan?q=../x&redirect=//evil"],
  ])("%s → %s", (target, expected) => {
    expect(canonical(target)).toBe(expected);
  });

  it.each([
    "/api/..\\login",
    "/api\\..\\login",
    "/api/%5c../login",
    "/a%00b",
    "/a%1fb",
    "/a%zz",
    "/a%4",
    "*",
    "http://evil.example/login",
    "/a b",
  ])("refuses %j with 400", (target) => {
    expect(canonical(target)).toBe("400");
  });

  it("gives a path that the URL parser, and so Remix, leaves as it is", () => {
    const segment = fc.constantFrom("api", "v1", "login", "..", ".", "%2e", ".%2E", "", "%61pi", "%2F", "a%20b", "%C3%BC", "x~y");
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const result = canonicalTarget(`/${segments.join("/")}`);
        if (!result.ok) return;
        expect(new URL(result.url, "http://x").pathname).toBe(result.url);
        expect(canonicalTarget(result.url)).toEqual(result);
        expect(result.url).not.toMatch(/\/\/|\/\.\.?(\/|$)|%2e/i);
      }),
    );
  });
});
