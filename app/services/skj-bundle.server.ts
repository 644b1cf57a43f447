// What a bundle (issue 7) holds: the lampiran of a published penetapan or the live SKJ under a unit, each
// printed from its stored snapshot (the texts as established, never today's dictionary).
import { coverHeading, type InstanceProfile } from "~/domain/instance";
import { printLampiran, printModelOfPublished, printSignature } from "~/domain/skj-print";
import type { SkjPublishedDocument } from "~/domain/skj-published";
import type { BundleCover, BundleItem, BundleSubject, SkjBundle } from "~/domain/skj-bundle";
import { legalBasisLabel } from "~/domain/penetapan";
import type { Db } from "~db/client.server";
import { exampleCodesOf, requireInstance } from "./instance.server";
import { findUnitById } from "~db/queries/register.server";
import { findPenetapanForBundle, liveVersionsUnder, versionsOfPenetapan, type BundleVersionRow } from "~db/queries/skj-bundle.server";
import { formatTanggal } from "~/domain/format-date";

export { renderBundlePdf } from "./skj-bundle-pdf.server";

function itemOf(db: Db, instance: InstanceProfile, row: BundleVersionRow, keepLegalParts: boolean): BundleItem {
  // the snapshot is our own canonical JSON, immutable in SQL: read as is, not validated again
  const document = JSON.parse(row.snapshot) as SkjPublishedDocument;
  const penetapan = { signerTitle: row.signerTitle, signerName: row.signerName, signedDate: row.signedDate };
  const full = printModelOfPublished(document, penetapan, instance, exampleCodesOf(db, document.competencies));
  const { lampiran, signature, ...bare } = full;
  const model = keepLegalParts ? full : bare;
  return { positionCode: row.positionCode, positionName: row.positionName, unitPath: model.identity.unitPath, version: row.version, model };
}

/** A human title of the subject, for the job list and the file name: "Lampiran Peraturan Gubernur Nomor 12 Tahun 2026". */
export function bundleTitle(db: Db, subject: BundleSubject): string | null {
  if (subject.kind === "penetapan") {
    const act = findPenetapanForBundle(db, subject.penetapanId);
    return act ? `Lampiran ${legalBasisLabel({ kind: act.kind, number: act.number, year: act.year })}` : null;
  }
  const unit = findUnitById(db, subject.unitId);
  return unit ? `SKJ yang berlaku di ${unit.name}` : null;
}

/**
 * The bundle of a subject, or null when the penetapan or unit does not exist. A penetapan that is still a
 * draf established nothing, so its bundle has no items.
 *
 * A penetapan's lampiran carries the regulation's header once on the cover and its signature once after the
 * last SKJ, as the act is signed once; its SKJ are printed without either. A unit's collection gathers
 * versions of different acts, so each SKJ keeps the header and signature of the act that established it.
 */
export function bundleContents(db: Db, subject: BundleSubject, now = new Date()): SkjBundle | null {
  // the date the bureau would write on the cover, in western Indonesia time
  const madeOn = formatTanggal(now);
  const instance = requireInstance(db);
  if (subject.kind === "penetapan") {
    const act = findPenetapanForBundle(db, subject.penetapanId);
    if (!act) return null;
    const rows = act.status === "ditetapkan" ? versionsOfPenetapan(db, act.id) : [];
    const cover: BundleCover = {
      heading: ["STANDAR KOMPETENSI JABATAN", coverHeading(instance)],
      lampiran: printLampiran(act, instance),
      signature: printSignature(act, instance),
      madeOn,
    };
    return { subject, cover, items: rows.map((row) => itemOf(db, instance, row, false)) };
  }
  const unit = findUnitById(db, subject.unitId);
  if (!unit) return null;
  const cover: BundleCover = { heading: ["STANDAR KOMPETENSI JABATAN", unit.name.toUpperCase(), coverHeading(instance)], madeOn };
  return { subject, cover, items: liveVersionsUnder(db, unit.id).map((row) => itemOf(db, instance, row, true)) };
}
