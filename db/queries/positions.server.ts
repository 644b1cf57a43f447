import { eq } from "drizzle-orm";
import { changedFields, describeChanges } from "~/domain/audit";
import type { RichTextNode } from "~/domain/richtext";
import { docToPlainText, plainTextToDoc } from "~/domain/richtext";
import type { PositionInput } from "~/domain/sotk";
import type { Db } from "../client.server";
import { positions, type Position } from "../schema";
import { recordAudit } from "./audit.server";
import { findPositionByCode, findUnitByCode } from "./register.server";

export type PositionWriteResult = { ok: true; position: Position } | { ok: false; errors: Record<string, string> };

const auditView = (p: Position) => ({
  code: p.code,
  name: p.name,
  group: p.group,
  functionalLevel: p.functionalLevel,
  unitId: p.unitId,
  governmentAffair: p.governmentAffair,
  summary: p.summaryText.length > 200 ? `${p.summaryText.slice(0, 200)}…` : p.summaryText,
  requiredHeadcount: p.requiredHeadcount,
  active: p.active,
});

/** The summary arrives as tiptap JSON (the editor) or plain text (forms without JS, imports). */
function summaryColumns(input: PositionInput, summaryJson: RichTextNode | null) {
  if (summaryJson) return { summaryJson, summaryText: docToPlainText(summaryJson) };
  return { summaryJson: input.summaryText ? plainTextToDoc(input.summaryText) : null, summaryText: input.summaryText };
}

export function savePosition(
  db: Db,
  id: number | null,
  input: PositionInput,
  summaryJson: RichTextNode | null,
  actorId: number,
): PositionWriteResult {
  return db.transaction((tx): PositionWriteResult => {
    const unit = findUnitByCode(tx, input.unitCode);
    if (!unit) return { ok: false, errors: { unitCode: `Unit ${input.unitCode} tidak ditemukan.` } };
    const clash = findPositionByCode(tx, input.code);
    if (clash && clash.id !== id) return { ok: false, errors: { code: `Kode jabatan ${input.code} sudah dipakai.` } };
    const values = {
      code: input.code,
      name: input.name,
      group: input.group,
      functionalLevel: input.functionalLevel,
      unitId: unit.id,
      governmentAffair: input.governmentAffair,
      requiredHeadcount: input.requiredHeadcount,
      ...summaryColumns(input, summaryJson),
    };
    if (id === null) {
      const position = tx.insert(positions).values(values).returning().get();
      recordAudit(tx, {
        actorId,
        action: "position.create",
        entityType: "position",
        entityId: position.id,
        summary: `Jabatan ${position.code} (${position.name}) dibuat`,
        after: auditView(position),
      });
      return { ok: true, position };
    }
    const before = tx.select().from(positions).where(eq(positions.id, id)).get();
    if (!before) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
    const position = tx
      .update(positions)
      .set({ ...values, updatedAt: new Date().toISOString() })
      .where(eq(positions.id, id))
      .returning()
      .get();
    const diff = describeChanges(changedFields(auditView(before), auditView(position)));
    recordAudit(tx, {
      actorId,
      action: "position.update",
      entityType: "position",
      entityId: id,
      summary: `Jabatan ${position.code} diubah: ${diff || "tanpa perubahan"}`,
      before: auditView(before),
      after: auditView(position),
    });
    return { ok: true, position };
  });
}

export function setPositionActive(db: Db, id: number, active: boolean, actorId: number): Position {
  return db.transaction((tx) => {
    const position = tx
      .update(positions)
      .set({ active, updatedAt: new Date().toISOString() })
      .where(eq(positions.id, id))
      .returning()
      .get();
    if (!position) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
    recordAudit(tx, {
      actorId,
      action: active ? "position.activate" : "position.deactivate",
      entityType: "position",
      entityId: id,
      summary: `Jabatan ${position.code} ${active ? "diaktifkan" : "dinonaktifkan"}`,
      after: { active },
    });
    return position;
  });
}
