// Stores a validated SOTK import (contract §6): units and positions are matched by code, created or
// updated, never deactivated or deleted. Everything happens in one transaction, so a failure stores nothing.
import { eq } from "drizzle-orm";
import { plainTextToDoc } from "~/domain/richtext";
import { positionFieldChanges, unitFieldChanges, type RowChange } from "~/domain/sotk-changes";
import {
  formatSotkCounts,
  parentsFirst,
  validateSotkImport,
  type ChangeCounts,
  type ImportError,
  type ParsedSheet,
  type PositionRow,
  type SotkImportCounts,
  type UnitRow,
} from "~/domain/sotk-import";
import type { Db, DbOrTx } from "../client.server";
import { orgUnits, positions as positionsTable, type OrgUnit, type Position } from "../schema";
import { recordAudit } from "./audit.server";

type Action = "create" | "update" | "unchanged";

interface StoredState {
  units: Map<string, OrgUnit>;
  unitCodeById: Map<number, string>;
  positions: Map<string, Position>;
}

function loadState(db: DbOrTx): StoredState {
  const units = db.select().from(orgUnits).all();
  return {
    units: new Map(units.map((u) => [u.code, u])),
    unitCodeById: new Map(units.map((u) => [u.id, u.code])),
    positions: new Map(
      db
        .select()
        .from(positionsTable)
        .all()
        .map((p) => [p.code, p]),
    ),
  };
}

// Parents and units are compared by code, so a plan can be made before new parents have ids.
function unitChange(row: UnitRow, state: StoredState): RowChange | null {
  const stored = state.units.get(row.code);
  if (!stored) return { sheet: "unit", action: "create", code: row.code, name: row.name, fields: [] };
  const fields = unitFieldChanges(row, {
    name: stored.name,
    kind: stored.kind,
    kindLabel: stored.kindLabel,
    echelon: stored.echelon,
    parentCode: stored.parentId === null ? null : (state.unitCodeById.get(stored.parentId) ?? null),
    legalBasis:
      stored.legalBasisKind === null || stored.legalBasisNumber === null || stored.legalBasisYear === null
        ? null
        : { kind: stored.legalBasisKind, number: stored.legalBasisNumber, year: stored.legalBasisYear },
  });
  return fields.length === 0 ? null : { sheet: "unit", action: "update", code: row.code, name: row.name, fields };
}

function positionChange(row: PositionRow, state: StoredState): RowChange | null {
  const stored = state.positions.get(row.code);
  if (!stored) return { sheet: "jabatan", action: "create", code: row.code, name: row.name, fields: [] };
  const fields = positionFieldChanges(row, {
    name: stored.name,
    group: stored.group,
    functionalLevel: stored.functionalLevel,
    unitCode: state.unitCodeById.get(stored.unitId) ?? null,
    governmentAffair: stored.governmentAffair,
    summary: stored.summaryText,
    requiredHeadcount: stored.requiredHeadcount,
  });
  return fields.length === 0 ? null : { sheet: "jabatan", action: "update", code: row.code, name: row.name, fields };
}

const actionOf = (change: RowChange | null): Action => change?.action ?? "unchanged";

const emptyCounts = (): ChangeCounts => ({ create: 0, update: 0, unchanged: 0 });

/** What an import does: the counts and, for every row that is new or changes, what changes. */
export interface SotkImportPlan {
  counts: SotkImportCounts;
  changes: RowChange[];
}

/** What an import would do, without writing anything. */
export function planSotkImport(db: DbOrTx, units: readonly UnitRow[], positions: readonly PositionRow[]): SotkImportPlan {
  const state = loadState(db);
  const counts = { units: emptyCounts(), positions: emptyCounts() };
  const changes: RowChange[] = [];
  const tally = (count: ChangeCounts, change: RowChange | null) => {
    count[actionOf(change)]++;
    if (change) changes.push(change);
  };
  for (const u of units) tally(counts.units, unitChange(u, state));
  for (const p of positions) tally(counts.positions, positionChange(p, state));
  return { counts, changes };
}

export interface ApplyOptions {
  /** File names, for the audit entry. */
  files?: readonly string[];
}

// Runs inside the caller's transaction; throws (and so rolls back) when a referenced code cannot be resolved.
function applyInTx(
  tx: DbOrTx,
  units: readonly UnitRow[],
  positions: readonly PositionRow[],
  actorId: number | null,
  options: ApplyOptions,
): SotkImportPlan {
  const state = loadState(tx);
  const counts = { units: emptyCounts(), positions: emptyCounts() };
  const changes: RowChange[] = [];
  const changed = {
    units: { created: [] as string[], updated: [] as string[] },
    positions: { created: [] as string[], updated: [] as string[] },
  };
  const now = new Date().toISOString();
  const unitIds = new Map([...state.units].map(([code, u]) => [code, u.id]));
  const resolveUnit = (code: string, usedBy: string) => {
    const id = unitIds.get(code);
    if (id === undefined) throw new Error(`Unit "${code}" yang dirujuk oleh "${usedBy}" tidak ditemukan; impor dibatalkan.`);
    return id;
  };

  // a caller other than importSotkFiles may pass units in file order, and a new parent must exist first
  for (const row of parentsFirst(units)) {
    const change = unitChange(row, state);
    const action = actionOf(change);
    counts.units[action]++;
    if (!change) continue;
    changes.push(change);
    const values = {
      name: row.name,
      kind: row.kind,
      kindLabel: row.kindLabel,
      parentId: row.parentCode === null ? null : resolveUnit(row.parentCode, row.code),
      ...(row.echelon === undefined ? {} : { echelon: row.echelon }),
      ...(row.legalBasis === undefined
        ? {}
        : {
            legalBasisKind: row.legalBasis?.kind ?? null,
            legalBasisNumber: row.legalBasis?.number ?? null,
            legalBasisYear: row.legalBasis?.year ?? null,
          }),
    };
    if (action === "create") {
      const inserted = tx
        .insert(orgUnits)
        .values({ code: row.code, ...values })
        .returning({ id: orgUnits.id })
        .get();
      unitIds.set(row.code, inserted.id);
      changed.units.created.push(row.code);
    } else {
      tx.update(orgUnits)
        .set({ ...values, updatedAt: now })
        .where(eq(orgUnits.code, row.code))
        .run();
      changed.units.updated.push(row.code);
    }
  }

  for (const row of positions) {
    const change = positionChange(row, state);
    const action = actionOf(change);
    counts.positions[action]++;
    if (!change) continue;
    changes.push(change);
    const stored = state.positions.get(row.code);
    const values = {
      name: row.name,
      group: row.group,
      functionalLevel: row.functionalLevel,
      unitId: resolveUnit(row.unitCode, row.code),
      ...(row.governmentAffair === undefined ? {} : { governmentAffair: row.governmentAffair }),
      ...(row.requiredHeadcount === undefined ? {} : { requiredHeadcount: row.requiredHeadcount }),
      // rewriting the JSON only when the text changed keeps formatting added in the editor
      ...(row.summary === undefined || stored?.summaryText === row.summary
        ? {}
        : { summaryText: row.summary, summaryJson: plainTextToDoc(row.summary) }),
    };
    if (action === "create") {
      tx.insert(positionsTable)
        .values({ code: row.code, summaryText: "", summaryJson: plainTextToDoc(""), ...values })
        .run();
      changed.positions.created.push(row.code);
    } else {
      tx.update(positionsTable)
        .set({ ...values, updatedAt: now })
        .where(eq(positionsTable.code, row.code))
        .run();
      changed.positions.updated.push(row.code);
    }
  }

  const total = counts.units.create + counts.units.update + counts.positions.create + counts.positions.update;
  if (total > 0) {
    const files = options.files?.length ? ` (${options.files.join(", ")})` : "";
    recordAudit(tx, {
      actorId,
      action: "sotk.import",
      entityType: "sotk",
      summary: `Impor SOTK${files}: ${formatSotkCounts(counts)}`,
      after: changed,
    });
  }
  return { counts, changes };
}

/**
 * Writes units (parents first) and then positions in one synchronous transaction. Unchanged rows are
 * not written, so importing the same file twice leaves the database, timestamps and audit log as they were.
 */
export function applySotkImport(
  db: Db,
  units: readonly UnitRow[],
  positions: readonly PositionRow[],
  actorId: number | null,
  options: ApplyOptions = {},
): SotkImportPlan {
  return db.transaction((tx) => applyInTx(tx, units, positions, actorId, options));
}

export type SotkImportResult = { ok: false; errors: ImportError[] } | ({ ok: true; dryRun: boolean } & SotkImportPlan);

function knownUnits(db: DbOrTx) {
  const rows = db.select({ id: orgUnits.id, code: orgUnits.code, parentId: orgUnits.parentId }).from(orgUnits).all();
  const codeById = new Map(rows.map((r) => [r.id, r.code]));
  return {
    codes: new Set(rows.map((r) => r.code)),
    parents: new Map(rows.map((r) => [r.code, r.parentId === null ? null : (codeById.get(r.parentId) ?? null)])),
  };
}

/**
 * Validates and (unless `dryRun`) stores the sheets read from a set of SOTK files, all or nothing. Every
 * error is returned with its file, row and column.
 */
export function importSotkSheets(
  db: Db,
  sheets: readonly ParsedSheet[],
  actorId: number | null,
  { dryRun = false, files = [] }: { dryRun?: boolean } & ApplyOptions = {},
): SotkImportResult {
  // validating inside the write transaction means the codes checked are the codes written against
  return db.transaction((tx): SotkImportResult => {
    const known = knownUnits(tx);
    const checked = validateSotkImport(sheets, known.codes, known.parents);
    if (!checked.ok) return checked;
    const plan = dryRun
      ? planSotkImport(tx, checked.units, checked.positions)
      : applyInTx(tx, checked.units, checked.positions, actorId, { files });
    return { ok: true, dryRun, ...plan };
  });
}
