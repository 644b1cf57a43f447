import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, useBrowser, visit } from "./browser";

// The organisation tree loads a branch's sub-units when it is opened (ADR 034). Read only: a viewer walks
// the demo's Badan Kepegawaian Daerah, which no other browser test changes.
const tree = (page: Page) => page.getByRole("list", { name: "Pohon unit organisasi" });
const unitLabels = (page: Page) => tree(page).locator("[id^=unit-] strong").allInnerTexts();
const openBranch = (page: Page, name: string) => tree(page).locator("summary").filter({ hasText: name }).click();

describe("the organisation tree, a level at a time", () => {
  const browser = useBrowser();

  it("opens a perangkat daerah, then its sekretariat, down to a subbagian and its positions", async () => {
    const page = await browser.newPage();
    await logIn(page, "viewer@demo.go.id");
    await visit(page, "/struktur");
    // the page holds the perangkat daerah only
    expect(await unitLabels(page)).toContain("Badan Kepegawaian Daerah");
    expect(await unitLabels(page)).not.toContain("Sekretariat Badan Kepegawaian Daerah");

    await openBranch(page, "Badan Kepegawaian Daerah");
    await expect.poll(() => unitLabels(page)).toContain("Sekretariat Badan Kepegawaian Daerah");
    await openBranch(page, "Sekretariat Badan Kepegawaian Daerah");
    const deep = tree(page)
      .locator("li", { has: page.getByText("Subbagian Umum dan Kepegawaian", { exact: true }) })
      .last();
    await deep.waitFor();
    // a subbagian of another perangkat daerah with the same name was not loaded
    expect((await unitLabels(page)).filter((n) => n === "Subbagian Umum dan Kepegawaian")).toHaveLength(1);

    await deep.getByRole("link", { name: /jabatan$/ }).click();
    await page.waitForURL(/\/jabatan\?unit=BKD\.SEKRETARIAT\.SUBBAG-UMPEG$/);
    await expect
      .poll(() => page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody").innerText())
      .toContain("Kepala Subbagian Umum dan Kepegawaian");

    // closing everything and opening everything again shows the deep unit without another click
    await visit(page, "/struktur");
    await page.getByRole("button", { name: "Buka semua" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: /^Semua \d+ unit di halaman ini terbuka\.$/ })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => tree(page).getByText("Subbagian Umum dan Kepegawaian", { exact: true }).first().isVisible()).toBe(true);
    await page.getByRole("button", { name: "Tutup semua" }).click();
    await expect.poll(() => tree(page).getByText("Sekretariat Badan Kepegawaian Daerah", { exact: true }).isVisible()).toBe(false);
  });

  it("finds a deep unit by name and shows it in the tree with the units above it opened", async () => {
    const page = await browser.newPage();
    await logIn(page, "viewer@demo.go.id");
    await visit(page, "/struktur");
    await page.getByLabel("Cari unit").fill("umum kepeg");
    await page.getByRole("button", { name: "Cari" }).click();
    const matches = page.getByRole("list", { name: "Unit yang cocok" });
    await expect
      .poll(() => matches.innerText())
      .toContain(
        "Subbagian Umum dan Kepegawaian BKD.SEKRETARIAT.SUBBAG-UMPEG — Badan Kepegawaian Daerah › Sekretariat Badan Kepegawaian Daerah",
      );
    await matches.locator("li", { hasText: "BKD.SEKRETARIAT.SUBBAG-UMPEG" }).getByRole("link").click();
    await page.waitForURL(/buka=BKD\.SEKRETARIAT\.SUBBAG-UMPEG/);
    await expect.poll(() => tree(page).getByText("Subbagian Umum dan Kepegawaian", { exact: true }).isVisible()).toBe(true);
  });

  it("without JavaScript an opened branch links to the page with that branch opened", async () => {
    const page = await browser.newPage();
    await logIn(page, "viewer@demo.go.id");
    await page.route("**/build/**", (route) => route.abort());
    await page.goto("/struktur");
    await openBranch(page, "Badan Kepegawaian Daerah");
    const bkd = tree(page)
      .locator("li.branch")
      .filter({ has: page.locator("summary", { hasText: "Badan Kepegawaian Daerah" }) });
    await bkd.getByRole("link", { name: /^Tampilkan \d+ sub-unit$/ }).click();
    await page.waitForURL(/buka=BKD(#|$)/);
    await expect.poll(() => tree(page).getByText("Sekretariat Badan Kepegawaian Daerah", { exact: true }).isVisible()).toBe(true);
  });
});
