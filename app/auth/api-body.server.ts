// The JSON plumbing every POST endpoint of the API shares: a bounded body reader, 405, and rule results.
import { apiError } from "~/auth/api.server";
import type { RuleResult } from "~/domain/skj-rules";

// A full SKJ is a few kilobytes and the schema's own limits stay far below this; the cap only stops a
// hostile or broken client from making the server buffer an unbounded body.
export const JSON_BODY_MAX_BYTES = 2 * 1024 * 1024;
// Answering 413 while the client is still sending makes the kernel reset the connection, and Node's fetch
// then reports ECONNRESET instead of the 413. So the rest of a moderately oversized body is read and thrown
// away (no buffering, and only a token holder gets this far); beyond this the connection is simply cut.
const DISCARD_MAX_BYTES = 32 * 1024 * 1024;

export function methodNotAllowed(): Response {
  return apiError(405, "method_not_allowed", "Metode tidak didukung; gunakan POST dengan dokumen SKJ sebagai JSON.", {
    headers: { Allow: "POST" },
  });
}

function payloadTooLarge(): Response {
  return apiError(413, "payload_too_large", `Isi permintaan melebihi batas ${JSON_BODY_MAX_BYTES / 1024 / 1024} MB.`);
}

function invalidJson(message: string): Response {
  return apiError(400, "invalid_json", message);
}

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, seen: number): Promise<void> {
  while (seen <= DISCARD_MAX_BYTES) {
    const { done, value } = await reader.read();
    if (done) return;
    seen += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
}

/** The body bytes, or null once they pass `max`: Content-Length can be absent (chunked) or lie. */
async function readCapped(request: Request, max: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await discardRest(reader, size);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * The parsed JSON body, or a thrown 413/400 API error. The Content-Type header is not required: scripts
 * often omit it, and what matters is whether the bytes are JSON.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > JSON_BODY_MAX_BYTES) {
    // refused without buffering a byte; read off only so that the client gets to see the answer
    if (request.body && declared <= DISCARD_MAX_BYTES) await discardRest(request.body.getReader(), 0);
    throw payloadTooLarge();
  }
  const bytes = await readCapped(request, JSON_BODY_MAX_BYTES);
  if (bytes === null) throw payloadTooLarge();
  let text: string;
  try {
    // fatal: a body in another encoding must not turn into replacement characters inside a stored draft
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidJson("Isi permintaan bukan teks UTF-8 yang sah; kirim dokumen SKJ sebagai JSON berenkode UTF-8.");
  }
  if (!text.trim()) throw invalidJson("Isi permintaan kosong; kirim dokumen SKJ sebagai JSON.");
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8's message is English; only the position is worth passing on
    const position = error instanceof SyntaxError ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    throw invalidJson(
      `Isi permintaan bukan JSON yang sah${position ? ` (kesalahan di sekitar karakter ke-${Number(position) + 1})` : ""}.`,
    );
  }
}

/**
 * The contract's four keys plus `citation`: §4 gives every rule a citation, and a client showing a result
 * to an analyst needs it as much as the editor does. Listed explicitly so a field added to RuleResult
 * later does not silently become API surface.
 */
export function apiResults(results: readonly RuleResult[]) {
  return results.map((r) => ({ rule: r.rule, severity: r.severity, path: r.path, message: r.message, citation: r.citation }));
}
