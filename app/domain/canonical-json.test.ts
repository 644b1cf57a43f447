import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: "x" } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it("gives the same text whatever order the keys were written in", () => {
    const one = { position: { name: "Kepala", code: "P1" }, version: 2, competencies: [{ level: 3, code: "M.01" }] };
    const other = { version: 2, competencies: [{ code: "M.01", level: 3 }], position: { code: "P1", name: "Kepala" } };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it("keeps array order, since the order of competencies is content", () => {
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
    expect(canonicalJson([{ code: "B" }, { code: "A" }])).not.toBe(canonicalJson([{ code: "A" }, { code: "B" }]));
  });

  it("writes numbers and strings as JSON.stringify does", () => {
    const numbers = [0, -0, 1, -1.5, 0.1 + 0.2, 1e21, 1e-7, 123456789012345680000, Number.MAX_SAFE_INTEGER];
    expect(canonicalJson(numbers)).toBe(JSON.stringify(numbers));
    const strings = ['kutip " dan \\ garis miring', "baris\nbaru\ttab", "Perekat Bangsa — ü ✓", "\u0001\u001f", "\ud800"];
    expect(canonicalJson(strings)).toBe(JSON.stringify(strings));
  });

  it("drops undefined members and writes undefined array items as null, like JSON.stringify", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe("[null,1]");
  });

  it("sorts keys by UTF-16 code units (RFC 8785), not by locale", () => {
    // uppercase before lowercase, and "é" after "z": a locale sort would put them elsewhere
    expect(canonicalJson({ b: 1, a: 2, B: 3, é: 4, z: 5, "10": 6, "9": 7 })).toBe('{"10":6,"9":7,"B":3,"a":2,"b":1,"z":5,"é":4}');
  });

  it("parses back to what JSON.stringify would have written", () => {
    const value = {
      nested: { list: [1, "dua", { tiga: [null, false] }], date: new Date("2026-01-02T03:04:05.000Z") },
      empty: {},
      none: [],
    };
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(canonicalJson(value)).toContain('"date":"2026-01-02T03:04:05.000Z"');
  });

  it("refuses values that JSON cannot carry faithfully", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(TypeError);
  });

  it("accepts the same object twice when it is not a cycle", () => {
    const shared = { code: "M.01" };
    expect(canonicalJson([shared, shared])).toBe('[{"code":"M.01"},{"code":"M.01"}]');
  });
});
