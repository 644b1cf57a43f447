// A penetapan made and published through its pages, as an admin does it.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { heading } from "./browser";

/** On the open "Penetapan baru" form: creates a penetapan (in force from 1 January 2027) and adds the approved SKJ of `position`. */
export async function draftPenetapan(page: Page, act: { number: string; title: string; position: string }) {
  await page.getByLabel("Nomor").fill(act.number);
  await page.getByLabel("Tahun").fill("2026");
  await page.getByLabel("Tentang").fill(act.title);
  await page.getByLabel("Tanggal berlaku").fill("2027-01-01");
  await page.getByRole("button", { name: "Simpan penetapan" }).click();
  await expect.poll(() => heading(page)).toMatch(new RegExp(`Nomor ${act.number} Tahun 2026`));
  const picker = page.getByLabel("Tambahkan SKJ yang disetujui");
  await picker.selectOption((await picker.locator("option", { hasText: act.position }).first().getAttribute("value")) ?? "");
  await page.getByRole("button", { name: "Tambahkan" }).click();
  await page.getByRole("table", { name: "SKJ dalam penetapan" }).getByRole("link", { name: act.position }).waitFor();
}

/** Publishes the open penetapan page's one SKJ, confirming in the dialog when publishing asks once more. */
export async function publishPenetapan(page: Page) {
  await page.getByRole("button", { name: "Tetapkan 1 SKJ" }).click();
  const done = page.getByRole("status").filter({ hasText: "Penetapan ditetapkan" });
  const confirm = page.getByRole("dialog").or(page.getByRole("alertdialog")).getByRole("button", { name: /Tetapkan|Ya/ });
  await done.or(confirm).first().waitFor();
  if (await confirm.isVisible()) await confirm.click();
  await done.waitFor();
}
