// A minimal HTTP client for the fault test: no redirects followed, no retries, and its own keep-alive agent per
// server life, so a socket of the killed process is never reused against the restarted one.
import http from "node:http";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class Client {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  constructor(readonly baseUrl: string) {}

  request(method: "GET" | "POST", pathname: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
    const url = new URL(pathname, this.baseUrl);
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            ...options.headers,
            ...(options.body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(options.body)) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          // a body cut off by the kill is no answer: only a complete one counts as acknowledged
          res.on("aborted", () => reject(new Error("jawaban terputus (response aborted)")));
          res.on("error", reject);
          res.on("end", () => {
            if (!res.complete) reject(new Error("jawaban terputus (response incomplete)"));
            else resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
          });
        },
      );
      req.on("error", reject);
      req.end(options.body);
    });
  }

  json(pathname: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
    return this.request("POST", pathname, { headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  }

  /** A same-origin form post, as a browser without JavaScript sends it (server/middleware.ts checks Origin). */
  form(pathname: string, fields: Record<string, string>, cookie: string): Promise<Answer> {
    return this.request("POST", pathname, {
      headers: { Cookie: cookie, Origin: this.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  close() {
    this.agent.destroy();
  }
}
