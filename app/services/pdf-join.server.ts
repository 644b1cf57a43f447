// A PDF joined from the pages of many others and written out object by object as they arrive (ADR 030). pdf-lib
// would hold every page of a 2,000-SKJ lampiran until save() (hundreds of MB of objects, then the file again
// at once); here each appended document's objects are serialised and dropped from the context as soon as its
// pages are in, so the process holds one document's objects and the bytes written so far. The page tree is
// one flat list kept here, as pdf-lib's own insertion walks every earlier page (quadratic in the page count).
import {
  type PDFArray,
  PDFCrossRefSection,
  PDFDocument,
  PDFHeader,
  PDFName,
  PDFNumber,
  type PDFObject,
  type PDFPage,
  PDFRef,
  PDFTrailer,
  PDFTrailerDict,
} from "pdf-lib";

const encoder = new TextEncoder();

/** The bytes of one of pdf-lib's serialisable parts (header, cross-reference table, trailer). */
function bytesOf(part: { sizeInBytes(): number; copyBytesInto(buffer: Uint8Array, offset: number): number }): Uint8Array {
  const bytes = new Uint8Array(part.sizeInBytes());
  part.copyBytesInto(bytes, 0);
  return bytes;
}

export class StreamedPdf {
  private readonly parts: Uint8Array[] = [];
  private size = 0;
  private readonly offsets = new Map<number, number>();
  private readonly pageRefs: PDFRef[] = [];

  private constructor(readonly document: PDFDocument) {
    this.write(bytesOf(PDFHeader.forVersion(1, 7)));
    this.write(encoder.encode("\n\n"));
  }

  static async create(): Promise<StreamedPdf> {
    return new StreamedPdf(await PDFDocument.create());
  }

  /** Every page appended so far, in order. */
  get pages(): readonly PDFRef[] {
    return this.pageRefs;
  }

  /**
   * Appends pages `pageIndices` of `source`, each passed to `decorate` (with its number in the whole document,
   * from 0) before it is written; the source may be dropped once this returns.
   */
  async append(source: PDFDocument, pageIndices: number[], decorate: (page: PDFPage, index: number) => void): Promise<void> {
    const { context, catalog } = this.document;
    const parent = catalog.get(PDFName.of("Pages")) as PDFRef;
    const { Root, Info } = context.trailerInfo;
    for (const page of await this.document.copyPages(source, pageIndices)) {
      page.node.set(PDFName.of("Parent"), parent);
      decorate(page, this.pageRefs.length);
      this.pageRefs.push(page.ref);
    }
    // the catalog, the page tree and the metadata are written last, when they are complete
    this.flush((ref) => ref !== parent && ref !== Root && ref !== Info);
  }

  /** Writes what remains (the page tree, the catalog, fonts, bookmarks, metadata) and answers the whole file. */
  async finish(): Promise<Uint8Array<ArrayBuffer>> {
    const { context, catalog } = this.document;
    const tree = catalog.Pages();
    tree.set(PDFName.of("Kids"), context.obj(this.pageRefs) as PDFArray);
    tree.set(PDFName.of("Count"), PDFNumber.of(this.pageRefs.length));
    // fonts and other embeddings are only written into the context on save(), which this replaces
    await (this.document as unknown as { flush(): Promise<void> }).flush();
    this.flush(() => true);

    const xref = PDFCrossRefSection.create();
    for (const number of [...this.offsets.keys()].sort((a, b) => a - b)) xref.addEntry(PDFRef.of(number), this.offsets.get(number)!);
    const xrefOffset = this.size;
    const trailer = PDFTrailerDict.of(
      context.obj({ Size: context.largestObjectNumber + 1, Root: context.trailerInfo.Root, Info: context.trailerInfo.Info }),
    );
    for (const part of [
      bytesOf(xref),
      encoder.encode("\n"),
      bytesOf(trailer),
      encoder.encode("\n\n"),
      bytesOf(PDFTrailer.forLastCrossRefSectionOffset(xrefOffset)),
    ])
      this.write(part);

    const bytes = new Uint8Array(this.size);
    let offset = 0;
    for (const part of this.parts.splice(0)) {
      bytes.set(part, offset);
      offset += part.length;
    }
    return bytes;
  }

  /** Serialises the context's objects that `writeNow` accepts into one part, and drops them from the context. */
  private flush(writeNow: (ref: PDFRef) => boolean) {
    const { context } = this.document;
    const objects = context.enumerateIndirectObjects().filter(([ref]) => writeNow(ref));
    const heads = objects.map(([ref]) => encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    const tail = encoder.encode("\nendobj\n\n");
    const length = objects.reduce((sum, [, object], i) => sum + heads[i]!.length + object.sizeInBytes() + tail.length, 0);
    const part = new Uint8Array(length);
    let offset = 0;
    objects.forEach(([ref, object]: [PDFRef, PDFObject], i) => {
      this.offsets.set(ref.objectNumber, this.size + offset);
      part.set(heads[i]!, offset);
      offset += heads[i]!.length;
      offset += object.copyBytesInto(part, offset);
      part.set(tail, offset);
      offset += tail.length;
      context.delete(ref);
    });
    this.write(part);
  }

  private write(part: Uint8Array) {
    this.parts.push(part);
    this.size += part.length;
  }
}
