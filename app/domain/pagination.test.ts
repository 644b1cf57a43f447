import { describe, expect, it } from "vitest";
import { decodeCursor, DEFAULT_LIMIT, encodeCursor, parsePageParams, toPage } from "./pagination";

const params = (query: string) => parsePageParams(new URLSearchParams(query));

describe("parsePageParams", () => {
  it("defaults to the first page of 100, also for empty parameters", () => {
    expect(params("")).toEqual({ ok: true, limit: DEFAULT_LIMIT, afterId: 0 });
    expect(params("cursor=&limit=")).toEqual({ ok: true, limit: 100, afterId: 0 });
  });

  it("accepts integer limits from 1 to 1000", () => {
    expect(params("limit=1")).toMatchObject({ ok: true, limit: 1 });
    expect(params("limit=1000")).toMatchObject({ ok: true, limit: 1000 });
  });

  it("refuses other limits with invalid_limit", () => {
    for (const limit of ["0", "1001", "-5", "2.5", "1e2", "abc", " 7", "99999999999"]) {
      const result = params(`limit=${encodeURIComponent(limit)}`);
      expect(result, limit).toEqual({
        ok: false,
        error: "invalid_limit",
        message: "Parameter limit harus bilangan bulat antara 1 dan 1000.",
      });
    }
  });

  it("reads a cursor made by encodeCursor and refuses anything else with invalid_cursor", () => {
    expect(params(`cursor=${encodeCursor(42)}&limit=7`)).toEqual({ ok: true, limit: 7, afterId: 42 });
    const notNumbers = Buffer.from("abc").toString("base64url");
    const zero = Buffer.from("0").toString("base64url");
    for (const cursor of ["!!!", "NDI=", notNumbers, zero, `${encodeCursor(42)}*`, "x".repeat(40)]) {
      expect(params(`cursor=${encodeURIComponent(cursor)}`), cursor).toMatchObject({ ok: false, error: "invalid_cursor" });
    }
  });
});

describe("cursors", () => {
  it("round-trip ids and are opaque base64url", () => {
    for (const id of [1, 7, 2000, Number.MAX_SAFE_INTEGER]) {
      expect(encodeCursor(id)).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(encodeCursor(id))).toBe(id);
    }
    expect(encodeCursor(42)).toBe("NDI");
  });
});

describe("toPage", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: (i + 1) * 10 }));

  it("points at the last row served while more rows exist", () => {
    const page = toPage(
      rows(4),
      3,
      (r) => r.id,
      (r) => r.id,
    );
    expect(page).toEqual({ items: [10, 20, 30], nextCursor: encodeCursor(30) });
  });

  it("answers nextCursor null at the end, also for an exactly full last page", () => {
    expect(
      toPage(
        rows(3),
        3,
        (r) => r.id,
        (r) => r.id,
      ),
    ).toEqual({ items: [10, 20, 30], nextCursor: null });
    expect(
      toPage(
        rows(0),
        3,
        (r) => r.id,
        (r) => r.id,
      ),
    ).toEqual({ items: [], nextCursor: null });
  });
});
