// Issue 13, finding 7: a workbook that is small on the wire and huge unpacked. Its sizes are checked before
// anything is inflated, rows are counted while inflating, and workbooks are read in a worker thread, so the
// server keeps answering. Limits: docs/decisions/014-resource-limits.md.
//
// The timing checks compare the server with itself rather than with a fixed figure, so that a loaded 2-core
// machine does not fail them: while a workbook is being read, /healthz is asked again and again, and its
// slowest answer must stay far below the upload's own duration. When the reading blocks the event loop (as it
// did on the main thread), /healthz waits for nearly all of it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKBOOK_LIMITS } from "~/domain/workbook-limits";
import { action as importAction } from "~/routes/struktur.impor";
import { readDictionaryFile } from "~/services/dictionary-files.server";
import { readSotkFile } from "~/services/sotk-files.server";
import { getDb, type Db } from "~db/client.server";
import { decompressionBomb, understateSize, workbookWithRows } from "../fixtures/workbook-bombs";
import { BASE, cookieFor, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const TABLES = ["positions", "org_units", "audit_log"];
const rowCounts = (db: Db) =>
  Object.fromEntries(TABLES.map((t) => [t, (db.$client.prepare(`select count(*) n from ${t}`).get() as { n: number }).n]));

let server: http.Server;
let url: string;
let bomb: Uint8Array;
let manyRows: Uint8Array;

beforeAll(async () => {
  // the bomb was 354 MB unpacked; 64 MB is past every limit and quicker to build
  bomb = await decompressionBomb(64);
  // passes the size checks (about 16 MB, ratio under 10) but has more rows than a sheet may have
  manyRows = await workbookWithRows(WORKBOOK_LIMITS.maxSheetRows + 10_000, (i) => [`KODE-${i}`, `Jabatan nomor ${(i * 7919) % 100_003}`]);
  // the server's two routes that matter here, in this process: reading on the main thread would stall both
  server = http.createServer((req, res) => {
    if (req.url === "/healthz") {
      getDb().$client.prepare("select 1").get();
      res.setHeader("Content-Type", "application/json").end('{"ok":true}');
      return;
    }
    const request = new Request(BASE + req.url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: Readable.toWeb(req) as ReadableStream,
      duplex: "half",
    } as RequestInit);
    void run(importAction, request).then((answer) =>
      res.writeHead(answer.status, { "Content-Type": "application/json" }).end(JSON.stringify(answer.body)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Posts one file to the SOTK import and asks /healthz one request after another until the import has answered. */
async function uploadWhileProbing(fileName: string, bytes: Uint8Array, cookie: string) {
  const form = new FormData();
  form.append("intent", "apply");
  form.append("files", new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
  const started = performance.now();
  let done = false;
  const upload = fetch(`${url}/struktur/impor`, { method: "POST", headers: { Cookie: cookie }, body: form }).then(async (r) => {
    const answer = {
      status: r.status,
      body: (await r.json()) as { kind: string; errors?: { message: string }[] },
      ms: performance.now() - started,
    };
    done = true;
    return answer;
  });
  const healthz: number[] = [];
  while (!done) {
    const asked = performance.now();
    const ok = (await fetch(`${url}/healthz`)).ok;
    if (!done) healthz.push(ok ? performance.now() - asked : Infinity);
  }
  return { ...(await upload), healthz };
}

describe("a decompression bomb posted to the SOTK import", () => {
  it("is refused from its zip directory with 422 naming the file, before anything is inflated, and stores nothing", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const before = rowCounts(db);
    const answer = await uploadWhileProbing("bom.xlsx", bomb, cookie);
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^Berkas bom\.xlsx terlalu besar setelah dibuka: bagian xl\/worksheets\/sheet1\.xml berukuran \d+ MB, paling banyak 50 MB per bagian/,
        ),
      }),
    ]);
    // refused before inflating takes milliseconds; inflating and parsing 64 MB took seconds of a blocked server
    expect(answer.ms).toBeLessThan(2_000);
    expect(rowCounts(db)).toEqual(before);
  });

  it("is refused by the dictionary import too", async () => {
    expect(await readDictionaryFile("kamus.xlsx", bomb)).toEqual({
      error: expect.stringContaining("Berkas kamus.xlsx terlalu besar setelah dibuka"),
    });
  });
});

describe("a workbook within the size limits but with too many rows", () => {
  it("is refused while its rows are counted, and /healthz keeps answering while the workbook is read", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const before = rowCounts(db);
    const answer = await uploadWhileProbing("jabatan.xlsx", manyRows, cookie);
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          "Berkas jabatan.xlsx terlalu besar setelah dibuka: salah satu lembarnya memiliki lebih dari 100.000 baris",
        ),
      }),
    ]);
    expect(rowCounts(db)).toEqual(before);
    expect(answer.healthz.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...answer.healthz)).toBeLessThan(answer.ms / 3);
  }, 60_000);
});

describe("a workbook whose zip directory understates a part's size", () => {
  it("is refused when inflating goes past the stated size", async () => {
    const small = await workbookWithRows(2_000, (i) => [`KODE-${i}`, `Jabatan ${i}`]);
    const lying = understateSize(small, "xl/worksheets/sheet1.xml", 1_000);
    expect(await readSotkFile("jabatan.xlsx", lying)).toEqual({
      error:
        "Berkas jabatan.xlsx terlalu besar setelah dibuka: bagian xl/worksheets/sheet1.xml lebih besar daripada ukuran yang dicantumkan di dalam berkas; tidak ada yang dibaca.",
    });
  });
});
