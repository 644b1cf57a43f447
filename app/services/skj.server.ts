// Use cases of SKJ authoring: the rule context from the database, new drafts, validated saves.
import { and, eq, inArray, sql } from "drizzle-orm";
import { MANDATORY_TECHNICAL_CODE, REGULATION_CODES } from "~/domain/dictionary";
import type { RichTextNode } from "~/domain/richtext";
import { plainTextToDoc } from "~/domain/richtext";
import { SkjDocumentSchema, type SkjDocument } from "~/domain/skj-document";
import { competenciesFromStandard } from "~/domain/jf-standard";
import { expectedCompetencies, validateSkj, type RuleContext, type RuleResult, type RuleSettings } from "~/domain/skj-rules";
import type { Db, DbOrTx } from "~db/client.server";
import { positionDetail } from "~db/queries/register.server";
import { instanceProfile } from "~db/queries/instance.server";
import { jfStandardForPosition } from "~db/queries/jf-standards.server";
import { settingValue } from "~db/queries/settings.server";
import { createDraft, findOpenDraft, type DraftView } from "~db/queries/skj-drafts.server";
import { competencies, orgUnits, skjVersions } from "~db/schema";

export function ruleSettings(db: DbOrTx): { settings: RuleSettings; regionalGovernment: boolean } {
  return {
    settings: {
      standardLevels: settingValue(db, "standardLevels") ?? {},
      minimumRankByEselon: settingValue(db, "minimumRankByEselon") ?? {},
      lowestEselonByGroup: settingValue(db, "lowestEselonByGroup") ?? {},
      minimumEducationByGroup: settingValue(db, "minimumEducationByGroup") ?? {},
      leadershipTrainingByGroup: settingValue(db, "leadershipTrainingByGroup") ?? {},
      leadershipTrainingAliases: settingValue(db, "leadershipTrainingAliases") ?? {},
      minimumExperienceByGroup: settingValue(db, "minimumExperienceByGroup") ?? {},
    } as RuleSettings,
    // the profile replaces the version-1 setting; an install that has not filled its profile in keeps the stored value
    regionalGovernment: instanceProfile(db)?.regionalGovernment ?? settingValue<boolean>(db, "regionalGovernment") ?? true,
  };
}

/**
 * The context the rules need for one document, read narrowly (only the codes and the unit it names) so a
 * validation stays a few indexed lookups however large the dictionary and the register are.
 */
export function ruleContextFor(db: DbOrTx, input: unknown): RuleContext {
  const doc = input as Partial<SkjDocument> | null;
  const listed = Array.isArray(doc?.competencies)
    ? doc.competencies.map((c) => (c as { code?: unknown })?.code).filter((c): c is string => typeof c === "string")
    : [];
  const jfStandard = doc?.position && typeof doc.position === "object" ? jfStandardForPosition(db, doc.position) : null;
  // the standard's codes too: its removal warning names the competency that is no longer listed
  const codes = [
    ...new Set([...REGULATION_CODES, MANDATORY_TECHNICAL_CODE, ...(jfStandard?.technical.map((t) => t.code) ?? []), ...listed]),
  ].slice(0, 200);
  const rows = db
    .select({
      code: competencies.code,
      type: competencies.type,
      name: competencies.name,
      // qualified by hand: in a one-table select drizzle writes ${competencies.id} as a bare "id", which inside
      // the subquery would name the revision's own id
      published: sql<number>`exists (select 1 from competency_revisions r where r.competency_id = "competencies"."id" and r.status = 'diterbitkan')`,
    })
    .from(competencies)
    .where(inArray(competencies.code, codes))
    .all();
  const unitCode = typeof doc?.position?.unitCode === "string" ? doc.position.unitCode : null;
  const unit = unitCode
    ? db
        .select({ code: orgUnits.code, name: orgUnits.name, echelon: orgUnits.echelon })
        .from(orgUnits)
        .where(and(eq(orgUnits.code, unitCode), eq(orgUnits.active, true)))
        .get()
    : undefined;
  const { settings, regionalGovernment } = ruleSettings(db);
  return {
    competencies: new Map(rows.map((r) => [r.code, { type: r.type, name: r.name, published: Boolean(r.published) }])),
    units: new Map(unit ? [[unit.code, { echelon: unit.echelon, name: unit.name }]] : []),
    settings,
    regionalGovernment,
    jfStandard,
  };
}

export function validateDocument(db: DbOrTx, input: unknown): RuleResult[] {
  return validateSkj(input, ruleContextFor(db, input));
}

/**
 * A new SKJ: a copy of the latest published version when there is one, else identity from the register with
 * the competencies of the position's national JF standard, or of its group's standard levels.
 */
export function newDraftDocument(
  db: DbOrTx,
  positionId: number,
): { document: SkjDocument; summaryJson: RichTextNode | null; basedOnVersionId: number | null } {
  const detail = positionDetail(db, positionId);
  if (!detail) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  const latest = db
    .select({ id: skjVersions.id, snapshot: skjVersions.snapshot })
    .from(skjVersions)
    .where(eq(skjVersions.positionId, positionId))
    .orderBy(sql`${skjVersions.versionNumber} desc`)
    .get();
  if (latest) {
    const published = JSON.parse(latest.snapshot) as SkjDocument & Record<string, unknown>;
    const parsed = SkjDocumentSchema.safeParse({
      schemaVersion: 1,
      position: { ...published.position },
      competencies: published.competencies.map((c) => ({ code: c.code, level: c.level })),
      requirements: published.requirements,
    });
    if (parsed.success)
      return { document: parsed.data, summaryJson: plainTextToDoc(parsed.data.position.summary), basedOnVersionId: latest.id };
  }
  const { position, unit } = detail;
  const { settings, regionalGovernment } = ruleSettings(db);
  const jfStandard = jfStandardForPosition(db, position);
  return {
    document: {
      schemaVersion: 1,
      position: {
        code: position.code,
        name: position.name,
        group: position.group,
        functionalLevel: position.functionalLevel,
        unitCode: unit.code,
        governmentAffair: position.governmentAffair,
        summary: position.summaryText,
      },
      competencies: jfStandard
        ? competenciesFromStandard(jfStandard, regionalGovernment)
        : expectedCompetencies(position.group, position.functionalLevel, settings, regionalGovernment),
      requirements: {
        rank: null,
        education: [],
        training: { managerial: [], technical: [], functional: [] },
        experience: [],
        performanceIndicators: [],
      },
    },
    summaryJson: (position.summaryJson as RichTextNode | null) ?? null,
    basedOnVersionId: null,
  };
}

/** "Susun SKJ": the position's open draft, or a new one. */
export function openDraftForPosition(db: Db, positionId: number, actorId: number): DraftView {
  const open = findOpenDraft(db, positionId);
  if (open) return open;
  const fresh = newDraftDocument(db, positionId);
  return createDraft(db, { positionId, ...fresh, actorId, via: "ui" });
}
