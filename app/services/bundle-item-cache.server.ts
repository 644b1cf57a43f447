// The printed pages of each SKJ of a bundle, kept on disk so the next bundle that holds the same SKJ joins
// them instead of printing them again (issue 18 item 3, ADR 030). An item's key is the hash of its print model,
// which holds every text and flag its pages show (the snapshot's texts, the regulation's header and signature,
// the instance profile's names, the example marks); the layout folder is the hash of everything else that decides
// the pages (page rule, fonts, template, stylesheet). So a changed snapshot, profile, template or stylesheet is
// a different key or folder and never a stale page, and no SKJ is rendered only to learn its key.
// The file name carries the item's page count, so a bundle numbers its table of contents before it reads a page.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, PDFName, ParseSpeeds } from "pdf-lib";
import type { SkjPrintModel } from "~/domain/skj-print";
import { writeFileAtomically } from "./atomic-file.server";
import { pdfCacheFolder, readCacheFile } from "./pdf.server";

const ITEM_FILE = /^([0-9a-f]{64})-(\d+)\.pdf$/;

/** The cache key of one SKJ: the hash of its print model, which is everything its pages show. */
export function bundleItemKey(model: SkjPrintModel): string {
  return createHash("sha256").update(JSON.stringify(model)).digest("hex");
}

/** The kept items of one print layout, or of one bundle when the database keeps nothing on disk. */
export interface BundleItemStore {
  /** The page count of every kept item, by key, from the folder listing (no file is read). */
  pageCounts(): Promise<Map<string, number>>;
  /** The kept pages of `key`; null when the file is missing, cut short, unreadable or not `pages` long. */
  read(key: string, pages: number): Promise<PDFDocument | null>;
  /** Keeps pages `pageIndices` of `printed` as the item `key`; throws when it cannot be written. */
  keep(key: string, printed: PDFDocument, pageIndices: number[]): Promise<void>;
  /** Removes a temporary store; a persistent one stays. */
  close(): Promise<void>;
}

let layoutHash: { layout: string; hash: string } | undefined;

/** The folder of one print layout's items; folders of other layouts are removed the first time it is used. */
function layoutFolder(root: string, layout: string): string {
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

function folderStore(folder: string, temporary: boolean): BundleItemStore {
  const counts = new Map<string, number>();
  const fileOf = (key: string, pages: number) => path.join(folder, `${key}-${pages}.pdf`);
  return {
    async pageCounts() {
      counts.clear();
      for (const name of await fs.promises.readdir(folder).catch(() => [] as string[])) {
        const match = ITEM_FILE.exec(name);
        if (match) counts.set(match[1]!, Number(match[2]));
      }
      return new Map(counts);
    },
    async read(key, pages) {
      const bytes = await readCacheFile(fileOf(key, pages));
      if (!bytes) return null;
      try {
        // read, never saved: no metadata to update, and no pauses between objects for a file this small
        const document = await PDFDocument.load(bytes, { parseSpeed: ParseSpeeds.Fastest, updateMetadata: false });
        return document.getPageCount() === pages ? document : null;
      } catch {
        return null;
      }
    },
    async keep(key, printed, pageIndices) {
      const item = await PDFDocument.create();
      for (const page of await item.copyPages(printed, pageIndices)) {
        // the chunk's marks link to names that only the chunk has (the SKJ themselves link nowhere)
        page.node.delete(PDFName.of("Annots"));
        item.addPage(page);
      }
      // unlike the single PDF's cache this one is how a bundle is joined: a failed write fails the bundle
      await writeFileAtomically(fileOf(key, pageIndices.length), await item.save({ useObjectStreams: false }));
      const before = counts.get(key);
      // a damaged file printed again as a different length: the stale name must not be listed again
      if (before !== undefined && before !== pageIndices.length) await fs.promises.rm(fileOf(key, before), { force: true });
      counts.set(key, pageIndices.length);
    },
    async close() {
      if (temporary) await fs.promises.rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * The store of `layout` beside the database; for an in-memory database, which keeps nothing, a temporary
 * folder that lives as long as one bundle, so both print the same way.
 */
export async function openBundleItemStore(layout: string): Promise<BundleItemStore> {
  const root = pdfCacheFolder();
  if (root) return folderStore(layoutFolder(root, layout), false);
  return folderStore(await fs.promises.mkdtemp(path.join(os.tmpdir(), "skj-bundle-items-")), true);
}
