// The bundle as one PDF (issue 7): the SKJ are printed by the same sandboxed Chromium as a single SKJ, a
// chunk of them per print (one context, the fonts decoded once), and the chunks are joined with pdf-lib
// as they arrive, so at most two chunks' PDFs are held besides the joined document. Each SKJ of a chunk opens with an
// empty link to a mark of its own; Chromium turns every linked mark into a named destination on the page
// where it landed, which gives the page counts the table of contents needs without printing any SKJ twice
// (a tagged PDF's outline would say the same, at twice the print time and ten times the parsing). Page
// numbers run across the whole bundle, so Chromium's footer is off and "Halaman x dari y" is stamped on the
// joined pages instead, in the same place and size. Each SKJ's pages are kept on disk once printed
// (bundle-item-cache.server.ts), so a later bundle with the same SKJ only joins them.
import fs from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFPage, PDFRef, rgb } from "pdf-lib";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { BundleFrontMatter } from "~/components/skj-document/bundle-front-matter";
import { SkjDocumentView } from "~/components/skj-document/skj-document-view";
import { itemStartPages, type SkjBundle } from "~/domain/skj-bundle";
import { PRINT_SPECIMEN } from "~/domain/print-specimen";
import type { SkjPrintModel } from "~/domain/skj-print";
import { type BundleItemStore, bundleItemKey, openBundleItemStore } from "./bundle-item-cache.server";
import { StreamedPdf } from "./pdf-join.server";
import { printableHtml, withPrintPage, type PdfBytes } from "./pdf.server";

/** SKJ per print: large enough that decoding the inlined fonts (~40 ms a document) is paid rarely, small enough to hold. */
export const BUNDLE_CHUNK_SIZE = 25;

// where and how large Chromium draws its footer template (8pt, centred, baseline 17.1 pt above the A4 edge),
// measured from a single-SKJ PDF, so a bundle page and a single SKJ look alike
const FOOTER_SIZE = 8;
const FOOTER_BASELINE = 17.13;

const ITEM_CSS =
  "<style>.bundle-item + .bundle-item { break-before: page; page-break-before: always; } .bundle-start { display: block; width: 1px; height: 1px; }</style>";
const startMark = (i: number) => `bundle-start-${i}`;

const itemMarkup = (model: SkjPrintModel) => renderToStaticMarkup(createElement(SkjDocumentView, { model }));

function itemsHtml(title: string, markups: readonly string[]): string {
  const body = markups
    .map(
      (markup, i) =>
        `<section class="bundle-item"><a class="bundle-start" href="#${startMark(i)}"></a><span id="${startMark(i)}"></span>${markup}</section>`,
    )
    .join("");
  return printableHtml(title, ITEM_CSS + body);
}

let layout: string | undefined;

/**
 * Everything besides an SKJ's print model that decides how its pages look: the page rule, the fonts, the
 * bundle CSS and the template with its stylesheet (as the markup of a model that takes its every branch).
 */
export const bundleItemLayout = () => (layout ??= `${printableHtml("", "")}${ITEM_CSS}${itemMarkup(PRINT_SPECIMEN)}footer:off`);

/** The page index (from 0) each SKJ of a chunk starts on, from the named destinations of their marks; null if any is missing. */
function markedStartPages(pdf: PDFDocument, items: number): number[] | null {
  const dests = pdf.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  if (!dests) return null;
  const pageIndex = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i]));
  const starts: number[] = [];
  for (let i = 0; i < items; i++) {
    const target = dests.lookupMaybe(PDFName.of(startMark(i)), PDFArray)?.get(0);
    const index = target instanceof PDFRef ? pageIndex.get(target.toString()) : undefined;
    if (index === undefined) return null;
    starts.push(index);
  }
  return starts;
}

/** The pages of one SKJ: some pages of a printed document. */
interface ItemPages {
  document: PDFDocument;
  pageIndices: number[];
}

/** Each SKJ's pages from the marks, when each SKJ starts on a later page than the one before. */
function itemPagesOf(pdf: PDFDocument, items: number): ItemPages[] | null {
  const starts = markedStartPages(pdf, items);
  if (starts?.[0] !== 0 || starts.some((s, i) => i > 0 && s <= starts[i - 1]!)) return null;
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? pdf.getPageCount();
    return { document: pdf, pageIndices: Array.from({ length: end - start }, (_, k) => start + k) };
  });
}

async function printItems(title: string, markups: readonly string[]): Promise<ItemPages[]> {
  const whole = await PDFDocument.load(await withPrintPage((page) => page.print(itemsHtml(title, markups), { footer: false })));
  const items = itemPagesOf(whole, markups.length);
  if (items) return items;
  // the marks did not tell (a Chromium that drops empty links, say): print the chunk's SKJ one by one instead
  const singles = await withPrintPage(async (page) => {
    const printed: PdfBytes[] = [];
    for (const markup of markups) printed.push(await page.print(itemsHtml(title, [markup]), { footer: false }));
    return printed;
  });
  const documents = await Promise.all(singles.map((bytes) => PDFDocument.load(bytes)));
  return documents.map((document) => ({ document, pageIndices: document.getPageIndices() }));
}

const chunkTitle = (first: SkjPrintModel) => `SKJ ${first.identity.code} ${first.identity.name}`;

/**
 * Makes sure every SKJ of the bundle is kept in `store`, printing those that are not, a chunk per print, and
 * answers each one's page count. Chromium prints the next chunk while this process keeps the pages of the last.
 */
async function keepAll(
  store: BundleItemStore,
  models: readonly SkjPrintModel[],
  keys: readonly string[],
  chunkSize: number,
  onProgress?: (done: number, total: number) => void,
): Promise<number[]> {
  const kept = await store.pageCounts();
  const missing = keys.flatMap((key, i) => (kept.has(key) ? [] : [i]));
  const print = (from: number) => {
    const chunk = missing.slice(from, from + chunkSize);
    const printing = printItems(
      chunkTitle(models[chunk[0]!]!),
      chunk.map((i) => itemMarkup(models[i]!)),
    );
    // awaited below; until then a failure must not count as unhandled should an earlier chunk fail first
    printing.catch(() => {});
    return { chunk, printing };
  };
  let next = missing.length > 0 ? print(0) : null;
  for (let from = 0; next; from += chunkSize) {
    const { chunk, printing } = next;
    const printed = await printing;
    next = from + chunkSize < missing.length ? print(from + chunkSize) : null;
    for (const [j, i] of chunk.entries()) {
      await store.keep(keys[i]!, printed[j]!.document, printed[j]!.pageIndices);
      kept.set(keys[i]!, printed[j]!.pageIndices.length);
    }
    onProgress?.(models.length - missing.length + from + chunk.length, models.length);
  }
  if (missing.length === 0) onProgress?.(models.length, models.length);
  return keys.map((key) => kept.get(key)!);
}

async function printFrontMatter(bundle: SkjBundle, startPages: readonly (number | string)[]): Promise<PDFDocument> {
  const markup = renderToStaticMarkup(createElement(BundleFrontMatter, { cover: bundle.cover, items: bundle.items, startPages }));
  const bytes = await withPrintPage((page) => page.print(printableHtml(bundle.cover.heading.join(" "), markup), { footer: false }));
  return PDFDocument.load(bytes);
}

let footerFont: Uint8Array | undefined;

/** Draws "Halaman x dari `total`" on a page given its index (from 0), in one subset of Arimo embedded once. */
async function pageNumberStamp(pdf: PDFDocument, total: number): Promise<(page: PDFPage, index: number) => void> {
  footerFont ??= fs.readFileSync(createRequire(import.meta.url).resolve("@fontsource/arimo/files/arimo-latin-400-normal.woff"));
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(footerFont, { subset: true });
  return (page, index) => {
    const text = `Halaman ${index + 1} dari ${total}`;
    const width = font.widthOfTextAtSize(text, FOOTER_SIZE);
    page.drawText(text, { x: (page.getWidth() - width) / 2, y: FOOTER_BASELINE, size: FOOTER_SIZE, font, color: rgb(0, 0, 0) });
  };
}

/** One bookmark per SKJ ("code name"), pointing at its first page. */
function addBookmarks(pdf: PDFDocument, bundle: SkjBundle, pages: readonly PDFRef[], startPages: readonly number[]) {
  if (bundle.items.length === 0) return;
  const { context } = pdf;
  const root = context.nextRef();
  const refs = bundle.items.map(() => context.nextRef());
  bundle.items.forEach((item, i) => {
    const entry = context.obj({ Parent: root, Dest: [pages[startPages[i]! - 1]!, "XYZ", null, null, null] }) as PDFDict;
    entry.set(PDFName.of("Title"), PDFHexString.fromText(`${item.positionCode} ${item.positionName}`));
    if (i > 0) entry.set(PDFName.of("Prev"), refs[i - 1]!);
    if (i + 1 < refs.length) entry.set(PDFName.of("Next"), refs[i + 1]!);
    context.assign(refs[i]!, entry);
  });
  context.assign(root, context.obj({ Type: "Outlines", First: refs[0]!, Last: refs.at(-1)!, Count: refs.length }));
  pdf.catalog.set(PDFName.of("Outlines"), root);
}

export interface BundlePdfOptions {
  /** Called after each chunk with the number of SKJ printed so far and the bundle's total. */
  onProgress?: (done: number, total: number) => void;
  /** SKJ per print; BUNDLE_CHUNK_SIZE unless a test wants chunk boundaries in a small bundle. */
  chunkSize?: number;
}

/**
 * A kept item that was listed but cannot be read (damaged since), printed and kept again. The same model and
 * layout print the same pages, so the table of contents, numbered already, still holds; should it not, the
 * bundle fails rather than point at the wrong pages, and the next one is numbered from the new file.
 */
async function printAgain(store: BundleItemStore, model: SkjPrintModel, key: string, pages: number): Promise<PDFDocument> {
  const [printed] = await printItems(chunkTitle(model), [itemMarkup(model)]);
  await store.keep(key, printed!.document, printed!.pageIndices);
  const item = await store.read(key, printed!.pageIndices.length);
  if (!item || item.getPageCount() !== pages)
    throw new Error(`Halaman SKJ ${model.identity.code} berubah saat dicetak ulang; ekspor ulang berkas ini.`);
  return item;
}

/**
 * The cover and table of contents, given each SKJ's page count. Printed once with placeholders as wide as the
 * real numbers to learn its length, then with the numbers; should the numbers still change its length, once more.
 */
async function frontMatter(bundle: SkjBundle, pageCounts: readonly number[]): Promise<{ front: PDFDocument; starts: number[] }> {
  const bodyPages = pageCounts.reduce((sum, n) => sum + n, 0);
  let front = await printFrontMatter(
    bundle,
    pageCounts.map(() => "8".repeat(String(bodyPages + 9).length)),
  );
  let starts = itemStartPages(front.getPageCount(), pageCounts);
  for (let attempt = 0; attempt < 2; attempt++) {
    const printed = await printFrontMatter(bundle, starts);
    const settled = printed.getPageCount() === front.getPageCount();
    front = printed;
    if (settled) break;
    starts = itemStartPages(front.getPageCount(), pageCounts);
  }
  return { front, starts };
}

/**
 * The bundle from its kept items: every SKJ not kept yet is printed and kept first, so the front matter can be
 * numbered from the page counts and printed before the join; the join then reads one kept item at a time.
 */
async function printWithStore(
  bundle: SkjBundle,
  models: readonly SkjPrintModel[],
  store: BundleItemStore,
  options: BundlePdfOptions,
): Promise<{ bytes: PdfBytes; pages: number }> {
  const keys = models.map(bundleItemKey);
  options.onProgress?.(0, models.length);
  const pageCounts = await keepAll(store, models, keys, options.chunkSize ?? BUNDLE_CHUNK_SIZE, options.onProgress);
  const { front, starts } = await frontMatter(bundle, pageCounts);

  const out = await StreamedPdf.create();
  const total = front.getPageCount() + pageCounts.reduce((sum, n) => sum + n, 0);
  const stamp = await pageNumberStamp(out.document, total);
  await out.append(front, front.getPageIndices(), stamp);
  for (const [i, key] of keys.entries()) {
    const item = (await store.read(key, pageCounts[i]!)) ?? (await printAgain(store, models[i]!, key, pageCounts[i]!));
    await out.append(item, item.getPageIndices(), stamp);
  }

  addBookmarks(out.document, bundle, out.pages, starts);
  out.document.setTitle(`${bundle.cover.heading.join(" ")} (${models.length} SKJ)`);
  out.document.setLanguage("id");
  out.document.setCreator("SKJ Studio");
  return { bytes: await out.finish(), pages: total };
}

/** The whole bundle as one PDF: cover, table of contents with page numbers, each SKJ from a new page. */
export async function renderBundlePdf(bundle: SkjBundle, options: BundlePdfOptions = {}): Promise<{ bytes: PdfBytes; pages: number }> {
  const models = bundle.items.map((item) => item.model);
  // a penetapan is signed once: its signature block closes the last SKJ of the lampiran
  const last = models.length - 1;
  if (bundle.cover.signature && last >= 0) models[last] = { ...models[last]!, signature: bundle.cover.signature };

  const store = await openBundleItemStore(bundleItemLayout());
  try {
    return await printWithStore(bundle, models, store, options);
  } finally {
    await store.close();
  }
}
