import { describe, expect, it } from "vitest";
import { TechnicalEntrySchema, type TechnicalEntryInput } from "~/domain/dictionary";
import { fieldErrorsOf } from "~/domain/forms";
import { action as editAction, loader as editLoader } from "~/routes/kamus.ubah.$";
import { action as entryAction } from "~/routes/kamus.entri.$";
import { entryDetail, saveTechnicalEntry, transitionRevision } from "~db/queries/dictionary.server";
import { findUserByEmail } from "~db/queries/users.server";
import { cookieFor, get, post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const entry = (overrides: Partial<TechnicalEntryInput> = {}): TechnicalEntryInput => ({
  code: "T.UJI",
  name: "Pengelolaan Pengujian",
  category: "Uji",
  sourceKind: "lokal",
  sourceReference: "",
  keywords: ["uji"],
  definitionText: "Kemampuan menguji.",
  levels: [1, 2, 3, 4, 5].map((level) => ({
    level,
    description: `Deskripsi level ${level}`,
    indicators: [`Indikator ${level}.1`, `Indikator ${level}.2`],
  })),
  ...overrides,
});

async function actors() {
  const db = await useTestDatabase("demo");
  const user = (email: string) => {
    const u = findUserByEmail(db, email)!;
    return { id: u.id, role: u.role };
  };
  return {
    db,
    analis: user("analis@demo.go.id"),
    reviewer: user("reviewer@demo.go.id"),
    reviewer2: user("reviewer2@demo.go.id"),
    admin: user("admin@demo.go.id"),
  };
}

const jsonPost = (path: string, body: unknown, cookie: string) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify(body),
  });

describe("competency dictionary", () => {
  it("refuses to edit a regulation entry for every role, in pages and in the write functions", async () => {
    const { db, analis, reviewer, admin } = await actors();
    for (const email of ["analis@demo.go.id", "reviewer@demo.go.id", "admin@demo.go.id"]) {
      const cookie = await cookieFor(email);
      expect((await run(editLoader, get("/kamus/ubah/M.01", cookie), { "*": "M.01" })).status).toBe(403);
      expect(
        (await run(editAction, jsonPost("/kamus/ubah/M.01", { entry: entry({ code: "M.01" }) }, cookie), { "*": "M.01" })).status,
      ).toBe(403);
      expect((await run(entryAction, post("/kamus/entri/M.01", { intent: "publish" }, cookie), { "*": "M.01" })).status).toBe(403);
    }
    for (const actor of [analis, reviewer, admin]) {
      const detail = entryDetail(db, "SK.01")!;
      const result = saveTechnicalEntry(db, {
        code: "SK.01",
        input: entry({ code: "SK.01" }),
        definitionJson: null,
        actor,
        baseRevisionId: detail.latest.id,
        baseUpdatedAt: detail.latest.updatedAt,
      });
      expect(result).toMatchObject({ ok: false, status: 403 });
    }
    // and SQL itself refuses to change or delete the published regulation text
    expect(() =>
      db.$client
        .prepare(
          "update competency_revisions set definition_text = 'x' where competency_id = (select id from competencies where code = 'M.03')",
        )
        .run(),
    ).toThrow(/immutable/);
    expect(() =>
      db.$client.prepare("delete from competency_revisions where competency_id = (select id from competencies where code = 'M.03')").run(),
    ).toThrow(/immutable/);
  });

  it("refuses a technical entry without all five levels, naming the missing level", () => {
    const four = entry();
    four.levels = four.levels.filter((l) => l.level !== 4);
    const result = TechnicalEntrySchema.safeParse(four);
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!).levels).toBe("Level 4 belum diisi: setiap kompetensi teknis memerlukan lima level (1–5).");
    const noIndicators = entry();
    noIndicators.levels[2]!.indicators = [];
    expect(fieldErrorsOf(TechnicalEntrySchema.safeParse(noIndicators).error!)["levels.2.indicators"]).toBe(
      "Setiap level memerlukan minimal satu indikator perilaku.",
    );
  });

  it("runs draft → submitted → published, keeps revision 1 unchanged when revision 2 is drafted, and refuses SQL updates of a published revision", async () => {
    const { db, analis, reviewer } = await actors();
    expect(
      saveTechnicalEntry(db, {
        code: null,
        input: entry(),
        definitionJson: null,
        actor: analis,
        baseRevisionId: null,
        baseUpdatedAt: null,
      }),
    ).toEqual({ ok: true, code: "T.UJI", revision: 1 });
    expect(transitionRevision(db, "T.UJI", "publish", reviewer)).toMatchObject({ ok: false, status: 409 });
    expect(transitionRevision(db, "T.UJI", "submit", analis)).toMatchObject({ ok: true });
    expect(transitionRevision(db, "T.UJI", "publish", analis)).toMatchObject({ ok: false, status: 403 });
    expect(transitionRevision(db, "T.UJI", "publish", reviewer)).toMatchObject({ ok: true, revision: 1 });

    const published = entryDetail(db, "T.UJI")!;
    expect(published.latest).toMatchObject({ number: 1, status: "diterbitkan" });
    const rev1Before = db.$client.prepare("select * from competency_revisions where id = ?").get(published.latest.id);

    const changed = entry({ name: "Pengelolaan Pengujian Mutu" });
    changed.levels[2]!.indicators = ["Indikator baru"];
    expect(
      saveTechnicalEntry(db, {
        code: "T.UJI",
        input: changed,
        definitionJson: null,
        actor: analis,
        baseRevisionId: published.latest.id,
        baseUpdatedAt: published.latest.updatedAt,
      }),
    ).toEqual({ ok: true, code: "T.UJI", revision: 2 });
    const after = entryDetail(db, "T.UJI")!;
    expect(after.latest).toMatchObject({ number: 2, status: "draft" });
    expect(after.published?.number).toBe(1);
    expect(after.published?.texts?.levels[2]!.indicators).toEqual(["Indikator 3.1", "Indikator 3.2"]);
    expect(db.$client.prepare("select * from competency_revisions where id = ?").get(published.latest.id)).toEqual(rev1Before);
    // the entry keeps its published name until revision 2 is published
    expect(after.entry.name).toBe("Pengelolaan Pengujian");
    expect(() => db.$client.prepare("update competency_revisions set name = 'x' where id = ?").run(published.latest.id)).toThrow(
      /immutable/,
    );
  });

  it("refuses a stale save with 409 and keeps the newer text", async () => {
    const { db, analis, reviewer } = await actors();
    saveTechnicalEntry(db, { code: null, input: entry(), definitionJson: null, actor: analis, baseRevisionId: null, baseUpdatedAt: null });
    const opened = entryDetail(db, "T.UJI")!.latest;
    expect(
      saveTechnicalEntry(db, {
        code: "T.UJI",
        input: entry({ name: "Versi reviewer" }),
        definitionJson: null,
        actor: reviewer,
        baseRevisionId: opened.id,
        baseUpdatedAt: opened.updatedAt,
      }).ok,
    ).toBe(true);
    const stale = saveTechnicalEntry(db, {
      code: "T.UJI",
      input: entry({ name: "Versi analis" }),
      definitionJson: null,
      actor: analis,
      baseRevisionId: opened.id,
      baseUpdatedAt: opened.updatedAt,
    });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    expect(entryDetail(db, "T.UJI")!.latest.texts.name).toBe("Versi reviewer");
  });

  it("lets a reviewer publish only what someone else submitted and last edited", async () => {
    const { db, reviewer, reviewer2 } = await actors();
    saveTechnicalEntry(db, {
      code: null,
      input: entry(),
      definitionJson: null,
      actor: reviewer,
      baseRevisionId: null,
      baseUpdatedAt: null,
    });
    transitionRevision(db, "T.UJI", "submit", reviewer);
    expect(transitionRevision(db, "T.UJI", "publish", reviewer)).toMatchObject({ ok: false, status: 403 });
    expect(transitionRevision(db, "T.UJI", "publish", reviewer2)).toMatchObject({ ok: true });
    const audit = db.$client.prepare("select action from audit_log where entity_type = 'competency' order by id").pluck().all();
    expect(audit).toEqual(["dictionary.create", "dictionary.submit", "dictionary.publish"]);
  });
});
