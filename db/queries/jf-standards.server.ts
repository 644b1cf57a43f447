// National JF standards (docs/decisions/028): the import (checked against the published dictionary, stored all
// or nothing with an audit row per change), the list and detail pages, and the lookup a position's draft and
// rules make. A standard is found for a position by its name: "<JF> <jenjang>" normalised, same jenjang.
import { and, asc, desc, eq } from "drizzle-orm";
import { jfMatchKey, jfStandardTitle, normaliseJfName, positionMatchKey, type JfStandard, type JfStandardRef } from "~/domain/jf-standard";
import { validateJfStandardImport, type JfStandardSource } from "~/domain/jf-standard-import";
import type { ChangeCounts, ImportError } from "~/domain/sotk-import";
import type { Db, DbOrTx } from "../client.server";
import { auditLog, jfStandards, positions, users, type JfStandardRow } from "../schema";
import { recordAudit } from "./audit.server";
import { latestPublishedRevisions } from "./competencies.server";

export function toJfStandard(row: JfStandardRow): JfStandard {
  return {
    jf: row.jf,
    jenjang: row.jenjang,
    instansiPembina: row.instansiPembina,
    legalBasis: row.legalBasis,
    levels: row.levels as JfStandard["levels"],
    technical: row.technical,
    verified: row.verified,
    example: row.example,
  };
}

export function listJfStandards(db: DbOrTx): JfStandardRow[] {
  return db.select().from(jfStandards).orderBy(asc(jfStandards.jf), asc(jfStandards.jenjang)).all();
}

export function jfStandardById(db: DbOrTx, id: number): JfStandardRow | undefined {
  return db.select().from(jfStandards).where(eq(jfStandards.id, id)).get();
}

/** The standard of a functional position, or null when its name and jenjang match none. */
export function jfStandardForPosition(
  db: DbOrTx,
  position: { name: unknown; group: unknown; functionalLevel: unknown },
): (JfStandardRef & { id: number; instansiPembina: string }) | null {
  if (typeof position.name !== "string" || typeof position.group !== "string" || typeof position.functionalLevel !== "string") return null;
  const key = positionMatchKey({ name: position.name, group: position.group, functionalLevel: position.functionalLevel });
  if (!key) return null;
  const row = db
    .select()
    .from(jfStandards)
    .where(and(eq(jfStandards.matchKey, key), eq(jfStandards.jenjang, position.functionalLevel as JfStandardRow["jenjang"])))
    .get();
  return row ? { id: row.id, ...toJfStandard(row) } : null;
}

/** The active positions of the register the standard applies to. */
export function positionsOfStandard(db: DbOrTx, row: JfStandardRow): { id: number; code: string; name: string }[] {
  return db
    .select({ id: positions.id, code: positions.code, name: positions.name })
    .from(positions)
    .where(and(eq(positions.group, "fungsional"), eq(positions.functionalLevel, row.jenjang), eq(positions.active, true)))
    .orderBy(asc(positions.code))
    .all()
    .filter((p) => normaliseJfName(p.name) === row.matchKey);
}

export function jfStandardHistory(db: DbOrTx, id: number) {
  return db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, summary: auditLog.summary, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, "jf_standard"), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.id))
    .all();
}

// ---------------------------------------------------------------- import

export interface JfStandardChange {
  title: string;
  action: "create" | "update" | "unchanged";
  /** For an update: each field that changes, old → new, as the page shows it. */
  fields: { field: string; before: string; after: string }[];
}

export type JfStandardImportResult = { ok: true; counts: ChangeCounts; changes: JfStandardChange[] } | { ok: false; errors: ImportError[] };

const yesNo = (b: boolean) => (b ? "ya" : "tidak");
const technicalText = (t: JfStandard["technical"]) => t.map((c) => `${c.code}: ${c.level}`).join(", ");
const levelsText = (l: JfStandard["levels"]) =>
  Object.entries(l)
    .map(([code, level]) => `${code}: ${level}`)
    .join(", ");

/** The fields of a standard as the preview names them, in the order of the file's columns. */
function describedFields(s: JfStandard): [string, string][] {
  return [
    ["Instansi pembina", s.instansiPembina],
    ["Dasar hukum", s.legalBasis],
    ["Level manajerial dan sosial kultural", levelsText(s.levels)],
    ["Kompetensi teknis", technicalText(s.technical)],
    ["Terverifikasi", yesNo(s.verified)],
    ["Contoh", yesNo(s.example)],
  ];
}

function fieldChanges(before: JfStandard, after: JfStandard): JfStandardChange["fields"] {
  const old = new Map(describedFields(before));
  return describedFields(after)
    .filter(([field, value]) => old.get(field) !== value)
    .map(([field, value]) => ({ field, before: old.get(field) ?? "", after: value }));
}

/**
 * Checks the files, then (unless `dryRun`) stores every standard in one transaction: a new JF and jenjang is
 * added, a changed one replaced whole, an identical one left alone. Any bad row, or a technical code that is
 * not a published technical entry of the dictionary, refuses the whole import and stores nothing.
 */
export function importJfStandards(
  db: Db,
  sources: readonly JfStandardSource[],
  actorId: number | null,
  options: { dryRun: boolean },
): JfStandardImportResult {
  const validation = validateJfStandardImport(sources);
  if (!validation.ok) return validation;
  const { standards, origins } = validation;

  const codes = [...new Set(standards.flatMap((s) => s.technical.map((t) => t.code)))];
  const published = new Map(latestPublishedRevisions(db, codes).map((r) => [r.code, r.type]));
  const errors: ImportError[] = [];
  standards.forEach((s, i) => {
    const origin = origins[i]!;
    for (const t of s.technical) {
      const type = published.get(t.code);
      if (type === "teknis") continue;
      errors.push({
        file: origin.file,
        ...(origin.sheet ? { sheet: origin.sheet } : {}),
        row: origin.row,
        column: origin.technicalColumn,
        message: type
          ? `Kode ${t.code} bukan kompetensi teknis; standar ${jfStandardTitle(s)} hanya memuat kompetensi teknis di kolom ini.`
          : `Kode ${t.code} tidak ada sebagai kompetensi teknis terbit dalam kamus; terbitkan entrinya di Kamus Kompetensi lalu impor lagi.`,
      });
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  return db.transaction(
    (tx): JfStandardImportResult => {
      const counts: ChangeCounts = { create: 0, update: 0, unchanged: 0 };
      const changes: JfStandardChange[] = [];
      for (const s of standards) {
        const matchKey = jfMatchKey(s.jf, s.jenjang);
        const title = jfStandardTitle(s);
        const stored = tx.select().from(jfStandards).where(eq(jfStandards.matchKey, matchKey)).get();
        const values = { ...s, matchKey, levels: s.levels as Record<string, number>, updatedBy: actorId };
        if (!stored) {
          counts.create++;
          changes.push({ title, action: "create", fields: [] });
          if (options.dryRun) continue;
          const { id } = tx.insert(jfStandards).values(values).returning({ id: jfStandards.id }).get();
          recordAudit(tx, {
            actorId,
            action: "jf_standard.create",
            entityType: "jf_standard",
            entityId: id,
            summary: `Standar nasional JF ${title} ditambahkan (impor)`,
            after: s,
          });
          continue;
        }
        const before = toJfStandard(stored);
        const fields = fieldChanges(before, s);
        // the JF name as written may change its spelling ("Pranata komputer" → "Pranata Komputer") without changing the match
        if (fields.length === 0 && before.jf === s.jf) {
          counts.unchanged++;
          changes.push({ title, action: "unchanged", fields: [] });
          continue;
        }
        counts.update++;
        changes.push({
          title,
          action: "update",
          fields: before.jf === s.jf ? fields : [{ field: "Nama JF", before: before.jf, after: s.jf }, ...fields],
        });
        if (options.dryRun) continue;
        tx.update(jfStandards)
          .set({ ...values, updatedAt: new Date().toISOString() })
          .where(eq(jfStandards.id, stored.id))
          .run();
        recordAudit(tx, {
          actorId,
          action: "jf_standard.update",
          entityType: "jf_standard",
          entityId: stored.id,
          summary: `Standar nasional JF ${title} diubah (impor): ${fields.map((f) => f.field.toLowerCase()).join(", ") || "nama JF"}`,
          before,
          after: s,
        });
      }
      return { ok: true, counts, changes };
    },
    { behavior: "immediate" },
  );
}
