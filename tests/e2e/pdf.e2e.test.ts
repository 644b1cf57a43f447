import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { logIn, useBrowser, visit } from "./browser";

// a position no other browser test writes an SKJ for
const POSITION = "Kepala Bidang Aplikasi Informatika";
const CODE = "DISKOMINFO.BID-APTIKA.KABID";

describe("SKJ PDF", () => {
  const browser = useBrowser();

  it("an analyst downloads the draft PDF from the print preview", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    await visit(page, `/jabatan?q=${encodeURIComponent(POSITION.toLowerCase())}`);
    await page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody").getByRole("link", { name: POSITION }).click();
    await page.getByRole("table", { name: "Identitas jabatan" }).waitFor();
    const positionPath = new URL(page.url()).pathname;
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Susun SKJ" }).click();
    await page.waitForURL("**/skj");
    await page.getByRole("heading", { name: "Pemeriksaan aturan" }).waitFor();

    await visit(page, `${positionPath}/skj/pratinjau`);
    await page.getByRole("article", { name: "Dokumen SKJ" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh PDF" }).click()]);
    expect(download.suggestedFilename()).toBe(`SKJ-${CODE}-draf.pdf`);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length).toBeGreaterThanOrEqual(1);

    // the same file over HTTP with the page's session: a PDF, never kept by a cache
    const res = await page.request.get(`${positionPath}/skj/pdf`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["cache-control"]).toBe("no-store");
    expect((await res.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // without a session: to the login page, no PDF
    const anonymous = await browser.newPage();
    const refused = await anonymous.request.get(`${positionPath}/skj/pdf`, { maxRedirects: 0 });
    expect(refused.status()).toBe(302);
    expect(refused.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
  });
});
