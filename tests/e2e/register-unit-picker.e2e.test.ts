import { describe, expect, it } from "vitest";
import { logIn, useBrowser, visit } from "./browser";

// The register's unit filter searches the units as the user types instead of listing every unit of a
// province in the page (issue 18 item 2). Read only: it changes nothing other tests could see.
describe("the register's unit picker", () => {
  const browser = useBrowser();

  it("finds a unit by words of its name, tells same-name units apart by their parent, and filters the register", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await visit(page, "/jabatan");
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const field = page.getByRole("combobox", { name: "Unit (beserta sub-unit)" });
    const options = page.getByRole("listbox", { name: "Pilihan unit (beserta sub-unit)" }).getByRole("option");

    await field.fill("umum kepeg");
    await expect
      .poll(() => options.allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          "Subbagian Umum dan Kepegawaian — Sekretariat Badan Kepegawaian Daerah, Badan Kepegawaian Daerah",
          "Subbagian Umum dan Kepegawaian — Sekretariat Dinas Komunikasi dan Informatika, Dinas Komunikasi dan Informatika",
        ]),
      );
    await options.filter({ hasText: "Sekretariat Badan Kepegawaian Daerah" }).click();
    await expect.poll(() => field.inputValue()).toBe("Subbagian Umum dan Kepegawaian");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForURL(/unit=BKD\.SEKRETARIAT\.SUBBAG-UMPEG/);
    const names = () => page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody td:nth-child(3)").allInnerTexts();
    await expect.poll(names).toEqual(["Kepala Subbagian Umum dan Kepegawaian"]);
    // the page comes back with the chosen unit's name in the field
    await page.reload();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    expect(await field.inputValue()).toBe("Subbagian Umum dan Kepegawaian");

    // by keyboard: the name that starts with the typed words comes first
    await field.fill("dinas kesehatan");
    await expect.poll(() => options.first().innerText()).toBe("Dinas Kesehatan");
    await field.press("ArrowDown");
    await field.press("Enter");
    expect(await field.inputValue()).toBe("Dinas Kesehatan");
    await field.press("Enter");
    await page.waitForURL(/unit=DINKES(&|$)/);
    await expect.poll(async () => (await names()).length).toBeGreaterThan(3);
    expect(await names()).toContain("Perawat Terampil");

    // words that match nothing say so, and leaving the field keeps the unit chosen before
    await field.fill("tidak ada unit seperti ini");
    await page.getByText("Tidak ada unit yang cocok.").waitFor();
    await page.getByLabel("Cari nama atau ikhtisar").focus();
    expect(await field.inputValue()).toBe("Dinas Kesehatan");

    // an emptied field means every unit
    await field.fill("");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForURL((url) => url.pathname === "/jabatan" && url.searchParams.get("unit") === "");
    await expect.poll(async () => (await names()).length).toBeGreaterThan(20);
  });
});
