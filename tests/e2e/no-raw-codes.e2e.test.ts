// Issue 12 item 7: one language on screen. Every main page, as the role that uses it, must show no stored
// code raw (a snake_case or dotted code, or a lower-case enum value that has a label), no ISO date, no UTC
// time and no "·" glued to a word. The forbidden values come from the label tables themselves, so a new
// enum value is covered as soon as it gets its label. Field values are not visible text (innerText leaves
// them out); codes that are data, like "SETDA.BIRO-ORG" or "M.01", are upper case and pass; an element
// marked translate="no" (raw data on purpose, like the audit log's before/after JSON) is left out.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { ENUM_LABEL_TABLES } from "~/domain/labels";
import { ALL_PAYLOADS } from "../fixtures/xss-corpus";
import { completeDraft, confirmPublication, penetapanWith, useBrowser, visit } from "./browser";
import { MAIN_PAGES, pagesByRole, positionPage, PUBLISHED_POSITION, RETURNED_POSITION, type MainPage, type Role } from "./main-pages";

const ENUM_VALUES = new Set(Object.values(ENUM_LABEL_TABLES).flatMap((table) => Object.keys(table)));

/** What visible text says that a person should never read; empty when the text is clean. */
function rawCodesIn(text: string): string[] {
  return codesIn(text).filter((finding) => !TYPED_DATA.has(finding));
}

function codesIn(text: string): string[] {
  // e-mail addresses, URLs and file names are data that legitimately contain dots and underscores
  const prose = text.replace(/\S+@\S+|\b\w+:\/\/\S+|\S+\.(?:pdf|docx|xlsx|csv|json)\b/g, " ");
  const found = new Set<string>();
  for (const m of prose.matchAll(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g)) found.add(`snake_case "${m[0]}"`);
  for (const m of prose.matchAll(/\b[a-z]+(?:\.[a-z_]+)+\b/g)) found.add(`dotted code "${m[0]}"`);
  for (const m of prose.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) found.add(`ISO date "${m[0]}"`);
  for (const m of prose.matchAll(/\bUTC\b/g)) found.add(`"${m[0]}"`);
  for (const m of prose.matchAll(/\S·|·\S/g)) found.add(`"·" without a space: "${m[0]}"`);
  // a stored value stands alone: a table cell, a badge, an option, a part between separators or brackets
  for (const part of prose.split(/[\n\t·/()—:,|→]+/)) {
    const value = part.trim();
    if (ENUM_VALUES.has(value)) found.add(`enum value "${value}"`);
    const afterStatus = /\bstatus ([a-z_]+)$/.exec(value);
    if (afterStatus && ENUM_VALUES.has(afterStatus[1]!)) found.add(`enum value "${afterStatus[0]}"`);
  }
  return [...found];
}

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let text = document.body.innerText;
    for (const el of document.querySelectorAll<HTMLElement>('[translate="no"]')) text = text.replace(el.innerText, " ");
    return text;
  });
}

describe("no raw codes on screen", () => {
  const browser = useBrowser();
  const pageOf = pagesByRole(browser);
  const findings: string[] = [];

  async function walk(pages: readonly MainPage[], role: Role) {
    const page = await pageOf(role);
    for (const entry of pages.filter((p) => p.role === role)) {
      const path = typeof entry.path === "string" ? entry.path : await entry.path(page);
      await visit(page, path);
      await entry.reach?.(page);
      for (const finding of rawCodesIn(await visibleText(page))) findings.push(`${entry.label} (${role}, ${path}): ${finding}`);
    }
  }

  afterAll(() => {
    if (findings.length > 0) console.info(`raw codes on screen:\n${findings.join("\n")}`);
  });

  it("the checker itself refuses what it must and lets real prose and data codes through", () => {
    expect(
      rawCodesIn("Jabatan\tSETDA.BIRO-ORG.KARO\tM.01\tPeraturan Gubernur Nomor 1 Tahun 2026\tadmin@demo.go.id\tlampiran_1.pdf"),
    ).toEqual([]);
    expect(rawCodesIn("SKJ diajukan untuk ditinjau. 7 Desember 2026 pukul 08.27 WIB · Diajukan")).toEqual([]);
    expect(rawCodesIn("Objek\nskj_draft")).toContain('snake_case "skj_draft"');
    expect(rawCodesIn("Tindakan auth.login")).toContain('dotted code "auth.login"');
    expect(rawCodesIn("Status\tditetapkan")).toContain('enum value "ditetapkan"');
    expect(rawCodesIn("identitas / kompetensi / persyaratan")).toContain('enum value "identitas"');
    expect(rawCodesIn("Draf revisi 2 · status diajukan")).toContain('enum value "status diajukan"');
    expect(rawCodesIn("berlaku 2026-12-07")).toContain('ISO date "2026-12-07"');
    expect(rawCodesIn("diminta 08:27 UTC")).toContain('"UTC"');
    expect(rawCodesIn("PDF· Word")).toContain('"·" without a space: "F·"');
  });

  it("writes what the pages show: an SKJ returned with comments, one approved and published", async () => {
    const analis = await pageOf("analis");
    for (const name of [PUBLISHED_POSITION, RETURNED_POSITION]) {
      await visit(analis, await positionPage(name)(analis));
      await analis.getByRole("button", { name: "Susun SKJ" }).click();
      await analis.waitForURL("**/skj");
      await completeDraft(analis);
      await analis.getByLabel("Alasan atas peringatan (bila ada)").fill("Persyaratan mengikuti kajian jabatan BKD.");
      await analis.getByRole("button", { name: "Ajukan SKJ" }).click();
      await analis.getByRole("status").filter({ hasText: "SKJ diajukan untuk ditinjau." }).waitFor();
    }

    const reviewer = await pageOf("reviewer");
    for (const [name, decision] of [
      [PUBLISHED_POSITION, "Setujui"],
      [RETURNED_POSITION, "Kembalikan"],
    ] as const) {
      await visit(reviewer, await positionPage(name, "/skj/tinjau")(reviewer));
      await reviewer.getByLabel("Komentar pada").selectOption("identitas");
      await reviewer.getByLabel("Komentar", { exact: true }).fill("Ikhtisar jabatan perlu menyebut hasil kerja utama.");
      await reviewer.getByRole("button", { name: "Tambah komentar" }).click();
      await reviewer.locator(".comment-list").getByText("Ikhtisar jabatan perlu menyebut hasil kerja utama.").waitFor();
      await reviewer.getByLabel("Bagian yang dimaksud").selectOption("persyaratan");
      await reviewer.getByLabel("Catatan (wajib bila dikembalikan)").fill("Pangkat minimal sudah sesuai kajian.");
      await reviewer.getByRole("button", { name: decision }).click();
      await reviewer
        .getByRole("status")
        .filter({ hasText: decision === "Setujui" ? "disetujui" : "dikembalikan ke analis" })
        .waitFor();
    }

    const admin = await pageOf("admin");
    await penetapanWith(admin, { number: "93", title: "Standar Kompetensi Jabatan Seksi Tata Kelola" }, PUBLISHED_POSITION);
    await confirmPublication(admin, 1);
    expect(await admin.locator("body").innerText()).toContain("berlaku 1 Januari 2027");
  });

  for (const role of ["analis", "reviewer", "admin", "viewer"] as const) {
    it(`every main page of the ${role}`, async () => {
      const before = findings.length;
      await walk(MAIN_PAGES, role);
      expect(findings.slice(before)).toEqual([]);
    });
  }
});

// What the XSS browser test types into names and summaries of the shared database is data, not a code (it
// may run before this test): "{{constructor.constructor(…)}}" reads as a dotted code but is the user's text.
const TYPED_DATA = new Set(codesIn(ALL_PAYLOADS));
