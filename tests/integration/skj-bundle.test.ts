// The bundle PDF (issue 7) with the real Chromium, read back with unpdf one page at a time: the cover, a
// table of contents whose numbers point at the pages where each SKJ really begins, page numbers across the
// whole bundle, and the penetapan's signature once at the end.
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePdfBrowser } from "~/services/pdf.server";
import { BUNDLE_CHUNK_SIZE } from "~/services/skj-bundle-pdf.server";
import { bundleContents, renderBundlePdf } from "~/services/skj-bundle.server";
import type { SkjBundle } from "~/domain/skj-bundle";
import type { Db } from "~db/client.server";
import { findUnitByCode } from "~db/queries/register.server";
import { seedDemoSkj } from "~seeds/demo-skj.server";
import { useTestDatabase } from "../setup/test-db";

// the demo's two acts: Nomor 12 establishes ten SKJ, Nomor 31 a second version of one of them
const FIRST_ACT = 1;
const REVISED = "SETDA.BIRO-ORG.BAG-TATALAKSANA.KABAG";

let db: Db;

beforeAll(async () => {
  db = await useTestDatabase("demo");
  seedDemoSkj(db);
}, 30_000);

afterAll(async () => {
  await closePdfBrowser();
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function pagesOf(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return text;
}

/** The page number the table of contents gives each item, read from the printed text of the front pages. */
function tocPages(pages: string[], bundle: SkjBundle): number[] {
  const toc = pages.slice(0, 4).join("\n");
  return bundle.items.map((item) => {
    const row = new RegExp(`${escapeRegExp(item.positionCode)}\\s[\\s\\S]*?Versi ${item.version}\\s+(\\d+)`).exec(toc);
    expect(row, `the table of contents lists ${item.positionCode}`).not.toBeNull();
    return Number(row![1]);
  });
}

describe("what a bundle gathers", () => {
  it("a penetapan: the versions it established, in register order, the regulation's header and signature on the cover only", () => {
    const bundle = bundleContents(db, { kind: "penetapan", penetapanId: FIRST_ACT })!;
    expect(bundle.items).toHaveLength(10);
    // the act's lampiran is fixed: version 1 of the revised position stays in it
    expect(bundle.items.find((i) => i.positionCode === REVISED)?.version).toBe(1);
    // the unit tree (Biro Organisasi before Biro Pemerintahan, a bureau before its sections), then the code
    const codes = bundle.items.map((i) => i.positionCode);
    expect(codes[0]).toBe("SETDA.BIRO-ORG.KARO");
    expect(codes.indexOf("SETDA.BIRO-ORG.BAG-RBAK.KABAG")).toBeLessThan(codes.indexOf("SETDA.BIRO-ORG.BAG-RBAK.SUBBAG-TU.KASUBBAG"));
    expect(codes.slice(-2)).toEqual(["SETDA.BIRO-PEM.BAG-OTDA.AK-MUDA", "SETDA.BIRO-PEM.BAG-OTDA.KABAG"]);
    expect(bundle.cover.lampiran).toMatchObject({ kind: "PERATURAN GUBERNUR", number: "12", year: 2026 });
    expect(bundle.cover.signature).toEqual({
      signedOn: "2 Maret 2026",
      title: "Gubernur Nusantara Jaya",
      name: "Arya Wiratama",
      place: "Kota Jaya",
    });
    for (const item of bundle.items) {
      expect(item.model.lampiran).toBeUndefined();
      expect(item.model.signature).toBeUndefined();
      expect(item.model.identity.code).toBe(item.positionCode);
    }
  });

  it("a unit: the live version of every position under it, each with the header and signature of its own act", () => {
    const setda = findUnitByCode(db, "SETDA")!;
    const bundle = bundleContents(db, { kind: "unit", unitId: setda.id })!;
    expect(bundle.items).toHaveLength(10);
    expect(bundle.items.find((i) => i.positionCode === REVISED)).toMatchObject({ version: 2, model: { lampiran: { number: "31" } } });
    expect(bundle.items.find((i) => i.positionCode === "SETDA.BIRO-ORG.KARO")?.model.lampiran?.number).toBe("12");
    expect(bundle.cover.lampiran).toBeUndefined();
    expect(bundle.cover.heading).toContain("SEKRETARIAT DAERAH PROVINSI NUSANTARA JAYA");

    const biroPem = findUnitByCode(db, "SETDA.BIRO-PEM")!;
    expect(bundleContents(db, { kind: "unit", unitId: biroPem.id })!.items.map((i) => i.positionCode)).toEqual([
      "SETDA.BIRO-PEM.BAG-OTDA.AK-MUDA",
      "SETDA.BIRO-PEM.BAG-OTDA.KABAG",
    ]);
    expect(bundleContents(db, { kind: "unit", unitId: findUnitByCode(db, "BKD")!.id })!.items).toEqual([]);
    expect(bundleContents(db, { kind: "unit", unitId: 999_999 })).toBeNull();
    expect(bundleContents(db, { kind: "penetapan", penetapanId: 999_999 })).toBeNull();
  });
});

describe("the bundle PDF", () => {
  let bundle: SkjBundle;
  let result: { bytes: Uint8Array; pages: number };
  let pages: string[];
  const progress: [number, number][] = [];

  beforeAll(async () => {
    bundle = bundleContents(db, { kind: "penetapan", penetapanId: FIRST_ACT })!;
    // chunks of 4: the ten SKJ cross two chunk boundaries, where a miscount would show
    result = await renderBundlePdf(bundle, { chunkSize: 4, onProgress: (done, total) => progress.push([done, total]) });
    pages = await pagesOf(result.bytes);
  }, 120_000);

  it("opens with the cover: the regulation's lampiran header, the title, the count", () => {
    expect(result.pages).toBe(pages.length);
    const cover = pages[0]!.replace(/\s+/g, " ");
    for (const line of [
      "LAMPIRAN",
      "PERATURAN GUBERNUR NUSANTARA JAYA",
      "NOMOR 12 TAHUN 2026",
      "STANDAR KOMPETENSI JABATAN DI LINGKUNGAN SEKRETARIAT DAERAH",
      "PEMERINTAH PROVINSI NUSANTARA JAYA",
      "10 SKJ",
      "Dibuat ",
    ]) {
      expect(cover).toContain(line);
    }
    expect(pages[1]).toContain("DAFTAR ISI");
  });

  it("has a table of contents whose page numbers are the pages where each SKJ begins, each on a new page", () => {
    const starts = tocPages(pages, bundle);
    expect(starts[0]).toBeGreaterThan(2);
    starts.forEach((start, i) => {
      const item = bundle.items[i]!;
      const page = pages[start - 1]!;
      expect(page.trimStart(), `page ${start} begins ${item.positionCode}`).toMatch(/^STANDAR KOMPETENSI JABATAN/);
      expect(page).toContain(item.positionName);
      // the page before belongs to the SKJ before (or the table of contents): this one starts fresh
      expect(pages[start - 2]!.replace(/\s+/g, "")).not.toContain(`NamaJabatan:${item.positionName}`.replace(/\s+/g, ""));
      if (i > 0) expect(start).toBeGreaterThan(starts[i - 1]!);
    });
    // no page between two starts begins another SKJ, so none was lost or counted twice
    const begins = pages.map((p, i) => (p.trimStart().startsWith("STANDAR KOMPETENSI JABATAN") ? i + 1 : null)).filter((n) => n !== null);
    expect(begins).toEqual(starts);
  });

  it("numbers every page across the whole bundle and signs once, after the last SKJ", () => {
    pages.forEach((page, i) => {
      expect(page).toContain(`Halaman ${i + 1} dari ${pages.length}`);
      expect(page.match(/Halaman \d+ dari \d+/g)).toHaveLength(1);
    });
    const signed = pages.map((p, i) => (p.includes("pada tanggal 2 Maret 2026") ? i : -1)).filter((i) => i >= 0);
    expect(signed).toEqual([pages.length - 1]);
    expect(pages.at(-1)).toContain("Arya Wiratama");
  });

  it("reports progress chunk by chunk, up to the whole bundle", () => {
    expect(progress).toEqual([
      [0, 10],
      [4, 10],
      [8, 10],
      [10, 10],
    ]);
  });

  it("is a well-formed file: every entry of its cross-reference table points at its own object", () => {
    // pdf.js rebuilds a broken table silently, so the table is checked here as a strict reader would use it
    const text = Buffer.from(result.bytes).toString("latin1");
    const xrefAt = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe("xref");
    const lines = text.slice(xrefAt).split("\n");
    let checked = 0;
    for (let i = 1; !lines[i]!.startsWith("trailer"); ) {
      const [first, count] = lines[i++]!.split(" ").map(Number);
      for (let k = 0; k < count!; k++, i++) {
        const [offset, , kind] = lines[i]!.trim().split(" ");
        if (kind !== "n") continue;
        expect(text.slice(Number(offset), Number(offset) + 20)).toMatch(new RegExp(`^${first! + k} 0 obj`));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(result.pages * 2);
  });

  it("prints the same pages whatever the chunk size, and a bookmark per SKJ", async () => {
    expect(BUNDLE_CHUNK_SIZE).toBeGreaterThan(10);
    const whole = await renderBundlePdf(bundle);
    expect(whole.pages).toBe(result.pages);
    expect(tocPages(await pagesOf(whole.bytes), bundle)).toEqual(tocPages(pages, bundle));
    const outline = await (await getDocumentProxy(new Uint8Array(whole.bytes))).getOutline();
    expect(outline.map((o) => o.title)).toEqual(bundle.items.map((i) => `${i.positionCode} ${i.positionName}`));
  }, 120_000);
});
