// Saving SKJ drafts: the dictionary revision each competency is pinned to (and taking a newer one), saves on a
// draft under review or gone, saves that change nothing, and the audit rows a new draft leaves.
import { describe, expect, it } from "vitest";
import { definitionFromPlainText } from "~/domain/dictionary";
import { plainTextToDoc } from "~/domain/richtext";
import type { SkjDocument } from "~/domain/skj-document";
import { action as draftsAction } from "~/routes/api.v1.skj.drafts";
import { action as editorAction } from "~/routes/jabatan.$id.skj_.simpan";
import { newDraftDocument, openDraftForPosition } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { addRevision, findCompetencyByCode, insertCompetency, levelsOfRevision } from "~db/queries/competencies.server";
import { findPositionByCode } from "~db/queries/register.server";
import { draftPins, findOpenDraft, saveDraft } from "~db/queries/skj-drafts.server";
import { publishSingle } from "~db/queries/skj-publish.server";
import { moveDraft } from "~db/queries/skj-review.server";
import { findUserByEmail } from "~db/queries/users.server";
import { BASE, cookieFor, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

// a demo position without an SKJ
const FRESH = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";

const userId = (db: Db, email: string) => findUserByEmail(db, email)!.id;

async function setUp() {
  const db = await useTestDatabase("demo");
  const position = findPositionByCode(db, FRESH)!;
  const draft = openDraftForPosition(db, position.id, userId(db, "analis@demo.go.id"));
  const cookie = await cookieFor("analis@demo.go.id");
  /** The editor's autosave as the browser posts it. */
  const save = async (document: SkjDocument, baseRevision: number, extra: { refreshCodes?: string[]; summary?: string } = {}) => {
    const body = {
      document,
      summaryJson: plainTextToDoc(extra.summary ?? document.position.summary),
      baseRevision,
      refreshCodes: extra.refreshCodes,
    };
    const request = new Request(`${BASE}/jabatan/${position.id}/skj/simpan`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify(body),
    });
    const answer = await run(editorAction, request, { id: String(position.id) });
    return { status: answer.status, body: JSON.parse(answer.body as string) as { ok: boolean; revision?: number; message?: string } };
  };
  const pins = () =>
    Object.fromEntries(draftPins(db, draft.id).map((p) => [p.code, { pinned: p.pinnedRevision, latest: p.latestRevision }]));
  return { db, position, draft, save, pins };
}

const withCompetencies = (document: SkjDocument, extra: SkjDocument["competencies"]) => ({
  ...document,
  competencies: [...document.competencies.filter((c) => !extra.some((e) => e.code === c.code)), ...extra],
});

/** Publishes a new revision of a dictionary entry with the texts of its newest one. */
function publishNewRevision(db: Db, code: string) {
  const entry = findCompetencyByCode(db, code)!;
  const newest = db.$client.prepare("select max(id) id from competency_revisions where competency_id = ?").get(entry.id) as { id: number };
  const levels = levelsOfRevision(db, newest.id).map((l) => ({ level: l.level, description: l.description, indicators: l.indicators }));
  addRevision(db, entry.id, {
    definition: definitionFromPlainText(`Definisi baru ${code} untuk pengujian.`),
    textStatus: "lokal",
    levels,
    publish: true,
    actorId: null,
  });
}

const revisionRows = (db: Db) => (db.$client.prepare("select count(*) n from skj_draft_revisions").get() as { n: number }).n;
const auditSummaries = (db: Db, action: string) =>
  db.$client
    .prepare(
      "select summary, token_id as tokenId, entity_type as entityType, entity_id as entityId from audit_log where action = ? order by id",
    )
    .all(action) as {
    summary: string;
    tokenId: number | null;
    entityType: string;
    entityId: string;
  }[];

describe("dictionary revisions pinned by a draft", () => {
  it("pins a new competency to the newest published revision and keeps it there until the analyst takes the newer one", async () => {
    const { db, draft, save, pins } = await setUp();
    const document = withCompetencies(draft.document, [{ code: "T.ANJAB", level: 2 }]);
    expect(await save(document, 1)).toMatchObject({ status: 200, body: { ok: true, revision: 2 } });
    const first = pins()["T.ANJAB"]!;
    expect(first.pinned).toBe(first.latest);

    publishNewRevision(db, "T.ANJAB");
    // an ordinary save keeps the pin: the editor offers the update instead of changing the text underneath
    const edited = { ...document, requirements: { ...document.requirements, performanceIndicators: ["Indikator setelah kamus berubah"] } };
    expect(await save(edited, 2)).toMatchObject({ status: 200, body: { revision: 3 } });
    expect(pins()["T.ANJAB"]).toEqual({ pinned: first.pinned, latest: first.pinned + 1 });

    // taking the update is a save of its own, even when the document did not change
    expect(await save(edited, 3, { refreshCodes: ["T.ANJAB"] })).toMatchObject({ status: 200, body: { ok: true, revision: 4 } });
    expect(pins()["T.ANJAB"]).toEqual({ pinned: first.pinned + 1, latest: first.pinned + 1 });
  });

  it("leaves a competency unpinned when the dictionary has no published revision of it or its level is no whole number, and unpins a removed one", async () => {
    const { db, draft, save, pins } = await setUp();
    const unpublished = insertCompetency(db, {
      code: "T.UJI-DRAF",
      type: "teknis",
      name: "Kompetensi yang belum diterbitkan",
      category: "Uji",
      sourceKind: "lokal",
    });
    const levels = [1, 2, 3, 4, 5].map((level) => ({
      level,
      description: `Deskripsi level ${level}.`,
      indicators: [`Indikator level ${level}.`],
    }));
    addRevision(db, unpublished, {
      definition: definitionFromPlainText("Belum diterbitkan."),
      textStatus: "lokal",
      levels,
      publish: false,
      actorId: null,
    });
    const document = withCompetencies(draft.document, [
      { code: "T.ANJAB", level: 2 },
      { code: "T.ANJAB", level: 3 },
      { code: "T.OTDA", level: 2.5 },
      { code: "T.TIDAK-ADA", level: 2 },
      { code: "T.UJI-DRAF", level: 2 },
    ]);
    expect((await save(document, 1)).status).toBe(200);
    const pinned = draftPins(db, draft.id);
    expect(pinned.filter((p) => p.code === "T.ANJAB")).toHaveLength(1);
    expect(Object.keys(pins())).not.toContain("T.OTDA");
    expect(Object.keys(pins())).not.toContain("T.TIDAK-ADA");
    expect(Object.keys(pins())).not.toContain("T.UJI-DRAF");

    const level = db.$client
      .prepare(
        "select level from skj_competency_uses u join competency_revisions r on r.id = u.competency_revision_id join competencies c on c.id = r.competency_id where u.draft_id = ? and c.code = 'T.ANJAB'",
      )
      .get(draft.id) as { level: number };
    expect(level.level).toBe(2);

    const without = { ...document, competencies: document.competencies.filter((c) => c.code !== "T.ANJAB") };
    expect((await save(without, 2)).status).toBe(200);
    expect(Object.keys(pins())).not.toContain("T.ANJAB");
  });
});

describe("saves the draft does not take", () => {
  it("refuses a save of a draft under review with 409 and its message, stores nothing, and saves again once it is returned", async () => {
    const { db, draft, save } = await setUp();
    expect(
      moveDraft(db, {
        draftId: draft.id,
        transition: "submit",
        actor: { id: userId(db, "analis@demo.go.id"), role: "analis" },
        results: [],
        justification: "Diajukan untuk pengujian.",
      }).ok,
    ).toBe(true);
    const before = revisionRows(db);
    const edited = { ...draft.document, requirements: { ...draft.document.requirements, rank: "IV/a" as const } };
    const refused = await save(edited, 1);
    expect(refused).toEqual({
      status: 409,
      body: { ok: false, message: "Draf sedang ditinjau atau sudah ditutup, sehingga tidak dapat diubah." },
    });
    expect(revisionRows(db)).toBe(before);
    expect(findOpenDraft(db, draft.positionId)!.document.requirements.rank).toBe(draft.document.requirements.rank);

    // the same refusal to a caller of the query (the legacy import reports its reason per SKJ)
    const locked = saveDraft(db, {
      draftId: draft.id,
      baseRevision: 1,
      document: edited,
      summaryJson: null,
      actorId: userId(db, "analis@demo.go.id"),
    });
    expect(locked).toMatchObject({ ok: false, reason: "locked", current: { id: draft.id, state: "diajukan" } });

    const returned = moveDraft(db, {
      draftId: draft.id,
      transition: "return",
      actor: { id: userId(db, "reviewer@demo.go.id"), role: "reviewer" },
      comment: "Lengkapi pangkat.",
    });
    expect(returned.ok).toBe(true);
    expect(await save(edited, 1)).toMatchObject({ status: 200, body: { ok: true, revision: 2 } });
    expect(findOpenDraft(db, draft.positionId)!.document.requirements.rank).toBe("IV/a");
  });

  it("answers a save of a draft that is gone as missing and writes no revision", async () => {
    const { db, draft } = await setUp();
    const before = revisionRows(db);
    const result = saveDraft(db, {
      draftId: draft.id + 1000,
      baseRevision: 1,
      document: draft.document,
      summaryJson: null,
      actorId: userId(db, "analis@demo.go.id"),
    });
    expect(result).toEqual({ ok: false, reason: "missing" });
    expect(revisionRows(db)).toBe(before);
  });

  it("takes a save that changes nothing as no edit, but a changed summary or a stale base is no such save", async () => {
    const { db, draft, save } = await setUp();
    const before = revisionRows(db);
    expect(await save(draft.document, 1)).toMatchObject({ status: 200, body: { ok: true, revision: 1 } });
    expect(revisionRows(db)).toBe(before);

    expect(await save(draft.document, 1, { summary: "Ikhtisar yang ditulis ulang." })).toMatchObject({
      status: 200,
      body: { revision: 2 },
    });
    expect(findOpenDraft(db, draft.positionId)!.summaryJson).toEqual(plainTextToDoc("Ikhtisar yang ditulis ulang."));
    // the same content again, but from the tab that still holds revision 1: the editor must merge, not skip
    expect((await save(draft.document, 1, { summary: "Ikhtisar yang ditulis ulang." })).status).toBe(409);
  });

  it("names the last editor and the time of the save on the draft", async () => {
    const { db, draft } = await setUp();
    const reviewer = await cookieFor("reviewer@demo.go.id");
    const edited = { ...draft.document, requirements: { ...draft.document.requirements, rank: "IV/b" as const } };
    const request = new Request(`${BASE}/jabatan/${draft.positionId}/skj/simpan`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: reviewer },
      body: JSON.stringify({ document: edited, summaryJson: draft.summaryJson, baseRevision: 1 }),
    });
    expect((await run(editorAction, request, { id: String(draft.positionId) })).status).toBe(200);
    const stored = findOpenDraft(db, draft.positionId)!;
    expect(stored).toMatchObject({ revision: 2, lastEditedBy: userId(db, "reviewer@demo.go.id"), lastEditorName: "Reviewer Demo" });
    expect(Date.parse(stored.updatedAt)).toBeGreaterThanOrEqual(Date.parse(draft.updatedAt));
  });
});

describe("audit rows of a new draft", () => {
  it("says a draft was started in the editor, and that the next one was started from the published version", async () => {
    const { db, draft, position } = await setUp();
    expect(auditSummaries(db, "skj.draft.create")).toEqual([
      { summary: `Draf SKJ ${FRESH} dibuat`, tokenId: null, entityType: "skj_draft", entityId: String(draft.id) },
    ]);
    const actor = (email: string) => ({ id: userId(db, email), role: findUserByEmail(db, email)!.role });
    expect(
      moveDraft(db, {
        draftId: draft.id,
        transition: "submit",
        actor: actor("analis@demo.go.id"),
        results: [],
        justification: "Diajukan untuk pengujian.",
      }).ok,
    ).toBe(true);
    expect(moveDraft(db, { draftId: draft.id, transition: "approve", actor: actor("reviewer@demo.go.id") }).ok).toBe(true);
    expect(publishSingle(db, FRESH, { legalBasis: "Peraturan Gubernur Nomor 12 Tahun 2026" }, actor("reviewer2@demo.go.id")).ok).toBe(true);

    const next = openDraftForPosition(db, position.id, userId(db, "analis@demo.go.id"));
    expect(auditSummaries(db, "skj.draft.create").at(-1)).toEqual({
      summary: `Draf SKJ ${FRESH} dibuat dari versi yang ditetapkan`,
      tokenId: null,
      entityType: "skj_draft",
      entityId: String(next.id),
    });
  });

  it("says a draft was pushed through the API, and that a push replaced its document, naming the token; a push of the same document is no replacement", async () => {
    const db = await useTestDatabase("demo");
    const analis = userId(db, "analis@demo.go.id");
    const token = createApiToken(db, { userId: analis, name: "migrasi", scopes: ["skj:write"] }, analis);
    const { document } = newDraftDocument(db, findPositionByCode(db, FRESH)!.id);
    const push = async (body: SkjDocument) => {
      const request = new Request(`${BASE}/api/v1/skj/drafts`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token.token}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = await run(draftsAction as never, request);
      return { status: answer.status, revision: (JSON.parse(answer.body as string) as { draftRevision: number }).draftRevision };
    };
    expect(await push(document)).toEqual({ status: 201, revision: 1 });
    const draftId = String(findOpenDraft(db, findPositionByCode(db, FRESH)!.id)!.id);
    expect(auditSummaries(db, "skj.draft.create")).toEqual([
      { summary: `Draf SKJ ${FRESH} dibuat melalui API`, tokenId: token.id, entityType: "skj_draft", entityId: draftId },
    ]);

    expect(await push(document)).toEqual({ status: 200, revision: 1 });
    expect(auditSummaries(db, "skj.draft.replace")).toEqual([]);
    expect(await push({ ...document, requirements: { ...document.requirements, rank: "IV/a" } })).toEqual({ status: 200, revision: 2 });
    expect(auditSummaries(db, "skj.draft.replace")).toEqual([
      {
        summary: `Dokumen draf SKJ ${FRESH} diganti melalui API (token "migrasi"), revisi 1 → 2`,
        tokenId: token.id,
        entityType: "skj_draft",
        entityId: draftId,
      },
    ]);
  });
});
