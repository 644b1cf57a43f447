// The SKJ as Word (issue 7 §4), for the legal drafters who paste it into the regulation. Built from the same
// SkjPrintModel as the PDF and the preview; only the layout engine differs (Word lays the document out
// itself, so nothing here is pixel-matched to Chromium).
import type { SkjPrintModel } from "~/domain/skj-print";
import { packWordFile } from "./docx-layout.server";
import { skjContents } from "./skj-docx-tables.server";
import { pdfFileName } from "./skj-pdf.server";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The SKJ of a print model as a .docx file: the PDF's tables, header and signature, editable; a draft watermarked. */
export function skjDocx(model: SkjPrintModel): Promise<Uint8Array> {
  return packWordFile({
    title: `SKJ ${model.identity.code} ${model.identity.name}${model.draft ? " (DRAFT)" : ""}`,
    draft: model.draft,
    children: skjContents(model),
  });
}

/** "SKJ-<code>-v<n>.docx" (or "-draf"), the PDF's name with Word's extension. */
export function docxFileName(positionCode: string, version: number | "draf"): string {
  return pdfFileName(positionCode, version).replace(/\.pdf$/, ".docx");
}
