import fs from "node:fs";
import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { EXAMPLE_MARK } from "~/domain/example-text";
import { baseUrl, logIn, startDraft, useBrowser, visit } from "./browser";

// positions no other browser test writes an SKJ for
const POSITION = "Kepala Bidang Aplikasi Informatika";
const CODE = "DISKOMINFO.BID-APTIKA.KABID";
const PUBLISHED_POSITION = "Kepala Bagian Otonomi Daerah";

const squash = (s: string) => s.replace(/\s+/g, "");

/** The PDF's text page by page, white space removed (Chromium wraps lines wherever a column ends). */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  return (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false })).text.map(squash);
}

/** An API token made by the admin on /admin/tokens for `user` (the label of the owner select). */
async function createToken(admin: Page, user: string, scopes: string[]): Promise<string> {
  await visit(admin, "/admin/tokens");
  await admin.getByLabel("Pengguna").selectOption({ label: user });
  await admin.getByLabel("Nama token").fill(`uji pdf ${scopes.join(" ")} ${Date.now()}`);
  for (const scope of scopes) await admin.getByRole("checkbox", { name: new RegExp(scope) }).check();
  await admin.getByRole("button", { name: "Buat token" }).click();
  return admin.getByLabel(/^Token untuk /).inputValue();
}

/** A review token can only be made by its owner (issue 13): `email` signs in beside the admin and makes one on /akun/token. */
async function ownReviewToken(admin: Page, email: string): Promise<string> {
  const context = await admin.context().browser()!.newContext({ baseURL: baseUrl() });
  try {
    const page = await context.newPage();
    await logIn(page, email);
    await visit(page, "/akun/token");
    await page.getByLabel("Nama token").fill(`uji pdf ${Date.now()}`);
    await page.getByRole("checkbox", { name: /skj:review/ }).check();
    await page.getByRole("button", { name: "Buat token" }).click();
    return await page.getByLabel(/^Token untuk /).inputValue();
  } finally {
    await context.close();
  }
}

async function api(path: string, token: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Publishes version 1 of the position named `name` through the API, four-eyes; answers the published document. */
async function publishOverApi(admin: Page, name: string) {
  const analis = await createToken(admin, "Analis Demo (analis@demo.go.id, Analis)", ["skj:read", "skj:write"]);
  const reviewer = await ownReviewToken(admin, "reviewer@demo.go.id");
  const publisher = await ownReviewToken(admin, "reviewer2@demo.go.id");
  const found = await api(`/api/v1/positions?q=${encodeURIComponent(name)}`, analis);
  const position = (found.json.items as { code: string; name: string }[]).find((p) => p.name === name)!;
  const { skjStatus: _status, ...fields } = position as Record<string, unknown>;
  const level = (code: string) => ({ code, level: 3 });
  const document = {
    schemaVersion: 1,
    position: fields,
    competencies: [
      ...["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01", "T.OTDA"].map(level),
      { code: "T.ANJAB", level: 2 },
      { code: "T.KELEMBAGAAN", level: 2 },
    ],
    requirements: {
      rank: "IV/a",
      education: [{ level: "S-1", fields: ["Ilmu Pemerintahan"] }],
      training: { managerial: ["Pelatihan Kepemimpinan Administrator"], technical: [], functional: [] },
      experience: [{ description: "Pengawas di bidang pemerintahan", minYears: 2 }],
      performanceIndicators: ["Persentase rekomendasi kebijakan otonomi daerah yang ditindaklanjuti"],
    },
  };
  const steps = [
    await api("/api/v1/skj/drafts", analis, document),
    await api(`/api/v1/skj/${position.code}/submit`, analis, { justification: "Uji unduhan PDF." }),
    await api(`/api/v1/skj/${position.code}/review`, reviewer, { decision: "approve", comment: "Sesuai." }),
    await api(`/api/v1/skj/${position.code}/publish`, publisher, {
      legalBasis: "Peraturan Gubernur Nomor 21 Tahun 2026",
      effectiveDate: "2026-06-01",
    }),
  ];
  expect(
    steps.map((s) => s.status),
    JSON.stringify(steps.map((s) => s.json)),
  ).toEqual([201, 200, 200, 201]);
  return steps[3]!.json as {
    position: { code: string; name: string };
    version: number;
    competencies: { name: string; type: string; level: number; levelDescription: string }[];
  };
}

describe("SKJ PDF", () => {
  const browser = useBrowser();

  it("an analyst downloads the draft PDF from the print preview", async () => {
    const page = await browser.newPage();
    await logIn(page, "analis@demo.go.id");
    const positionPath = await startDraft(page, POSITION);

    await visit(page, `${positionPath}/skj/pratinjau`);
    await page.getByRole("article", { name: "Dokumen SKJ" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh PDF" }).click()]);
    expect(download.suggestedFilename()).toBe(`SKJ-${CODE}-draf.pdf`);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages[0]).toContain(squash(`Nama Jabatan : ${POSITION}`));
    // the diagonal watermark, on every page of a draft
    for (const page of pages) expect(page).toContain("DRAFT");

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
    expect(refused.headers().location).toMatch(/^\/login\?redirectTo=/);
  });

  it("a viewer downloads the PDF of a published version from the position page, and it reads as that SKJ", async () => {
    const admin = await browser.newPage();
    await logIn(admin, "admin@demo.go.id");
    const published = await publishOverApi(admin, PUBLISHED_POSITION);

    const page = await browser.newPage();
    await logIn(page, "viewer@demo.go.id");
    await visit(page, `/jabatan?q=${encodeURIComponent(PUBLISHED_POSITION.toLowerCase())}`);
    await page.getByRole("table", { name: "Daftar jabatan" }).locator("tbody").getByRole("link", { name: PUBLISHED_POSITION }).click();
    const versions = page.getByRole("table", { name: "Versi SKJ" });
    await versions.waitFor();
    const link = versions.getByRole("link", { name: `PDF versi ${published.version}` });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    // a download fires no response event: the link's answer is asked for again with the page's session
    const answer = await page.request.get((await link.getAttribute("href"))!);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("application/pdf");
    expect(download.suggestedFilename()).toBe(`SKJ-${published.position.code}-v${published.version}.pdf`);

    const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(Buffer.from(await answer.body()).equals(Buffer.from(bytes))).toBe(true);
    const pages = await pdfPages(bytes);
    const all = pages.join("");
    for (const line of [
      "LAMPIRAN",
      "PERATURAN GUBERNUR",
      "NOMOR 21 TAHUN 2026",
      "STANDAR KOMPETENSI JABATAN",
      `Nama Jabatan : ${PUBLISHED_POSITION}`,
      "Kode Jabatan : I. IKHTISAR JABATAN",
    ]) {
      expect(all).toContain(squash(line));
    }
    expect(published.competencies).toHaveLength(12);
    // the demo's technical texts are examples: their mark prints under the name, the regulation's texts carry none;
    // by the start of its description: a row taller than a quarter page may break across pages mid-text
    for (const c of published.competencies) {
      const mark = c.type === "teknis" ? `${EXAMPLE_MARK} ` : "";
      expect(all).toContain(squash(`${c.name} ${mark}${c.level} ${c.levelDescription.split(/\s+/).slice(0, 3).join(" ")}`));
    }
    expect(all).not.toContain("DRAFT");
    expect(pages.at(-1)!.endsWith(squash(`Halaman ${pages.length} dari ${pages.length}`))).toBe(true);
  });
});
