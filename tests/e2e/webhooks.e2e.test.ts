import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, useBrowser, visit } from "./browser";

// nothing listens on port 9 (discard): the worker's attempts fail locally and never leave the machine
const URL = "http://127.0.0.1:9/hook";
const ALLOWED_HOSTS = "Host webhook yang diizinkan di jaringan internal";

/** Sets the allowed internal hosts through the settings page, as an admin would. */
async function allowHosts(page: Page, hosts: string) {
  await visit(page, "/admin/settings");
  await page.getByRole("link", { name: `Ubah ${ALLOWED_HOSTS}` }).click();
  await page.getByLabel("Host yang diizinkan (satu per baris)").fill(hosts);
  await page.getByRole("button", { name: "Simpan pengaturan" }).click();
  await page.waitForURL("**/admin/settings?notice=*");
}

describe("webhook administration", () => {
  const browser = useBrowser();

  it("an admin registers a webhook, sees its secret once, finds it in the list, and deactivates it", async () => {
    const page = await browser.newPage();
    await logIn(page, "admin@demo.go.id");
    await visit(page, "/admin");
    await page.getByRole("link", { name: "Webhook", exact: true }).click();
    await page.waitForURL("**/admin/webhooks");

    await page.getByLabel("URL penerima").fill("ftp://127.0.0.1/hook");
    await page.getByRole("button", { name: "Daftarkan webhook" }).click();
    await expect
      .poll(() => page.locator(".field-error").allInnerTexts())
      .toEqual(["URL webhook harus diawali http:// atau https://. Contoh: https://pemetaan.example.go.id/webhook/skj"]);

    // a receiver on this very server is an internal address: refused until an admin allows its host
    await page.getByLabel("URL penerima").fill(URL);
    await page.getByRole("button", { name: "Daftarkan webhook" }).click();
    await expect
      .poll(() => page.locator(".field-error").allInnerTexts())
      .toEqual([
        "URL webhook menuju alamat loopback (server ini sendiri) (127.0.0.1); webhook hanya dikirim ke alamat internet publik. Bila penerimanya memang di jaringan internal, admin dapat mengizinkan host 127.0.0.1 di Pengaturan aturan (Host webhook yang diizinkan di jaringan internal).",
      ]);
    await allowHosts(page, "127.0.0.1");
    await visit(page, "/admin/webhooks");

    await page.getByLabel("URL penerima").fill(URL);
    await page.getByRole("button", { name: "Daftarkan webhook" }).click();
    await page.getByRole("heading", { name: "Webhook didaftarkan" }).waitFor();
    expect(await page.getByText("Salin sekarang: rahasia tidak akan ditampilkan lagi").count()).toBe(1);
    const secret = await page.getByLabel(`Rahasia untuk ${URL}`).inputValue();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    // the form is empty again for the next one
    expect(await page.getByLabel("URL penerima").inputValue()).toBe("");

    const list = page.getByRole("table", { name: "Daftar webhook" });
    const row = list.getByRole("row", { name: new RegExp(URL) }).first();
    expect(await row.innerText()).toContain("Aktif");

    // shown once: a fresh load of the page no longer holds the secret
    await visit(page, "/admin/webhooks");
    expect(await page.content()).not.toContain(secret);
    expect(await page.getByText("Salin sekarang").count()).toBe(0);

    await row.getByRole("button", { name: `Nonaktifkan webhook ${URL}` }).click();
    await row.getByRole("button", { name: "Ya, nonaktifkan" }).click();
    await page.waitForURL("**/admin/webhooks?notice=*");
    expect(await page.getByRole("status").filter({ hasText: "dinonaktifkan" }).innerText()).toBe(
      `Webhook ${URL} dinonaktifkan; tidak ada lagi peristiwa yang dikirim ke sana.`,
    );
    const after = page
      .getByRole("table", { name: "Daftar webhook" })
      .getByRole("row", { name: new RegExp(URL) })
      .first();
    expect(await after.innerText()).toContain("Nonaktif");
    expect(await after.getByRole("button").count()).toBe(0);

    // the delivery log and its filter answer too
    await page.getByLabel("Status").selectOption({ label: "Gagal" });
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForURL("**/admin/webhooks?status=gagal");
    await page.getByText("Tidak ada pengiriman yang cocok dengan filter.").waitFor();
    await allowHosts(page, "");
  });
});
