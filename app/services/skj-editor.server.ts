// What the SKJ editor page needs: the draft, the identity as printed, the dictionary texts of its
// competencies (at their pinned revisions), and the rule context the browser runs the rules with.
import { inArray } from "drizzle-orm";
import { isExampleText } from "~/domain/example-text";
import { MANDATORY_TECHNICAL_CODE, REGULATION_CODES } from "~/domain/dictionary";
import { positionEchelon } from "~/domain/sotk";
import type { SkjDocument } from "~/domain/skj-document";
import type { CatalogEntry, SaveConflict, SerializedRuleContext } from "~/domain/skj-editor-data";
import type { RuleContext } from "~/domain/skj-rules";
import type { DbOrTx } from "~db/client.server";
import { latestPublishedRevisions, levelsOfRevisions } from "~db/queries/competencies.server";
import { positionDetail } from "~db/queries/register.server";
import { draftPins, draftRevisionContent, type DraftView } from "~db/queries/skj-drafts.server";
import { competencyRevisions } from "~db/schema";
import { ruleContextFor } from "./skj.server";

/** Dictionary texts for `codes`: the pinned revision where the draft has one, else the latest published. */
export function catalogFor(db: DbOrTx, codes: readonly string[], pins: ReadonlyMap<string, number> = new Map()): CatalogEntry[] {
  if (codes.length === 0) return [];
  const latest = latestPublishedRevisions(db, codes);
  const revisionIds = latest.map((l) => pins.get(l.code) ?? l.revisionId);
  const revisions = new Map(
    db
      .select({
        id: competencyRevisions.id,
        number: competencyRevisions.number,
        name: competencyRevisions.name,
        textStatus: competencyRevisions.textStatus,
      })
      .from(competencyRevisions)
      .where(inArray(competencyRevisions.id, [...revisionIds, ...latest.map((l) => l.revisionId)]))
      .all()
      .map((r) => [r.id, r]),
  );
  const levels = levelsOfRevisions(db, revisionIds);
  return latest.map((l) => {
    const shownId = pins.get(l.code) ?? l.revisionId;
    const shown = revisions.get(shownId)!;
    return {
      code: l.code,
      type: l.type,
      name: shown.name ?? l.code,
      revision: shown.number,
      latestRevision: revisions.get(l.revisionId)!.number,
      levels: levels.get(shownId) ?? [],
      example: isExampleText(shown),
    };
  });
}

export function serializeRuleContext(context: RuleContext): SerializedRuleContext {
  return {
    competencies: [...context.competencies],
    units: [...context.units],
    settings: context.settings,
    regionalGovernment: context.regionalGovernment,
    jfStandard: context.jfStandard ?? null,
  };
}

export function editorData(db: DbOrTx, positionId: number, draft: DraftView) {
  const detail = positionDetail(db, positionId);
  if (!detail) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  const pins = draftPins(db, draft.id);
  const pinMap = new Map(pins.map((p) => [p.code, p.pinnedRevisionId]));
  const codes = [...new Set([...REGULATION_CODES, MANDATORY_TECHNICAL_CODE, ...draft.document.competencies.map((c) => c.code)])];
  return {
    identity: {
      name: detail.position.name,
      group: detail.position.group,
      functionalLevel: detail.position.functionalLevel,
      code: detail.position.code,
      governmentAffair: detail.position.governmentAffair,
      unitPath: detail.path.map((u) => ({ code: u.code, name: u.name })),
      echelon: positionEchelon(detail.position.group, detail.unit.echelon),
    },
    catalog: catalogFor(db, codes, pinMap),
    ruleContext: serializeRuleContext(ruleContextFor(db, draft.document)),
  };
}

/** The register's identity fields of the position, which the SKJ takes over on every save. */
export function withRegisterIdentity(db: DbOrTx, positionId: number, document: SkjDocument): SkjDocument {
  const detail = positionDetail(db, positionId);
  if (!detail) return document;
  const { position, unit } = detail;
  return {
    ...document,
    position: {
      ...document.position,
      code: position.code,
      name: position.name,
      group: position.group,
      functionalLevel: position.functionalLevel,
      unitCode: unit.code,
      governmentAffair: position.governmentAffair,
    },
  };
}

export function saveConflict(db: DbOrTx, current: DraftView, baseRevision: number, userId: number): SaveConflict {
  const base = draftRevisionContent(db, current.id, baseRevision);
  return {
    base: base ? { revision: baseRevision, ...base } : null,
    current: { revision: current.revision, document: current.document, summaryJson: current.summaryJson, updatedAt: current.updatedAt },
    author: { name: current.lastEditorName, sameUser: current.lastEditedBy === userId },
  };
}
