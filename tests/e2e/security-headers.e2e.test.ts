// Every page carries a nonce-based Content-Security-Policy (issue 13); the browser tests fail on any
// violation (tests/e2e/browser.ts), this file checks the header itself and that each inline script has the nonce.
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "~seeds/seed.server";
import { baseUrl } from "./server-url";

const MAIN_PAGES = [
  "/",
  "/struktur",
  "/jabatan",
  "/kamus",
  "/skj",
  "/penetapan",
  "/ekspor",
  "/admin",
  "/admin/audit",
  "/admin/settings",
  "/admin/tokens",
  "/admin/webhooks",
  "/jabatan/1",
  "/logout",
];

async function adminCookie(): Promise<string> {
  const res = await fetch(`${baseUrl()}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseUrl(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "admin@demo.go.id", password: DEMO_PASSWORD }),
  });
  return res.headers.get("Set-Cookie")!.split(";")[0]!;
}

describe("Content-Security-Policy", () => {
  it("is on every main page, with a fresh nonce that every inline script carries", async () => {
    const cookie = await adminCookie();
    const nonces = new Set<string>();
    for (const path of ["/login", ...MAIN_PAGES]) {
      const res = await fetch(baseUrl() + path, { headers: path === "/login" ? {} : { Cookie: cookie } });
      expect(res.status, path).toBe(200);
      const policy = res.headers.get("Content-Security-Policy") ?? "";
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce, `${path}: ${policy}`).toBeDefined();
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      nonces.add(nonce!);
      const scripts = [...(await res.text()).matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.length, path).toBeGreaterThan(0);
      expect(
        scripts.filter((attrs) => !attrs.includes(`nonce="${nonce}"`)),
        path,
      ).toEqual([]);
    }
    expect(nonces.size).toBe(MAIN_PAGES.length + 1);
  });

  it("sends no HSTS over plain HTTP, nor for a forwarded protocol from a proxy nobody said to trust", async () => {
    const plain = await fetch(`${baseUrl()}/login`);
    expect(plain.headers.get("Strict-Transport-Security")).toBeNull();
    const forwarded = await fetch(`${baseUrl()}/login`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(forwarded.headers.get("Strict-Transport-Security")).toBeNull();
  });
});
