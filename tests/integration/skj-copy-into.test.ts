// "Salin dari SKJ serupa" in the editor (issue 17 item 2): a copy is one revision made on the revision the user
// previewed, its undo is one more, both show in the draft's history, and nothing changes when either is refused.
import { describe, expect, it } from "vitest";
import { isRegulationCode } from "~/domain/dictionary";
import type { CopyReply } from "~/domain/skj-copy";
import { loader as editorLoader } from "~/routes/jabatan.$id.skj";
import { action as copyAction, loader as copyLoader } from "~/routes/jabatan.$id.skj_.salin";
import { draftRevisionNotes } from "~db/queries/skj-draft-history.server";
import { openDraftForPosition } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { findPositionByCode } from "~db/queries/register.server";
import { findOpenDraft, saveDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { seedDemoSkj } from "~seeds/demo-skj.server";
import { BASE, cookieFor, get, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

// a published administrator SKJ of the demo; the target is a pengawas's fresh draft, whose managerial levels differ
const SOURCE = "SETDA.BIRO-ORG.BAG-RBAK.KABAG";
const TARGET = "BKD.SEKRETARIAT.SUBBAG-UMPEG.KASUBBAG";
// submitted for review by the demo seed
const IN_REVIEW = "INSPEKTORAT.IRBAN-I.AUDITOR-MUDA";

type Competency = { code: string; level: number };
const technicalOf = (list: Competency[]) => list.filter((c) => !isRegulationCode(c.code));
const managerialOf = (list: Competency[]) => list.filter((c) => isRegulationCode(c.code));

async function setUp() {
  const db = await useTestDatabase("demo");
  seedDemoSkj(db);
  const target = findPositionByCode(db, TARGET)!;
  const analisId = findUserByEmail(db, "analis@demo.go.id")!.id;
  openDraftForPosition(db, target.id, analisId);
  const live = JSON.parse(
    db.$client
      .prepare("select snapshot from skj_versions v join positions p on p.id = v.position_id where p.code = ? order by version_number desc")
      .pluck()
      .get(SOURCE) as string,
  ) as {
    competencies: Competency[];
    requirements: unknown;
    position: { name: string; summary: string };
  };
  const analis = await cookieFor("analis@demo.go.id");
  const id = String(target.id);
  const preview = async (cookie: string, parts: string[], positionId = id) => {
    const query = new URLSearchParams([["sumber", SOURCE], ...parts.map((p) => ["bagian", p])]);
    const answer = await run(copyLoader, get(`/jabatan/${positionId}/skj/salin?${query}`, cookie), { id: positionId });
    return { status: answer.status, body: parseReply(answer.body) };
  };
  const post = async (cookie: string, body: Record<string, unknown>, positionId = id) => {
    const request = new Request(`${BASE}/jabatan/${positionId}/skj/salin`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify(body),
    });
    const answer = await run(copyAction, request, { id: positionId });
    return { status: answer.status, body: parseReply(answer.body) };
  };
  const apply = (cookie: string, parts: string[], baseRevision: number, positionId = id) =>
    post(cookie, { intent: "apply", sourceCode: SOURCE, parts, baseRevision }, positionId);
  const undo = (cookie: string, baseRevision: number) => post(cookie, { intent: "undo", baseRevision });
  // what the editor page offers when it is (re)loaded
  const offered = async (cookie: string) => {
    const answer = await run(editorLoader, get(`/jabatan/${id}/skj`, cookie), { id });
    return (answer.body as { undoableCopy: unknown }).undoableCopy;
  };
  return { db, target, analisId, live, analis, preview, apply, undo, offered, draft: () => findOpenDraft(db, target.id)! };
}

// a refusal before the route runs (403) is plain text
const parseReply = (body: unknown): CopyReply =>
  typeof body !== "string" ? (body as CopyReply) : body.startsWith("{") ? (JSON.parse(body) as CopyReply) : { ok: false, message: body };
const revisionsOf = (db: Db, draftId: number) =>
  db.$client.prepare("select count(*) from skj_draft_revisions where draft_id = ?").pluck().get(draftId);
const copyAuditRows = (db: Db) => db.$client.prepare("select count(*) from audit_log where action like 'skj.draft.copy%'").pluck().get();

describe("copying a similar SKJ into the open draft", () => {
  it("finds sources by name with unit and status, never the position itself", async () => {
    const { analis, target } = await setUp();
    const answer = await run(
      copyLoader,
      get(`/jabatan/${target.id}/skj/salin?q=${encodeURIComponent("kepala bagian reformasi")}`, analis),
      { id: String(target.id) },
    );
    const reply = parseReply(answer.body);
    expect(reply.ok && reply.candidates?.find((c) => c.code === SOURCE)).toMatchObject({
      skjStatus: "ditetapkan",
      unitName: expect.any(String),
    });
    const own = await run(
      copyLoader,
      get(`/jabatan/${target.id}/skj/salin?q=${encodeURIComponent("kepala subbagian umum dan kepegawaian")}`, analis),
      { id: String(target.id) },
    );
    expect(parseReply(own.body).ok && parseReply(own.body)).toMatchObject({
      candidates: expect.not.arrayContaining([expect.objectContaining({ code: TARGET })]),
    });
  });

  it("previews the change per chosen part on the current revision, writing nothing", async () => {
    const { db, analis, preview, draft, live } = await setUp();
    const before = draft();
    const answer = await preview(analis, ["technical"]);
    expect(answer.status).toBe(200);
    const shown = answer.body.ok ? answer.body.preview! : null;
    expect(shown?.revision).toBe(before.revision);
    expect(shown?.source).toMatchObject({ code: SOURCE, origin: "versi 1 yang berlaku" });
    expect(shown?.parts.map((p) => p.part)).toEqual(["technical"]);
    const added = technicalOf(live.competencies).filter((c) => !before.document.competencies.some((d) => d.code === c.code));
    expect(added.length).toBeGreaterThan(0);
    for (const c of added)
      expect(shown?.parts[0]!.changes).toContainEqual(
        expect.objectContaining({
          label: expect.stringMatching(new RegExp(`^${c.code.replace(".", "\\.")} \\S`)),
          after: `ditambahkan, level ${c.level}`,
        }),
      );
    expect(draft()).toEqual(before);
    expect(revisionsOf(db, before.id)).toBe(1);
  });

  it("saves exactly the chosen parts as one revision, keeps the managerial levels, and notes it in the history", async () => {
    const { db, analis, apply, draft, live } = await setUp();
    const before = draft();
    const answer = await apply(analis, ["technical", "summary"], before.revision);
    expect(answer.status).toBe(200);
    const after = draft();
    expect(after.revision).toBe(before.revision + 1);
    expect(revisionsOf(db, before.id)).toBe(2);
    expect(managerialOf(after.document.competencies)).toEqual(managerialOf(before.document.competencies));
    expect(managerialOf(after.document.competencies)).not.toEqual(
      managerialOf(live.competencies).map((c) => ({ code: c.code, level: c.level })),
    );
    expect(
      technicalOf(after.document.competencies)
        .map((c) => c.code)
        .sort(),
    ).toEqual([...new Set(["T.OTDA", ...technicalOf(live.competencies).map((c) => c.code)])].sort());
    expect(after.document.position.summary).toBe(live.position.summary);
    expect(after.document.requirements).toEqual(before.document.requirements);
    expect(answer.body.ok && answer.body.applied).toMatchObject({
      revision: after.revision,
      document: after.document,
      catalog: expect.arrayContaining([expect.objectContaining({ code: technicalOf(live.competencies)[0]!.code })]),
    });
    const [latest] = draftRevisionNotes(db, after.id, 15);
    expect(latest).toMatchObject({
      revision: after.revision,
      savedBy: "Analis Demo",
      note: `Disalin dari ${live.position.name} (versi 1 yang berlaku): kompetensi teknis, ikhtisar jabatan`,
    });
  });

  it("refuses a copy on a stale revision with 409 and changes nothing", async () => {
    const { db, analis, analisId, apply, draft } = await setUp();
    const first = draft();
    // an autosave lands after the preview was made on revision 1
    const edited = { ...first.document, requirements: { ...first.document.requirements, rank: "IV/a" as const } };
    expect(
      saveDraft(db, { draftId: first.id, baseRevision: 1, document: edited, summaryJson: first.summaryJson, actorId: analisId }).ok,
    ).toBe(true);
    const saved = draft();
    const answer = await apply(analis, ["technical", "requirements"], 1);
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      ok: false,
      message: expect.stringMatching(/sudah diubah .* sejak pratinjau dibuat; tidak ada yang disalin/),
    });
    expect(draft()).toEqual(saved);
    expect(revisionsOf(db, first.id)).toBe(2);
    expect(copyAuditRows(db)).toBe(0);
  });

  it("undoes a copy as one more revision that restores the content before it, and refuses a stale undo", async () => {
    const { db, analis, analisId, apply, undo, draft, live } = await setUp();
    const before = draft();
    await apply(analis, ["technical", "requirements"], before.revision);
    const copied = draft();

    // an edit saved after the copy: undoing now would drop it
    const edited = {
      ...copied.document,
      requirements: {
        ...copied.document.requirements,
        performanceIndicators: [...copied.document.requirements.performanceIndicators, "Indikator yang ditambahkan sesudah penyalinan"],
      },
    };
    saveDraft(db, {
      draftId: copied.id,
      baseRevision: copied.revision,
      document: edited,
      summaryJson: copied.summaryJson,
      actorId: analisId,
    });
    const editedDraft = draft();
    expect(editedDraft.revision).toBe(copied.revision + 1);
    const stale = await undo(analis, copied.revision);
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({ ok: false, message: expect.stringContaining("sudah diubah sesudah penyalinan") });
    expect(draft()).toEqual(editedDraft);
    // an ordinary save is no copy to undo
    expect((await undo(analis, editedDraft.revision)).status).toBe(422);
    expect(draft()).toEqual(editedDraft);

    // a second copy, undone at once
    expect((await apply(analis, ["summary"], editedDraft.revision)).status).toBe(200);
    const copiedAgain = draft();
    const undone = await undo(analis, copiedAgain.revision);
    expect(undone.status).toBe(200);
    const restored = draft();
    expect(restored.revision).toBe(copiedAgain.revision + 1);
    expect(restored.document).toEqual(editedDraft.document);
    expect(restored.summaryJson).toEqual(editedDraft.summaryJson);
    expect(
      draftRevisionNotes(db, restored.id, 15)
        .slice(0, 2)
        .map((e) => e.note),
    ).toEqual([
      `Penyalinan dari ${live.position.name} diurungkan: isi revisi ${editedDraft.revision} dipulihkan`,
      expect.stringMatching(/^Disalin dari .*: ikhtisar jabatan$/),
    ]);
  });

  it("offers the undo of a copy from the history after a reload, to another user too, and the undo brings the parts back", async () => {
    const { analis, apply, undo, offered, draft, live } = await setUp();
    expect(await offered(analis)).toBeNull();
    const before = draft();
    await apply(analis, ["technical", "requirements"], before.revision);
    const copied = draft();
    expect(copied.document).not.toEqual(before.document);

    // a fresh page load, by the author and by a reviewer (who may edit drafts too)
    const reviewer = await cookieFor("reviewer@demo.go.id");
    expect(await offered(analis)).toEqual({ revision: copied.revision, sourceName: live.position.name });
    expect(await offered(reviewer)).toEqual({ revision: copied.revision, sourceName: live.position.name });
    // a reader who may not edit is offered nothing
    expect(await offered(await cookieFor("viewer@demo.go.id"))).toBeNull();

    const undone = await undo(reviewer, copied.revision);
    expect(undone.status).toBe(200);
    const restored = draft();
    expect(restored.revision).toBe(copied.revision + 1);
    expect(restored.document).toEqual(before.document);
    expect(restored.summaryJson).toEqual(before.summaryJson);
    // the undo is itself no copy: nothing more to undo
    expect(await offered(analis)).toBeNull();
  });

  it("offers no undo once the draft was saved after the copy, and refuses one sent anyway", async () => {
    const { db, analis, analisId, apply, undo, offered, draft } = await setUp();
    await apply(analis, ["technical"], draft().revision);
    const copied = draft();
    const edited = { ...copied.document, requirements: { ...copied.document.requirements, rank: "IV/a" as const } };
    saveDraft(db, {
      draftId: copied.id,
      baseRevision: copied.revision,
      document: edited,
      summaryJson: copied.summaryJson,
      actorId: analisId,
    });
    const saved = draft();
    expect(await offered(analis)).toBeNull();
    // a tab still showing the copy
    expect((await undo(analis, copied.revision)).status).toBe(409);
    expect(draft()).toEqual(saved);
  });

  it("refuses a draft in review, and a user who may not edit SKJ, changing nothing", async () => {
    const { db, analis, apply, preview, draft } = await setUp();
    const inReview = findPositionByCode(db, IN_REVIEW)!;
    const locked = findOpenDraft(db, inReview.id)!;
    expect(locked.state).toBe("diajukan");
    const refusedPreview = await preview(analis, ["technical"], String(inReview.id));
    expect(refusedPreview.status).toBe(409);
    const refused = await apply(analis, ["technical"], locked.revision, String(inReview.id));
    expect(refused).toEqual({
      status: 409,
      body: { ok: false, message: expect.stringContaining("terkunci dan tidak dapat menerima salinan") },
    });
    expect(findOpenDraft(db, inReview.id)).toEqual(locked);

    const viewer = await cookieFor("viewer@demo.go.id");
    const before = draft();
    expect((await preview(viewer, ["technical"])).status).toBe(403);
    expect((await apply(viewer, ["technical"], before.revision)).status).toBe(403);
    expect(draft()).toEqual(before);
    expect(copyAuditRows(db)).toBe(0);
  });

  it("refuses no part, an unknown source and the position itself with a message", async () => {
    const { db, analis, apply, draft, target } = await setUp();
    const before = draft();
    expect(await apply(analis, [], before.revision)).toMatchObject({
      status: 422,
      body: { message: expect.stringContaining("Pilih paling sedikit satu bagian") },
    });
    const post = (sourceCode: string) =>
      run(
        copyAction,
        new Request(`${BASE}/jabatan/${target.id}/skj/salin`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Cookie: analis },
          body: JSON.stringify({ intent: "apply", sourceCode, parts: ["technical"], baseRevision: before.revision }),
        }),
        { id: String(target.id) },
      );
    expect(parseReply((await post("TIDAK.ADA")).body)).toEqual({
      ok: false,
      message: expect.stringContaining('Jabatan sumber "TIDAK.ADA"'),
    });
    expect(parseReply((await post(TARGET)).body)).toEqual({ ok: false, message: expect.stringContaining("jabatan ini sendiri") });
    expect(draft()).toEqual(before);
    expect(copyAuditRows(db)).toBe(0);
  });
});
