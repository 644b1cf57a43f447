import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "~seeds/seed.server";
import { heading, logIn, useBrowser, visit } from "./browser";

// Typing and clicking away at once must never lose a character: the editor saves before any navigation,
// holds the navigation with a choice when it cannot, and offers unsaved input back after a reload. What the
// server holds is read in a fresh browser context, whose empty storage cannot supply a local copy.

const nav = (page: Page) => page.getByRole("navigation", { name: "Navigasi utama" });
const saveStatus = (page: Page) => page.locator(".save-status").innerText();

/** Opens (creating) the SKJ draft of a position nobody else's test touches; returns the editor's path. */
async function openNewDraft(page: Page, search: string, name: string): Promise<string> {
  await visit(page, `/jabatan?q=${encodeURIComponent(search)}`);
  await page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody").getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Susun SKJ" }).click();
  await page.waitForURL("**/skj");
  await editorReady(page);
  return new URL(page.url()).pathname;
}

async function editorReady(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
}

async function openEditor(page: Page, path: string) {
  await visit(page, path);
  await editorReady(page);
}

const indicators = (page: Page) => page.getByLabel("Indikator kinerja jabatan", { exact: true });

describe("no typed input is lost", () => {
  const browser = useBrowser();

  /** What the server holds, read in a new context (no local copy to fall back on). */
  async function serverView(path: string) {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await openEditor(page, path);
    return page;
  }

  it("every kind of editor field, followed at once by a link, the app's menu, the page's own link or browser back, reaches the server", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    const path = await openNewDraft(page, "sandiman", "Sandiman Ahli Muda");

    // rich text, then the print preview link
    await page.getByRole("textbox", { name: "Ikhtisar jabatan" }).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Menjaga persandian daerah.");
    await page.getByRole("link", { name: "Pratinjau cetak" }).click();
    await page.getByRole("article", { name: "Dokumen SKJ" }).waitFor();
    expect(await page.getByRole("article", { name: "Dokumen SKJ" }).innerText()).toContain("Menjaga persandian daerah.");

    // a text field, then the main menu
    await openEditor(page, path);
    await indicators(page).fill("Persentase sistem yang lulus audit keamanan");
    await nav(page).getByRole("link", { name: "Beranda" }).click();
    await page.waitForURL((url) => url.pathname === "/");

    // a select, then the page's own link back to the position
    await openEditor(page, path);
    await page.getByLabel("Pangkat / golongan ruang minimal").selectOption("III/d");
    await page.getByRole("link", { name: "← Sandiman Ahli Muda" }).click();
    await page.waitForURL((url) => url.pathname === path.replace(/\/skj$/, ""));

    // a technical competency's level, then the browser's back button
    await openEditor(page, path);
    await page.getByLabel("Level T.OTDA").selectOption("2");
    await page.goBack();
    await page.waitForURL((url) => url.pathname !== path);

    const server = await serverView(path);
    expect(await server.getByRole("textbox", { name: "Ikhtisar jabatan" }).innerText()).toMatch(/Menjaga persandian daerah\.$/);
    expect(await indicators(server).inputValue()).toBe("Persentase sistem yang lulus audit keamanan");
    expect(await server.getByLabel("Pangkat / golongan ruang minimal").inputValue()).toBe("III/d");
    expect(await server.getByLabel("Level T.OTDA").inputValue()).toBe("2");
  });

  it("with the network cut the navigation is held with a choice, and after a reload the edit is offered back and saved", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    const path = await openNewDraft(page, "pranata komputer mahir", "Pranata Komputer Mahir");
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.type());
      void d.accept();
    });

    await page.route("**/skj/simpan", (route) => route.abort("internetdisconnected"));
    await page.context().setOffline(true);
    await indicators(page).fill("Ketersediaan layanan aplikasi 99 persen");
    await nav(page).getByRole("link", { name: "Beranda" }).click();
    const choice = page.getByRole("alertdialog", { name: "Perubahan belum tersimpan" });
    await choice.waitFor();
    expect(await choice.innerText()).toMatch(/Draf SKJ:.*koneksi/);
    expect(await choice.getByRole("button").allInnerTexts()).toEqual(["Coba simpan lagi", "Tetap di sini", "Tinggalkan tanpa menyimpan"]);
    await choice.getByRole("button", { name: "Coba simpan lagi" }).click();
    await choice.waitFor();
    expect(new URL(page.url()).pathname).toBe(path);
    await choice.getByRole("button", { name: "Tetap di sini" }).click();
    await choice.waitFor({ state: "detached" });
    expect(await indicators(page).inputValue()).toBe("Ketersediaan layanan aplikasi 99 persen");

    // back online, but the session ended meanwhile, so even the save sent as the page unloads is refused:
    // only the copy in the browser has the text when the user reloads and signs in again
    await page.context().setOffline(false);
    await page.context().clearCookies();
    await page.reload();
    expect(dialogs).toContain("beforeunload");
    await page.waitForURL("**/login?redirectTo=*");
    await page.unroute("**/skj/simpan");
    await page.getByLabel("Email").fill("analis@demo.go.id");
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL((url) => url.pathname === path);
    await editorReady(page);
    const offer = page.getByRole("region", { name: "Perubahan yang belum tersimpan" });
    expect(await offer.innerText()).toMatch(/^Ada perubahan yang belum tersimpan dari \d{1,2} \w+ \d{4}/);
    expect(await indicators(page).inputValue()).toBe("");
    expect(await indicators(page).isDisabled()).toBe(true);

    await offer.getByRole("button", { name: "Pulihkan" }).click();
    expect(await indicators(page).inputValue()).toBe("Ketersediaan layanan aplikasi 99 persen");
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toMatch(/^Tersimpan/);

    const server = await serverView(path);
    expect(await indicators(server).inputValue()).toBe("Ketersediaan layanan aplikasi 99 persen");
    // acknowledged, so the copy is gone: reopening offers nothing
    await page.reload();
    await editorReady(page);
    expect(await page.getByRole("region", { name: "Perubahan yang belum tersimpan" }).count()).toBe(0);
  });

  it("a dictionary entry form warns before leaving with unsent input, and offers it back after a reload", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await visit(page, "/kamus/baru");
    page.on("dialog", (d) => void d.accept());

    await page.getByLabel("Nama kompetensi").fill("Pengelolaan Persandian Daerah");
    await nav(page).getByRole("link", { name: "Kamus Kompetensi" }).click();
    const choice = page.getByRole("alertdialog", { name: "Perubahan belum tersimpan" });
    await choice.waitFor();
    expect(await choice.innerText()).toContain("Formulir: Isian belum dikirim");
    // only the form's own button sends it: there is nothing to try again
    expect(await choice.getByRole("button").allInnerTexts()).toEqual(["Tetap di sini", "Tinggalkan tanpa menyimpan"]);
    await choice.getByRole("button", { name: "Tetap di sini" }).click();
    expect(await heading(page)).toBe("Kompetensi teknis baru");

    await page.reload();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByRole("region", { name: "Perubahan yang belum tersimpan" }).getByRole("button", { name: "Pulihkan" }).click();
    expect(await page.getByLabel("Nama kompetensi").inputValue()).toBe("Pengelolaan Persandian Daerah");

    // restored input counts as unsent too; leaving without it is the user's explicit choice
    await nav(page).getByRole("link", { name: "Kamus Kompetensi" }).click();
    await choice.getByRole("button", { name: "Tinggalkan tanpa menyimpan" }).click();
    await page.waitForURL((url) => url.pathname === "/kamus");
  });
});
