// The instance profile page: an admin changes the profile, sees the lampiran header and signature change live in
// the preview, saves it, and restores the demo profile (the browser tests share this server's database).
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { logIn, useBrowser, visit } from "./browser";

const preview = (page: Page) => page.getByRole("region", { name: "Pratinjau cetak" }).innerText();

async function fillProfile(page: Page, p: { kind: string; name: string; head: string; place: string }) {
  await page.getByLabel("Jenis instansi").selectOption(p.kind);
  await page.getByLabel("Nama instansi").fill(p.name);
  await page.getByLabel("Jabatan kepala (penanda tangan)").fill(p.head);
  await page.getByLabel("Tempat penetapan").fill(p.place);
}

async function save(page: Page) {
  await page.getByRole("button", { name: "Simpan profil instansi" }).click();
  await page.waitForURL("**/admin/instansi?notice=*");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

describe("instance profile", () => {
  const browser = useBrowser();

  it("an admin sets the profile, sees it in the live preview, and restores the demo profile", async () => {
    const page = await browser.newPage();
    await logIn(page, "admin@demo.go.id");
    await visit(page, "/admin");
    await page.getByRole("link", { name: "Profil instansi" }).click();
    await page.waitForURL("**/admin/instansi");
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const demo = {
      kind: "provinsi",
      name: await page.getByLabel("Nama instansi").inputValue(),
      head: await page.getByLabel("Jabatan kepala (penanda tangan)").inputValue(),
      place: await page.getByLabel("Tempat penetapan").inputValue(),
    };
    expect(await preview(page)).toContain(`PERATURAN GUBERNUR ${demo.head.replace(/^Gubernur /, "").toUpperCase()}`);

    // an empty name and head are refused, each at its field
    await fillProfile(page, { ...demo, name: "", head: "" });
    await page.getByRole("button", { name: "Simpan profil instansi" }).click();
    await expect
      .poll(() => page.locator(".field-error").allInnerTexts())
      .toEqual(["Nama instansi wajib diisi.", "Jabatan kepala (penanda tangan) wajib diisi."]);

    await fillProfile(page, {
      kind: "kabupaten",
      name: "Kabupaten Ogan Komering Ulu",
      head: "Bupati Ogan Komering Ulu",
      place: "Baturaja",
    });
    // the preview follows the typing, before anything is saved
    await expect.poll(() => preview(page)).toContain("PERATURAN BUPATI OGAN KOMERING ULU");
    expect(await preview(page)).toContain("Ditetapkan di Baturaja");
    expect(await preview(page)).toContain("BUPATI OGAN KOMERING ULU,");
    await save(page);
    expect(await page.getByRole("status").filter({ hasText: "Profil instansi" }).innerText()).toBe("Profil instansi disimpan.");
    expect(await page.getByLabel("Tempat penetapan").inputValue()).toBe("Baturaja");
    expect(await preview(page)).toContain("PERATURAN BUPATI OGAN KOMERING ULU");

    // back to the demo profile, so the other browser tests print what they expect
    await fillProfile(page, demo);
    await save(page);
    expect(await page.getByLabel("Nama instansi").inputValue()).toBe(demo.name);
  });
});
