// The printed pages of each SKJ of a bundle, kept on disk so the next bundle that holds the same SKJ joins
// them instead of printing them again (issue 18 item 3, ADR 030). The key is the hash of exactly what
// Chromium would be given, the SKJ's markup plus the print layout (page rule, fonts, bundle CSS), so a
// changed snapshot, instance profile, template or stylesheet is a different key and never a stale page.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { pdfCacheFolder, readCacheFile, writeCacheFile } from "./pdf.server";

const KEY_PATTERN = /^[0-9a-f]{64}$/;

let layoutHash: { layout: string; hash: string } | undefined;

/** The folder of one print layout's items; folders of other layouts are removed the first time it is used. */
function layoutFolder(layout: string): string | null {
  const root = pdfCacheFolder();
  if (!root) return null;
  if (layoutHash?.layout !== layout) {
    const hash = createHash("sha256").update(layout).digest("hex").slice(0, 16);
    layoutHash = { layout, hash };
    void removeOtherLayouts(path.join(root, "bundle-items"), hash);
  }
  return path.join(root, "bundle-items", layoutHash.hash);
}

// pages printed with an earlier stylesheet or font can never be asked for again
async function removeOtherLayouts(folder: string, keep: string) {
  const entries = await fs.promises.readdir(folder).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry !== keep) await fs.promises.rm(path.join(folder, entry), { recursive: true, force: true }).catch(() => {});
  }
}

/** The cache key of one SKJ's markup. */
export function bundleItemKey(markup: string): string {
  return createHash("sha256").update(markup).digest("hex");
}

function itemFile(layout: string, key: string): string | null {
  const folder = layoutFolder(layout);
  return folder && KEY_PATTERN.test(key) ? path.join(folder, `${key}.pdf`) : null;
}

/** The pages printed earlier for `key` under `layout`; null when there are none or the file is unreadable. */
export async function cachedBundleItem(layout: string, key: string): Promise<PDFDocument | null> {
  const file = itemFile(layout, key);
  const bytes = file ? await readCacheFile(file) : null;
  if (!bytes) return null;
  try {
    return await PDFDocument.load(bytes);
  } catch {
    // a damaged file is printed again and overwritten
    return null;
  }
}

/** Keeps pages `pageIndices` of `printed` as the item `key`. */
export async function keepBundleItem(layout: string, key: string, printed: PDFDocument, pageIndices: number[]): Promise<void> {
  const file = itemFile(layout, key);
  if (!file) return;
  const item = await PDFDocument.create();
  for (const page of await item.copyPages(printed, pageIndices)) item.addPage(page);
  await writeCacheFile(file, await item.save({ useObjectStreams: false }));
}

/** Whether a bundle item cache exists for this database (not for an in-memory one). */
export function bundleItemCacheEnabled(): boolean {
  return pdfCacheFolder() !== null;
}
