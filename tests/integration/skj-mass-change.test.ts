// "Ubah banyak draf sekaligus" (issue 17 item 5): the use case on a real database, and the page's guard.
import { describe, expect, it } from "vitest";
import { MassChangeSchema, type MassChange } from "~/domain/skj-mass-change";
import { loader as overviewLoader } from "~/routes/skj._index";
import { action, loader } from "~/routes/skj.ubah-massal";
import { createDraftsInBulk } from "~/services/skj-bulk.server";
import { applyMassChangeToDrafts, massChangeRefusal, massChangeSelection, previewMassChange } from "~/services/skj-mass-change.server";
import type { Db } from "~db/client.server";
import { findPositionByCode } from "~db/queries/register.server";
import { draftRevisionLog } from "~db/queries/skj-draft-history.server";
import { findOpenDraft, saveDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { seedDemoSkj } from "~seeds/demo-skj.server";
import { cookieFor, get, post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const PENGAWAS = "BKD.SEKRETARIAT.SUBBAG-UMPEG.KASUBBAG";
const PELAKSANA = "INSPEKTORAT.SEKRETARIAT.PENGADM";
const ADMINISTRATOR = "BKD.BID-PKA.KABID";
// submitted for review by the demo seed
const IN_REVIEW = "INSPEKTORAT.IRBAN-I.AUDITOR-MUDA";
const ADD_ANJAB: MassChange = MassChangeSchema.parse({ kind: "addTechnical", code: "T.ANJAB", level: 3 });
const NOTE = "Perubahan massal: tambah Analisis Jabatan (T.ANJAB) level 3";

const userId = (db: Db, email: string) => findUserByEmail(db, email)!.id;
const draftOf = (db: Db, code: string) => findOpenDraft(db, findPositionByCode(db, code)!.id)!;
const codesOf = (db: Db, code: string) => draftOf(db, code).document.competencies.map((c) => c.code);

/** The demo with its SKJ, and fresh drafts of three positions (revision 1, T.OTDA as their only technical entry). */
async function demoWithDrafts(): Promise<Db> {
  const db = await useTestDatabase("demo");
  seedDemoSkj(db);
  const made = createDraftsInBulk(db, {
    positionCodes: [PENGAWAS, PELAKSANA, ADMINISTRATOR],
    actorId: userId(db, "analis@demo.go.id"),
    via: "ui",
  });
  expect(made.ok).toBe(true);
  return db;
}

const selectionOf = (db: Db, codes: string[]) => massChangeSelection(db, new URLSearchParams(codes.map((c) => ["draf", c]))).rows;
const targetsOf = (db: Db, codes: string[]) => selectionOf(db, codes).map((r) => ({ draftId: r.draftId, revision: r.revision }));

describe("a mass change of open drafts", () => {
  it("makes exactly one new revision per changed draft, whose history carries the note", async () => {
    const db = await demoWithDrafts();
    const outcome = applyMassChangeToDrafts(db, {
      targets: targetsOf(db, [PENGAWAS, PELAKSANA, ADMINISTRATOR]),
      change: ADD_ANJAB,
      actorId: userId(db, "analis@demo.go.id"),
    });
    expect(outcome.ok && outcome.results.map((r) => [r.positionCode, r.changed, r.revision])).toEqual([
      [ADMINISTRATOR, true, 2],
      [PENGAWAS, true, 2],
      [PELAKSANA, true, 2],
    ]);
    for (const code of [PENGAWAS, PELAKSANA, ADMINISTRATOR]) {
      const draft = draftOf(db, code);
      expect(draft.revision).toBe(2);
      expect(draft.document.competencies.at(-1)).toEqual({ code: "T.ANJAB", level: 3 });
      const history = draftRevisionLog(db, draft.id, 10);
      expect(history.map((h) => [h.revision, h.note, h.savedBy])).toEqual([
        [2, NOTE, "Analis Demo"],
        [1, null, "Analis Demo"],
      ]);
      // the new competency is pinned like one the editor adds, so the print and the rules read its texts
      const pinned = db.$client
        .prepare(
          "select count(*) from skj_competency_uses u join competency_revisions r on r.id = u.competency_revision_id join competencies c on c.id = r.competency_id where u.draft_id = ? and c.code = 'T.ANJAB'",
        )
        .pluck()
        .get(draft.id);
      expect(pinned).toBe(1);
    }
    // applying the same change again writes nothing: every draft already has it
    const again = applyMassChangeToDrafts(db, {
      targets: targetsOf(db, [PENGAWAS]),
      change: ADD_ANJAB,
      actorId: userId(db, "analis@demo.go.id"),
    });
    expect(again.ok && again.results[0]).toMatchObject({ changed: false, reason: "Sudah memuat Analisis Jabatan (T.ANJAB) (level 3)." });
    expect(draftOf(db, PENGAWAS).revision).toBe(2);
  });

  it("skips and reports a draft in review, in the preview and on apply, and leaves it as it was", async () => {
    const db = await demoWithDrafts();
    const inReview = draftOf(db, IN_REVIEW);
    expect(inReview.state).toBe("diajukan");
    const rows = selectionOf(db, [PENGAWAS, IN_REVIEW]);
    const preview = previewMassChange(db, rows, ADD_ANJAB);
    expect(preview.map((r) => [r.positionCode, r.changed, r.reason ?? null])).toEqual([
      [PENGAWAS, true, null],
      [IN_REVIEW, false, "Sedang diajukan untuk ditinjau; draf terkunci sampai dikembalikan."],
    ]);
    // even when the apply names it (the page sends only what the preview would change, a forged form may not)
    const outcome = applyMassChangeToDrafts(db, {
      targets: rows.map((r) => ({ draftId: r.draftId, revision: r.revision })),
      change: ADD_ANJAB,
      actorId: userId(db, "analis@demo.go.id"),
    });
    expect(outcome.ok && outcome.results.map((r) => [r.positionCode, r.changed])).toEqual([
      [PENGAWAS, true],
      [IN_REVIEW, false],
    ]);
    expect(draftOf(db, IN_REVIEW)).toEqual(inReview);
  });

  it("never overwrites a draft saved by someone since the preview: it is skipped, named, and keeps their edit", async () => {
    const db = await demoWithDrafts();
    const targets = targetsOf(db, [PENGAWAS, PELAKSANA]);
    const theirs = draftOf(db, PELAKSANA);
    const reviewer = userId(db, "reviewer@demo.go.id");
    const edited = { ...theirs.document, requirements: { ...theirs.document.requirements, rank: "II/c" as const } };
    expect(
      saveDraft(db, { draftId: theirs.id, baseRevision: 1, document: edited, summaryJson: theirs.summaryJson, actorId: reviewer }).ok,
    ).toBe(true);

    const outcome = applyMassChangeToDrafts(db, { targets, change: ADD_ANJAB, actorId: userId(db, "analis@demo.go.id") });
    const stale = outcome.ok ? outcome.results.find((r) => r.positionCode === PELAKSANA) : undefined;
    expect(stale?.changed).toBe(false);
    expect(stale?.reason).toMatch(/^Diubah oleh Reviewer Demo sesudah pratinjau \(revisi 1 menjadi 2\)/);
    expect(draftOf(db, PELAKSANA).document).toEqual(edited);
    expect(codesOf(db, PENGAWAS)).toContain("T.ANJAB");
  });

  it("is all or nothing: an error on one draft leaves every draft and the audit log as they were", async () => {
    const db = await demoWithDrafts();
    const targets = targetsOf(db, [ADMINISTRATOR, PENGAWAS, PELAKSANA]);
    const last = draftOf(db, PELAKSANA);
    db.$client.exec(
      `create temp trigger fail_one before insert on skj_draft_revisions when new.draft_id = ${last.id} begin select raise(abort, 'disk full'); end`,
    );
    const audits = () => db.$client.prepare("select count(*) from audit_log where action = 'skj.draft.mass_change'").pluck().get();
    expect(() => applyMassChangeToDrafts(db, { targets, change: ADD_ANJAB, actorId: userId(db, "analis@demo.go.id") })).toThrow(
      /disk full/,
    );
    for (const code of [ADMINISTRATOR, PENGAWAS, PELAKSANA]) {
      expect(draftOf(db, code).revision).toBe(1);
      expect(codesOf(db, code)).not.toContain("T.ANJAB");
    }
    expect(audits()).toBe(0);
  });

  it("refuses a competency that is not a published technical entry, and replacing T.OTDA in a regional government", async () => {
    const db = await demoWithDrafts();
    expect(massChangeRefusal(db, MassChangeSchema.parse({ kind: "addTechnical", code: "T.TIDAK-ADA", level: 2 }))).toBe(
      "Kompetensi T.TIDAK-ADA bukan kompetensi teknis yang diterbitkan dalam kamus.",
    );
    const otda = MassChangeSchema.parse({ kind: "replaceTechnical", from: "T.OTDA", code: "T.ANJAB", level: 3 });
    const outcome = applyMassChangeToDrafts(db, {
      targets: targetsOf(db, [PENGAWAS]),
      change: otda,
      actorId: userId(db, "analis@demo.go.id"),
    });
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/\(T\.OTDA\) wajib bagi pemerintah daerah/) });
    expect(draftOf(db, PENGAWAS).revision).toBe(1);
  });
});

describe("the page /skj/ubah-massal", () => {
  it("is for whoever may edit drafts: a viewer gets 403 on the page and on the change", async () => {
    const db = await demoWithDrafts();
    const viewer = await cookieFor("viewer@demo.go.id");
    const form = { intent: "terapkan", perubahan: JSON.stringify(ADD_ANJAB), target: `${draftOf(db, PENGAWAS).id}:1` };
    expect((await run(loader, get(`/skj/ubah-massal?draf=${PENGAWAS}`, viewer))).status).toBe(403);
    expect((await run(action, post("/skj/ubah-massal", form, viewer))).status).toBe(403);
    expect(draftOf(db, PENGAWAS).revision).toBe(1);
    const analis = await cookieFor("analis@demo.go.id");
    expect((await run(loader, get(`/skj/ubah-massal?draf=${PENGAWAS}`, analis))).status).toBe(200);
    const applied = await run(action, post("/skj/ubah-massal", form, analis));
    expect(applied.status).toBe(200);
    expect(codesOf(db, PENGAWAS)).toContain("T.ANJAB");
  });

  it("previews from the form's fields and refuses bad input by name, changing nothing", async () => {
    const db = await demoWithDrafts();
    const analis = await cookieFor("analis@demo.go.id");
    const preview = await run(
      action,
      post("/skj/ubah-massal", { intent: "pratinjau", draf: PENGAWAS, jenis: "rank", pangkat: "III/a" }, analis),
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      preview: { note: "Perubahan massal: pangkat menjadi Penata Muda (III/a)", rows: [{ positionCode: PENGAWAS, changed: true }] },
    });
    const bad = await run(
      action,
      post("/skj/ubah-massal", { intent: "pratinjau", draf: PENGAWAS, jenis: "addTechnical", kompetensi: "T.ANJAB", level: "9" }, analis),
    );
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ message: "Level harus 1–5." });
    expect(draftOf(db, PENGAWAS).revision).toBe(1);
  });
});

describe("the list of open drafts on /skj", () => {
  it("narrows every draft list by unit subtree and by words of the name or code, and counts what 'all matching' would take", async () => {
    const db = await demoWithDrafts();
    const analis = await cookieFor("analis@demo.go.id");
    type Overview = { drafts: { positionCode: string }[]; submitted: { positionCode: string }[]; matching: number };
    const overview = async (query: string) => (await run(overviewLoader, get(`/skj?${query}`, analis))).body as Overview;

    const bkd = await overview("unit=BKD");
    expect(bkd.drafts.map((d) => d.positionCode).sort()).toEqual([ADMINISTRATOR, PENGAWAS]);
    expect(bkd.matching).toBe(2);
    const inspektorat = await overview("unit=INSPEKTORAT&q=auditor");
    expect(inspektorat.drafts).toEqual([]);
    expect(inspektorat.submitted.map((d) => d.positionCode)).toEqual([IN_REVIEW]);
    expect(inspektorat.matching).toBe(1);
    expect((await overview("unit=TIDAK-ADA")).matching).toBe(0);
    // "all matching" takes the same drafts, the one in review included (its preview says it is skipped)
    expect(massChangeSelection(db, new URLSearchParams("semua=1&unit=INSPEKTORAT&q=auditor")).rows.map((r) => r.positionCode)).toEqual([
      IN_REVIEW,
    ]);
  });
});
