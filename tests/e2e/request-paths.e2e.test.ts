// The body cap and the cross-site check judge the path Remix routes (issue 13): dot segments, encoded dots and
// doubled slashes can no longer walk a request out of /api/ after the middleware has waved it through.
// Raw node:http requests, because fetch would normalise these paths before sending them.
import http from "node:http";
import { describe, expect, it } from "vitest";
import { baseUrl } from "./server-url";

interface Answer {
  status: number;
  body: string;
  sentBytes: number;
}

/**
 * Sends the request line and headers, then `firstChunk` of the body, and waits for the answer without
 * sending more: an answer to a body declared far larger than what was sent proves it was never read whole.
 */
function rawRequest(method: string, path: string, headers: Record<string, string>, firstChunk = ""): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, body, sentBytes: Buffer.byteLength(firstChunk) }));
      res.on("error", () => resolve({ status: res.statusCode!, body, sentBytes: Buffer.byteLength(firstChunk) }));
    });
    // the server closes the connection after refusing: a write still in flight then fails, the answer stands
    req.on("error", (error) => setTimeout(() => reject(error), 2000));
    if (firstChunk) req.write(firstChunk);
    if (!("Content-Length" in headers)) req.end();
  });
}

const WALKS_OUT_OF_API = ["/api/../login", "/api/%2e%2e/login", "/api/.%2E/login", "//api//..//login", "/api/v1/skj/../../../login"];

describe("request paths are judged as Remix routes them", () => {
  it.each(WALKS_OUT_OF_API)("refuses a huge form body to %s with 413 before reading it", async (path) => {
    const declared = 450 * 1024 * 1024;
    const chunk = "email=".padEnd(64 * 1024, "a");
    const answer = await rawRequest(
      "POST",
      path,
      { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(declared), Origin: baseUrl() },
      chunk,
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("Isi formulir terlalu besar");
    expect(answer.sentBytes).toBeLessThan(declared / 1000);
  });

  it.each(WALKS_OUT_OF_API)("refuses a cross-site form post to %s", async (path) => {
    const body = "email=analis%40demo.go.id&password=salah";
    const answer = await rawRequest(
      "POST",
      path,
      { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length), Origin: "https://evil.example" },
      body,
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("lintas situs");
  });

  it.each(["/api/..\\login", "/api\\..\\login", "/api/%5C../login", "/login%00", "/api/%zz/../login"])(
    "answers %j with 400 before anything else",
    async (path) => {
      const answer = await rawRequest(
        "POST",
        path,
        { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(100 * 1024 * 1024), Origin: baseUrl() },
        "email=x",
      );
      expect(answer.status).toBe(400);
    },
  );

  it("still serves the canonical path of a page and the API", async () => {
    expect((await rawRequest("GET", "/api/../login", {})).status).toBe(200);
    expect((await rawRequest("GET", "/kamus/../api/v1/schema/skj-published.json", {})).body).toContain('"$schema"');
  });
});
