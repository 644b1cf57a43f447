// The legacy SKJ import (contract §7.5): read the files, match each SKJ to the register and the dictionary, and
// (unless it is a dry run) create or replace the open drafts of the matched positions in one transaction.
import { desc, eq } from "drizzle-orm";
import { describeSource, isTechnical, type LegacyTechnical } from "~/domain/legacy-skj/document";
import {
  matchPosition,
  matchTechnicals,
  matchTechnical,
  regulationTextProblems,
  technicalIndex,
  type DictionaryEntry,
  type PositionCandidate,
  type RegisterPosition,
} from "~/domain/legacy-skj/match";
import { NameIndex } from "~/domain/legacy-skj/name-index";
import type { LegacyProblem } from "~/domain/legacy-skj/read-skj";
import { fold } from "~/domain/legacy-skj/text";
import { plainTextToDoc } from "~/domain/richtext";
import { SkjDocumentSchema, type SkjDocument } from "~/domain/skj-document";
import type { Db, DbOrTx } from "~db/client.server";
import { recordAudit } from "~db/queries/audit.server";
import { addRevision, insertCompetency, listPublishedEntries } from "~db/queries/competencies.server";
import { refreshCompetencySearch } from "~db/queries/dictionary-search.server";
import { createDraft, EDITABLE_STATES, findOpenDraft, saveDraft } from "~db/queries/skj-drafts.server";
import { competencies, orgUnits, positions, skjVersions } from "~db/schema";
import { readLegacyFile, type LegacyFileSkj } from "./read-file.server";

/** One SKJ found, as `--json` prints it (§7.5). */
export interface LegacyImportRow {
  source: LegacyFileSkj["source"];
  match: { positionCode: string; score: number } | null;
  candidates: PositionCandidate[];
  /** §3 with §7.2; technical rows also carry their printed texts, and `code: null` until the dictionary has them. */
  document: LegacyFileSkj["document"];
  unmatchedCompetencies: { name: string; level: number; description: string; indicators: string[] }[];
  problems: LegacyProblem[];
}

export function registerPositions(db: DbOrTx): RegisterPosition[] {
  const units = db.select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits).all();
  const byId = new Map(units.map((u) => [u.id, u]));
  const pathOf = (id: number) => {
    const names: string[] = [];
    for (let u = byId.get(id); u && names.length < 64; u = u.parentId ? byId.get(u.parentId) : undefined) names.unshift(u.name);
    return names;
  };
  return db
    .select({
      code: positions.code,
      name: positions.name,
      unitId: positions.unitId,
      governmentAffair: positions.governmentAffair,
      summary: positions.summaryText,
    })
    .from(positions)
    .where(eq(positions.active, true))
    .all()
    .map((p) => ({
      code: p.code,
      name: p.name,
      unitCode: byId.get(p.unitId)?.code ?? "",
      unitPath: pathOf(p.unitId),
      governmentAffair: p.governmentAffair,
      summary: p.summary,
    }));
}

/**
 * The published dictionary, then the technical entries not yet published (such as T.OTDA before its texts are
 * verified, or an entry an earlier import created): a name matched there is in the dictionary too, so it makes
 * no second draft.
 */
export function dictionaryForMatching(db: DbOrTx): { published: DictionaryEntry[]; unpublished: DictionaryEntry[] } {
  const published = listPublishedEntries(db).map((e) => ({ code: e.code, type: e.type, name: e.name, levels: e.levels }));
  const codes = new Set(published.map((e) => e.code));
  const unpublished = technicalEntries(db).filter((e) => !codes.has(e.code));
  return { published, unpublished };
}

function technicalEntries(db: DbOrTx): DictionaryEntry[] {
  return db
    .select({ code: competencies.code, name: competencies.name })
    .from(competencies)
    .where(eq(competencies.type, "teknis"))
    .all()
    .map((e) => ({ ...e, type: "teknis" as const, levels: [] }));
}

/** Reads and matches every SKJ of the files; a file that cannot be read throws its LegacyFileError. */
export async function analyseLegacyFiles(db: DbOrTx, files: readonly { name: string; bytes: Uint8Array }[]): Promise<LegacyImportRow[]> {
  const skjs: LegacyFileSkj[] = [];
  for (const file of files) skjs.push(...(await readLegacyFile(file.name, file.bytes)));
  return matchLegacySkj(skjs, registerPositions(db), dictionaryForMatching(db));
}

/** Each SKJ read matched to the register and the dictionary (no database: a worker thread runs it too). */
export function matchLegacySkj(
  skjs: readonly LegacyFileSkj[],
  register: readonly RegisterPosition[],
  dictionary: { published: DictionaryEntry[]; unpublished: DictionaryEntry[] },
): LegacyImportRow[] {
  // indexed once for the whole book: each SKJ is then compared with a few names instead of all of them
  const indexes = {
    register: new NameIndex(register),
    published: technicalIndex(dictionary.published),
    unpublished: technicalIndex(dictionary.unpublished),
  };
  const rows = skjs.map((skj) => matchSkj(skj, indexes, dictionary.published));
  // a book that prints one position twice: the later SKJ would replace the earlier one's draft
  const seen = new Map<string, LegacyImportRow>();
  for (const row of rows) {
    if (!row.match) continue;
    const first = seen.get(row.match.positionCode);
    if (first)
      row.problems.push({
        path: "position.code",
        message: `Jabatan ${row.match.positionCode} juga dicocokkan dengan SKJ di ${describeSource(first.source)}; yang terakhir yang diimpor.`,
      });
    else seen.set(row.match.positionCode, row);
  }
  return rows;
}

function matchSkj(
  skj: LegacyFileSkj,
  indexes: { register: NameIndex<RegisterPosition>; published: NameIndex<DictionaryEntry>; unpublished: NameIndex<DictionaryEntry> },
  published: readonly DictionaryEntry[],
): LegacyImportRow {
  const p = skj.document.position;
  const { match, candidates } = matchPosition(
    { name: p.name, governmentAffair: p.governmentAffair, summary: p.summary, headerLines: skj.headerLines, unitText: skj.unitText },
    indexes.register,
  );
  const { document, unmatched } = matchTechnicals(skj.document, indexes.published, indexes.unpublished);
  const position = match ? candidates.find((c) => c.positionCode === match.positionCode)! : null;
  const problems = [...skj.problems, ...regulationTextProblems(skj.regulationPrints, published)];
  if (!match)
    problems.push({
      path: "position.code",
      message: candidates.length
        ? `Jabatan "${p.name}" cocok dengan lebih dari satu jabatan di register atau kurang yakin; pilih salah satu kandidat.`
        : `Jabatan "${p.name}" tidak ditemukan di register SOTK.`,
    });
  return {
    source: skj.source,
    match,
    candidates,
    document: { ...document, position: { ...document.position, code: position?.positionCode ?? "", unitCode: position?.unitCode ?? "" } },
    unmatchedCompetencies: unmatched.map(({ name, level, description, indicators }) => ({ name, level, description, indicators })),
    problems,
  };
}

export interface LegacyImportResult {
  created: string[];
  replaced: string[];
  unchanged: string[];
  /** Matched positions whose open draft is in review (or approved): never overwritten. */
  refused: { positionCode: string; state: string }[];
  /** New dictionary drafts, one per technical competency the dictionary did not know. */
  dictionaryDrafts: string[];
}

/**
 * Creates or replaces the open drafts of the matched rows in ONE transaction. A technical competency the
 * dictionary does not know becomes one draft entry holding every level the rows printed; an entry created by an
 * earlier import of the same name is reused, so importing the same file again changes nothing.
 */
export function applyLegacyImport(db: Db, rows: readonly LegacyImportRow[], actorId: number | null): LegacyImportResult {
  const result: LegacyImportResult = { created: [], replaced: [], unchanged: [], refused: [], dictionaryDrafts: [] };
  db.transaction(
    (tx) => {
      const codes = technicalCodes(
        tx,
        rows.filter((r) => r.match),
        actorId,
        result,
      );
      for (const row of rows) {
        if (!row.match) continue;
        const position = tx
          .select({ id: positions.id, group: positions.group, functionalLevel: positions.functionalLevel })
          .from(positions)
          .where(eq(positions.code, row.match.positionCode))
          .get();
        if (!position) continue;
        const document = storedDocument(row, codes, position);
        if (!document) {
          result.refused.push({ positionCode: row.match.positionCode, state: "tidak_valid" });
          continue;
        }
        const open = findOpenDraft(tx, position.id);
        const summaryJson = plainTextToDoc(document.position.summary);
        if (!open) {
          const latest = tx
            .select({ id: skjVersions.id })
            .from(skjVersions)
            .where(eq(skjVersions.positionId, position.id))
            .orderBy(desc(skjVersions.versionNumber))
            .get();
          createDraft(db, { positionId: position.id, document, summaryJson, basedOnVersionId: latest?.id ?? null, actorId, via: "ui" });
          result.created.push(row.match.positionCode);
          continue;
        }
        if (!EDITABLE_STATES.includes(open.state)) {
          result.refused.push({ positionCode: row.match.positionCode, state: open.state });
          continue;
        }
        const saved = saveDraft(db, { draftId: open.id, baseRevision: open.revision, document, summaryJson, actorId });
        if (!saved.ok) result.refused.push({ positionCode: row.match.positionCode, state: saved.reason });
        else if (saved.unchanged) result.unchanged.push(row.match.positionCode);
        else {
          recordAudit(tx, {
            actorId,
            action: "skj.draft.replace",
            entityType: "skj_draft",
            entityId: open.id,
            summary: `Dokumen draf SKJ ${row.match.positionCode} diganti dari impor SKJ lama (${row.source.file}), revisi ${open.revision} → ${saved.draft.revision}`,
          });
          result.replaced.push(row.match.positionCode);
        }
      }
    },
    { behavior: "immediate" },
  );
  return result;
}

/** The draft as stored: §3 only, every competency by code; the register decides what the book left empty. */
function storedDocument(
  row: LegacyImportRow,
  codes: ReadonlyMap<string, string>,
  position: { group: SkjDocument["position"]["group"]; functionalLevel: SkjDocument["position"]["functionalLevel"] },
): SkjDocument | null {
  const d = row.document;
  const document = {
    ...d,
    position: {
      ...d.position,
      group: d.position.group ?? position.group,
      functionalLevel: d.position.group ? d.position.functionalLevel : position.functionalLevel,
    },
    competencies: d.competencies.map((c) => ({
      code: isTechnical(c) ? (c.code ?? codes.get(fold(c.name)) ?? "") : c.code,
      level: c.level,
    })),
  };
  const parsed = SkjDocumentSchema.safeParse(document);
  return parsed.success ? parsed.data : null;
}

/** Codes for the technical competencies no published entry matched: an existing entry of that name, else a new draft. */
function technicalCodes(
  tx: DbOrTx,
  rows: readonly LegacyImportRow[],
  actorId: number | null,
  result: LegacyImportResult,
): Map<string, string> {
  const unknown = new Map<string, { name: string; levels: Map<number, LegacyTechnical> }>();
  for (const row of rows) {
    for (const c of row.document.competencies) {
      if (!isTechnical(c) || c.code) continue;
      const key = fold(c.name);
      const entry = unknown.get(key) ?? { name: c.name, levels: new Map() };
      if (!entry.levels.has(c.level)) entry.levels.set(c.level, c);
      unknown.set(key, entry);
    }
  }
  const existing = new NameIndex(technicalEntries(tx));
  const codes = new Map<string, string>();
  for (const [key, entry] of unknown) {
    const known = matchTechnical(entry.name, existing);
    if (known) {
      codes.set(key, known.code);
      continue;
    }
    const code = freeCode(tx, entry.name);
    const id = insertCompetency(tx, {
      code,
      type: "teknis",
      name: entry.name,
      isFixed: false,
      sourceKind: "lokal",
      sourceReference: "Impor SKJ lama",
      keywords: [],
    });
    const levels = [...entry.levels.values()]
      .sort((a, b) => a.level - b.level)
      .map((l) => ({ level: l.level, description: l.description, indicators: l.indicators }));
    addRevision(tx, id, {
      definition: null,
      textStatus: "lokal",
      levels,
      publish: false,
      actorId,
      note: "Dibuat dari impor SKJ lama: teks level sebagaimana tercetak; lengkapi level lain sebelum diajukan.",
    });
    refreshCompetencySearch(tx, id);
    recordAudit(tx, {
      actorId,
      action: "dictionary.create",
      entityType: "competency",
      entityId: id,
      summary: `Kompetensi ${code} (${entry.name}) dibuat sebagai draf dari impor SKJ lama`,
    });
    existing.add({ code, name: entry.name, type: "teknis", levels: [] });
    codes.set(key, code);
    result.dictionaryDrafts.push(code);
  }
  return codes;
}

/** "T.IMPOR-MANAJEMEN-KEPEGAWAIAN", shortened to the code limit and numbered when taken. */
function freeCode(tx: DbOrTx, name: string): string {
  const base = `T.IMPOR-${fold(name).toUpperCase().replace(/\s+/g, "-")}`.slice(0, 60).replace(/-+$/, "");
  for (let n = 1; ; n++) {
    const code = n === 1 ? base : `${base}-${n}`;
    if (!tx.select({ id: competencies.id }).from(competencies).where(eq(competencies.code, code)).get()) return code;
  }
}
