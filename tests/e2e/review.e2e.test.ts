import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { approveFromQueue, baseUrl, completeDraft, confirmPublication, heading, logIn, useBrowser, visit } from "./browser";

const POSITION = "Kepala Subbagian Kelembagaan";

async function openPosition(page: Page) {
  await visit(page, `/jabatan?q=${encodeURIComponent("kepala subbagian kelembagaan")}`);
  await page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody").getByRole("link", { name: POSITION, exact: true }).click();
  await page.getByRole("table", { name: "Identitas jabatan" }).waitFor();
}

describe("review", () => {
  const browser = useBrowser();

  it("analis submits, reviewer2 returns it with a comment on a competency row, analis fixes and resubmits, reviewer approves, admin publishes a penetapan and the position shows version 1", async () => {
    const analis = await browser.newPage();
    await logIn(analis, "analis@demo.go.id");
    await openPosition(analis);
    expect(await heading(analis)).toContain(POSITION);
    await analis.getByRole("button", { name: "Susun SKJ" }).click();
    await analis.waitForURL("**/skj");
    await completeDraft(analis);
    // warnings remain (rank, education …): submitting without a reason is refused with the reason asked for
    await analis.getByRole("button", { name: "Ajukan SKJ" }).click();
    await expect.poll(() => analis.getByRole("alert").first().innerText()).toMatch(/peringatan: tuliskan alasan/);
    await analis.getByLabel("Alasan atas peringatan (bila ada)").fill("Persyaratan dilengkapi setelah kajian jabatan bersama BKD.");
    await analis.getByRole("button", { name: "Ajukan SKJ" }).click();
    await analis.getByRole("status").filter({ hasText: "SKJ diajukan untuk ditinjau." }).waitFor();

    const reviewer2 = await browser.newPage();
    await logIn(reviewer2, "reviewer2@demo.go.id");
    await reviewer2.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "SKJ", exact: true }).click();
    await reviewer2
      .getByRole("table", { name: "Menunggu tinjauan saya" })
      .getByRole("link", { name: new RegExp(POSITION) })
      .click();
    await expect.poll(() => heading(reviewer2)).toMatch(new RegExp(`^Tinjau SKJ: ${POSITION}`));
    expect(await reviewer2.getByText("Persyaratan dilengkapi setelah kajian jabatan bersama BKD.").count()).toBe(1);
    await reviewer2.getByLabel("Bagian yang dimaksud").selectOption("kompetensi:T.KELEMBAGAAN");
    await reviewer2.getByLabel("Catatan (wajib bila dikembalikan)").fill("Level Penataan Kelembagaan sebaiknya 3 untuk pengawas di biro.");
    await reviewer2.getByRole("button", { name: "Kembalikan" }).click();
    await reviewer2.getByRole("status").filter({ hasText: "dikembalikan ke analis" }).waitFor();

    await visit(analis, `${analis.url().replace(/\?.*$/, "")}/skj`);
    expect(await analis.getByRole("note").filter({ hasText: "Dikembalikan oleh Reviewer Kedua Demo" }).innerText()).toContain(
      "Level Penataan Kelembagaan sebaiknya 3",
    );
    const comment = analis.locator('[data-anchor="kompetensi:T.KELEMBAGAAN"]');
    expect(await comment.innerText()).toContain("Kompetensi T.KELEMBAGAAN");
    await analis.getByLabel("Level T.KELEMBAGAAN").selectOption("3");
    await expect.poll(() => analis.locator(".save-status").innerText(), { timeout: 15_000 }).toMatch(/^Tersimpan/);
    await analis.getByLabel("Alasan atas peringatan (bila ada)").fill("Persyaratan dilengkapi setelah kajian jabatan bersama BKD.");
    await analis.getByRole("button", { name: "Ajukan SKJ" }).click();
    await analis.getByRole("status").filter({ hasText: "SKJ diajukan untuk ditinjau." }).waitFor();

    // the analyst cannot approve their own submission
    await visit(analis, `${analis.url().replace(/\?.*$/, "")}/skj/tinjau`);
    expect(await analis.getByRole("button", { name: "Setujui" }).count()).toBe(0);

    const reviewer = await browser.newPage();
    await logIn(reviewer, "reviewer@demo.go.id");
    await approveFromQueue(reviewer, POSITION);
    expect(await reviewer.getByRole("table", { name: "Disetujui" }).innerText()).toContain(POSITION);

    const admin = await browser.newPage();
    await logIn(admin, "admin@demo.go.id");
    await admin.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Penetapan" }).click();
    await admin.getByRole("link", { name: "Penetapan baru" }).click();
    await admin.getByLabel("Nomor").fill("77");
    await admin.getByLabel("Tahun").fill("2026");
    await admin.getByLabel("Tentang").fill("Standar Kompetensi Jabatan Biro Organisasi");
    await admin.getByLabel("Tanggal berlaku").fill("2027-01-01");
    await admin.getByRole("button", { name: "Simpan penetapan" }).click();
    await expect
      .poll(() => heading(admin))
      .toBe("Peraturan Gubernur Nomor 77 Tahun 2026 tentang Standar Kompetensi Jabatan Biro Organisasi");
    const picker = admin.getByLabel("Tambahkan SKJ yang disetujui");
    await picker.selectOption((await picker.locator("option", { hasText: POSITION }).first().getAttribute("value")) ?? "");
    await admin.getByRole("button", { name: "Tambahkan" }).click();
    await admin.getByRole("table", { name: "SKJ dalam penetapan" }).getByRole("link", { name: POSITION }).waitFor();
    await confirmPublication(admin, 1);
    expect(await admin.getByRole("table", { name: "SKJ dalam penetapan" }).innerText()).toContain("Versi 1");

    await admin.getByRole("table", { name: "SKJ dalam penetapan" }).getByRole("link", { name: POSITION }).click();
    const versions = admin.getByRole("table", { name: "Versi SKJ" });
    await versions.waitFor();
    expect(await versions.locator("tbody tr").first().innerText()).toMatch(/^Versi 1\b[\s\S]*Berlaku$/);

    // the mapping engine's feed shows the event: a read token made on the admin page, then the changes API
    await visit(admin, "/admin/tokens");
    await admin.getByLabel("Pengguna").selectOption({ label: "Pembaca Demo (viewer@demo.go.id, Pembaca)" });
    await admin.getByLabel("Nama token").fill("mesin pemetaan uji");
    await admin.getByRole("checkbox", { name: /skj:read/ }).check();
    await admin.getByRole("button", { name: "Buat token" }).click();
    const token = await admin.getByLabel(/Token untuk viewer@demo\.go\.id/).inputValue();
    const feed = (await (
      await fetch(`${baseUrl()}/api/v1/changes?limit=1000`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { events: { type: string; positionCode: string; version: number; href: string }[] };
    const event = feed.events.filter((e) => e.type === "skj.published").at(-1)!;
    expect(event).toMatchObject({ version: 1, href: expect.stringMatching(/\/versions\/1$/) });
    const published = await fetch(`${baseUrl()}${event.href}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(published.status).toBe(200);
    expect(((await published.json()) as { position: { name: string } }).position.name).toBe(POSITION);
  });
});
