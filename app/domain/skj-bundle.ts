// A bundle (issue 7): many SKJ printed as one document, the lampiran of a penetapan or every live SKJ of a
// perangkat daerah. The PDF and the Word bundle are both made from this one model.
import type { PrintLampiran, PrintSignature, SkjPrintModel } from "./skj-print";

/** What a bundle collects: the versions a penetapan established, or the live versions under a unit. */
export type BundleSubject = { kind: "penetapan"; penetapanId: number } | { kind: "unit"; unitId: number };

export interface BundleCover {
  /** "LAMPIRAN SKJ" lines as printed on the cover, top to bottom (upper case). */
  heading: string[];
  /** The regulation's header, for a penetapan's lampiran; absent for a unit's collection. */
  lampiran?: PrintLampiran;
  /** The regulation's signature block, printed once at the end of a penetapan's lampiran. */
  signature?: PrintSignature;
  /** "1 Desember 2026", when the bundle was made. */
  madeOn: string;
}

export interface BundleItem {
  positionCode: string;
  positionName: string;
  /** "Sekretariat Daerah — Biro Organisasi", as in the Identitas table. */
  unitPath: string;
  version: number;
  model: SkjPrintModel;
}

export interface SkjBundle {
  subject: BundleSubject;
  cover: BundleCover;
  items: BundleItem[];
}

/**
 * The first page of each item, numbered from 1 at the cover, given how many pages the front matter (cover and
 * table of contents) and each item take once printed.
 */
export function itemStartPages(frontMatterPages: number, itemPageCounts: readonly number[]): number[] {
  const starts: number[] = [];
  let next = frontMatterPages + 1;
  for (const count of itemPageCounts) {
    starts.push(next);
    next += count;
  }
  return starts;
}
