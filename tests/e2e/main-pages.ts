// The main pages of the app, each as the role that uses it and in the state a user meets it (a form showing
// its errors, the whole tree open). Browser tests that must look at every screen walk this list; a new page
// is one line here. Visiting an entry never writes anything. The SKJ pages show the most when the two
// positions below have an SKJ: the walker (no-raw-codes) publishes one and has the other returned first.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { logIn, visit } from "./browser";

export type Role = "admin" | "analis" | "reviewer" | "viewer";

export interface MainPage {
  role: Role;
  label: string;
  /** The path, or how to find it (e.g. the first unit linked from the tree). */
  path: string | ((page: Page) => Promise<string>);
  /** What the user does there before looking, e.g. submitting an empty form. */
  reach?: (page: Page) => Promise<void>;
}

/** A position whose SKJ is published (with a comment in its review), and one whose SKJ was returned. */
export const PUBLISHED_POSITION = "Kepala Seksi Tata Kelola Sistem Pemerintahan Berbasis Elektronik";
export const RETURNED_POSITION = "Kepala Seksi Pelayanan Medis dan Keperawatan";

/** One signed-in page per role, made on first use and reused from test to test. */
export function pagesByRole(browser: { newPage(): Promise<Page> }) {
  const signedIn = new Map<Role, Page>();
  return async (role: Role): Promise<Page> => {
    let page = signedIn.get(role);
    if (!page) {
      page = await browser.newPage();
      await logIn(page, `${role}@demo.go.id`);
      signedIn.set(role, page);
    }
    return page;
  };
}

/** The first link on `from` whose href matches. */
export function linkOn(from: string, pattern: RegExp) {
  return async (page: Page): Promise<string> => {
    await visit(page, from);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.find((h) => pattern.test(h));
    expect(href, `a link matching ${pattern} on ${from}`).toBeDefined();
    return href!;
  };
}

/** The page of a position found by name in the register, plus `suffix` ("/skj", "/riwayat"). */
export function positionPage(name: string, suffix = "") {
  return async (page: Page): Promise<string> => {
    await visit(page, `/jabatan?q=${encodeURIComponent(name.toLowerCase())}`);
    const href = await page
      .getByRole("table", { name: "Daftar jabatan" })
      .locator("tbody")
      .getByRole("link", { name, exact: true })
      .getAttribute("href");
    expect(href, `${name} in the register`).toBeTruthy();
    return `${href}${suffix}`;
  };
}

/** "Buka semua" on /struktur, waiting until every branch's sub-units have arrived. */
export async function openWholeTree(page: Page) {
  await page.getByRole("button", { name: "Buka semua" }).click();
  await expect.poll(() => page.getByRole("status").filter({ hasText: "unit di halaman ini terbuka" }).count()).toBe(1);
}

/** Clicks a form's submit button and waits for its field errors. */
function submitEmpty(button: string) {
  return async (page: Page) => {
    await page.getByRole("button", { name: button }).click();
    await expect.poll(() => page.locator(".field-error").count()).toBeGreaterThan(0);
  };
}

export const MAIN_PAGES: readonly MainPage[] = [
  { role: "analis", label: "Beranda", path: "/" },
  { role: "analis", label: "coverage of every perangkat daerah", path: "/cakupan" },
  { role: "analis", label: "register", path: "/jabatan" },
  { role: "analis", label: "register, searched", path: "/jabatan?q=kepala&page=1" },
  { role: "analis", label: "drafts in bulk, a unit chosen", path: "/skj/draf-massal?semua=1&unit=BKD" },
  { role: "analis", label: "mass change of drafts, all matching", path: "/skj/ubah-massal?semua=1" },
  {
    role: "analis",
    label: "SOTK tree, every unit open",
    path: "/struktur",
    reach: openWholeTree,
  },
  { role: "analis", label: "unit page", path: linkOn("/struktur", /^\/struktur\/\d+$/) },
  { role: "analis", label: "SOTK import", path: "/struktur/impor" },
  { role: "analis", label: "legacy SKJ import", path: "/skj/impor" },
  { role: "analis", label: "dictionary", path: "/kamus" },
  { role: "analis", label: "dictionary, searched", path: "/kamus?q=kelembagaan" },
  { role: "analis", label: "dictionary entry", path: "/kamus/entri/T.ANJAB" },
  { role: "analis", label: "dictionary entry of the regulation", path: "/kamus/entri/M.01" },
  { role: "analis", label: "dictionary revision history", path: "/kamus/riwayat/T.ANJAB" },
  { role: "analis", label: "national JF standards", path: "/kamus/standar-jf" },
  { role: "analis", label: "national JF standard import", path: "/kamus/standar-jf/impor" },
  { role: "analis", label: "dictionary entry edit form", path: "/kamus/ubah/T.ANJAB" },
  { role: "analis", label: "new dictionary entry submitted empty", path: "/kamus/baru", reach: submitEmpty("Simpan draf") },
  { role: "analis", label: "new position submitted empty", path: "/jabatan/baru", reach: submitEmpty("Simpan jabatan") },
  { role: "analis", label: "position page with published versions", path: positionPage(PUBLISHED_POSITION) },
  { role: "analis", label: "position edit form", path: positionPage(PUBLISHED_POSITION, "/ubah") },
  { role: "analis", label: "position history", path: positionPage(PUBLISHED_POSITION, "/riwayat") },
  { role: "analis", label: "SKJ editor of a returned draft with its comments", path: positionPage(RETURNED_POSITION, "/skj") },
  { role: "analis", label: "print preview of a draft", path: positionPage(RETURNED_POSITION, "/skj/pratinjau") },
  { role: "analis", label: "SKJ overview of the analyst", path: "/skj" },
  { role: "analis", label: "exports of the analyst", path: "/ekspor" },

  { role: "reviewer", label: "review queue", path: "/skj" },
  { role: "reviewer", label: "review page of a returned draft", path: positionPage(RETURNED_POSITION, "/skj/tinjau") },
  { role: "reviewer", label: "history of a returned draft", path: positionPage(RETURNED_POSITION, "/riwayat") },
  { role: "reviewer", label: "penetapan list", path: "/penetapan" },
  { role: "reviewer", label: "published penetapan", path: linkOn("/penetapan", /^\/penetapan\/\d+$/) },

  { role: "admin", label: "Beranda of the admin", path: "/" },
  {
    role: "admin",
    label: "new penetapan with errors",
    path: "/penetapan/baru",
    reach: (p) =>
      p
        .getByLabel("Nomor")
        .fill("")
        .then(() => submitEmpty("Simpan penetapan")(p)),
  },
  { role: "admin", label: "404 page", path: "/halaman-yang-tidak-ada" },
  { role: "admin", label: "admin users", path: "/admin" },
  { role: "admin", label: "admin user edit", path: linkOn("/admin", /^\/admin\/users\/\d+$/) },
  { role: "admin", label: "new user submitted empty", path: "/admin/users/new", reach: submitEmpty("Simpan pengguna") },
  { role: "admin", label: "audit log", path: "/admin/audit" },
  { role: "admin", label: "rule settings", path: "/admin/settings" },
  { role: "admin", label: "instance profile", path: "/admin/instansi" },
  { role: "admin", label: "rule setting edit", path: linkOn("/admin/settings", /^\/admin\/settings\/[\w.-]+$/) },
  { role: "admin", label: "API tokens", path: "/admin/tokens" },
  { role: "admin", label: "webhooks", path: "/admin/webhooks" },
  { role: "admin", label: "everyone's exports", path: "/ekspor" },

  { role: "viewer", label: "Beranda of a viewer", path: "/" },
  { role: "viewer", label: "register of a viewer", path: "/jabatan" },
  { role: "viewer", label: "position page with published versions, as a viewer", path: positionPage(PUBLISHED_POSITION) },
  { role: "viewer", label: "403 page", path: "/admin" },
];
