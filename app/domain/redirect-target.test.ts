import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "./redirect-target";

describe("redirect target after login", () => {
  it("keeps a path of this site with its query and fragment", () => {
    expect(safeRedirectTarget("/jabatan?q=analis&page=2#hasil")).toBe("/jabatan?q=analis&page=2#hasil");
    expect(safeRedirectTarget("/kamus/entri/T.ANJAB")).toBe("/kamus/entri/T.ANJAB");
  });

  it.each([
    ["TAB", "/\t/evil.example/phish"],
    ["CR", "/\r/evil.example/phish"],
    ["LF", "/\n/evil.example/phish"],
    ["CR LF", "/\r\n/evil.example/phish"],
    ["protocol-relative", "//evil.example/phish"],
    ["backslash", "/\\evil.example/phish"],
    ["double backslash", "\\\\evil.example/phish"],
    ["absolute URL", "https://evil.example/phish"],
    ["scheme", "javascript:alert(1)"],
    ["leading space", " /\t/evil.example"],
    ["relative", "evil.example"],
    ["dot segments", "/a/../..//evil.example"],
    ["dot segment", "/.//evil.example"],
  ])("sends a %s target home", (_name, target) => {
    expect(safeRedirectTarget(target)).toBe("/");
  });

  it.each([
    ["VT", "/\v/evil.example/phish"],
    ["U+3000", "/\u3000/evil.example/phish"],
    ["NUL", "/\0/evil.example"],
    ["encoded slashes", "/%2F%2Fevil.example/phish"],
    ["encoded TAB", "/%09/evil.example/phish"],
  ])("keeps a %s target on this site as a header-safe path", (_name, target) => {
    const result = safeRedirectTarget(target);
    expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
    expect(result).toMatch(/^[\x21-\x7e]+$/);
    expect(new URL(result, "https://skj.example.go.id").host).toBe("skj.example.go.id");
  });

  it("falls back when there is no text", () => {
    expect(safeRedirectTarget(null)).toBe("/");
    expect(safeRedirectTarget(undefined, "/jabatan")).toBe("/jabatan");
  });
});
