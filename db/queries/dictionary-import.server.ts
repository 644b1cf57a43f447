// Stores a validated technical dictionary import (contract §6) and reads the published dictionary for export.
// Entries are matched by code; a changed entry gets a new revision (or its open draft is rewritten), an
// identical one is left alone, so importing the same file twice writes nothing the second time.
import { eq, inArray, sql } from "drizzle-orm";
import {
  COMPETENCY_TYPES,
  definitionColumns,
  definitionFromPlainText,
  isRegulationCode,
  type CompetencyType,
  type TechnicalEntryInput,
} from "~/domain/dictionary";
import { entryFieldChanges, type EntryChange } from "~/domain/dictionary-changes";
import type { FieldChange } from "~/domain/sotk-changes";
import { REVISION_STATUS_LABELS } from "~/domain/labels";
import {
  formatDictionaryCounts,
  formatSource,
  validateDictionaryImport,
  type ChangeCounts,
  type DictionaryExportEntry,
  type DictionarySource,
  type EntryOrigin,
  type ImportError,
} from "~/domain/dictionary-import";
import type { Db, DbOrTx } from "../client.server";
import { competencies, competencyRevisions, type Competency, type CompetencyRevision } from "../schema";
import { recordAudit } from "./audit.server";
import {
  addRevision,
  insertCompetency,
  levelsOfRevisions,
  listPublishedEntries,
  publishRevision,
  replaceDraftTexts,
  type LevelInput,
  type RevisionEntryFields,
} from "./competencies.server";
import { refreshCompetencySearch } from "./dictionary-search.server";

interface Stored {
  competency: Competency;
  latest: CompetencyRevision;
  levels: LevelInput[];
}

type Plan =
  | { action: "create" }
  | { action: "unchanged" }
  /** the latest revision is published and differs: a new revision */
  | { action: "revise"; stored: Stored; fields: FieldChange[] }
  /** the latest revision is still open and differs: its texts are rewritten */
  | { action: "replace"; stored: Stored; fields: FieldChange[] }
  /** the open revision already says the same and the operator asked to publish */
  | { action: "publish"; stored: Stored }
  | { action: "refuse"; message: string };

const ID_CHUNK = 900;

function loadStored(db: DbOrTx, codes: readonly string[]): Map<string, Stored> {
  const rows: { competency: Competency; latest: CompetencyRevision }[] = [];
  for (let i = 0; i < codes.length; i += ID_CHUNK) {
    rows.push(
      ...db
        .select({ competency: competencies, latest: competencyRevisions })
        .from(competencies)
        .innerJoin(
          competencyRevisions,
          sql`${competencyRevisions.competencyId} = ${competencies.id} and ${competencyRevisions.number} = (select max(r.number) from ${competencyRevisions} r where r.competency_id = ${competencies.id})`,
        )
        .where(inArray(competencies.code, codes.slice(i, i + ID_CHUNK)))
        .all(),
    );
  }
  const levels = levelsOfRevisions(
    db,
    rows.map((r) => r.latest.id),
  );
  return new Map(rows.map((r) => [r.competency.code, { ...r, levels: levels.get(r.latest.id) ?? [] }]));
}

// Entries without a revision cannot be compared; the seed always writes one, so this only guards the join.
function storedWithoutRevision(db: DbOrTx, code: string): Competency | undefined {
  return db.select().from(competencies).where(eq(competencies.code, code)).get();
}

/** The texts the import carries against the latest revision's (entry-level columns fall back to the entry). */
function textChanges(entry: TechnicalEntryInput, s: Stored): FieldChange[] {
  const r = s.latest;
  return entryFieldChanges(
    {
      name: entry.name,
      definition: definitionColumns(definitionFromPlainText(entry.definitionText)).definitionText,
      source: formatSource(entry.sourceKind, entry.sourceReference),
      levels: entry.levels,
    },
    {
      name: r.name ?? s.competency.name,
      definition: r.definitionText,
      source: formatSource(r.sourceKind ?? s.competency.sourceKind, r.sourceReference ?? s.competency.sourceReference),
      levels: s.levels,
    },
  );
}

function planEntry(db: DbOrTx, entry: TechnicalEntryInput, stored: Map<string, Stored>, publish: boolean): Plan {
  const s = stored.get(entry.code);
  if (!s) {
    if (storedWithoutRevision(db, entry.code))
      return { action: "refuse", message: `Kompetensi ${entry.code} belum memiliki revisi; perbaiki lewat penyunting kamus.` };
    return { action: "create" };
  }
  if (s.competency.type !== "teknis" || s.competency.sourceKind === "regulasi" || isRegulationCode(s.competency.code)) {
    return { action: "refuse", message: `Kompetensi ${entry.code} berasal dari kamus peraturan dan tidak dapat diubah melalui impor.` };
  }
  const open = s.latest.status !== "diterbitkan";
  const fields = textChanges(entry, s);
  if (fields.length === 0) return open && publish ? { action: "publish", stored: s } : { action: "unchanged" };
  return open ? { action: "replace", stored: s, fields } : { action: "revise", stored: s, fields };
}

const countOf = (plan: Plan): keyof ChangeCounts =>
  plan.action === "create" ? "create" : plan.action === "unchanged" ? "unchanged" : "update";

function planAll(db: DbOrTx, entries: readonly TechnicalEntryInput[], origins: readonly EntryOrigin[], publish: boolean) {
  const stored = loadStored(
    db,
    entries.map((e) => e.code),
  );
  const plans = entries.map((e) => planEntry(db, e, stored, publish));
  const errors: ImportError[] = [];
  plans.forEach((p, i) => {
    if (p.action !== "refuse") return;
    const o = origins[i]!;
    errors.push({ file: o.file, ...(o.sheet ? { sheet: o.sheet } : {}), row: o.row, column: o.codeColumn, message: p.message });
  });
  const counts: ChangeCounts = { create: 0, update: 0, unchanged: 0 };
  for (const p of plans) if (p.action !== "refuse") counts[countOf(p)]++;
  const changes = plans.flatMap((p, i): EntryChange[] => {
    const { code, name } = entries[i]!;
    if (p.action === "create") return [{ action: "create", code, name, fields: [] }];
    if (p.action === "revise" || p.action === "replace") return [{ action: "update", code, name, fields: p.fields }];
    if (p.action === "publish")
      return [
        {
          action: "update",
          code,
          name,
          fields: [
            {
              field: "Status",
              before: REVISION_STATUS_LABELS[p.stored.latest.status] ?? p.stored.latest.status,
              after: REVISION_STATUS_LABELS.diterbitkan!,
            },
          ],
        },
      ];
    return [];
  });
  return { plans, errors, counts, changes };
}

/** Published texts become the entry's current ones, as publishing from the editor does. */
function syncEntryRow(db: DbOrTx, competencyId: number, fields: RevisionEntryFields) {
  db.update(competencies)
    .set({ ...fields, updatedAt: new Date().toISOString() })
    .where(eq(competencies.id, competencyId))
    .run();
}

function applyPlans(
  tx: DbOrTx,
  entries: readonly TechnicalEntryInput[],
  plans: readonly Plan[],
  actorId: number | null,
  publish: boolean,
  note: string,
) {
  const changed = { created: [] as string[], updated: [] as string[] };
  entries.forEach((entry, i) => {
    const plan = plans[i]!;
    if (plan.action === "unchanged" || plan.action === "refuse") return;
    const texts = {
      definition: definitionFromPlainText(entry.definitionText),
      textStatus: "lokal" as const,
      levels: entry.levels,
      note,
      actorId,
    };
    let competencyId: number;
    if (plan.action === "create") {
      competencyId = insertCompetency(tx, {
        code: entry.code,
        type: "teknis",
        name: entry.name,
        category: null,
        isFixed: false,
        sourceKind: entry.sourceKind,
        sourceReference: entry.sourceReference || null,
        keywords: [],
      });
      // addRevision writes the texts as a draft and flips the status last, since triggers freeze published rows
      addRevision(tx, competencyId, { ...texts, publish });
      changed.created.push(entry.code);
    } else {
      const { competency, latest } = plan.stored;
      competencyId = competency.id;
      // the file holds no category or keywords, so the ones set in the editor carry over
      const fields: RevisionEntryFields = {
        name: entry.name,
        category: latest.category ?? competency.category,
        sourceKind: entry.sourceKind,
        sourceReference: entry.sourceReference || null,
        keywords: latest.keywords ?? competency.keywords,
      };
      if (plan.action === "revise") {
        addRevision(tx, competencyId, { ...texts, publish, entry: fields });
      } else {
        if (plan.action === "replace") {
          replaceDraftTexts(tx, latest.id, { ...texts, entry: fields });
          // as in the editor: changed texts take a submitted revision back out of review
          if (latest.status === "diajukan") {
            tx.update(competencyRevisions).set({ status: "draft", submittedBy: null }).where(eq(competencyRevisions.id, latest.id)).run();
          }
        }
        if (publish) publishRevision(tx, latest.id, actorId);
      }
      if (publish) syncEntryRow(tx, competencyId, fields);
      changed.updated.push(entry.code);
    }
    // the index holds each entry's latest texts; refreshing in the same transaction keeps it from drifting
    refreshCompetencySearch(tx, competencyId);
  });
  return changed;
}

export interface DictionaryImportOptions {
  dryRun?: boolean;
  /** Publish the written revisions at once: an operator action (CLI `--publish`) that skips the review. */
  publish?: boolean;
}

export type DictionaryImportResult =
  | { ok: false; errors: ImportError[] }
  | { ok: true; dryRun: boolean; published: boolean; counts: ChangeCounts; changes: EntryChange[] };

/** Validates and (unless `dryRun`) stores already-read sources, all or nothing, in one synchronous transaction. */
export function importDictionarySources(
  db: Db,
  sources: readonly DictionarySource[],
  actorId: number | null,
  { dryRun = false, publish = false }: DictionaryImportOptions = {},
): DictionaryImportResult {
  const checked = validateDictionaryImport(sources);
  if (!checked.ok) return checked;
  const names = [...new Set(sources.map((s) => s.fileName))];
  return db.transaction((tx): DictionaryImportResult => {
    const { plans, errors, counts, changes } = planAll(tx, checked.entries, checked.origins, publish);
    if (errors.length > 0) return { ok: false, errors };
    if (dryRun) return { ok: true, dryRun, published: false, counts, changes };
    const changed = applyPlans(tx, checked.entries, plans, actorId, publish, `Diimpor dari ${names.join(", ")}`);
    if (counts.create + counts.update > 0) {
      recordAudit(tx, {
        actorId,
        action: "dictionary.import",
        entityType: "competency",
        summary: `Impor kamus kompetensi (${names.join(", ")}): ${formatDictionaryCounts(counts)}${publish ? "; langsung diterbitkan" : "; disimpan sebagai draf"}`,
        after: { ...changed, published: publish },
      });
    }
    return { ok: true, dryRun, published: publish, counts, changes };
  });
}

export interface DictionaryExportFilter {
  /** absent: technical entries only; "semua": every type */
  type?: CompetencyType | "semua";
  q?: string;
}

const TYPE_ORDER = new Map<string, number>(COMPETENCY_TYPES.map((t, i) => [t, i]));

/** The latest published revision of each entry, ordered by type and code, for dictionaryToXlsx/Json. */
export function exportDictionary(db: DbOrTx, filter: DictionaryExportFilter = {}): DictionaryExportEntry[] {
  const type = filter.type === "semua" ? undefined : (filter.type ?? "teknis");
  return listPublishedEntries(db, { type, q: filter.q })
    .map((r) => ({
      code: r.code,
      type: r.type,
      name: r.name,
      definition: r.definition,
      sourceKind: r.sourceKind,
      sourceReference: r.sourceReference ?? "",
      revision: r.revision,
      status: r.status,
      levels: r.levels,
    }))
    .sort((a, b) => (TYPE_ORDER.get(a.type) ?? 9) - (TYPE_ORDER.get(b.type) ?? 9) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
