// One published version of a position as /jabatan/<id>/versi/<n> shows it: the document printed from the
// stored snapshot (the same print model as its PDF), its place in the position's history, and its penetapan.
import { eq } from "drizzle-orm";
import { legalBasisLabel } from "~/domain/penetapan";
import type { Db } from "~db/client.server";
import { penetapan } from "~db/schema";
import { positionVersions } from "./skj-history.server";
import { publishedPrintModel } from "./skj-pdf.server";

export function versionPage(db: Db, position: { id: number; code: string }, n: number) {
  const versions = positionVersions(db, position.id);
  const version = versions.find((v) => v.version === n);
  const model = version ? publishedPrintModel(db, position.code, n) : null;
  if (!version || !model) return null;
  const act = version.penetapanId
    ? db
        .select({
          id: penetapan.id,
          kind: penetapan.kind,
          number: penetapan.number,
          year: penetapan.year,
          title: penetapan.title,
          effectiveDate: penetapan.effectiveDate,
        })
        .from(penetapan)
        .where(eq(penetapan.id, version.penetapanId))
        .get()
    : undefined;
  return {
    version: {
      number: version.version,
      publishedAt: version.publishedAt,
      publishedBy: version.publishedBy,
      endKind: version.endKind,
      endReason: version.endReason,
      endedAt: version.endedAt,
    },
    replacedBy: versions.find((v) => v.id === version.replacedByVersionId)?.version ?? null,
    live: versions.find((v) => !v.endKind)?.version ?? null,
    others: versions.filter((v) => v.version !== n).map((v) => ({ number: v.version, endKind: v.endKind })),
    penetapan: act ? { id: act.id, label: legalBasisLabel(act), effectiveDate: act.effectiveDate } : null,
    model,
  };
}
