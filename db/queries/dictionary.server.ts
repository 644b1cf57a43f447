// Dictionary entries and their revisions: reading an entry, saving a draft, and the review transitions.
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { TechnicalEntryInput } from "~/domain/dictionary";
import { definitionColumns, isRegulationCode } from "~/domain/dictionary";
import { canonicalJson } from "~/domain/canonical-json";
import type { RevisionTexts } from "~/domain/dictionary-diff";
import { decideRevisionAction, type Actor, type RevisionFacts } from "~/domain/dictionary-workflow";
import type { RichTextNode } from "~/domain/richtext";
import type { Db, DbOrTx } from "../client.server";
import {
  competencies,
  competencyRevisions,
  positions,
  skjCompetencyUses,
  skjDrafts,
  skjVersions,
  type CompetencyRevision,
} from "../schema";
import { recordAudit } from "./audit.server";
import {
  addRevision,
  findCompetencyByCode,
  levelsOfRevision,
  replaceDraftTexts,
  revisionContributors,
  revisionsOf,
} from "./competencies.server";
import { refreshCompetencySearch } from "./dictionary-search.server";

export type DictionaryResult =
  | { ok: true; code: string; revision: number; unchanged?: boolean }
  | { ok: false; status: 400 | 403 | 404 | 409; errors: Record<string, string> };

export function revisionTextsOf(db: DbOrTx, revision: CompetencyRevision): RevisionTexts {
  return {
    name: revision.name ?? "",
    category: revision.category ?? "",
    sourceKind: revision.sourceKind ?? "",
    sourceReference: revision.sourceReference ?? "",
    keywords: revision.keywords ?? [],
    definition: revision.definitionText,
    levels: levelsOfRevision(db, revision.id),
  };
}

/** An entry with every revision (oldest first), its latest and its latest published revision with levels. */
export function entryDetail(db: DbOrTx, code: string) {
  const entry = findCompetencyByCode(db, code);
  if (!entry) return null;
  const revisions = revisionsOf(db, entry.id);
  const latest = revisions.at(-1)!;
  const published = revisions.filter((r) => r.status === "diterbitkan").at(-1) ?? null;
  return {
    entry,
    revisions,
    latest: { ...latest, ...revisionFacts(db, latest), texts: revisionTextsOf(db, latest) },
    published: published ? { ...published, texts: published.id === latest.id ? null : revisionTextsOf(db, published) } : null,
  };
}

export interface SaveEntryInput {
  /** null creates a new entry */
  code: string | null;
  /** no definitionText: the plain text is always derived from definitionJson */
  input: EntryTexts;
  definitionJson: RichTextNode | null;
  actor: Actor;
  /** the latest revision the editor was opened on (optimistic concurrency); null for a new entry */
  baseRevisionId: number | null;
  baseUpdatedAt: string | null;
}

type EntryTexts = Omit<TechnicalEntryInput, "definitionText">;

const entryColumns = (input: EntryTexts) => ({
  name: input.name,
  category: input.category || null,
  sourceKind: input.sourceKind,
  sourceReference: input.sourceReference || null,
  keywords: input.keywords,
});

/** Saves the editor's content as the entry's draft revision (a new one when the latest is published). */
export function saveTechnicalEntry(db: Db, save: SaveEntryInput): DictionaryResult {
  return db.transaction((tx): DictionaryResult => {
    const { input, actor } = save;
    const existing = save.code ? findCompetencyByCode(tx, save.code) : undefined;
    if (save.code && !existing) return { ok: false, status: 404, errors: { _form: "Kompetensi tidak ditemukan." } };
    if (existing && (existing.type !== "teknis" || isRegulationCode(existing.code))) {
      return { ok: false, status: 403, errors: { _form: "Kompetensi dari Permenpan RB 38/2017 tidak dapat diubah." } };
    }
    if (!existing && findCompetencyByCode(tx, input.code))
      return { ok: false, status: 400, errors: { code: `Kode ${input.code} sudah dipakai.` } };
    if (existing && existing.code !== input.code)
      return { ok: false, status: 400, errors: { code: "Kode kompetensi tidak dapat diganti setelah dibuat." } };

    const latest = existing ? revisionsOf(tx, existing.id).at(-1)! : null;
    if (latest && (latest.id !== save.baseRevisionId || latest.updatedAt !== save.baseUpdatedAt)) {
      return {
        ok: false,
        status: 409,
        errors: {
          _form:
            "Entri ini telah diubah orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat versi terbaru; perubahan Anda belum disimpan.",
        },
      };
    }
    const decision = decideRevisionAction("save", latest && revisionFacts(tx, latest), actor, false);
    if (!decision.ok) return { ok: false, status: decision.status, errors: { _form: decision.message } };

    const competencyId =
      existing?.id ??
      tx
        .insert(competencies)
        .values({
          code: input.code,
          type: "teknis",
          name: input.name,
          category: input.category || null,
          sourceKind: input.sourceKind,
          sourceReference: input.sourceReference || null,
          keywords: input.keywords,
        })
        .returning({ id: competencies.id })
        .get().id;

    // a save that changes nothing is no edit: no revision, no editor recorded, a submitted one stays submitted
    if (latest && sameContent(tx, latest, input, save.definitionJson))
      return { ok: true, code: input.code, revision: latest.number, unchanged: true };

    const texts = {
      definition: save.definitionJson,
      textStatus: "lokal" as const,
      levels: input.levels,
      actorId: actor.id,
      entry: entryColumns(input),
    };
    let revisionNumber: number;
    if (latest && latest.status !== "diterbitkan") {
      replaceDraftTexts(tx, latest.id, { ...texts, note: latest.note ?? undefined });
      tx.update(competencyRevisions).set({ status: "draft", submittedBy: null }).where(eq(competencyRevisions.id, latest.id)).run();
      revisionNumber = latest.number;
    } else {
      revisionNumber = (latest?.number ?? 0) + 1;
      addRevision(tx, competencyId, { ...texts, publish: false });
    }
    refreshCompetencySearch(tx, competencyId);
    recordAudit(tx, {
      actorId: actor.id,
      action: existing ? "dictionary.save" : "dictionary.create",
      entityType: "competency",
      entityId: competencyId,
      summary: `Kompetensi ${input.code} (${input.name}) ${existing ? "diubah" : "dibuat"}: revisi ${revisionNumber} disimpan sebagai draf`,
    });
    return { ok: true, code: input.code, revision: revisionNumber };
  });
}

const revisionFacts = (db: DbOrTx, revision: CompetencyRevision): RevisionFacts => ({
  status: revision.status,
  submittedBy: revision.submittedBy,
  contributors: revisionContributors(db, revision.id),
});

function sameContent(db: DbOrTx, latest: CompetencyRevision, input: EntryTexts, definitionJson: RichTextNode | null): boolean {
  const stored = {
    name: latest.name,
    category: latest.category || null,
    sourceKind: latest.sourceKind,
    sourceReference: latest.sourceReference || null,
    keywords: latest.keywords ?? [],
    definition: latest.definitionJson ?? null,
    levels: levelsOfRevision(db, latest.id),
  };
  const wanted = {
    ...entryColumns(input),
    definition: definitionColumns(definitionJson).definitionJson,
    levels: input.levels.map(({ level, description, indicators }) => ({ level, description, indicators })),
  };
  return canonicalJson(stored) === canonicalJson(wanted);
}

const TRANSITION_WORDS = { submit: "diajukan", publish: "diterbitkan", return: "dikembalikan ke draf" } as const;

/** Submit, publish (four-eyes) or return the latest revision of an entry. */
export function transitionRevision(
  db: Db,
  code: string,
  action: "submit" | "publish" | "return",
  actor: Actor,
  comment?: string,
): DictionaryResult {
  return db.transaction((tx): DictionaryResult => {
    const entry = findCompetencyByCode(tx, code);
    if (!entry) return { ok: false, status: 404, errors: { _form: "Kompetensi tidak ditemukan." } };
    const latest = revisionsOf(tx, entry.id).at(-1)!;
    const decision = decideRevisionAction(
      action,
      revisionFacts(tx, latest),
      actor,
      entry.type !== "teknis" || isRegulationCode(entry.code),
    );
    if (!decision.ok) return { ok: false, status: decision.status, errors: { _form: decision.message } };
    const now = new Date().toISOString();
    if (action === "publish") {
      tx.update(competencies)
        .set({
          name: latest.name ?? entry.name,
          category: latest.category,
          sourceKind: latest.sourceKind ?? entry.sourceKind,
          sourceReference: latest.sourceReference,
          keywords: latest.keywords ?? [],
          updatedAt: now,
        })
        .where(eq(competencies.id, entry.id))
        .run();
    }
    tx.update(competencyRevisions)
      .set({
        status: decision.next,
        updatedAt: now,
        ...(action === "submit" ? { submittedBy: actor.id } : {}),
        ...(action === "return" ? { submittedBy: null } : {}),
        ...(action === "publish" ? { publishedBy: actor.id, publishedAt: now } : {}),
      })
      .where(eq(competencyRevisions.id, latest.id))
      .run();
    refreshCompetencySearch(tx, entry.id);
    recordAudit(tx, {
      actorId: actor.id,
      action: `dictionary.${action}`,
      entityType: "competency",
      entityId: entry.id,
      summary: `Revisi ${latest.number} kompetensi ${entry.code} ${TRANSITION_WORDS[action]}${comment ? `: ${comment}` : ""}`,
      before: { status: latest.status },
      after: { status: decision.next },
    });
    return { ok: true, code: entry.code, revision: latest.number };
  });
}

/** Where an entry is used: SKJ drafts and published versions, with the dictionary revision each uses. */
export function entryImpact(db: DbOrTx, competencyId: number) {
  const rows = db
    .select({
      revisionNumber: competencyRevisions.number,
      level: skjCompetencyUses.level,
      draftId: skjCompetencyUses.draftId,
      versionId: skjCompetencyUses.versionId,
      draftState: skjDrafts.state,
      versionNumber: skjVersions.versionNumber,
      positionId: positions.id,
      positionCode: positions.code,
      positionName: positions.name,
    })
    .from(skjCompetencyUses)
    .innerJoin(competencyRevisions, eq(competencyRevisions.id, skjCompetencyUses.competencyRevisionId))
    .leftJoin(skjDrafts, eq(skjDrafts.id, skjCompetencyUses.draftId))
    .leftJoin(skjVersions, eq(skjVersions.id, skjCompetencyUses.versionId))
    .innerJoin(positions, sql`${positions.id} = coalesce(${skjDrafts.positionId}, ${skjVersions.positionId})`)
    // a published draft keeps its rows beside the version's copies: show the version, not the closed draft
    .where(and(eq(competencyRevisions.competencyId, competencyId), or(isNull(skjCompetencyUses.draftId), isNull(skjDrafts.closedAt))))
    .orderBy(asc(positions.code))
    .all();
  return rows;
}
