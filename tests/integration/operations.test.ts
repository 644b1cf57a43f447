import express from "express";
import { describe, expect, it } from "vitest";
import { readConfig } from "~/config.server";
import { backupDatabase } from "~db/backup.server";
import { chooseSeed } from "../../server/bootstrap";
import { openDatabase } from "~db/client.server";
import { refuseCrossSiteWrites } from "../../server/middleware";
import { tempPath, useTestDatabase } from "../setup/test-db";

const TABLES = [
  "users",
  "org_units",
  "positions",
  "competencies",
  "competency_revisions",
  "competency_levels",
  "competency_indicators",
  "settings",
  "audit_log",
];

describe("operations", () => {
  it("backs up online into a copy with the same row counts", async () => {
    const db = await useTestDatabase("demo");
    const file = tempPath("backup.sqlite");
    await backupDatabase(db, file);
    const copy = openDatabase(file);
    for (const t of TABLES) {
      const count = (d: typeof db) => d.$client.prepare(`select count(*) from ${t}`).pluck().get();
      expect(count(copy), t).toBe(count(db));
    }
    expect(copy.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.$client.close();
    await expect(backupDatabase(db, file)).rejects.toThrow(/sudah ada/);
  });

  it("refuses to start in production without SESSION_SECRET", () => {
    expect(() => readConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
    expect(readConfig({ NODE_ENV: "production", SESSION_SECRET: "s3cret" }).secureCookies).toBe(true);
    expect(readConfig({}).PORT).toBe(3000);
    expect(readConfig({}).DATABASE_PATH).toBe("data/skj.sqlite");
  });

  it("seeds demo data only into an empty non-production database unless told otherwise", () => {
    expect(chooseSeed({ nodeEnv: "development" }, true).kind).toBe("demo");
    expect(chooseSeed({ nodeEnv: "development" }, false).kind).toBe("none");
    expect(chooseSeed({ nodeEnv: "production" }, true).kind).toBe("reference");
    expect(chooseSeed({ nodeEnv: "production", skjSeed: "demo" }, true)).toMatchObject({ kind: "reference", warning: expect.any(String) });
    expect(chooseSeed({ nodeEnv: "development", skjSeed: "reference" }, true).kind).toBe("reference");
  });

  it("refuses a cross-site form post but lets same-origin posts and the bearer API through", async () => {
    const app = express();
    app.use(refuseCrossSiteWrites);
    app.all("*", (_req, res) => res.send("ok"));
    const server = app.listen(0);
    const port = (server.address() as { port: number }).port;
    const url = `http://127.0.0.1:${port}`;
    try {
      const send = (path: string, headers: Record<string, string>) =>
        fetch(url + path, { method: "POST", headers, body: "a=1" }).then((r) => r.status);
      expect(await send("/login", { Origin: "https://evil.example" })).toBe(403);
      expect(await send("/login", { Origin: "null" })).toBe(403);
      expect(await send("/login", { "Sec-Fetch-Site": "cross-site" })).toBe(403);
      expect(await send("/login", { Origin: url })).toBe(200);
      expect(await send("/api/v1/skj/validate", { Origin: "https://evil.example" })).toBe(200);
    } finally {
      server.close();
    }
  });
});
