// A bundle joins the pages that earlier bundles printed of the same SKJ (issue 18 item 3, ADR 030): the
// pages are kept beside the database, keyed by what is printed, so a changed instance profile prints anew
// and a damaged file is printed again instead of failing the bundle.
import fs from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SkjBundle } from "~/domain/skj-bundle";
import { closePdfBrowser } from "~/services/pdf.server";
import { bundleContents, renderBundlePdf } from "~/services/skj-bundle.server";
import type { Db } from "~db/client.server";
import { instanceProfile, saveInstanceProfile } from "~db/queries/instance.server";
import { findUnitByCode } from "~db/queries/register.server";
import { seedDemoSkj } from "~seeds/demo-skj.server";
import { useTestDatabase } from "../setup/test-db";

const FIRST_ACT = 1;

let db: Db;
let itemsFolder: string;

beforeAll(async () => {
  db = await useTestDatabase("demo");
  seedDemoSkj(db);
  itemsFolder = path.join(path.dirname(process.env.DATABASE_PATH!), "pdf-cache", "bundle-items");
  fs.rmSync(itemsFolder, { recursive: true, force: true });
}, 30_000);

afterAll(async () => {
  await closePdfBrowser();
});

async function pagesOf(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return text;
}

/** Every kept item file, whatever layout folder it is in. */
function keptFiles(): string[] {
  if (!fs.existsSync(itemsFolder)) return [];
  return fs
    .readdirSync(itemsFolder)
    .flatMap((layout) => fs.readdirSync(path.join(itemsFolder, layout)).map((f) => path.join(itemsFolder, layout, f)));
}

async function onePagePdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  page.drawText(text, { x: 50, y: 700, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

/** The first page of each SKJ: the one with its identity lines. */
const skjPages = (pages: string[]) => pages.filter((p) => /Nama Jabatan\s*:/.test(p));

describe("the pages of each SKJ, kept for the next bundle", () => {
  let bundle: SkjBundle;
  let first: string[];

  beforeAll(async () => {
    bundle = bundleContents(db, { kind: "penetapan", penetapanId: FIRST_ACT })!;
    first = await pagesOf((await renderBundlePdf(bundle, { chunkSize: 4 })).bytes);
  }, 120_000);

  it("keeps one file per SKJ of the bundle once it is printed", () => {
    expect(bundle.items).toHaveLength(10);
    expect(keptFiles()).toHaveLength(10);
  });

  it("joins the kept pages instead of printing the SKJ again", async () => {
    const files = keptFiles();
    const originals = files.map((f) => fs.readFileSync(f));
    const stand = await onePagePdf("HALAMAN DARI BERKAS TERSIMPAN");
    try {
      for (const file of files) fs.writeFileSync(file, stand);
      const pages = await pagesOf((await renderBundlePdf(bundle)).bytes);
      expect(pages.filter((p) => p.includes("HALAMAN DARI BERKAS TERSIMPAN"))).toHaveLength(10);
      expect(skjPages(pages)).toHaveLength(0);
    } finally {
      files.forEach((f, i) => fs.writeFileSync(f, originals[i]!));
    }
  }, 120_000);

  it("prints again an SKJ whose kept file is damaged, and the bundle reads as the first one did", async () => {
    const [damaged] = keptFiles();
    const bytes = fs.readFileSync(damaged!);
    fs.writeFileSync(damaged!, bytes.subarray(0, bytes.length >> 1));
    const again = await pagesOf((await renderBundlePdf(bundle)).bytes);
    // the cover says when it was made; every other page is the same
    expect(again.slice(1)).toEqual(first.slice(1));
    expect(fs.readFileSync(damaged!).equals(bytes)).toBe(false);
    expect((await PDFDocument.load(fs.readFileSync(damaged!))).getPageCount()).toBeGreaterThan(0);
  }, 120_000);
});

describe("a changed instance profile", () => {
  it("prints its new name on every SKJ of a unit's collection, not the kept pages of the old one", async () => {
    const unit = findUnitByCode(db, "SETDA")!;
    const before = instanceProfile(db)!;
    const collection = () => renderBundlePdf(bundleContents(db, { kind: "unit", unitId: unit.id })!);
    const old = skjPages(await pagesOf((await collection()).bytes));
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((p) => p.includes(before.headTitle.toUpperCase()))).toBe(true);

    const saved = saveInstanceProfile(db, { ...before, name: "Provinsi Tanjung Harapan", headTitle: "Gubernur Tanjung Harapan" }, null);
    expect(saved.ok).toBe(true);
    const renamed = skjPages(await pagesOf((await collection()).bytes));
    expect(renamed).toHaveLength(old.length);
    for (const page of renamed) {
      expect(page).toContain("GUBERNUR TANJUNG HARAPAN");
      expect(page).not.toContain(before.headTitle.toUpperCase());
    }
  }, 180_000);
});
