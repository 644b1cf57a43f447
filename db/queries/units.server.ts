import { and, eq } from "drizzle-orm";
import { changedFields, describeChanges } from "~/domain/audit";
import { wouldCreateCycle, type UnitInput } from "~/domain/sotk";
import type { Db } from "../client.server";
import { orgUnits, positions, type OrgUnit } from "../schema";
import { recordAudit } from "./audit.server";
import { findUnitByCode } from "./register.server";

export type UnitWriteResult = { ok: true; unit: OrgUnit } | { ok: false; errors: Record<string, string> };

const auditView = (u: OrgUnit) => ({
  code: u.code,
  name: u.name,
  kind: u.kind,
  echelon: u.echelon,
  parentId: u.parentId,
  legalBasis: [u.legalBasisKind, u.legalBasisNumber, u.legalBasisYear].filter(Boolean).join(" "),
  active: u.active,
});

function resolveParent(db: Db, input: UnitInput, selfId: number | null): { parentId: number | null } | { error: string } {
  if (!input.parentCode) return { parentId: null };
  const parent = findUnitByCode(db, input.parentCode);
  if (!parent) return { error: `Unit induk ${input.parentCode} tidak ditemukan.` };
  if (selfId !== null) {
    const parentOf = (id: number) => db.select({ p: orgUnits.parentId }).from(orgUnits).where(eq(orgUnits.id, id)).get()?.p;
    if (wouldCreateCycle(selfId, parent.id, parentOf))
      return { error: "Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau sub-unitnya." };
  }
  return { parentId: parent.id };
}

const columns = (input: UnitInput, parentId: number | null) => ({
  code: input.code,
  name: input.name,
  kind: input.kind,
  echelon: input.echelon,
  parentId,
  legalBasisKind: input.legalBasisKind,
  legalBasisNumber: input.legalBasisNumber,
  legalBasisYear: input.legalBasisYear,
});

export function createUnit(db: Db, input: UnitInput, actorId: number): UnitWriteResult {
  return db.transaction((tx): UnitWriteResult => {
    if (findUnitByCode(tx, input.code)) return { ok: false, errors: { code: `Kode unit ${input.code} sudah dipakai.` } };
    const parent = resolveParent(db, input, null);
    if ("error" in parent) return { ok: false, errors: { parentCode: parent.error } };
    const unit = tx.insert(orgUnits).values(columns(input, parent.parentId)).returning().get();
    recordAudit(tx, {
      actorId,
      action: "unit.create",
      entityType: "unit",
      entityId: unit.id,
      summary: `Unit ${unit.code} (${unit.name}) dibuat`,
      after: auditView(unit),
    });
    return { ok: true, unit };
  });
}

export function updateUnit(db: Db, id: number, input: UnitInput, actorId: number): UnitWriteResult {
  return db.transaction((tx): UnitWriteResult => {
    const before = tx.select().from(orgUnits).where(eq(orgUnits.id, id)).get();
    if (!before) throw new Response("Unit tidak ditemukan.", { status: 404 });
    const clash = findUnitByCode(tx, input.code);
    if (clash && clash.id !== id) return { ok: false, errors: { code: `Kode unit ${input.code} sudah dipakai.` } };
    const parent = resolveParent(db, input, id);
    if ("error" in parent) return { ok: false, errors: { parentCode: parent.error } };
    const unit = tx
      .update(orgUnits)
      // the word an import wrote describes the old kind; a kind chosen in the form shows its own label
      .set({
        ...columns(input, parent.parentId),
        ...(input.kind === before.kind ? {} : { kindLabel: null }),
        updatedAt: new Date().toISOString(),
      })
      .where(eq(orgUnits.id, id))
      .returning()
      .get();
    const diff = describeChanges(changedFields(auditView(before), auditView(unit)));
    recordAudit(tx, {
      actorId,
      action: "unit.update",
      entityType: "unit",
      entityId: id,
      summary: `Unit ${unit.code} diubah: ${diff || "tanpa perubahan"}`,
      before: auditView(before),
      after: auditView(unit),
    });
    return { ok: true, unit };
  });
}

/** Units are never deleted (positions and SKJ refer to them); a unit with active contents stays active. */
export function setUnitActive(db: Db, id: number, active: boolean, actorId: number): UnitWriteResult {
  return db.transaction((tx): UnitWriteResult => {
    const before = tx.select().from(orgUnits).where(eq(orgUnits.id, id)).get();
    if (!before) throw new Response("Unit tidak ditemukan.", { status: 404 });
    if (!active) {
      const child = tx
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(and(eq(orgUnits.parentId, id), eq(orgUnits.active, true)))
        .get();
      const position = tx
        .select({ id: positions.id })
        .from(positions)
        .where(and(eq(positions.unitId, id), eq(positions.active, true)))
        .get();
      if (child || position) return { ok: false, errors: { active: "Nonaktifkan dahulu sub-unit dan jabatan aktif di bawah unit ini." } };
    }
    const unit = tx.update(orgUnits).set({ active, updatedAt: new Date().toISOString() }).where(eq(orgUnits.id, id)).returning().get();
    recordAudit(tx, {
      actorId,
      action: active ? "unit.activate" : "unit.deactivate",
      entityType: "unit",
      entityId: id,
      summary: `Unit ${unit.code} ${active ? "diaktifkan" : "dinonaktifkan"}`,
      before: { active: before.active },
      after: { active },
    });
    return { ok: true, unit };
  });
}
