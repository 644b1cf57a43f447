// Every action of the built app, posted a body that is no form (issue 13): a 4xx, never a 5xx. Asked as
// the admin, whom every permission lets through to the body, on the demo's first records; nothing can be
// written, since every action reads its body before it changes anything.
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "~seeds/seed.server";
import { readManifest } from "./manifest";
import { baseUrl } from "./server-url";

async function adminCookie(): Promise<string> {
  const res = await fetch(`${baseUrl()}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseUrl(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "admin@demo.go.id", password: DEMO_PASSWORD }),
  });
  return res.headers.get("Set-Cookie")!.split(";")[0]!;
}

// a stand-in for every route parameter: the first record of its kind, a dictionary code for splats
const fill = (fullPath: string) =>
  "/" +
  fullPath
    .split("/")
    .map((s) => (s === "*" ? "T.ANJAB" : s.replace(/^:[\w-]+/, (p) => (p === ":key" ? "standardLevels" : "1"))))
    .join("/");

const BODIES = [
  { contentType: "text/plain;charset=UTF-8", body: "email=x&password=y" },
  { contentType: "application/json", body: "null" },
  { contentType: null, body: "intent=submit" },
  { contentType: "application/x-www-form-urlencoded", body: "%zz=%" },
];

describe("an action posted a body that is no form", () => {
  it("answers 4xx on every route of the manifest, never 5xx", async () => {
    const cookie = await adminCookie();
    // logout ends the session the others need: last
    const routes = (await readManifest())
      .filter((r) => r.hasAction)
      .sort((a, b) => Number(a.id === "routes/logout") - Number(b.id === "routes/logout"));
    expect(routes.length).toBeGreaterThan(15);
    const answers: string[] = [];
    for (const route of routes) {
      for (const { contentType, body } of BODIES) {
        const res = await fetch(baseUrl() + fill(route.fullPath), {
          method: "POST",
          redirect: "manual",
          headers: { Origin: baseUrl(), Cookie: cookie, ...(contentType ? { "Content-Type": contentType } : {}) },
          body,
        });
        answers.push(`${res.status} ${route.id} ${contentType}`);
      }
    }
    expect(answers.filter((a) => a.startsWith("5"))).toEqual([]);
    // the sweep reaches the body reader: most form actions answer 415 to text/plain
    expect(answers.filter((a) => a.startsWith("415") && a.endsWith("text/plain;charset=UTF-8")).length).toBeGreaterThan(10);
  });
});
