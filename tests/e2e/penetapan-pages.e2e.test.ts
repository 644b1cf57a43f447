import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~db/client.server";
import { DEMO_PASSWORD } from "~seeds/seed.server";
import { useBrowser, visit } from "./browser";
import { startServer, type ServerProcess } from "./server-process";

// A penetapan of a province gathers thousands of SKJ; its page lists them 50 at a time with a filter
// (ADR 034). The act of 60 approved SKJ is written straight into a server of its own, so the shared demo
// database keeps its penetapan as the other browser tests expect them.
const ITEMS = 60;
const code = (n: number) => `UJI-HAL.${String(n).padStart(2, "0")}`;
const name = (n: number) => `Penelaah Uji Halaman ${String(n).padStart(2, "0")}`;

function seedAct(databasePath: string): number {
  // the app's own connection: the search triggers of positions call its SQL functions
  const db = openDatabase(databasePath).$client;
  try {
    return db.transaction(() => {
      const admin = db.prepare("select id from users where email = 'admin@demo.go.id'").pluck().get() as number;
      const unit = db.prepare("select id from org_units where code = 'BKD'").pluck().get() as number;
      const act = Number(
        db
          .prepare("insert into penetapan (kind, number, year, title, status, created_by) values (?, ?, ?, ?, 'draf', ?)")
          .run("Peraturan Gubernur", "77", 2026, "Standar Kompetensi Jabatan Uji Halaman", admin).lastInsertRowid,
      );
      for (let n = 1; n <= ITEMS; n++) {
        const position = db
          .prepare(`insert into positions (code, name, "group", unit_id, summary_text) values (?, ?, 'pelaksana', ?, '')`)
          .run(code(n), name(n), unit).lastInsertRowid;
        const draft = db
          .prepare(
            "insert into skj_drafts (position_id, state, document, created_by, last_edited_by, submitted_by, submitted_at, approved_by, approved_at) values (?, 'disetujui', '{}', ?, ?, ?, '2026-11-01T00:00:00.000Z', ?, '2026-11-02T00:00:00.000Z')",
          )
          .run(position, admin, admin, admin, admin).lastInsertRowid;
        db.prepare("insert into penetapan_items (penetapan_id, draft_id) values (?, ?)").run(act, draft);
      }
      return act;
    })();
  } finally {
    db.close();
  }
}

const rows = (page: Page) => page.getByRole("table", { name: "SKJ dalam penetapan" }).locator("tbody tr");
const names = (page: Page) => rows(page).locator("td:first-child a").allInnerTexts();

describe("a penetapan of many SKJ, a page at a time", () => {
  const browser = useBrowser();
  let server: ServerProcess;
  let actId = 0;
  beforeAll(async () => {
    server = await startServer({ NODE_ENV: "test" });
    actId = seedAct(server.databasePath);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("pages through the act's SKJ and finds one by name or code", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel("Email").fill("reviewer@demo.go.id");
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL((url) => url.pathname !== "/login");
    await visit(page, `${server.baseUrl}/penetapan/${actId}`);
    await page.getByRole("heading", { name: `SKJ dalam penetapan ini (${ITEMS})` }).waitFor();
    expect(await names(page)).toEqual(Array.from({ length: 50 }, (_, i) => name(i + 1)));

    const pager = page.getByRole("navigation", { name: "Halaman SKJ dalam penetapan" });
    expect(await pager.innerText()).toContain("Halaman 1 dari 2");
    await pager.getByRole("link", { name: "Berikutnya →" }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => names(page)).toEqual(Array.from({ length: 10 }, (_, i) => name(i + 51)));
    // the confirmation still names every SKJ of the act, not the page's
    await page.getByRole("button", { name: `Tetapkan ${ITEMS} SKJ` }).click();
    expect(await page.getByRole("list", { name: "SKJ yang akan ditetapkan" }).getByRole("listitem").count()).toBe(ITEMS);
    await page.getByRole("button", { name: "Batal" }).click();

    await page.getByLabel("Cari jabatan").fill("halaman 42");
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await expect.poll(() => names(page)).toEqual([name(42)]);
    expect(await page.getByRole("status").filter({ hasText: "cocok" }).innerText()).toBe(`1 dari ${ITEMS} SKJ cocok dengan “halaman 42”.`);

    await page.getByLabel("Cari jabatan").fill(code(7));
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await expect.poll(() => names(page)).toEqual([name(7)]);

    await page.getByLabel("Cari jabatan").fill("tidak ada jabatan ini");
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await page.getByText("Tidak ada jabatan dalam penetapan ini yang cocok dengan “tidak ada jabatan ini”.").waitFor();
  });
});
