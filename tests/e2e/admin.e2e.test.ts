import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { logIn, navLabels, useBrowser, visit } from "./browser";

async function fillNewUserForm(page: Page, user: { name: string; email: string; role: string; password: string }) {
  await page.getByLabel("Nama lengkap").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Peran").selectOption(user.role);
  await page.getByLabel("Kata sandi awal").fill(user.password);
  await page.getByRole("button", { name: "Simpan pengguna" }).click();
  await page.waitForURL("**/admin?notice=*");
}

describe("user administration", () => {
  const browser = useBrowser();

  it("an admin creates a user after fixing the form errors, the user signs in, and the audit log shows it", async () => {
    const page = await browser.newPage();
    await logIn(page, "admin@demo.go.id");
    await page.getByRole("link", { name: "Admin" }).click();
    await page.getByRole("link", { name: "Tambah pengguna" }).click();

    // the browser checks with the same schema before anything is sent
    await page.getByLabel("Email").fill("bukan-email");
    await page.getByLabel("Kata sandi awal").fill("pendek");
    await page.getByRole("button", { name: "Simpan pengguna" }).click();
    await expect
      .poll(() => page.locator(".field-error").allInnerTexts())
      .toEqual(["Nama wajib diisi.", "Format email tidak valid.", "Kata sandi minimal 10 karakter."]);
    expect(new URL(page.url()).pathname).toBe("/admin/users/new");

    await fillNewUserForm(page, { name: "Dewi Lestari", email: "dewi@prov.go.id", role: "reviewer", password: "sandi-dewi-2026" });
    expect(await page.getByRole("status").filter({ hasText: "dibuat" }).innerText()).toBe("Pengguna dewi@prov.go.id dibuat.");
    expect(await page.getByRole("row", { name: /Dewi Lestari/ }).innerText()).toContain("Reviewer");

    await page.getByRole("link", { name: "Log audit" }).click();
    await page.getByLabel("Tindakan").selectOption("user.create");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForURL("**action=user.create*");
    expect(await page.getByRole("table", { name: "Catatan audit" }).innerText()).toContain(
      "Pengguna dewi@prov.go.id dibuat dengan peran Reviewer",
    );

    const other = await browser.newPage();
    await logIn(other, "dewi@prov.go.id", "sandi-dewi-2026");
    expect(await navLabels(other)).not.toContain("Admin");
    expect(await other.locator(".role-badge").innerText()).toBe("Reviewer");
  });

  it("a deactivated user is signed out and cannot sign in again", async () => {
    const admin = await browser.newPage();
    await logIn(admin, "admin@demo.go.id");
    await visit(admin, "/admin/users/new");
    await fillNewUserForm(admin, { name: "Eko Prasetyo", email: "eko@prov.go.id", role: "analis", password: "sandi-eko-2026" });
    const user = await browser.newPage();
    await logIn(user, "eko@prov.go.id", "sandi-eko-2026");

    await admin.getByRole("link", { name: "Ubah Eko Prasetyo" }).click();
    await admin.getByLabel("Akun aktif (dapat masuk)").uncheck();
    await admin.getByRole("button", { name: "Simpan perubahan" }).click();
    await admin.waitForURL("**/admin?notice=*");
    expect(await admin.getByRole("row", { name: /Eko Prasetyo/ }).innerText()).toContain("Nonaktif");

    await user.reload();
    await user.waitForURL("**/login");
    await user.getByLabel("Email").fill("eko@prov.go.id");
    await user.getByLabel("Kata sandi").fill("sandi-eko-2026");
    await user.getByRole("button", { name: "Masuk" }).click();
    await expect.poll(() => user.getByRole("alert").first().innerText()).toBe("Email atau kata sandi salah.");
  });
});
