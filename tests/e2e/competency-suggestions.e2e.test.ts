import { describe, expect, it } from "vitest";
import { logIn, startDraft, useBrowser } from "./browser";

// Its own demo position, which no other browser test opens: this test leaves a draft behind. Its ikhtisar
// speaks of "peta proses bisnis, standar operasional prosedur".
const POSITION = "Pengolah Data dan Informasi";

describe("suggested technical competencies in the SKJ editor's picker", () => {
  const browser = useBrowser();

  it("shows suggestions for the position before anything is typed, each with why, and adds one as a search result would", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await startDraft(page, POSITION);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });

    const suggestions = page.getByRole("list", { name: "Saran untuk jabatan ini" });
    const tatalaksana = suggestions.getByRole("listitem").filter({ has: page.getByRole("button", { name: /T\.TATALAKSANA/ }) });
    await tatalaksana.waitFor();
    expect(await tatalaksana.innerText()).toMatch(/cocok dengan ikhtisar: .*proses, bisnis/);
    // nothing typed: no search results yet, only the suggestions
    expect(await page.getByRole("list", { name: "Hasil pencarian kompetensi teknis" }).count()).toBe(0);

    await tatalaksana.getByRole("button").click();
    const technical = page.getByRole("table", { name: "Kompetensi Teknis" });
    await expect.poll(() => technical.innerText()).toContain("Penyusunan Proses Bisnis dan Standar Operasional Prosedur");
    // taken: no longer suggested, and saved with the draft
    await expect.poll(() => suggestions.getByRole("button", { name: /T\.TATALAKSANA/ }).count()).toBe(0);
    await expect.poll(() => page.locator(".save-status").innerText(), { timeout: 15_000 }).toMatch(/^Tersimpan/);
    await page.reload();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    expect(await page.getByRole("table", { name: "Kompetensi Teknis" }).innerText()).toContain("T.TATALAKSANA");
    await suggestions.waitFor();
    expect(await suggestions.getByRole("button", { name: /T\.TATALAKSANA/ }).count()).toBe(0);
  });
});
