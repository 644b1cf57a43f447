// `npm start` without NODE_ENV (or with NODE_ENV=test) answers a server error like production (issue 13):
// an Indonesian 500 page, no message, stack or file path of the failure. Each server here gets a database
// of its own, which the test then breaks under it.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type ServerProcess } from "./server-process";

describe.each([
  ["unset", undefined],
  ["test", "test"],
])("a server error with NODE_ENV %s", (_name, nodeEnv) => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("renders a 500 page without the error's message, stack or file paths", async () => {
    server = await startServer({ NODE_ENV: nodeEnv });
    const intruder = new Database(server.databasePath);
    // every page's root loader reads the users table: without it each page fails on the server
    intruder.exec("alter table users rename to users_gone");
    intruder.close();
    for (const path of ["/login", "/jabatan", "/login?_data=root", "/login.data"]) {
      const res = await fetch(server.baseUrl + path);
      const body = await res.text();
      expect(res.status, path).toBe(500);
      expect(body, path).not.toMatch(/no such table|users_gone|\sat [\w.<>]+ \(|:\d+:\d+\)|file:\/\/|node_modules|\.server\.ts/i);
      expect(body, path).not.toContain(process.cwd());
    }
    const page = await (await fetch(`${server.baseUrl}/login`)).text();
    expect(page).toContain("Terjadi kesalahan pada server");
    expect(server.output()).toContain("no such table: users");
  });
});
