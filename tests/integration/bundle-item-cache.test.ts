// A bundle joins the pages that earlier bundles printed of the same SKJ (issue 18 item 3, ADR 030): the
// pages are kept beside the database, keyed by what is printed, so a changed instance profile prints anew
// and a damaged file is printed again instead of failing the bundle.
import fs from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SkjBundle } from "~/domain/skj-bundle";
import { SKJ_PRINT_CSS } from "~/components/skj-document/skj-document-view";
import { closePdfBrowser } from "~/services/pdf.server";
import { bundleItemLayout } from "~/services/skj-bundle-pdf.server";
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

/** A stand-in for a kept item: `pages` pages that each say `text`. */
async function standIn(text: string, pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) pdf.addPage().drawText(text, { x: 50, y: 700, size: 14, font });
  return pdf.save();
}

/** The page count a kept item's file name carries. */
const namedPages = (file: string) => Number(/-(\d+)\.pdf$/.exec(file)![1]);

/** Each kept file by name, with its inode: a file printed again is renamed into place as a new inode. */
function keptInodes(): Map<string, number> {
  return new Map(keptFiles().map((f) => [path.basename(f), fs.statSync(f).ino]));
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
    try {
      for (const file of files) fs.writeFileSync(file, await standIn("HALAMAN DARI BERKAS TERSIMPAN", namedPages(file)));
      const pages = await pagesOf((await renderBundlePdf(bundle)).bytes);
      const keptPages = files.reduce((sum, f) => sum + namedPages(f), 0);
      expect(pages.filter((p) => p.includes("HALAMAN DARI BERKAS TERSIMPAN"))).toHaveLength(keptPages);
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

describe("what prints an SKJ again", () => {
  const act = { kind: "penetapan", penetapanId: FIRST_ACT } as const;

  it("nothing that leaves its pages as they are: the same lampiran made on another day joins every kept SKJ", async () => {
    await renderBundlePdf(bundleContents(db, act)!);
    const before = keptInodes();
    const pages = await pagesOf((await renderBundlePdf(bundleContents(db, act, new Date("2027-02-01T03:00:00Z"))!)).bytes);
    expect(pages[0]).toContain("1 Februari 2027");
    expect(keptInodes()).toEqual(before);
  }, 120_000);

  it("a profile change prints again only the SKJ that show the profile: in a lampiran, the last one, with the signature", async () => {
    const before = keptInodes();
    const profile = instanceProfile(db)!;
    expect(saveInstanceProfile(db, { ...profile, place: "Kota Harapan Baru" }, null).ok).toBe(true);
    try {
      const pages = await pagesOf((await renderBundlePdf(bundleContents(db, act)!)).bytes);
      expect(pages.at(-1)).toContain("Ditetapkan di Kota Harapan Baru");
      const after = keptInodes();
      const added = [...after.keys()].filter((name) => !before.has(name));
      expect(added).toHaveLength(1);
      // the nine others print neither header nor signature inside a lampiran: the very same files are joined
      const unchanged = [...before].filter(([name, ino]) => after.get(name) === ino);
      expect(unchanged).toHaveLength(before.size);
    } finally {
      saveInstanceProfile(db, profile, null);
    }
  }, 120_000);

  it("a changed template or stylesheet: the layout folder is named after a markup that takes every branch of the template", () => {
    const layout = bundleItemLayout();
    expect(layout).toContain(SKJ_PRINT_CSS);
    for (const part of ["may-split", "example-mark", 'class="lampiran"', 'class="signature"', "<ol>"]) expect(layout).toContain(part);
  });
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
