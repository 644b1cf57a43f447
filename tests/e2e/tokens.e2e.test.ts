import { describe, expect, it } from "vitest";
import { baseUrl, logIn, useBrowser, visit } from "./browser";

const unitsWith = (token: string) => fetch(`${baseUrl()}/api/v1/units`, { headers: { Authorization: `Bearer ${token}` } });

describe("API token administration", () => {
  const browser = useBrowser();

  it("an admin creates a token, sees it once, the API accepts it, and after revoking it the API refuses it", async () => {
    const page = await browser.newPage();
    await logIn(page, "admin@demo.go.id");
    await visit(page, "/admin");
    await page.getByRole("link", { name: "Token API", exact: true }).click();
    await page.waitForURL("**/admin/tokens");

    // the fields are checked on the server with the shared schemas, errors shown at each field
    await page.getByRole("button", { name: "Buat token" }).click();
    await expect
      .poll(() => page.locator(".field-error").allInnerTexts())
      .toEqual([
        "Pilih pengguna aktif sebagai pemilik token.",
        "Nama token wajib diisi.",
        "Sebutkan minimal satu cakupan (skj:read, skj:write, skj:review).",
      ]);

    const name = `Mesin pemetaan ${Date.now()}`;
    await page.getByLabel("Pengguna").selectOption({ label: "Pembaca Demo (viewer@demo.go.id, Pembaca)" });
    await page.getByLabel("Nama token").fill(name);
    await page.getByRole("checkbox", { name: /skj:read/ }).check();
    await page.getByRole("button", { name: "Buat token" }).click();

    await page.getByRole("heading", { name: `Token “${name}” dibuat` }).waitFor();
    expect(await page.getByText("Salin sekarang: token tidak akan ditampilkan lagi").count()).toBe(1);
    const token = await page.getByLabel(/Token untuk viewer@demo\.go\.id/).inputValue();
    expect(token).toMatch(/^skj_[A-Za-z0-9_-]{43}$/);
    const row = page.getByRole("row", { name: new RegExp(name) });
    expect(await row.innerText()).toContain("skj:read");
    expect(await row.innerText()).toContain("Aktif");

    expect((await unitsWith(token)).status).toBe(200);

    // shown once: a fresh load of the page no longer holds the secret
    await visit(page, "/admin/tokens");
    expect(await page.content()).not.toContain(token);
    expect(await page.getByText("Salin sekarang").count()).toBe(0);

    await row.getByRole("button", { name: `Cabut token ${name}` }).click();
    await row.getByRole("button", { name: "Ya, cabut token" }).click();
    await page.waitForURL("**/admin/tokens?notice=*");
    expect(await page.getByRole("status").filter({ hasText: "dicabut" }).innerText()).toBe(
      `Token "${name}" milik viewer@demo.go.id dicabut.`,
    );
    expect(await page.getByRole("row", { name: new RegExp(name) }).innerText()).toContain("Dicabut");
    expect(
      await page
        .getByRole("row", { name: new RegExp(name) })
        .getByRole("button")
        .count(),
    ).toBe(0);

    const refused = await unitsWith(token);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toBe("unauthorized");
  });

  it("a user lists their own token as the admin list does, and revoking it asks first, then the API refuses it", async () => {
    const page = await browser.newPage();
    await logIn(page, "viewer@demo.go.id");
    await visit(page, "/akun/token");
    // a viewer is offered only what the role may do
    expect(await page.getByRole("checkbox").count()).toBe(1);

    const name = `Skrip saya ${Date.now()}`;
    await page.getByLabel("Nama token").fill(name);
    await page.getByRole("checkbox", { name: /skj:read/ }).check();
    await page.getByRole("button", { name: "Buat token" }).click();
    const token = await page.getByLabel(/Token untuk viewer@demo\.go\.id/).inputValue();
    expect((await unitsWith(token)).status).toBe(200);

    await visit(page, "/akun/token");
    const row = page.getByRole("table", { name: "Token API saya" }).getByRole("row", { name: new RegExp(name) });
    expect(await row.innerText()).toContain("Aktif");
    // the API call above is the token's last use, shown like on the admin's list
    expect(await row.innerText()).not.toContain("Belum pernah");

    await row.getByRole("button", { name: `Cabut token ${name}` }).click();
    await row.getByRole("link", { name: "Batal" }).click();
    await page.waitForURL((url) => url.pathname === "/akun/token" && !url.search);
    expect((await unitsWith(token)).status).toBe(200);

    await row.getByRole("button", { name: `Cabut token ${name}` }).click();
    await row.getByRole("button", { name: "Ya, cabut token" }).click();
    await page.waitForURL("**/akun/token?notice=*");
    expect(await page.getByRole("status").filter({ hasText: "dicabut" }).innerText()).toBe(`Token "${name}" dicabut.`);
    expect(await page.getByRole("row", { name: new RegExp(name) }).innerText()).toContain("Dicabut");
    expect((await unitsWith(token)).status).toBe(401);
  });
});
