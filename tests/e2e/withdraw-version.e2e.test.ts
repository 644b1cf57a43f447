import { describe, expect, it } from "vitest";
import { heading, logIn, openPosition, publishFirstSkj, useBrowser, visit } from "./browser";

// a position no other browser test writes an SKJ for
const POSITION = "Kepala Bagian Reformasi Birokrasi dan Akuntabilitas Kinerja";
const REASON = "Jabatan dihapus dari peta jabatan setelah penataan ulang Biro Organisasi.";

describe("withdrawing a published SKJ version", () => {
  const browser = useBrowser();

  it("a reviewer withdraws version 1 with a reason, which the version then shows; an analyst is offered no withdrawal and is refused at its page", async () => {
    const [analis, reviewer, admin] = [await browser.newPage(), await browser.newPage(), await browser.newPage()];
    await logIn(analis, "analis@demo.go.id");
    await logIn(reviewer, "reviewer@demo.go.id");
    await logIn(admin, "admin@demo.go.id");
    await publishFirstSkj({ analis, reviewer, publisher: admin }, POSITION, {
      number: "95",
      title: "Standar Kompetensi Jabatan Bagian Reformasi Birokrasi",
    });

    await openPosition(analis, POSITION);
    const analystVersions = analis.getByRole("table", { name: "Versi SKJ" });
    expect(await analystVersions.innerText()).toContain("Versi 1");
    expect(await analystVersions.getByRole("link", { name: /^Cabut/ }).count()).toBe(0);
    const withdrawPath = `${new URL(analis.url()).pathname}/versi/1/cabut`;
    const refused = await visit(analis, withdrawPath);
    expect(refused?.status()).toBe(403);
    expect(await heading(analis)).toBe("Akses ditolak");

    await openPosition(reviewer, POSITION);
    await reviewer.getByRole("table", { name: "Versi SKJ" }).getByRole("link", { name: "Cabut versi 1" }).click();
    await expect.poll(() => heading(reviewer)).toBe(`Cabut versi 1 SKJ ${POSITION}`);
    await reviewer.locator("html[data-hydrated]").waitFor({ state: "attached" });
    // a reason too short to explain anything is refused, and nothing is withdrawn
    await reviewer.getByLabel("Alasan pencabutan").fill("Dihapus");
    await reviewer.getByRole("button", { name: "Ya, cabut versi 1" }).click();
    await reviewer.getByText("Tuliskan alasan pencabutan (minimal 10 karakter).").waitFor();
    await reviewer.getByLabel("Alasan pencabutan").fill(REASON);
    await reviewer.getByRole("button", { name: "Ya, cabut versi 1" }).click();

    await reviewer.getByRole("status").filter({ hasText: "Versi 1 dicabut." }).waitFor();
    const row = reviewer.getByRole("table", { name: "Versi SKJ" }).getByRole("row").filter({ hasText: "Versi 1" });
    expect(await row.innerText()).toContain(`Dicabut ${REASON}`);
    expect(await row.getByRole("link", { name: "Cabut versi 1" }).count()).toBe(0);

    await row.getByRole("link", { name: "Versi 1", exact: true }).click();
    await expect.poll(() => heading(reviewer)).toBe(`SKJ ${POSITION} · Versi 1`);
    expect(await reviewer.locator(".page-header").innerText()).toMatch(new RegExp(`Status: Dicabut pada .+: ${REASON}`));

    // a second withdrawal of the same version is not offered again
    await visit(reviewer, withdrawPath);
    expect(await reviewer.getByRole("note").innerText()).toBe("Versi ini sudah dicabut; hanya versi yang berlaku yang dapat dicabut.");
  });
});
