// SKJ authoring and publication (issues 5 and 6) on the data set: validate, draft save, the editor's loader,
// a penetapan of 50 SKJ.
import { createHash } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { canonicalJson } from "~/domain/canonical-json";
import { hasBlockingErrors } from "~/domain/skj-rules";
import { editorData } from "~/services/skj-editor.server";
import { newDraftDocument, openDraftForPosition, validateDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { addToPenetapan, createPenetapan } from "~db/queries/penetapan.server";
import { createDraft, findOpenDraft, saveDraft } from "~db/queries/skj-drafts.server";
import { publishPenetapan } from "~db/queries/skj-publish.server";
import { commentThreads, draftDecisions } from "~db/queries/skj-review.server";
import { unverifiedSettings } from "~db/queries/settings.server";
import { findUserByEmail } from "~db/queries/users.server";
import { skjDrafts } from "~db/schema";
import type { DataSetSize } from "./data-set";
import { bulkPositions, offsetOf } from "./positions";
import { RUNS, sample, WARMUP, type Measure, type Target } from "./runner";

// issue 5, Speed: validate of a full document < 5 ms median server time, a draft save < 20 ms
const SKJ_VALIDATE_TARGET_MS = 5;
const SKJ_DRAFT_SAVE_TARGET_MS = 20;
const SKJ_EDITOR_TARGET_MS = 100;
// issue 6, Speed: publishing a penetapan of 50 SKJ < 1 s
export const PUBLISH_ITEMS = 50;
const PUBLISH_TARGET_MS = 1_000;
const PUBLISH_RUNS = 10;
// runs past this many batches publish the same positions again, so supersession (version 3) is timed too
const PUBLISH_DISTINCT_BATCHES = 5;

function user(db: Db, email: string) {
  const u = findUserByEmail(db, email);
  if (!u) throw new Error(`Pengguna ${email} tidak ada.`);
  return u;
}

/** An administrator's published SKJ as a complete document: it passes every rule, so validation runs them all. */
function completeDocument(db: Db, size: DataSetSize) {
  const [position] = bulkPositions(db, offsetOf(size.positions, "validate"), 1, "administrator");
  const { document } = newDraftDocument(db, position!.id);
  return { position: position!, document };
}

const skjValidateTarget: Target = { label: `median < ${SKJ_VALIDATE_TARGET_MS} ms`, stat: "median", maxMs: SKJ_VALIDATE_TARGET_MS };

export const validateMeasure = (size: DataSetSize): Measure => ({
  name: "SKJ: validasi dokumen lengkap (validateDocument)",
  size: size.label,
  target: skjValidateTarget,
  async run(ctx) {
    const { db } = await ctx.dataSet(size);
    const { position, document } = completeDocument(db, size);
    const results = validateDocument(db, document);
    // timing a document that fails early would flatter the rules, so it must pass them all
    const samples = await sample(RUNS, WARMUP, () => validateDocument(db, document));
    return {
      samples,
      valid: results.length === 0,
      note: `${position.code}, ${document.competencies.length} kompetensi: ${results.length ? results.map((r) => r.rule).join(", ") : "tanpa temuan"}`,
    };
  },
});

// no target: the round trip includes the client and Remix's routing, so it only bounds the server time from above
export const validateHttpMeasure = (size: DataSetSize): Measure => ({
  name: "HTTP POST /api/v1/skj/validate (dokumen lengkap, pulang-pergi)",
  size: size.label,
  async run(ctx) {
    const { baseUrl, token } = await ctx.server(size);
    const { db } = await ctx.dataSet(size);
    const body = JSON.stringify(completeDocument(db, size).document);
    let answer: { valid?: boolean; results?: unknown[] } = {};
    const samples = await sample(RUNS, WARMUP, async () => {
      const res = await fetch(`${baseUrl}/api/v1/skj/validate`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body,
      });
      answer = (await res.json()) as typeof answer;
      if (res.status !== 200) throw new Error(`POST /api/v1/skj/validate menjawab HTTP ${res.status}: ${JSON.stringify(answer)}`);
    });
    return {
      samples,
      valid: answer.valid === true,
      note: `${(body.length / 1024).toFixed(1)} KB JSON, valid=${String(answer.valid)}, ${answer.results?.length ?? "?"} temuan`,
    };
  },
});

export const draftSaveMeasure = (size: DataSetSize): Measure => ({
  name: "SKJ: simpan draf (saveDraft, revisi dasar terkini)",
  size: size.label,
  target: { label: `median < ${SKJ_DRAFT_SAVE_TARGET_MS} ms`, stat: "median", maxMs: SKJ_DRAFT_SAVE_TARGET_MS },
  async run(ctx) {
    const { db } = await ctx.dataSet(size);
    const [position] = bulkPositions(db, offsetOf(size.positions, "save"), 1, "administrator");
    const fresh = newDraftDocument(db, position!.id);
    const document = fresh.document;
    let draft = createDraft(db, { positionId: position!.id, ...fresh, actorId: null, via: "ui" });
    let saves = 0;
    let valid = true;
    const samples = await sample(RUNS, WARMUP, () => {
      // a different document each time, as successive autosaves send
      const edited = { ...document, requirements: { ...document.requirements, performanceIndicators: [`Indikator kinerja ${++saves}`] } };
      const result = saveDraft(db, { draftId: draft.id, baseRevision: draft.revision, document: edited, summaryJson: null, actorId: null });
      if (result.ok) draft = result.draft;
      else valid = false;
    });
    return {
      samples,
      valid: valid && !hasBlockingErrors(validateDocument(db, draft.document)),
      note: `${position!.code}: ${saves} penyimpanan, revisi terakhir ${draft.revision}`,
    };
  },
});

// what the editor page's loader reads: the draft, identity, dictionary texts, rule context, comments
export const editorMeasure = (size: DataSetSize): Measure => ({
  name: "SKJ: halaman penyunting (data loader)",
  size: size.label,
  target: { label: `median < ${SKJ_EDITOR_TARGET_MS} ms`, stat: "median", maxMs: SKJ_EDITOR_TARGET_MS },
  async run(ctx) {
    const { db } = await ctx.dataSet(size);
    const [position] = bulkPositions(db, offsetOf(size.positions, "editor"), 1, "fungsional");
    const draft = openDraftForPosition(db, position!.id, user(db, "analis@demo.go.id").id);
    const load = () => ({
      draft: findOpenDraft(db, position!.id),
      editor: editorData(db, position!.id, draft),
      comments: commentThreads(db, draft.id),
      decisions: draftDecisions(db, draft.id),
      unverified: unverifiedSettings(db),
    });
    const page = load();
    const samples = await sample(RUNS, WARMUP, load);
    return {
      samples,
      valid: page.editor.catalog.length >= 12,
      note: `${position!.code}: ${page.editor.catalog.length} entri kamus, ${page.draft?.document.competencies.length ?? 0} kompetensi`,
    };
  },
});

/**
 * `count` approved drafts of synthetic positions (the next version of their published SKJ), as the review
 * workflow leaves them: written and submitted by the analyst, approved by the reviewer.
 */
function approvedDrafts(db: Db, positionIds: readonly number[], people: { analis: number; reviewer: number }, run: number): number[] {
  const ids = positionIds.map((positionId) => {
    const fresh = newDraftDocument(db, positionId);
    const document = {
      ...fresh.document,
      requirements: { ...fresh.document.requirements, performanceIndicators: [`Indikator kinerja penetapan ${run}`] },
    };
    return createDraft(db, { positionId, ...fresh, document, actorId: people.analis, via: "ui" }).id;
  });
  const at = new Date().toISOString();
  db.update(skjDrafts)
    .set({
      state: "disetujui",
      submittedBy: people.analis,
      submittedAt: at,
      lastEditedBy: people.analis,
      approvedBy: people.reviewer,
      approvedAt: at,
    })
    .where(inArray(skjDrafts.id, ids))
    .run();
  return ids;
}

export const publishMeasure = (size: DataSetSize, items: number): Measure => ({
  name: `SKJ: tetapkan penetapan ${items} SKJ (publishPenetapan)`,
  size: size.label,
  target: { label: `p95 < ${PUBLISH_TARGET_MS.toLocaleString("id-ID")} ms`, stat: "p95", maxMs: PUBLISH_TARGET_MS },
  async run(ctx) {
    const { db } = await ctx.dataSet(size);
    const analis = user(db, "analis@demo.go.id");
    const reviewer = user(db, "reviewer@demo.go.id");
    const publisher = user(db, "reviewer2@demo.go.id");
    const candidates = bulkPositions(db, offsetOf(size.positions, "publish"), items * PUBLISH_DISTINCT_BATCHES).map((p) => p.id);
    let valid = true;
    let competencies = 0;
    let bytes = 0;
    let maxVersion = 0;
    const samples: number[] = [];
    // one warm-up batch, then the timed ones; drafts and the act are prepared outside the timing
    for (let run = 0; run <= PUBLISH_RUNS; run++) {
      const chunk = run % PUBLISH_DISTINCT_BATCHES;
      const drafts = approvedDrafts(
        db,
        candidates.slice(chunk * items, (chunk + 1) * items),
        { analis: analis.id, reviewer: reviewer.id },
        run,
      );
      const act = createPenetapan(
        db,
        {
          kind: "Peraturan Gubernur",
          number: String(100 + run),
          year: 2026,
          title: "Standar Kompetensi Jabatan (bench)",
          effectiveDate: "2026-04-01",
        },
        publisher.id,
      );
      if (!act.ok) throw new Error(act.message);
      for (const draftId of drafts) {
        const added = addToPenetapan(db, act.id, draftId, publisher.id);
        if (!added.ok) throw new Error(added.message);
      }
      const started = performance.now();
      const result = publishPenetapan(db, act.id, { id: publisher.id, role: publisher.role });
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`publishPenetapan menolak: ${result.message}`);
      if (run > 0) samples.push(ms);
      valid &&= result.versions.length === items;
      maxVersion = Math.max(maxVersion, ...result.versions.map((v) => v.version));
      // the stored bytes must carry a hash that verifies, or the timing measured the wrong thing
      const stored = db.get<{ snapshot: string; hash: string }>(
        sql`select snapshot, content_hash as hash from skj_versions where id = ${result.versions[0]!.versionId}`,
      )!;
      const { contentHash, ...rest } = JSON.parse(stored.snapshot) as { contentHash: string; competencies: unknown[] };
      valid &&=
        contentHash === stored.hash && stored.hash === `sha256:${createHash("sha256").update(canonicalJson(rest), "utf8").digest("hex")}`;
      competencies = rest.competencies.length;
      bytes = stored.snapshot.length;
    }
    return {
      samples,
      // every position starts at version 1 in the data set, so a second pass over a batch reaches version 3
      valid: valid && maxVersion >= 3,
      note: `${PUBLISH_RUNS} penetapan × ${items} SKJ (${competencies} kompetensi, ${(bytes / 1024).toFixed(1)} KB per snapshot), sampai versi ${maxVersion}`,
    };
  },
});
