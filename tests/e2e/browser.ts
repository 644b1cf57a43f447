import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "~/services/browser.server";
import { DEMO_PASSWORD } from "~seeds/seed.server";
import { baseUrl } from "./server-url";

export { baseUrl };

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
    /** `bypassCSP`: only for a control that must show the app's own defences would see a hole the policy stops first. */
    async newPage(options: { bypassCSP?: boolean } = {}): Promise<Page> {
      const context = await browser.newContext({
        baseURL: baseUrl(),
        viewport: { width: 1366, height: 768 },
        locale: "id-ID",
        bypassCSP: options.bypassCSP ?? false,
      });
      contexts.push(context);
      // the init script runs in every document of the context; CDP injects it past the policy itself
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          console.error(`securitypolicyviolation ${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
        );
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
/** Adds T.ANJAB and T.KELEMBAGAAN to the open editor through the dictionary picker, as an analyst would. */
export async function addTwoTechnicalCompetencies(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  for (const [q, code] of [
    ["analisis jabatan", "T.ANJAB"],
    ["kelembagaan", "T.KELEMBAGAAN"],
  ] as const) {
    await page.getByLabel("Tambah kompetensi teknis dari kamus").fill(q);
    await page
      .getByRole("list", { name: "Hasil pencarian kompetensi teknis" })
      .getByRole("button", { name: new RegExp(code.replace(".", "\\.")) })
      .click();
  }
}

export async function completeDraft(page: Page) {
  await addTwoTechnicalCompetencies(page);
  await expect.poll(() => page.locator(".rules-summary").innerText()).toMatch(/^Valid/);
  await expect.poll(() => page.locator(".save-status").innerText(), { timeout: 15_000 }).toMatch(/^Tersimpan/);
}

/** A reviewer approves the submitted SKJ of `position` from "Menunggu tinjauan saya". */
export async function approveFromQueue(reviewer: Page, position: string) {
  await visit(reviewer, "/skj");
  await reviewer
    .getByRole("table", { name: "Menunggu tinjauan saya" })
    .getByRole("link", { name: new RegExp(position) })
    .click();
  await reviewer.getByRole("heading", { name: "Keputusan", exact: true }).waitFor();
  await reviewer.getByRole("button", { name: "Setujui" }).click();
  await reviewer.getByRole("status").filter({ hasText: "disetujui" }).waitFor();
}

/** A draf Peraturan Gubernur number/2026 holding the approved SKJ of `position`; the page stays on the act. */
export async function penetapanWith(page: Page, act: { number: string; title: string }, position: string) {
  await visit(page, "/penetapan/baru");
  await page.getByLabel("Nomor").fill(act.number);
  await page.getByLabel("Tahun").fill("2026");
  await page.getByLabel("Tentang").fill(act.title);
  await page.getByLabel("Tanggal berlaku").fill("2027-01-01");
  await page.getByRole("button", { name: "Simpan penetapan" }).click();
  await expect.poll(() => heading(page)).toBe(`Peraturan Gubernur Nomor ${act.number} Tahun 2026 tentang ${act.title}`);
  const picker = page.getByLabel("Tambahkan SKJ yang disetujui");
  await picker.selectOption((await picker.locator("option", { hasText: position }).first().getAttribute("value")) ?? "");
  await page.getByRole("button", { name: "Tambahkan" }).click();
  await page.getByRole("table", { name: "SKJ dalam penetapan" }).getByRole("link", { name: position }).waitFor();
}

/** How a reviewer publishes the open penetapan: "Tetapkan N SKJ", then "Ya, tetapkan" in the confirmation dialog. */
export async function confirmPublication(page: Page, count: number) {
  await page.getByRole("button", { name: `Tetapkan ${count} SKJ`, exact: true }).click();
  await page
    .getByRole("dialog", { name: `Tetapkan ${count} SKJ?` })
    .getByRole("button", { name: "Ya, tetapkan" })
    .click();
  await page.getByRole("status").filter({ hasText: "Penetapan ditetapkan" }).waitFor();
}

/** Opens the page of `position` from the register's search, as a reader finds it. */
export async function openPosition(page: Page, position: string) {
  await visit(page, `/jabatan?q=${encodeURIComponent(position.toLowerCase())}`);
  await page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody").getByRole("link", { name: position, exact: true }).click();
  await page.getByRole("table", { name: "Identitas jabatan" }).waitFor();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** Opens `position` from the register and starts its SKJ with "Susun SKJ"; answers the position page's path. */
export async function startDraft(page: Page, position: string): Promise<string> {
  await openPosition(page, position);
  const positionPath = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Susun SKJ" }).click();
  await page.waitForURL("**/skj");
  await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
  return positionPath;
}

/**
 * The e2e server seeds no demo SKJ, so version 1 of `position` is made the way the bureau makes one: the
 * analyst drafts and submits, a reviewer approves, the publisher puts it in a new penetapan and publishes it.
 */
export async function publishFirstSkj(
  pages: { analis: Page; reviewer: Page; publisher: Page },
  position: string,
  act: { number: string; title: string },
) {
  const { analis, reviewer, publisher } = pages;
  await openPosition(analis, position);
  await analis.getByRole("button", { name: "Susun SKJ" }).click();
  await analis.waitForURL("**/skj");
  await completeDraft(analis);
  await analis.getByLabel("Alasan atas peringatan (bila ada)").fill("Persyaratan mengikuti peta jabatan Biro Organisasi.");
  await analis.getByRole("button", { name: "Ajukan SKJ" }).click();
  await analis.getByRole("status").filter({ hasText: "SKJ diajukan untuk ditinjau." }).waitFor();

  await approveFromQueue(reviewer, position);
  await penetapanWith(publisher, act, position);
  await confirmPublication(publisher, 1);
}
