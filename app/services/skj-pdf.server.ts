// Which SKJ a PDF prints: a published version from its stored snapshot and penetapan (cached by contentHash),
// or the open draft with its DRAFT watermark, built exactly as the on-screen preview builds it.
import { eq } from "drizzle-orm";
import { instanceFingerprint } from "~/domain/instance";
import { printModelOfPublished, skjPrintModel, type SkjPrintModel } from "~/domain/skj-print";
import type { SkjPublishedDocument } from "~/domain/skj-published";
import type { Db } from "~db/client.server";
import { positionDetail } from "~db/queries/register.server";
import { draftPins, findOpenDraft } from "~db/queries/skj-drafts.server";
import { publishedVersionBytes, publishedVersionRef } from "~db/queries/skj-read.server";
import { penetapan, skjVersions } from "~db/schema";
import { publishedSkjPdf, renderSkjPdf, type PdfBytes } from "./pdf.server";
import { exampleCodesOf, requireInstance } from "./instance.server";
import { catalogFor } from "./skj-editor.server";

function signerOf(db: Db, versionId: number) {
  return db
    .select({ signerTitle: penetapan.signerTitle, signerName: penetapan.signerName, signedDate: penetapan.signedDate })
    .from(skjVersions)
    .leftJoin(penetapan, eq(penetapan.id, skjVersions.penetapanId))
    .where(eq(skjVersions.id, versionId))
    .get();
}

/** The print model of version `n` of a position, with its lampiran header and signature; null when there is no such version. */
export function publishedPrintModel(db: Db, positionCode: string, n: number): SkjPrintModel | null {
  const ref = publishedVersionRef(db, positionCode, n);
  const stored = ref && publishedVersionBytes(db, positionCode, n);
  if (!ref || !stored) return null;
  // the snapshot is our own canonical JSON, immutable in SQL: read as is, not validated again
  const document = JSON.parse(stored.bytes) as SkjPublishedDocument;
  const signer = signerOf(db, ref.id);
  return printModelOfPublished(
    document,
    { signerTitle: signer?.signerTitle ?? null, signerName: signer?.signerName ?? null, signedDate: signer?.signedDate ?? null },
    requireInstance(db),
    exampleCodesOf(db, document.competencies),
  );
}

/** The PDF of version `n` of a position (live or not), or null when there is no such version. */
export async function publishedVersionPdf(db: Db, positionCode: string, n: number): Promise<PdfBytes | null> {
  const ref = publishedVersionRef(db, positionCode, n);
  if (!ref) return null;
  // the profile prints in the header and signature: a renamed instance must not get a PDF cached with the old name
  return publishedSkjPdf(ref.contentHash, instanceFingerprint(requireInstance(db)), () => {
    const model = publishedPrintModel(db, positionCode, n);
    if (!model) throw new Error(`Versi ${n} SKJ jabatan ${positionCode} tidak ditemukan.`);
    return model;
  });
}

/** The open draft's print model, as the preview page shows it (texts at the draft's pinned revisions); null without a draft. */
export function draftPrintModel(db: Db, positionId: number): SkjPrintModel | null {
  const detail = positionDetail(db, positionId);
  if (!detail) return null;
  const draft = findOpenDraft(db, positionId);
  if (!draft) return null;
  const pins = new Map(draftPins(db, draft.id).map((p) => [p.code, p.pinnedRevisionId]));
  const catalog = catalogFor(
    db,
    draft.document.competencies.map((c) => c.code),
    pins,
  );
  return skjPrintModel(draft.document, new Map(catalog.map((c) => [c.code, c])), detail.path.map((u) => u.name).join(" — "), true);
}

/** The open draft's PDF with the DRAFT watermark, or null when the position has no open draft. */
export async function draftPdf(db: Db, positionId: number): Promise<PdfBytes | null> {
  requireInstance(db);
  const model = draftPrintModel(db, positionId);
  return model ? renderSkjPdf(model) : null;
}

/** A file name safe in Content-Disposition and on any disk: "SKJ-<code>-v<n>.pdf". */
export function pdfFileName(positionCode: string, version: number | "draf"): string {
  const code = positionCode.replace(/[^A-Za-z0-9._-]+/g, "_");
  return `SKJ-${code}-${version === "draf" ? "draf" : `v${version}`}.pdf`;
}
