// Property-based checks of the SOTK and dictionary imports through the database (issue 8, abuse): any
// file, CSV text, raw bytes or a damaged workbook, gives rows or located errors, never an exception,
// and a rejected import stores nothing at all.
import fs from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { COLUMNS } from "~/domain/sotk-import";
import type { Db } from "~db/client.server";
import { importDictionaryFiles } from "~/services/dictionary-import.server";
import { importSotkFiles } from "~/services/sotk-import.server";
import { dictionaryJson, header, rowsFor } from "../fixtures/import-arbitraries";
import { FUZZ } from "../fixtures/skj-arbitraries";
import { DICTIONARY_COLUMN_NAMES } from "~/domain/dictionary-import";
import { useTestDatabase } from "../setup/test-db";

// sixty generated file sets take 20–30 s on a busy 2-core machine; the default 20 s limit made this flaky
const FUZZ_TIMEOUT_MS = 120_000;

const RUNS = { ...FUZZ, numRuns: 60 };
const TABLES = [
  "org_units",
  "positions",
  "competencies",
  "competency_revisions",
  "competency_levels",
  "competency_indicators",
  "audit_log",
];
const rowCounts = (db: Db) => TABLES.map((t) => (db.$client.prepare(`select count(*) n from ${t}`).get() as { n: number }).n);

const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
/** CSV text from a header and rows, in one of the line endings spreadsheets write, sometimes with a BOM. */
const csvText = (columns: readonly string[]) =>
  header(columns).chain((head) =>
    fc
      .tuple(rowsFor(head), fc.constantFrom("\n", "\r\n"), fc.boolean())
      .map(
        ([rows, eol, bom]) =>
          (bom ? "\uFEFF" : "") +
          [head, ...rows.map((r) => head.map((h) => r.values[h]!))].map((cells) => cells.map(quote).join(",")).join(eol) +
          eol,
      ),
  );
const encode = (text: string) => new TextEncoder().encode(text);

/** A real workbook with a few bytes overwritten: exercises the zip and XML readers on damaged input. */
const damaged = (bytes: Uint8Array) =>
  fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => {
    const copy = bytes.slice();
    for (const [at, value] of edits) copy[at] = value;
    return copy;
  });

function fileArbitrary(name: string, csv: fc.Arbitrary<string>, xlsx: Uint8Array, json?: fc.Arbitrary<string>) {
  const base = name.replace(/\.\w+$/, "");
  return fc.oneof(
    csv.map((text) => ({ name: `${base}.csv`, bytes: encode(text) })),
    fc.string({ unit: "binary", maxLength: 200 }).map((text) => ({ name: `${base}.csv`, bytes: encode(text) })),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ name: `${base}.${bytes.length % 2 ? "csv" : "xlsx"}`, bytes })),
    damaged(xlsx).map((bytes) => ({ name: `${base}.xlsx`, bytes })),
    ...(json ? [json.map((text) => ({ name: `${base}.json`, bytes: encode(text) }))] : []),
  );
}

function expectLocatedErrors(errors: readonly { file: string; row: number; column: string; message: string }[], names: readonly string[]) {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect([...names, "-"]).toContain(e.file);
    expect(Number.isInteger(e.row) && e.row >= 0).toBe(true);
    expect(typeof e.column).toBe("string");
    expect(e.message).toMatch(/\S/);
  }
}

describe("SOTK import under fuzzing", () => {
  let db: Db;
  beforeAll(async () => {
    db = await useTestDatabase("demo");
  });
  const xlsx = new Uint8Array(fs.readFileSync("tests/fixtures/sotk/sotk.xlsx"));
  const files = fc.array(
    fc.oneof(
      fileArbitrary("unit.csv", csvText(COLUMNS.unit.map((c) => c.name)), xlsx),
      fileArbitrary("jabatan.csv", csvText(COLUMNS.jabatan.map((c) => c.name)), xlsx),
    ),
    { minLength: 1, maxLength: 2 },
  );

  it(
    "answers counts or located errors for any files, and a rejected import changes no row",
    async () => {
      await fc.assert(
        fc.asyncProperty(files, async (input) => {
          const before = rowCounts(db);
          const result = await importSotkFiles(db, input, null);
          if (!result.ok) {
            expectLocatedErrors(
              result.errors,
              input.map((f) => f.name),
            );
            expect(rowCounts(db)).toEqual(before);
          }
        }),
        RUNS,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe("dictionary import under fuzzing", () => {
  let db: Db;
  beforeAll(async () => {
    db = await useTestDatabase("demo");
  });
  const xlsx = new Uint8Array(fs.readFileSync("tests/fixtures/dictionary/kamus.xlsx"));
  const json = fc.oneof(
    dictionaryJson.map((source) => JSON.stringify(source.value)),
    fc.string({ maxLength: 80 }),
  );
  const files = fc.array(fileArbitrary("kamus.csv", csvText(DICTIONARY_COLUMN_NAMES), xlsx, json), { minLength: 1, maxLength: 2 });

  it(
    "answers counts or located errors for any files, and a rejected import changes no row",
    async () => {
      await fc.assert(
        fc.asyncProperty(files, fc.boolean(), async (input, publish) => {
          const before = rowCounts(db);
          const result = await importDictionaryFiles(db, input, null, { publish });
          if (!result.ok) {
            expectLocatedErrors(
              result.errors,
              input.map((f) => f.name),
            );
            expect(rowCounts(db)).toEqual(before);
          }
        }),
        RUNS,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
