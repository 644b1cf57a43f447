// The invariants `npm run test:faults` holds the database to after every kill -9, on a database the stream's
// writes leave: they pass on a sound one and name what is wrong on a damaged one.
import { describe, expect, it } from "vitest";
import { validateDocument } from "~/services/skj.server";
import { openDatabase, type Db } from "~db/client.server";
import { addToPenetapan, createPenetapan } from "~db/queries/penetapan.server";
import { publishPenetapan } from "~db/queries/skj-publish.server";
import { createDraft, findOpenDraft, saveDraft } from "~db/queries/skj-drafts.server";
import { moveDraft } from "~db/queries/skj-review.server";
import { checkDatabase, feedFromDatabase } from "../../scripts/faults/checks";
import { prepareFixture, withMarker, type Fixture, type PoolPosition } from "../../scripts/faults/fixture";
import { Ledger } from "../../scripts/faults/ledger";
import { expectedStored } from "../../scripts/faults/stream";
import { tempPath } from "../setup/test-db";

async function faultDatabase(): Promise<{ db: Db; fixture: Fixture; ledger: Ledger }> {
  const file = tempPath("faults.sqlite");
  const fixture = await prepareFixture(file);
  const ledger = new Ledger();
  ledger.decisionsAfter = fixture.lastDecisionId;
  return { db: openDatabase(file), fixture, ledger };
}

/** Two acknowledged editor saves on the editor's draft (revisions 2 and 3), recorded as the stream records them. */
function editorSaves(db: Db, fixture: Fixture, ledger: Ledger) {
  const { editor } = fixture.pools;
  for (const marker of ["satu", "dua"]) {
    const draft = findOpenDraft(db, editor.id)!;
    const document = withMarker(editor.document, marker);
    const saved = saveDraft(db, {
      draftId: draft.id,
      baseRevision: draft.revision,
      document,
      summaryJson: null,
      actorId: fixture.users.analis,
    });
    if (!saved.ok) throw new Error(saved.reason);
    ledger.saves.push({
      via: "editor",
      positionCode: editor.code,
      revision: saved.draft.revision,
      document: expectedStored(document),
      round: 1,
    });
  }
}

function approved(db: Db, fixture: Fixture, ledger: Ledger, position: PoolPosition): number {
  const draft = createDraft(db, {
    positionId: position.id,
    document: position.document,
    summaryJson: null,
    basedOnVersionId: null,
    actorId: fixture.users.analis,
    via: "api",
  });
  const submitted = moveDraft(db, {
    draftId: draft.id,
    transition: "submit",
    actor: { id: fixture.users.analis, role: "analis" },
    results: validateDocument(db, position.document),
    justification: "Uji gangguan: peringatan diterima.",
  });
  const approvedDraft = moveDraft(db, {
    draftId: draft.id,
    transition: "approve",
    actor: { id: fixture.users.reviewer, role: "reviewer" },
  });
  if (!submitted.ok || !approvedDraft.ok) throw new Error(JSON.stringify({ submitted, approvedDraft }));
  ledger.decided("diajukan", fixture.users.analis);
  ledger.decided("disetujui", fixture.users.reviewer);
  return draft.id;
}

function penetapanOf(db: Db, fixture: Fixture, ledger: Ledger, positions: PoolPosition[]): number {
  const created = createPenetapan(
    db,
    { kind: "Peraturan Gubernur", number: "77", year: 2026, title: "Uji gangguan" },
    fixture.users.reviewer2,
  );
  if (!created.ok) throw new Error(created.message);
  for (const position of positions) {
    const added = addToPenetapan(db, created.id, approved(db, fixture, ledger, position), fixture.users.reviewer2);
    if (!added.ok) throw new Error(added.message);
  }
  return created.id;
}

describe("fault test invariants", () => {
  it("hold on the demo's published SKJ plus acknowledged saves and a penetapan of three, and every save is verified", async () => {
    const { db, fixture, ledger } = await faultDatabase();
    editorSaves(db, fixture, ledger);
    const id = penetapanOf(db, fixture, ledger, fixture.pools.penetapan.slice(0, 3));
    expect(publishPenetapan(db, id, { id: fixture.users.reviewer2, role: "reviewer" })).toMatchObject({ ok: true });
    ledger.penetapanPublishes.push({ penetapanId: id, positionCodes: fixture.pools.penetapan.slice(0, 3).map((p) => p.code), round: 1 });

    const report = checkDatabase(db.$client, ledger);
    expect(report.violations).toEqual([]);
    expect(report.savesVerified).toBe(2);
    // the demo's own penetapan (ten SKJ, then a second version) and ours
    expect(report.penetapanChecked).toBeGreaterThanOrEqual(2);
    expect(report.feedEvents).toBeGreaterThanOrEqual(11 + 3);
  });

  it("name a lost save, a save stored with other content, a half-written save, a lost decision, a half-published penetapan and a feed gap", async () => {
    const { db, fixture, ledger } = await faultDatabase();
    editorSaves(db, fixture, ledger);
    const { editor } = fixture.pools;
    ledger.saves.push({ via: "api", positionCode: editor.code, revision: 9, document: ledger.saves[0]!.document, round: 2 });
    ledger.saves.push({ via: "editor", positionCode: editor.code, revision: 2, document: ledger.saves[1]!.document, round: 2 });
    // an act marked published whose SKJ never became versions: what a non-atomic publish would leave after a crash
    const id = penetapanOf(db, fixture, ledger, fixture.pools.penetapan.slice(0, 2));
    db.$client.prepare("update penetapan set status = 'ditetapkan', published_at = '2026-12-01T00:00:00.000Z' where id = ?").run(id);
    // the draft row moved on without its history row, as a save split in two would leave it
    db.$client.prepare("update skj_drafts set revision = revision + 1 where position_id = ? and closed_at is null").run(editor.id);
    ledger.decided("disetujui", fixture.users.reviewer);
    const lastId = feedFromDatabase(db.$client).at(-1)!.id;
    db.$client
      .prepare(
        "insert into events (id, type, position_code, version, occurred_at) values (?, 'skj.withdrawn', ?, 1, '2026-12-01T00:00:00.000Z')",
      )
      .run(lastId + 2, editor.code);

    const { violations } = checkDatabase(db.$client, ledger);
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^simpanan hilang \\(lost save\\): api ${editor.code.replace(/\./g, "\\.")} revisi 9 `)),
        expect.stringMatching(/^simpanan hilang \(lost save\): editor .* revisi 2 \(ronde 2\)/),
        expect.stringMatching(new RegExp(`^penetapan ${id} setengah jadi \\(half published\\): ditetapkan, 2 SKJ, 0 versi`)),
        expect.stringMatching(new RegExp(`^umpan: id ${lastId + 2} di posisi ${lastId + 1} `)),
        expect.stringMatching(/^umpan: 1 peristiwa skj\.withdrawn untuk 0 pencabutan/),
        expect.stringMatching(
          new RegExp(`^draf ${editor.code.replace(/\./g, "\\.")} \\(#\\d+\\) revisi 4 tidak sama dengan riwayat terbarunya \\(revisi 3\\)`),
        ),
        `keputusan hilang (lost decision): 3 "disetujui" oleh pengguna ${fixture.users.reviewer} diakui, 2 tersimpan`,
      ]),
    );
    expect(violations).toHaveLength(7);
  });

  it("find no gap after a penetapan publish failed midway, after its first feed event was written", async () => {
    const { db, fixture, ledger } = await faultDatabase();
    const positions = fixture.pools.penetapan.slice(0, 3);
    const id = penetapanOf(db, fixture, ledger, positions);
    const before = feedFromDatabase(db.$client).at(-1)!.id;
    // the second version's insert fails: the first item's version and event are already written in the transaction
    db.$client.exec(`CREATE TEMP TRIGGER fail_second_item BEFORE INSERT ON main.skj_versions
      WHEN (SELECT count(*) FROM main.events) > ${before}
      BEGIN SELECT RAISE(ABORT, 'uji: gagal setelah peristiwa pertama'); END`);
    const reviewer2 = { id: fixture.users.reviewer2, role: "reviewer" as const };
    expect(() => publishPenetapan(db, id, reviewer2)).toThrow(/gagal setelah peristiwa pertama/);
    db.$client.exec("DROP TRIGGER fail_second_item");
    expect(feedFromDatabase(db.$client).at(-1)!.id).toBe(before);

    expect(publishPenetapan(db, id, reviewer2)).toMatchObject({ ok: true });
    ledger.penetapanPublishes.push({ penetapanId: id, positionCodes: positions.map((p) => p.code), round: 1 });
    // AUTOINCREMENT's counter (sqlite_sequence) rolled back with the transaction, so the ids go on from `before`
    expect(
      feedFromDatabase(db.$client)
        .slice(-3)
        .map((e) => e.id),
    ).toEqual([before + 1, before + 2, before + 3]);
    expect(checkDatabase(db.$client, ledger).violations).toEqual([]);
  });
});
