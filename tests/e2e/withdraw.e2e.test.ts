import { describe, expect, it } from "vitest";
import { baseUrl, logIn, useBrowser, visit } from "./browser";

// a published demo SKJ that no other browser test reads or writes
const CODE = "SETDA.BIRO-ORG.BAG-TATALAKSANA.AK-PERTAMA";
const NAME = "Analis Kebijakan Ahli Pertama";

describe("withdrawing a published SKJ version", () => {
  const browser = useBrowser();

  it("a reviewer withdraws version 1 with a reason: the feed gets skj.withdrawn and the position shows it withdrawn", async () => {
    const page = await browser.newPage();
    await logIn(page, "reviewer@demo.go.id");
    await visit(page, `/jabatan?q=${encodeURIComponent("analis kebijakan ahli pertama")}`);
    await page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody tr", { hasText: CODE }).getByRole("link", { name: NAME, exact: true }).click();
    const versions = page.getByRole("table", { name: "Versi SKJ" });
    await versions.waitFor();
    expect(await versions.locator("tbody tr").first().innerText()).toMatch(/^Versi 1\b[\s\S]*Berlaku$/);

    await versions.getByRole("link", { name: "Cabut versi 1" }).click();
    await page.getByRole("heading", { name: `Cabut versi 1 SKJ ${NAME}` }).waitFor();
    // the reason is required: a short one is refused at the field and nothing is withdrawn
    await page.getByLabel("Alasan pencabutan").fill("salah");
    await page.getByRole("button", { name: "Ya, cabut versi 1" }).click();
    await expect.poll(() => page.locator(".field-error").innerText()).toBe("Tuliskan alasan pencabutan (minimal 10 karakter).");
    await page.getByLabel("Alasan pencabutan").fill("Jabatan dihapus dalam SOTK yang baru.");
    await page.getByRole("button", { name: "Ya, cabut versi 1" }).click();

    await page.getByRole("status").filter({ hasText: "Versi 1 dicabut." }).waitFor();
    expect(await versions.locator("tbody tr").first().innerText()).toMatch(/Dicabut: Jabatan dihapus dalam SOTK yang baru\.$/);
    expect(await versions.getByRole("link", { name: "Cabut versi 1" }).count()).toBe(0);

    // the mapping engine's feed carries the withdrawal (read with the reviewer's own token)
    await visit(page, "/akun/token");
    await page.getByLabel("Nama token").fill("uji pencabutan");
    await page.getByRole("checkbox", { name: /skj:read/ }).check();
    await page.getByRole("button", { name: "Buat token" }).click();
    const token = await page.getByLabel(/^Token untuk /).inputValue();
    const feed = (await (await fetch(`${baseUrl()}/api/v1/changes?limit=1000`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { events: { type: string; positionCode: string; version: number }[] };
    expect(feed.events.filter((e) => e.positionCode === CODE).map((e) => [e.type, e.version])).toEqual([
      ["skj.published", 1],
      ["skj.withdrawn", 1],
    ]);
  });

  it("a viewer gets no withdraw link and the withdraw page refuses them", async () => {
    const page = await browser.newPage();
    await logIn(page, "viewer@demo.go.id");
    await visit(page, `/jabatan?q=${encodeURIComponent("analis kebijakan ahli madya")}`);
    await page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody tr", { hasText: "SETDA.BIRO-ORG.BAG-RBAK.AK-MADYA" }).getByRole("link").first().click();
    const versions = page.getByRole("table", { name: "Versi SKJ" });
    await versions.waitFor();
    expect(await versions.getByRole("link", { name: /^Cabut versi/ }).count()).toBe(0);
    const response = await visit(page, `${new URL(page.url()).pathname}/versi/1/cabut`);
    expect(response?.status()).toBe(403);
  });
});
