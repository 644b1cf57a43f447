// Issue 8: axe-core on every main page, as the role that uses it, in the states users meet (forms showing
// their error messages, the editor after hydration, a submitted and a returned draft, the conflict view, a
// published penetapan, a token shown once). One signed-in page per role, reused from test to test; the SKJ
// the pages need are written here through the UI, so the tests run in order.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectNoSeriousViolations, type AxeViolation } from "./axe";
import { penetapanWith, useBrowser, visit } from "./browser";
import { openWholeTree, pagesByRole } from "./main-pages";

// positions no other browser test writes an SKJ for: one is published here, the other reviewed and returned
const PUBLISHED = "Kepala Bagian Tata Laksana";
const RETURNED = "Kepala Subbagian Analisis Jabatan";
const JUSTIFICATION = "Persyaratan dilengkapi setelah kajian jabatan bersama BKD.";

const minor: { label: string; violations: AxeViolation[] }[] = [];

async function check(page: Page, label: string) {
  const violations = await expectNoSeriousViolations(page, label);
  if (violations.length > 0) minor.push({ label, violations });
}

async function checkAt(page: Page, path: string, label: string) {
  await visit(page, path);
  await check(page, label);
}

async function openPosition(page: Page, name: string): Promise<string> {
  await visit(page, `/jabatan?q=${encodeURIComponent(name.toLowerCase())}`);
  await page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody").getByRole("link", { name, exact: true }).click();
  await page.getByRole("table", { name: "Identitas jabatan" }).waitFor();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  return new URL(page.url()).pathname;
}

async function openEditor(page: Page, position: string) {
  await visit(page, `${position}/skj`);
  await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
}

async function firstHref(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern}`).toBeDefined();
  return href!;
}

const saved = (page: Page) => expect.poll(() => page.locator(".save-status").innerText(), { timeout: 15_000 }).toMatch(/^Tersimpan/);

/** "Susun SKJ", the two technical competencies that make it valid, and submission with the warnings' reason. */
async function writeAndSubmit(page: Page, name: string, checkStates: boolean): Promise<string> {
  const position = await openPosition(page, name);
  await page.getByRole("button", { name: "Susun SKJ" }).click();
  await page.waitForURL("**/skj");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
  await expect.poll(() => page.locator(".rules-summary").innerText()).toMatch(/kesalahan/);
  if (checkStates) await check(page, "SKJ editor, new draft with a rule error");
  for (const [q, code] of [
    ["analisis jabatan", "T.ANJAB"],
    ["kelembagaan", "T.KELEMBAGAAN"],
  ] as const) {
    await page.getByLabel("Tambah kompetensi teknis dari kamus").fill(q);
    const pick = page
      .getByRole("list", { name: "Hasil pencarian kompetensi teknis" })
      .getByRole("button", { name: new RegExp(code.replace(".", "\\.")) });
    await pick.waitFor();
    if (checkStates && code === "T.ANJAB") await check(page, "SKJ editor, dictionary search results open");
    await pick.click();
  }
  await expect.poll(() => page.locator(".rules-summary").innerText()).toMatch(/^Valid/);
  await saved(page);
  await page.getByRole("button", { name: "Ajukan SKJ" }).click();
  await expect.poll(() => page.getByRole("alert").first().innerText()).toMatch(/peringatan: tuliskan alasan/);
  if (checkStates) {
    await check(page, "SKJ editor, submission refused for a missing reason");
    await checkAt(page, `${position}/skj/pratinjau`, "print preview of a draft");
    await openEditor(page, position);
  }
  await page.getByLabel("Alasan atas peringatan (bila ada)").fill(JUSTIFICATION);
  await page.getByRole("button", { name: "Ajukan SKJ" }).click();
  await page.getByRole("status").filter({ hasText: "SKJ diajukan untuk ditinjau." }).waitFor();
  if (checkStates) {
    await openEditor(page, position);
    await check(page, "SKJ editor of a submitted draft, reloaded");
  }
  return position;
}

describe("accessibility (axe-core: no serious or critical violation)", () => {
  const browser = useBrowser();
  const pageOf = pagesByRole(browser);
  let publishedPosition = "";
  let returnedPosition = "";

  // moderate and minor findings do not fail the suite; they are printed so they stay visible
  afterAll(() => {
    for (const { label, violations } of minor)
      console.info(`axe, ${label}: ${violations.map((v) => `${v.id} [${v.impact}] ×${v.targets.length}`).join(", ")}`);
  });

  it("the login page, empty and with a refused sign-in", async () => {
    const page = await browser.newPage();
    await checkAt(page, "/login", "login");
    await page.getByLabel("Email").fill("analis@demo.go.id");
    await page.getByLabel("Kata sandi").fill("salah-sekali");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByRole("alert").first().waitFor();
    await check(page, "login, wrong password");
  });

  it("an analyst's pages: Beranda, register, SOTK, dictionary, forms with errors, the SKJ editor and its print preview", async () => {
    const page = await pageOf("analis");
    await check(page, "Beranda");
    await checkAt(page, "/jabatan", "register");
    await checkAt(page, "/jabatan?q=kepala&page=1", "register, searched");
    await checkAt(page, "/struktur", "SOTK tree");
    await openWholeTree(page);
    await check(page, "SOTK tree, every unit open");
    await checkAt(page, await firstHref(page, /^\/struktur\/\d+$/), "unit page");
    await checkAt(page, "/kamus", "dictionary");
    await checkAt(page, "/kamus?q=kelembagaan", "dictionary, searched");
    await checkAt(page, "/kamus/entri/T.ANJAB", "dictionary entry");
    await checkAt(page, "/kamus/entri/M.01", "dictionary entry of the regulation");
    // a second revision of an entry no other browser test edits, so the diff has changes to show
    await visit(page, "/kamus/ubah/T.ARSIP");
    await check(page, "dictionary entry edit form (rich-text definition)");
    await page.getByLabel("Deskripsi level 2").fill("Mampu menata arsip dinamis unit kerja sesuai pedoman yang berlaku.");
    await page.getByLabel("Indikator 2.1", { exact: true }).fill("Menata arsip aktif menurut klasifikasi arsip.");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.waitForURL("**/kamus/entri/T.ARSIP?notice=*");
    await check(page, "dictionary entry with a draft revision");
    await checkAt(page, "/kamus/riwayat/T.ARSIP", "dictionary revision diff");

    await visit(page, "/jabatan/baru");
    await page.getByRole("button", { name: "Simpan jabatan" }).click();
    await expect.poll(() => page.locator(".field-error").count()).toBeGreaterThan(0);
    await check(page, "new position submitted empty");
    await visit(page, "/kamus/baru");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await expect.poll(() => page.locator(".field-error").count()).toBeGreaterThan(0);
    // the rich-text definition is wrong too, and its editor says so to a screen reader, as plain fields do
    const definition = page.getByRole("textbox", { name: "Definisi" });
    await expect.poll(() => definition.getAttribute("aria-invalid")).toBe("true");
    const describedBy = await definition.getAttribute("aria-describedby");
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe("Definisi wajib diisi.");
    await check(page, "new dictionary entry submitted empty");
    await checkAt(page, "/struktur/impor", "SOTK import");
    const position = await openPosition(page, PUBLISHED);
    await check(page, "position page");
    await checkAt(page, `${position}/ubah`, "position edit form (rich-text summary)");

    publishedPosition = await writeAndSubmit(page, PUBLISHED, true);
    returnedPosition = await writeAndSubmit(page, RETURNED, false);
    await checkAt(page, "/skj", "SKJ overview of the analyst");
  });

  it("a reviewer's pages: the queue, the review page of a submitted draft with a comment thread, a refused and a real return", async () => {
    expect(returnedPosition, "the analyst's test submitted the drafts").not.toBe("");
    const page = await pageOf("reviewer");
    await checkAt(page, "/skj", "review queue");
    await checkAt(page, `${returnedPosition}/skj/tinjau`, "review page of a submitted draft");
    await page.getByLabel("Komentar pada").selectOption({ label: "B. Kompetensi T.ANJAB Analisis Jabatan" });
    await page.getByLabel("Komentar", { exact: true }).fill("Mohon periksa kembali level T.ANJAB.");
    await page.getByRole("button", { name: "Tambah komentar" }).click();
    await page.locator(".comment-list").getByText("Mohon periksa kembali level T.ANJAB.").waitFor();
    await check(page, "review page with a comment thread");
    await page.getByRole("button", { name: "Kembalikan" }).click();
    await page.getByRole("alert").first().waitFor();
    await check(page, "review page, return without a comment");
    await page.getByLabel("Bagian yang dimaksud").selectOption("kompetensi:T.KELEMBAGAAN");
    await page.getByLabel("Catatan (wajib bila dikembalikan)").fill("Level Penataan Kelembagaan sebaiknya 3.");
    await page.getByRole("button", { name: "Kembalikan" }).click();
    await page.getByRole("status").filter({ hasText: "dikembalikan ke analis" }).waitFor();

    await visit(page, `${publishedPosition}/skj/tinjau`);
    await page.getByRole("button", { name: "Setujui" }).click();
    await page.getByRole("status").filter({ hasText: "disetujui" }).waitFor();
  });

  it("the editor of a returned draft, and the conflict view when two people save over each other", async () => {
    const analis = await pageOf("analis");
    const reviewer = await pageOf("reviewer");
    await openEditor(analis, returnedPosition);
    await analis.getByRole("note").filter({ hasText: "Dikembalikan oleh" }).waitFor();
    await check(analis, "SKJ editor of a returned draft with review comments");
    await openEditor(reviewer, returnedPosition);
    await analis.getByLabel("Pangkat / golongan ruang minimal").selectOption("III/c");
    await saved(analis);
    await reviewer.getByLabel("Pangkat / golongan ruang minimal").selectOption("III/d");
    await reviewer.getByRole("dialog").waitFor({ timeout: 15_000 });
    await check(reviewer, "SKJ editor, conflict view");
  });

  it("an admin's pages: penetapan (empty form, draft, published), the published position and its history, 404 and every admin page", async () => {
    expect(publishedPosition, "the analyst's test wrote the SKJ").not.toBe("");
    const page = await pageOf("admin");
    await checkAt(page, "/penetapan", "penetapan list");
    await visit(page, "/penetapan/baru");
    await page.getByLabel("Nomor").fill("");
    await page.getByLabel("Tentang").fill("");
    await page.getByRole("button", { name: "Simpan penetapan" }).click();
    await expect.poll(() => page.locator(".field-error").count()).toBeGreaterThan(0);
    await check(page, "new penetapan with errors");
    await penetapanWith(page, { number: "91", title: "Standar Kompetensi Jabatan Bagian Tata Laksana" }, PUBLISHED);
    await check(page, "penetapan draft with an SKJ");
    await page.getByRole("button", { name: "Tetapkan 1 SKJ", exact: true }).click();
    await page.getByRole("dialog", { name: "Tetapkan 1 SKJ?" }).waitFor();
    await check(page, "publish confirmation dialog");
    await page.getByRole("dialog").getByRole("button", { name: "Ya, tetapkan" }).click();
    await page.getByRole("status").filter({ hasText: "Penetapan ditetapkan" }).waitFor();
    await check(page, "published penetapan");
    await checkAt(page, "/penetapan", "penetapan list with a published one");

    await checkAt(page, publishedPosition, "position page with a published version");
    await checkAt(page, `${publishedPosition}/riwayat`, "position history");
    await checkAt(page, "/", "Beranda of the admin");
    await checkAt(page, "/halaman-yang-tidak-ada", "404 page");

    await checkAt(page, "/admin", "admin users");
    await checkAt(page, await firstHref(page, /^\/admin\/users\/\d+$/), "admin user edit");
    await visit(page, "/admin/users/new");
    await page.getByRole("button", { name: "Simpan pengguna" }).click();
    await expect.poll(() => page.locator(".field-error").count()).toBeGreaterThan(0);
    await check(page, "new user submitted empty");
    await checkAt(page, "/admin/audit", "audit log");
    await checkAt(page, "/admin/settings", "rule settings");
    await checkAt(page, await firstHref(page, /^\/admin\/settings\/[\w.-]+$/), "rule setting edit");

    await checkAt(page, "/admin/tokens", "API tokens");
    await page.getByLabel("Pengguna").selectOption({ label: "Pembaca Demo (viewer@demo.go.id, Pembaca)" });
    await page.getByLabel("Nama token").fill("uji aksesibilitas");
    await page.getByRole("checkbox", { name: /skj:read/ }).check();
    await page.getByRole("button", { name: "Buat token" }).click();
    await page.getByRole("heading", { name: "Token “uji aksesibilitas” dibuat" }).waitFor();
    await check(page, "API tokens, a new token shown once");
    const tokenRow = page.getByRole("row", { name: /uji aksesibilitas/ });
    await tokenRow.getByRole("button", { name: "Cabut token uji aksesibilitas" }).click();
    await check(page, "API tokens, revocation asked to confirm");
    await tokenRow.getByRole("button", { name: "Ya, cabut token" }).click();
    await page.waitForURL("**/admin/tokens?notice=*");
    await checkAt(page, "/admin/webhooks", "webhooks");
    // only refused: a registered webhook, even deactivated, changes the page the webhooks test expects
    await page.getByLabel("URL penerima").fill("ftp://127.0.0.1/aksesibilitas");
    await page.getByRole("button", { name: "Daftarkan webhook" }).click();
    await expect.poll(() => page.locator(".field-error").count()).toBeGreaterThan(0);
    await check(page, "webhooks, a refused URL");
  });

  it("a viewer's Beranda, register, a published SKJ and the refusal of an admin page", async () => {
    const page = await pageOf("viewer");
    await check(page, "Beranda of a viewer");
    await checkAt(page, "/jabatan", "register of a viewer");
    await checkAt(page, publishedPosition, "position page with a published version, as a viewer");
    await checkAt(page, `${publishedPosition}/versi/1`, "published version page, as a viewer");
    await page.goto("/admin");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await check(page, "403 page");
  });
});
