// The API's body reader as a client meets it: the 413 and 400 answers with their texts, a body read whole
// across chunks, and an oversized body drained (so the client sees the 413) only up to a bound.
import { describe, expect, it } from "vitest";
import { apiResults, JSON_BODY_MAX_BYTES, methodNotAllowed, readJsonBody } from "~/auth/api-body.server";
import type { RuleResult } from "~/domain/skj-rules";

const MB = 1024 * 1024;

/** A streamed body of `chunks`, counting what the server pulled and whether it hung up. */
function streamed(chunks: Iterable<Uint8Array>, headers: Record<string, string> = {}) {
  const source = chunks[Symbol.iterator]();
  const seen = { bytes: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = source.next();
        if (next.done) return controller.close();
        seen.bytes += next.value.byteLength;
        controller.enqueue(next.value);
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    // no read-ahead: the count is what the server asked for
    { highWaterMark: 0 },
  );
  const request = new Request("http://localhost/api/v1/skj/validate", { method: "POST", headers, body, duplex: "half" } as RequestInit);
  return { request, seen };
}

function* megabytes(count: number) {
  for (let i = 0; i < count; i++) yield new Uint8Array(MB).fill(0x20);
}

const text = (s: string) => new TextEncoder().encode(s);

/** What the client receives when the reader refuses: status and JSON body. */
async function refusal(read: Promise<unknown>) {
  const thrown = await read.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(thrown instanceof Response)) throw new Error(`expected an API error, got ${String(thrown)}`);
  return { status: thrown.status, body: (await thrown.json()) as unknown };
}

const TOO_LARGE = { status: 413, body: { error: "payload_too_large", message: "Isi permintaan melebihi batas 2 MB." } };
const invalid = (message: string) => ({ status: 400, body: { error: "invalid_json", message } });

describe("reading an API body", () => {
  it("joins a body sent in several chunks in order", async () => {
    const { request } = streamed([text('{"kode": "A'), text('BC", "daftar": [1,'), text("2]}")]);
    expect(await readJsonBody(request)).toEqual({ kode: "ABC", daftar: [1, 2] });
  });

  it("takes a body of exactly the limit, declared or not, and refuses one byte more with 413 and the limit in MB", async () => {
    const exact = `"${"a".repeat(JSON_BODY_MAX_BYTES - 2)}"`;
    const declared = new Request("http://localhost/", {
      method: "POST",
      headers: { "Content-Length": String(JSON_BODY_MAX_BYTES) },
      body: exact,
    });
    expect(((await readJsonBody(declared)) as string).length).toBe(JSON_BODY_MAX_BYTES - 2);
    expect(((await readJsonBody(streamed([text(exact)]).request)) as string).length).toBe(JSON_BODY_MAX_BYTES - 2);
    expect(await refusal(readJsonBody(streamed([text(exact), text(" ")]).request))).toEqual(TOO_LARGE);
  });

  it("refuses a declared oversized body without keeping it, reading it off so the client gets the answer", async () => {
    const { request, seen } = streamed(megabytes(10), { "Content-Length": String(10 * MB) });
    expect(await refusal(readJsonBody(request))).toEqual(TOO_LARGE);
    expect(seen.bytes).toBe(10 * MB);
  });

  it("reads off a body declared at exactly 32 MB, the most it drains", async () => {
    const { request, seen } = streamed(megabytes(32), { "Content-Length": String(32 * MB) });
    expect(await refusal(readJsonBody(request))).toEqual(TOO_LARGE);
    expect(seen.bytes).toBe(32 * MB);
  });

  it("does not read off a body declared far beyond the limit: the connection is cut instead", async () => {
    const { request, seen } = streamed(megabytes(40), { "Content-Length": String(40 * MB) });
    expect(await refusal(readJsonBody(request))).toEqual(TOO_LARGE);
    expect(seen.bytes).toBe(0);
  });

  it("reads off an undeclared oversized body up to 32 MB and then hangs up", async () => {
    const moderate = streamed(megabytes(5));
    expect(await refusal(readJsonBody(moderate.request))).toEqual(TOO_LARGE);
    expect(moderate.seen).toEqual({ bytes: 5 * MB, cancelled: false });

    const endless = streamed(megabytes(1000));
    expect(await refusal(readJsonBody(endless.request))).toEqual(TOO_LARGE);
    expect(endless.seen.cancelled).toBe(true);
    expect(endless.seen.bytes).toBe(33 * MB);
  });

  it("refuses an empty body, a body that is not UTF-8, and malformed JSON with a 400 that says where", async () => {
    expect(await refusal(readJsonBody(new Request("http://localhost/", { method: "POST" })))).toEqual(
      invalid("Isi permintaan kosong; kirim dokumen SKJ sebagai JSON."),
    );
    expect(await refusal(readJsonBody(streamed([text(" \n\t ")]).request))).toEqual(
      invalid("Isi permintaan kosong; kirim dokumen SKJ sebagai JSON."),
    );
    expect(await refusal(readJsonBody(streamed([new Uint8Array([0x7b, 0xff, 0x7d])]).request))).toEqual(
      invalid("Isi permintaan bukan teks UTF-8 yang sah; kirim dokumen SKJ sebagai JSON berenkode UTF-8."),
    );
    // the ninth character (a closing brace where a name must be) is counted from one, as people count
    expect(await refusal(readJsonBody(streamed([text('{"a": 1,}')]).request))).toEqual(
      invalid("Isi permintaan bukan JSON yang sah (kesalahan di sekitar karakter ke-9)."),
    );
    expect(await refusal(readJsonBody(streamed([text('{"kode": "A", "level": 2,}')]).request))).toEqual(
      invalid("Isi permintaan bukan JSON yang sah (kesalahan di sekitar karakter ke-26)."),
    );
    expect(await refusal(readJsonBody(streamed([text('{"a":')]).request))).toEqual(invalid("Isi permintaan bukan JSON yang sah."));
  });
});

describe("the API's shared answers", () => {
  it("answers another method with 405, the allowed method and an Indonesian message", async () => {
    const answer = methodNotAllowed();
    expect(answer.status).toBe(405);
    expect(answer.headers.get("Allow")).toBe("POST");
    expect(await answer.json()).toEqual({
      error: "method_not_allowed",
      message: "Metode tidak didukung; gunakan POST dengan dokumen SKJ sebagai JSON.",
    });
  });

  it("gives each rule result its rule, severity, path, message and citation, and nothing else", () => {
    const result = {
      rule: "SKJ-IDENTITAS",
      severity: "error",
      path: "position.code",
      message: "Kode wajib diisi.",
      citation: "Permenpan 38/2017",
      extra: 1,
    } as RuleResult & { extra: number };
    expect(apiResults([result])).toEqual([
      { rule: "SKJ-IDENTITAS", severity: "error", path: "position.code", message: "Kode wajib diisi.", citation: "Permenpan 38/2017" },
    ]);
  });
});
