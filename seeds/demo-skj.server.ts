// Demo SKJ (seeds/demo/skj.json): a published penetapan, a second version of one SKJ and drafts waiting
// for review, so the dashboard, the feed, the history and the PDF have something to show on first start.
// Everything goes through the app's own write paths, so the audit rows, decisions, pins and feed events
// are exactly what a user working in the UI would have produced, four-eyes rule included.
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { REGULATION_CODES } from "~/domain/dictionary";
import type { PenetapanFields } from "~/domain/penetapan";
import type { SkjCompetency, SkjDocument, SkjRequirements } from "~/domain/skj-document";
import { hasBlockingErrors } from "~/domain/skj-rules";
import type { WorkflowActor } from "~/domain/skj-workflow";
import { newDraftDocument, validateDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { addToPenetapan, createPenetapan } from "~db/queries/penetapan.server";
import { findPositionByCode } from "~db/queries/register.server";
import { createDraft } from "~db/queries/skj-drafts.server";
import { publishPenetapan } from "~db/queries/skj-publish.server";
import { moveDraft } from "~db/queries/skj-review.server";
import { findUserByEmail } from "~db/queries/users.server";
import { skjDrafts, skjVersions } from "~db/schema";

interface SkjSeed {
  code: string;
  technical: SkjCompetency[];
  requirements: SkjRequirements;
}

interface DemoSkjFile {
  penetapan: PenetapanFields;
  published: SkjSeed[];
  secondVersion: { penetapan: PenetapanFields; code: string; technical: SkjCompetency[]; reason: string };
  submitted: SkjSeed[];
}

export interface DemoSkjReport {
  skjVersions: number;
  penetapan: number;
  skjDrafts: number;
}

// Only used should a seeded document ever raise a warning after an admin edits the rule tables.
const JUSTIFICATION = "Contoh SKJ untuk demo; persyaratan mengikuti pengaturan aturan bawaan.";

interface Actors {
  analis: WorkflowActor;
  reviewer: WorkflowActor;
  reviewer2: WorkflowActor;
  admin: WorkflowActor;
}

function actors(db: Db): Actors {
  const actor = (email: string): WorkflowActor => {
    const user = findUserByEmail(db, email);
    if (!user) throw new Error(`SKJ demo: pengguna ${email} tidak ada; muat data demo lengkap terlebih dahulu.`);
    return { id: user.id, role: user.role };
  };
  return {
    analis: actor("analis@demo.go.id"),
    reviewer: actor("reviewer@demo.go.id"),
    reviewer2: actor("reviewer2@demo.go.id"),
    admin: actor("admin@demo.go.id"),
  };
}

/** The managerial and sociocultural rows keep their prefilled standard levels; the technical ones come from the seed. */
function withTechnical(document: SkjDocument, technical: readonly SkjCompetency[]): SkjCompetency[] {
  const fixed = new Set<string>(REGULATION_CODES);
  return [...document.competencies.filter((c) => fixed.has(c.code)), ...technical.map((c) => ({ code: c.code, level: c.level }))];
}

/** Creates the draft as the analyst and submits it; returns the draft id. */
function submitDraft(db: Db, people: Actors, code: string, change: (document: SkjDocument) => SkjDocument): number {
  const position = findPositionByCode(db, code);
  if (!position) throw new Error(`SKJ demo ${code}: jabatan tidak ada di register demo.`);
  const fresh = newDraftDocument(db, position.id);
  const document = change(fresh.document);
  const results = validateDocument(db, document);
  if (hasBlockingErrors(results)) {
    const errors = results.filter((r) => r.severity === "error").map((r) => `${r.rule} ${r.path}: ${r.message}`);
    throw new Error(`SKJ demo ${code}: dokumen tidak lolos aturan: ${errors.join("; ")}`);
  }
  const draft = createDraft(db, { positionId: position.id, ...fresh, document, actorId: people.analis.id, via: "ui" });
  const warned = results.some((r) => r.severity === "warning");
  const submitted = moveDraft(db, {
    draftId: draft.id,
    transition: "submit",
    actor: people.analis,
    results,
    justification: warned ? JUSTIFICATION : null,
  });
  if (!submitted.ok) throw new Error(`SKJ demo ${code}: gagal diajukan: ${submitted.message}`);
  return draft.id;
}

function approve(db: Db, people: Actors, code: string, draftId: number, comment: string | null = null) {
  const approved = moveDraft(db, { draftId, transition: "approve", actor: people.reviewer, comment });
  if (!approved.ok) throw new Error(`SKJ demo ${code}: gagal disetujui: ${approved.message}`);
}

/** Creates the penetapan, gathers the approved drafts and publishes them; returns the number of versions. */
function establish(db: Db, people: Actors, fields: PenetapanFields, drafts: { code: string; draftId: number }[]): number {
  const label = `${fields.kind} Nomor ${fields.number} Tahun ${fields.year}`;
  const created = createPenetapan(db, fields, people.admin.id);
  if (!created.ok) throw new Error(`SKJ demo: ${label} tidak dapat dibuat: ${created.message}`);
  for (const { code, draftId } of drafts) {
    const added = addToPenetapan(db, created.id, draftId, people.admin.id);
    if (!added.ok) throw new Error(`SKJ demo ${code}: tidak dapat dimasukkan ke ${label}: ${added.message}`);
  }
  const published = publishPenetapan(db, created.id, people.reviewer2);
  if (!published.ok) throw new Error(`SKJ demo: ${label} gagal ditetapkan: ${published.message}`);
  return published.versions.length;
}

const readDemoSkj = (): DemoSkjFile =>
  JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "seeds", "demo/skj.json"), "utf8")) as DemoSkjFile;

/**
 * Loads the demo SKJ once. A database that already holds any SKJ draft or version is left alone: the demo
 * must never write next to what someone authored, and a second run finds the first run's rows and stops.
 */
export function seedDemoSkj(db: Db): DemoSkjReport {
  const none: DemoSkjReport = { skjVersions: 0, penetapan: 0, skjDrafts: 0 };
  const authored = (db.select({ n: count() }).from(skjVersions).get()?.n ?? 0) + (db.select({ n: count() }).from(skjDrafts).get()?.n ?? 0);
  if (authored > 0) return none;
  const file = readDemoSkj();
  const people = actors(db);
  const report = { ...none };

  const first = file.published.map((entry) => {
    const draftId = submitDraft(db, people, entry.code, (document) => ({
      ...document,
      competencies: withTechnical(document, entry.technical),
      requirements: entry.requirements,
    }));
    approve(db, people, entry.code, draftId);
    return { code: entry.code, draftId };
  });
  report.skjVersions += establish(db, people, file.penetapan, first);
  report.penetapan++;

  // newDraftDocument copies the version just published, so only the competencies change in version 2
  const revision = file.secondVersion;
  const revisionDraft = submitDraft(db, people, revision.code, (document) => ({
    ...document,
    competencies: withTechnical(document, revision.technical),
  }));
  approve(db, people, revision.code, revisionDraft, revision.reason);
  report.skjVersions += establish(db, people, revision.penetapan, [{ code: revision.code, draftId: revisionDraft }]);
  report.penetapan++;

  for (const entry of file.submitted) {
    submitDraft(db, people, entry.code, (document) => ({
      ...document,
      competencies: withTechnical(document, entry.technical),
      requirements: entry.requirements,
    }));
    report.skjDrafts++;
  }
  return report;
}
