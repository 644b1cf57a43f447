// Issue 12 items 6 and 8: the analyst answers review comments in the editor, a new comment names its
// section, and the editor fits the work (folded dictionary texts, rules and comments kept in view).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { completeDraft, logIn, useBrowser, visit } from "./browser";

// a position no other browser test writes an SKJ for
const POSITION = "Kepala Subbagian Umum dan Kepegawaian";
const RETURN_NOTE = "Level Penataan Kelembagaan sebaiknya 3 untuk subbagian kepegawaian.";
const REPLY = "Sudah saya sesuaikan menjadi level 3.";

async function openPosition(page: Page): Promise<string> {
  // the BKD's: the legacy import's register (legacy-import.e2e) holds two more positions of this name
  await visit(page, `/jabatan?q=${encodeURIComponent(POSITION.toLowerCase())}&unit=BKD`);
  await page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody").getByRole("link", { name: POSITION, exact: true }).click();
  await page.getByRole("table", { name: "Identitas jabatan" }).waitFor();
  return new URL(page.url()).pathname;
}

async function openEditor(page: Page, position: string) {
  await visit(page, `${position}/skj`);
  await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();
}

const commentPanel = (page: Page) => page.getByRole("region", { name: /^Komentar tinjauan/ });

describe("the SKJ editor with review comments", () => {
  const browser = useBrowser();
  let position = "";

  it("an analyst replies to and resolves the comment a reviewer returned the draft with, and the reviewer sees both on the review page", async () => {
    const analis = await browser.newPage();
    await logIn(analis, "analis@demo.go.id");
    position = await openPosition(analis);
    await analis.getByRole("button", { name: "Susun SKJ" }).click();
    await analis.waitForURL("**/skj");
    await completeDraft(analis);
    await analis.getByLabel("Alasan atas peringatan (bila ada)").fill("Persyaratan mengikuti kajian jabatan bersama BKD.");
    await analis.getByRole("button", { name: "Ajukan SKJ" }).click();
    await analis.getByRole("status").filter({ hasText: "SKJ diajukan untuk ditinjau." }).waitFor();

    const reviewer = await browser.newPage();
    await logIn(reviewer, "reviewer@demo.go.id");
    await visit(reviewer, `${position}/skj/tinjau`);
    // the sections read as the document names them, and nothing is chosen for the reviewer
    const sections = reviewer.getByLabel("Bagian yang dimaksud");
    expect(await sections.inputValue()).toBe("");
    expect(await sections.locator("option").allInnerTexts()).toEqual(
      expect.arrayContaining([
        "A. Identitas",
        "B. Kompetensi",
        "C. Persyaratan",
        "B. Kompetensi T.KELEMBAGAAN Penataan Kelembagaan Perangkat Daerah",
      ]),
    );
    await reviewer.getByLabel("Catatan (wajib bila dikembalikan)").fill(RETURN_NOTE);
    await reviewer.getByRole("button", { name: "Kembalikan" }).click();
    await expect.poll(() => reviewer.getByRole("alert").first().innerText()).toMatch(/^Pilih bagian yang dikomentari/);
    await sections.selectOption({ label: "B. Kompetensi T.KELEMBAGAAN Penataan Kelembagaan Perangkat Daerah" });
    await reviewer.getByLabel("Catatan (wajib bila dikembalikan)").fill(RETURN_NOTE);
    await reviewer.getByRole("button", { name: "Kembalikan" }).click();
    await reviewer.getByRole("status").filter({ hasText: "dikembalikan ke analis" }).waitFor();

    await openEditor(analis, position);
    const panel = commentPanel(analis);
    expect(await panel.getByRole("heading").innerText()).toBe("Komentar tinjauan (1 terbuka)");
    // the row the comment points at says so, and its marker leads to the thread
    const row = analis.getByRole("table", { name: "Kompetensi Teknis" }).getByRole("row").filter({ hasText: "T.KELEMBAGAAN" });
    await row.getByRole("link", { name: "1 komentar terbuka" }).click();
    await expect.poll(() => analis.evaluate(() => document.activeElement?.closest("li")?.textContent ?? "")).toContain(RETURN_NOTE);
    const thread = panel.getByRole("listitem").filter({ hasText: RETURN_NOTE });
    expect(await thread.innerText()).toContain("B. Kompetensi T.KELEMBAGAAN Penataan Kelembagaan Perangkat Daerah");

    await thread.getByRole("textbox").fill(REPLY);
    await thread.getByRole("button", { name: "Balas" }).click();
    await thread.getByText(REPLY).waitFor();
    await thread.getByRole("button", { name: "Selesaikan" }).click();
    await expect.poll(() => panel.getByRole("heading").innerText()).toBe("Komentar tinjauan (0 terbuka)");
    expect(await thread.innerText()).toContain("Diselesaikan oleh Analis Demo");
    expect(await row.getByRole("link", { name: /komentar terbuka/ }).count()).toBe(0);

    await visit(reviewer, `${position}/skj/tinjau`);
    const seen = commentPanel(reviewer).getByRole("listitem").filter({ hasText: RETURN_NOTE });
    expect(await seen.innerText()).toMatch(new RegExp(`Analis Demo[\\s\\S]*${REPLY}[\\s\\S]*Diselesaikan oleh Analis Demo`));
    expect(await seen.getByRole("button", { name: "Selesaikan" }).count()).toBe(0);
  });

  it("a new comment is not posted until its section is chosen", async () => {
    expect(position, "the first test wrote the draft").not.toBe("");
    const analis = await browser.newPage();
    await logIn(analis, "analis@demo.go.id");
    await openEditor(analis, position);
    const panel = commentPanel(analis);
    await panel.getByLabel("Komentar", { exact: true }).fill("Pangkat minimal perlu dikonfirmasi ke BKD.");
    await panel.getByRole("button", { name: "Tambah komentar" }).click();
    expect(await panel.getByRole("alert").innerText()).toMatch(
      /^Pilih bagian yang dikomentari: A\. Identitas, B\. Kompetensi, C\. Persyaratan/,
    );
    expect(await panel.getByLabel("Komentar pada").getAttribute("aria-invalid")).toBe("true");
    await openEditor(analis, position);
    expect(await commentPanel(analis).getByText("Pangkat minimal perlu dikonfirmasi ke BKD.").count()).toBe(0);

    await commentPanel(analis).getByLabel("Komentar pada").selectOption({ label: "C. Persyaratan" });
    await commentPanel(analis).getByLabel("Komentar", { exact: true }).fill("Pangkat minimal perlu dikonfirmasi ke BKD.");
    await commentPanel(analis).getByRole("button", { name: "Tambah komentar" }).click();
    const posted = commentPanel(analis).getByRole("listitem").filter({ hasText: "Pangkat minimal perlu dikonfirmasi ke BKD." });
    await posted.waitFor();
    expect(await posted.innerText()).toMatch(/^C\. Persyaratan/);
    expect(
      await analis
        .getByRole("region", { name: /^C\. Persyaratan Jabatan/ })
        .getByRole("link", { name: "1 komentar terbuka" })
        .count(),
    ).toBe(1);
  });

  it("shows the managerial rows folded to one line, opens their indicators with one click, and keeps the rules and comments in view down to the requirements", async () => {
    expect(position, "the first test wrote the draft").not.toBe("");
    const analis = await browser.newPage();
    await analis.setViewportSize({ width: 1280, height: 800 });
    await logIn(analis, "analis@demo.go.id");
    await openEditor(analis, position);

    const integrity = analis.getByRole("table", { name: "Kompetensi Manajerial" }).getByRole("row").filter({ hasText: "M.01" });
    const indicators = integrity.getByRole("list");
    expect(await indicators.isVisible()).toBe(false);
    await integrity.locator("summary").click();
    await indicators.waitFor();
    const level = await analis.getByLabel("Level M.01").inputValue();
    expect(await indicators.getByRole("listitem").first().innerText()).toMatch(new RegExp(`^${level}\\.1 `));
    // the keyboard folds it again
    await integrity.locator("summary").press("Enter");
    await expect.poll(() => indicators.isVisible()).toBe(false);

    await analis.getByLabel("Indikator kinerja jabatan", { exact: true }).scrollIntoViewIfNeeded();
    expect(await analis.evaluate(() => window.scrollY)).toBeGreaterThan(800);
    for (const name of ["Pemeriksaan aturan", /^Komentar tinjauan/]) {
      const box = await analis.getByRole(name === "Pemeriksaan aturan" ? "complementary" : "region", { name }).boundingBox();
      expect(box, String(name)).not.toBeNull();
      expect(box!.y, String(name)).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, String(name)).toBeLessThanOrEqual(800);
    }
  });
});
