import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectNoSeriousViolations } from "./axe";
import { addTwoTechnicalCompetencies, logIn, startDraft, useBrowser } from "./browser";

// the only two demo positions this file touches: no other browser test drafts them
const TARGET = "Penata Kelola Sistem dan Teknologi Informasi";
const SOURCE = "Kepala Bidang Pengembangan Kompetensi Aparatur";
const NOTE = `Disalin dari ${SOURCE} (draf terbuka): kompetensi teknis`;

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const technicalRows = (page: Page) => page.getByRole("table", { name: "Kompetensi Teknis" });
const history = (page: Page) => page.getByRole("table", { name: "Riwayat draf" });

describe("copy from a similar SKJ in the editor", () => {
  const browser = useBrowser();

  it("an analyst takes the technical competencies of a similar SKJ after seeing the change, keeps what they typed, and undoes it", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    // the similar SKJ: a draft with two technical competencies from the dictionary
    await startDraft(page, SOURCE);
    await addTwoTechnicalCompetencies(page);
    await expect.poll(() => page.locator(".save-status").innerText(), { timeout: 15_000 }).toMatch(/^Tersimpan/);

    await startDraft(page, TARGET);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    expect(await technicalRows(page).getByRole("button", { name: "Hapus T.ANJAB" }).count()).toBe(0);

    await page.getByText("Salin dari SKJ serupa").click();
    await page.getByLabel("Cari jabatan sumber").fill("pengembangan kompetensi");
    await page.getByRole("search").getByRole("button", { name: "Cari" }).click();
    const found = page.getByRole("table", { name: "Jabatan sumber yang ditemukan" });
    await found
      .getByRole("row", { name: new RegExp(SOURCE) })
      .getByText("Draf")
      .waitFor();
    await found.getByRole("button", { name: `Pakai ${SOURCE}` }).click();
    const parts = page.getByRole("group", { name: `Bagian yang disalin dari ${SOURCE}` });
    await parts.getByLabel("Persyaratan jabatan").uncheck();
    await parts.getByLabel("Ikhtisar jabatan").uncheck();
    await page.getByRole("button", { name: "Lihat perubahan" }).click();

    await page.getByRole("heading", { name: `Perubahan bila disalin dari ${SOURCE} (draf terbuka)` }).waitFor();
    const preview = page.getByRole("table", { name: "Perubahan kompetensi teknis" });
    for (const code of ["T.ANJAB", "T.KELEMBAGAAN"])
      await preview.getByRole("row", { name: new RegExp(`${literally(code)} .*ditambahkan, level \\d`) }).waitFor();
    expect(await page.getByRole("table", { name: "Perubahan persyaratan jabatan" }).count()).toBe(0);
    await expectNoSeriousViolations(page, "SKJ editor, copy from a similar SKJ with its preview");
    // nothing is applied before the user says so
    expect(await technicalRows(page).getByRole("button", { name: "Hapus T.ANJAB" }).count()).toBe(0);

    // typed after the preview and applied at once, before its autosave: the edit is saved first, and the copy,
    // made for the revision before it, is refused rather than laid over it
    await page.getByLabel("Kode Jabatan (seperti tercetak)").fill("800.1.3.2");
    await page.getByRole("button", { name: "Terapkan salinan" }).click();
    await page.getByRole("alert").filter({ hasText: "sejak pratinjau dibuat; tidak ada yang disalin" }).waitFor();
    expect(await technicalRows(page).getByRole("button", { name: "Hapus T.ANJAB" }).count()).toBe(0);
    expect(await page.getByLabel("Kode Jabatan (seperti tercetak)").inputValue()).toBe("800.1.3.2");
    await page.getByRole("button", { name: "Lihat perubahan" }).click();
    await page.getByRole("button", { name: "Terapkan salinan" }).click();
    const done = page.getByRole("status").filter({ hasText: NOTE });
    await done.waitFor();
    const copiedRevision = Number(/revisi (\d+)\./.exec(await done.innerText())![1]);
    for (const code of ["T.ANJAB", "T.KELEMBAGAAN"])
      await technicalRows(page)
        .getByRole("button", { name: `Hapus ${code}` })
        .waitFor();
    expect(await page.getByLabel("Kode Jabatan (seperti tercetak)").inputValue()).toBe("800.1.3.2");
    await history(page)
      .getByRole("row", { name: new RegExp(`^${copiedRevision} .*${literally(NOTE)}`) })
      .waitFor();
    // the typed code was saved as its own revision before the copy
    await history(page)
      .getByRole("row", { name: new RegExp(`^${copiedRevision - 1} .*Disimpan`) })
      .waitFor();

    // the undo is offered from the draft's history: after a reload too
    await page.reload();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await technicalRows(page).getByRole("button", { name: "Hapus T.ANJAB" }).waitFor();
    await page.getByRole("button", { name: `Urungkan salinan dari ${SOURCE}` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Penyalinan dari ${SOURCE} diurungkan: isi revisi ${copiedRevision - 1} dipulihkan` })
      .waitFor();
    await expect.poll(() => technicalRows(page).getByRole("button", { name: "Hapus T.ANJAB" }).count()).toBe(0);
    expect(await page.getByLabel("Kode Jabatan (seperti tercetak)").inputValue()).toBe("800.1.3.2");
    await history(page)
      .getByRole("row", { name: new RegExp(`^${copiedRevision + 1} .*diurungkan`) })
      .waitFor();
    await expect.poll(() => page.locator(".save-status").innerText()).toMatch(/^Tersimpan/);
    expect(await page.getByRole("button", { name: /^Urungkan salinan/ }).count()).toBe(0);

    // after a reload the undone state is what the server holds
    await page.reload();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    expect(await technicalRows(page).getByRole("button", { name: "Hapus T.ANJAB" }).count()).toBe(0);
    expect(await page.getByLabel("Kode Jabatan (seperti tercetak)").inputValue()).toBe("800.1.3.2");
    expect(await page.getByRole("button", { name: /^Urungkan salinan/ }).count()).toBe(0);
  });

  // continues from the test above: the source's draft exists
  it("offers no undo of a copy once something was saved after it", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await startDraft(page, TARGET);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByText("Salin dari SKJ serupa").click();
    await page.getByLabel("Cari jabatan sumber").fill("pengembangan kompetensi");
    await page.getByRole("search").getByRole("button", { name: "Cari" }).click();
    await page.getByRole("button", { name: `Pakai ${SOURCE}` }).click();
    const parts = page.getByRole("group", { name: `Bagian yang disalin dari ${SOURCE}` });
    await parts.getByLabel("Persyaratan jabatan").uncheck();
    await parts.getByLabel("Ikhtisar jabatan").uncheck();
    await page.getByRole("button", { name: "Lihat perubahan" }).click();
    await page.getByRole("button", { name: "Terapkan salinan" }).click();
    const offer = page.getByRole("button", { name: `Urungkan salinan dari ${SOURCE}` });
    await offer.waitFor();

    // an edit after the copy: undoing would drop it, so the offer goes, and stays gone after a reload
    await page.getByLabel("Kode Jabatan (seperti tercetak)").fill("800.1.3.3");
    await offer.waitFor({ state: "detached" });
    await expect.poll(() => page.locator(".save-status").innerText(), { timeout: 15_000 }).toMatch(/^Tersimpan/);
    await page.reload();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await technicalRows(page).getByRole("button", { name: "Hapus T.ANJAB" }).waitFor();
    expect(await page.getByLabel("Kode Jabatan (seperti tercetak)").inputValue()).toBe("800.1.3.3");
    expect(await page.getByRole("button", { name: /^Urungkan salinan/ }).count()).toBe(0);
  });
});
