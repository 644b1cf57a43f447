import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "~/services/browser.server";
import { DEMO_PASSWORD } from "~seeds/seed.server";

export const baseUrl = () => inject("baseUrl");

const CSP_VIOLATION = /Content Security Policy|securitypolicyviolation/i;

/**
 * One Chromium per test file; each test opens its own context (fresh cookies). Every page reports what the
 * Content-Security-Policy blocked, from Chromium's console and from `securitypolicyviolation` events, and a
 * test after which anything was blocked fails (issue 13).
 */
export function useBrowser() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const violations: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(() => {
    const seen = violations.splice(0);
    expect(seen, "Content-Security-Policy violations").toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage(): Promise<Page> {
      const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1366, height: 768 }, locale: "id-ID" });
      contexts.push(context);
      // the init script runs in every document of the context; CDP injects it past the policy itself
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => console.error(`securitypolicyviolation ${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
      });
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error" && CSP_VIOLATION.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
      });
      page.setDefaultTimeout(15_000);
      return page;
    },
  };
}

/** Navigates and waits until React has hydrated, so clicks run the client code rather than a bare form post. */
export async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  return response;
}

export async function heading(page: Page): Promise<string> {
  return page.getByRole("heading", { level: 1 }).innerText();
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await visit(page, "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  await page.getByRole("navigation", { name: "Navigasi utama" }).waitFor();
}

export async function navLabels(page: Page): Promise<string[]> {
  return page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link").allInnerTexts();
}

/**
 * Completes a new draft in the open SKJ editor as an analyst would: picks two technical entries from the
 * dictionary, then waits until the rules pass and the autosave has landed.
 */
export async function completeDraft(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  for (const [q, code] of [
    ["analisis jabatan", "T.ANJAB"],
    ["kelembagaan", "T.KELEMBAGAAN"],
  ] as const) {
    await page.getByLabel("Tambah kompetensi teknis dari kamus").fill(q);
    await page.getByRole("list", { name: "Hasil pencarian kompetensi teknis" }).getByRole("button", { name: new RegExp(code.replace(".", "\\.")) }).click();
  }
  await expect.poll(() => page.locator(".rules-summary").innerText()).toMatch(/^Valid/);
  await expect.poll(() => page.locator(".save-status").innerText(), { timeout: 15_000 }).toMatch(/^Tersimpan/);
}
