import { describe, expect, it } from "vitest";
import { etagMatches, printedFileEtag } from "./http-cache";

describe("etagMatches", () => {
  const etag = '"abc-pdf-1234"';
  it("matches the tag itself, weak or strong, in a list, or *", () => {
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches(`W/${etag}`, etag)).toBe(true);
    expect(etagMatches(`"other", ${etag}`, etag)).toBe(true);
    expect(etagMatches("*", etag)).toBe(true);
    expect(etagMatches(etag, `W/${etag}`)).toBe(true);
  });
  it("does not match another tag, a prefix of it or no header", () => {
    expect(etagMatches('"abc-pdf"', etag)).toBe(false);
    expect(etagMatches('"abc-pdf-1234-x"', etag)).toBe(false);
    expect(etagMatches("", etag)).toBe(false);
    expect(etagMatches(null, etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
  });
});

describe("printedFileEtag", () => {
  it("changes with the content, the kind, the instance profile and the build", () => {
    const base = printedFileEtag("pdf", "h1", "i1", "b1");
    expect(
      new Set([
        base,
        printedFileEtag("docx", "h1", "i1", "b1"),
        printedFileEtag("pdf", "h2", "i1", "b1"),
        printedFileEtag("pdf", "h1", "i2", "b1"),
        printedFileEtag("pdf", "h1", "i1", "b2"),
      ]).size,
    ).toBe(5);
  });
});
