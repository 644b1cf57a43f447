// Publishes one approved draft of the demo province as its own penetapan, in SQL: for tests about what a
// published version is, not about the review flow that leads there.
import type { Db } from "~db/client.server";
import { addToPenetapan, createPenetapan } from "~db/queries/penetapan.server";
import { publishPenetapan } from "~db/queries/skj-publish.server";
import { findUserByEmail } from "~db/queries/users.server";

function actor(db: Db, email: string) {
  const u = findUserByEmail(db, email)!;
  return { id: u.id, role: u.role };
}

/** Publishes approved draft `draftId` of position `code` under Peraturan Gubernur `number`; returns its version number. */
export function publishApprovedDraft(db: Db, draftId: number, code: string, number: string, at: Date): number {
  const admin = actor(db, "admin@demo.go.id");
  const created = createPenetapan(
    db,
    {
      kind: "Peraturan Gubernur",
      number,
      year: 2026,
      title: "Standar Kompetensi Jabatan di Lingkungan Pemerintah Provinsi",
      signedDate: "2026-03-01",
      effectiveDate: "2026-04-01",
      signerTitle: "Gubernur Nusantara Jaya",
      signerName: "Gubernur Demo",
    },
    admin.id,
  );
  if (!created.ok) throw new Error(created.message);
  const added = addToPenetapan(db, created.id, draftId, admin.id);
  if (!added.ok) throw new Error(added.message);
  const result = publishPenetapan(db, created.id, actor(db, "reviewer2@demo.go.id"), at);
  if (!result.ok) throw new Error(result.message);
  return result.versions.find((v) => v.positionCode === code)!.version;
}
