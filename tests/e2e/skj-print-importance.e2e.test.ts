import fs from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { logIn, startDraft, useBrowser, visit } from "./browser";

// a position no other browser test writes an SKJ for
const POSITION = "Kepala Seksi Pelayanan Medis dan Keperawatan";
const JOB_CODE = "440.1 Pelayanan Medis";

const squash = (s: string) => s.replace(/\s+/g, "");

describe("printed SKJ (§7.2, §7.3)", () => {
  const browser = useBrowser();

  it("an analyst sets the Kode Jabatan and Mutlak/Penting/Perlu in the editor and finds them in the draft PDF", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    const positionPath = await startDraft(page, POSITION);

    await page.getByLabel("Kode Jabatan (seperti tercetak)").fill(JOB_CODE);
    await page.getByLabel("Tingkat pentingnya 1a Jenjang").selectOption({ label: "Mutlak" });
    await page.getByLabel("Tingkat pentingnya 2b Teknis").selectOption({ label: "Penting" });
    await page.getByLabel("Tingkat pentingnya 3 Pengalaman").selectOption({ label: "Perlu" });
    await page
      .getByRole("status")
      .filter({ hasText: /^Tersimpan / })
      .waitFor();

    // a reload shows what was saved, not what the form still held
    await page.reload();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    expect(await page.getByLabel("Kode Jabatan (seperti tercetak)").inputValue()).toBe(JOB_CODE);
    expect(await page.getByLabel("Tingkat pentingnya 3 Pengalaman").inputValue()).toBe("perlu");

    await visit(page, `${positionPath}/skj/pratinjau`);
    await page.getByRole("article", { name: "Dokumen SKJ" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh PDF" }).click()]);
    const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
    const proxy = await getDocumentProxy(bytes.slice());
    const all = squash((await extractText(proxy, { mergePages: true })).text as string);
    expect(all).toContain(squash(`Kode Jabatan : ${JOB_CODE}`));
    for (const heading of ["I. IKHTISAR JABATAN", "II. STANDAR KOMPETENSI", "III. PERSYARATAN JABATAN"])
      expect(all).toContain(squash(heading));
    expect(all.indexOf(squash("III. PERSYARATAN JABATAN"))).toBeGreaterThan(all.indexOf(squash("II. STANDAR KOMPETENSI")));
    expect(all).toContain(squash("Tingkat Pentingnya terhadap Jabatan Mutlak Penting Perlu"));

    // each tick under the column chosen for its row, read by position on the page
    const ticks: [string, string][] = [];
    for (let k = 1; k <= proxy.numPages; k++) {
      const items = (await (await proxy.getPage(k)).getTextContent()).items.flatMap((i) =>
        "str" in i && i.str.trim() ? [{ text: i.str.trim(), x: i.transform[4] as number, y: i.transform[5] as number }] : [],
      );
      const columns = ["Mutlak", "Penting", "Perlu"].flatMap((label) =>
        items.filter((i) => i.text === label).map((i) => ({ label, x: i.x })),
      );
      const rows = items.filter((i) => ["a. Jenjang", "b. Teknis", "Pengalaman Kerja"].includes(i.text));
      if (columns.length === 0 || rows.length === 0) continue;
      for (const tick of items.filter((i) => i.text === "V")) {
        const row = rows.reduce((best, r) => (Math.abs(r.y - tick.y) < Math.abs(best.y - tick.y) ? r : best));
        const column = columns.reduce((best, c) => (Math.abs(c.x - tick.x) < Math.abs(best.x - tick.x) ? c : best));
        ticks.push([row.text, column.label]);
      }
    }
    expect(ticks).toEqual([
      ["a. Jenjang", "Mutlak"],
      ["b. Teknis", "Penting"],
      ["Pengalaman Kerja", "Perlu"],
    ]);
  });
});
