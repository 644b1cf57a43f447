import { describe, expect, it } from "vitest";
import { heading, logIn, navLabels, useBrowser, visit } from "./browser";

const COMMON = ["Beranda", "Struktur Organisasi", "Jabatan", "Kamus Kompetensi", "SKJ", "Penetapan"];

describe("signing in and out", () => {
  const browser = useBrowser();

  for (const [email, role, nav] of [
    ["admin@demo.go.id", "Administrator", [...COMMON, "Admin"]],
    ["analis@demo.go.id", "Analis", COMMON],
    ["reviewer@demo.go.id", "Reviewer", COMMON],
    ["reviewer2@demo.go.id", "Reviewer", COMMON],
    ["viewer@demo.go.id", "Pembaca", COMMON],
  ] as const) {
    it(`${email} sees the ${role} navigation, then logs out`, async () => {
      const page = await browser.newPage();
      await logIn(page, email);
      await expect.poll(() => heading(page)).toBe("Beranda");
      expect(await navLabels(page)).toEqual(nav);
      expect(await page.locator(".role-badge").innerText()).toBe(role);
      await page.getByRole("button", { name: "Keluar" }).click();
      await page.waitForURL("**/login");
      await page.goto("/");
      await page.waitForURL("**/login");
    });
  }

  it("stays signed in when /logout is only visited (a link from anywhere), and signs out with its button", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await visit(page, "/logout");
    expect(await heading(page)).toBe("Keluar dari SKJ Studio");
    await visit(page, "/jabatan");
    expect(new URL(page.url()).pathname).toBe("/jabatan");
    await visit(page, "/logout");
    await page.getByRole("button", { name: "Keluar sekarang" }).click();
    await page.waitForURL("**/login");
    await page.goto("/jabatan");
    await page.waitForURL("**/login?redirectTo=%2Fjabatan");
  });

  it("shows one message for a wrong password and keeps the email typed", async () => {
    const page = await browser.newPage();
    await visit(page, "/login");
    await page.getByLabel("Email").fill("analis@demo.go.id");
    await page.getByLabel("Kata sandi").fill("bukan-sandinya");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect.poll(() => page.getByRole("alert").first().innerText()).toBe("Email atau kata sandi salah.");
    expect(await page.getByLabel("Email").inputValue()).toBe("analis@demo.go.id");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("gives a viewer a readable 403 page on /admin", async () => {
    const page = await browser.newPage();
    await logIn(page, "viewer@demo.go.id");
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    expect(await heading(page)).toBe("Akses ditolak");
    expect(await navLabels(page)).not.toContain("Admin");
  });

  it("shows a 404 page inside the app for an unknown address", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    const response = await page.goto("/tidak-ada");
    expect(response?.status()).toBe(404);
    expect(await heading(page)).toBe("Halaman tidak ditemukan");
  });

  it("returns to the page asked for after signing in", async () => {
    const page = await browser.newPage();
    await visit(page, "/kamus");
    expect(page.url()).toMatch(/\/login\?redirectTo=%2Fkamus$/);
    await page.getByLabel("Email").fill("viewer@demo.go.id");
    await page.getByLabel("Kata sandi").fill("demo-skj-2026");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL("**/kamus");
    await expect.poll(() => heading(page)).toBe("Kamus Kompetensi");
    expect(await page.getByRole("cell", { name: "Integritas", exact: true }).count()).toBe(1);
  });
});
