import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  approveFromQueue,
  completeDraft,
  confirmPublication,
  heading,
  logIn,
  openPosition,
  penetapanWith,
  useBrowser,
  visit,
} from "./browser";

// a position no other browser test writes an SKJ for
const POSITION = "Kepala Seksi Mutu dan Akreditasi Fasilitas Pelayanan Kesehatan";
const CODE = "DINKES.BID-YANKES.SEKSI-MUTU.KASI";
const ACT = "Peraturan Gubernur Nomor 64 Tahun 2026 tentang Standar Kompetensi Jabatan Bidang Pelayanan Kesehatan";

/** The row of the position in one of the /skj work lists, as text. */
async function workListRow(page: Page, list: string) {
  await visit(page, "/skj");
  return page.getByRole("table", { name: list, exact: true }).getByRole("row").filter({ hasText: POSITION }).innerText();
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");

describe("a published SKJ", () => {
  const browser = useBrowser();

  it("is followed in the analyst's work lists, published only after the confirmation, and read by a viewer from “Lihat SKJ”", async () => {
    const [analis, reviewer, publisher, viewer] = [
      await browser.newPage(),
      await browser.newPage(),
      await browser.newPage(),
      await browser.newPage(),
    ];
    await logIn(analis, "analis@demo.go.id");
    await openPosition(analis, POSITION);
    await analis.getByRole("button", { name: "Susun SKJ" }).click();
    await analis.waitForURL("**/skj");
    await completeDraft(analis);
    await analis.getByLabel("Alasan atas peringatan (bila ada)").fill("Persyaratan mengikuti peta jabatan Badan Kepegawaian Daerah.");
    await analis.getByRole("button", { name: "Ajukan SKJ" }).click();
    await analis.getByRole("status").filter({ hasText: "SKJ diajukan untuk ditinjau." }).waitFor();
    // the submitted SKJ stays in the analyst's view, with where its review stands
    expect(await workListRow(analis, "Diajukan")).toMatch(/Analis Demo[\s\S]*Belum ditinjau/);

    await logIn(reviewer, "reviewer@demo.go.id");
    await approveFromQueue(reviewer, POSITION);
    expect(await workListRow(analis, "Disetujui")).toContain("Disetujui oleh Reviewer Demo");

    await logIn(publisher, "reviewer2@demo.go.id");
    await penetapanWith(publisher, { number: "64", title: "Standar Kompetensi Jabatan Bidang Pelayanan Kesehatan" }, POSITION);
    const actUrl = publisher.url();
    // the first click only asks: the act, its SKJ and what cannot be undone; cancelling publishes nothing
    await publisher.getByRole("button", { name: "Tetapkan 1 SKJ", exact: true }).click();
    const dialog = publisher.getByRole("dialog", { name: "Tetapkan 1 SKJ?" });
    const asked = await dialog.innerText();
    expect(asked).toContain(ACT);
    expect(asked).toContain(`${POSITION} ${CODE}`);
    expect(asked).toContain("tidak dapat diubah");
    expect(await focusedText(publisher)).toBe("Batal");
    await dialog.getByRole("button", { name: "Batal" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await focusedText(publisher)).toBe("Tetapkan 1 SKJ");
    await publisher.keyboard.press("Enter");
    await dialog.waitFor();
    await publisher.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await openPosition(publisher, POSITION);
    expect(await publisher.getByRole("region", { name: "Versi SKJ yang ditetapkan" }).innerText()).toContain(
      "Belum ada versi yang ditetapkan.",
    );
    expect(await publisher.getByText("sudah disetujui").count()).toBe(1);

    await visit(publisher, actUrl);
    await confirmPublication(publisher, 1);
    expect(await publisher.getByRole("table", { name: "SKJ dalam penetapan" }).innerText()).toContain("Versi 1");

    // a viewer reads the version in force as a page, from "Lihat SKJ"
    await logIn(viewer, "viewer@demo.go.id");
    await openPosition(viewer, POSITION);
    await viewer.getByRole("link", { name: "Lihat SKJ", exact: true }).click();
    await viewer.waitForURL(/\/jabatan\/\d+\/versi\/1$/);
    await expect.poll(() => heading(viewer)).toBe(`SKJ ${POSITION} · Versi 1`);
    const header = await viewer.locator(".page-header").innerText();
    expect(header).toMatch(/Status: Berlaku/);
    expect(header).toContain(`Penetapan: ${ACT}, berlaku 1 Januari 2027`);
    const document = viewer.getByRole("article", { name: "Dokumen SKJ" });
    const printed = await document.innerText();
    expect(printed).toContain(POSITION);
    expect(printed).toContain("Analisis Jabatan");
    expect(printed).toContain("NOMOR 64 TAHUN 2026");
    expect(await document.locator(".watermark").count()).toBe(0);
    const versionUrl = viewer.url();

    // its files and its history are one click away
    const pdfHref = await viewer.getByRole("link", { name: "Unduh PDF" }).getAttribute("href");
    const pdf = await viewer.request.get(pdfHref!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(await viewer.getByRole("link", { name: "Unduh Word" }).getAttribute("href")).toMatch(/\/versi\/1\.docx$/);
    await viewer.getByRole("link", { name: "Riwayat keputusan" }).click();
    await expect.poll(() => heading(viewer)).toBe(`Riwayat SKJ: ${POSITION}`);
    // any way to "the SKJ" of a position without a draft leads to the version in force
    await visit(viewer, versionUrl.replace(/\/versi\/1$/, "/skj"));
    expect(viewer.url()).toBe(versionUrl);
    await viewer.getByRole("link", { name: ACT }).click();
    await expect.poll(() => heading(viewer)).toBe(ACT);
  });
});
