import { describe, expect, it } from "vitest";
import { newDraftDocument } from "~/services/skj.server";
import { findPositionByCode } from "~db/queries/register.server";
import { createDraft } from "~db/queries/skj-drafts.server";
import { changesAfter, listCurrentPublished } from "~db/queries/skj-read.server";
import { describeSeedReport, seed } from "~seeds/seed.server";
import { useTestDatabase } from "../setup/test-db";

const TABLES = [
  "users",
  "org_units",
  "positions",
  "competencies",
  "competency_revisions",
  "competency_levels",
  "competency_indicators",
  "settings",
  "audit_log",
];

function counts(db: Awaited<ReturnType<typeof useTestDatabase>>) {
  return Object.fromEntries(TABLES.map((t) => [t, db.$client.prepare(`select count(*) from ${t}`).pluck().get()]));
}

describe("seeding", () => {
  it("changes nothing when run twice", async () => {
    const db = await useTestDatabase("empty");
    const first = await seed(db, "demo");
    expect(first.inserted.users).toBe(5);
    const after = counts(db);
    const second = await seed(db, "demo");
    expect(second.inserted).toEqual({});
    expect(counts(db)).toEqual(after);
  });

  it("loads the nine regulation competencies with five levels each, read from the reference", async () => {
    const db = await useTestDatabase("reference");
    const rows = db.$client
      .prepare(
        `select c.code, c.type, r.status, r.text_status, count(l.id) levels
         from competencies c join competency_revisions r on r.competency_id = c.id join competency_levels l on l.revision_id = r.id
         where c.is_fixed = 1 group by c.id order by c.code`,
      )
      .all() as { code: string; type: string; status: string; text_status: string; levels: number }[];
    expect(rows.map((r) => r.code)).toEqual(["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01", "T.OTDA"]);
    for (const r of rows.filter((r) => r.code !== "T.OTDA"))
      expect(r).toMatchObject({ status: "diterbitkan", text_status: "regulasi", levels: 5 });
    const integritas3 = db.$client
      .prepare(
        "select l.description from competency_levels l join competency_revisions r on r.id = l.revision_id join competencies c on c.id = r.competency_id where c.code = 'M.01' and l.level = 3",
      )
      .pluck()
      .get();
    expect(integritas3).toMatch(/^Mampu memastikan, menanamkan keyakinan bersama/);
  });

  it("leaves T.OTDA a draft without invented text in the reference seed, and marks the demo text as an example", async () => {
    const reference = await useTestDatabase("reference");
    const otdaRef = reference.$client
      .prepare(
        "select r.status, r.text_status, r.definition_text from competency_revisions r join competencies c on c.id = r.competency_id where c.code = 'T.OTDA'",
      )
      .get();
    expect(otdaRef).toEqual({ status: "draft", text_status: "lokal", definition_text: "" });
    expect(reference.$client.prepare("select count(*) from users").pluck().get()).toBe(0);

    const demo = await useTestDatabase("demo");
    const otdaDemo = demo.$client
      .prepare(
        "select r.status, r.text_status from competency_revisions r join competencies c on c.id = r.competency_id where c.code = 'T.OTDA'",
      )
      .get();
    expect(otdaDemo).toEqual({ status: "diterbitkan", text_status: "contoh" });
  });

  it("seeds a demo province with every position group and the unverified rule tables", async () => {
    const db = await useTestDatabase("demo");
    const groups = db.$client.prepare('select distinct "group" from positions order by 1').pluck().all();
    expect(groups).toEqual(expect.arrayContaining(["administrator", "fungsional", "jpt_madya", "jpt_pratama", "pelaksana", "pengawas"]));
    const levels = db.$client
      .prepare("select count(distinct functional_level) from positions where functional_level is not null")
      .pluck()
      .get();
    expect(levels).toBeGreaterThanOrEqual(4);
    const unverified = db.$client.prepare("select key from settings where verified = 0 order by key").pluck().all();
    expect(unverified).toEqual(
      expect.arrayContaining(["standardLevels", "minimumRankByEselon", "minimumEducationByGroup", "leadershipTrainingByGroup"]),
    );
  });
});

describe("seeded search index", () => {
  it("finds regulation and demo entries right after seeding", async () => {
    const { searchDictionary } = await import("~db/queries/dictionary-search.server");
    const db = await useTestDatabase("demo");
    expect(searchDictionary(db, { q: "integritas" }).rows.map((r) => r.code)).toContain("M.01");
    expect(searchDictionary(db, { q: "otonomi daerah" }).rows.map((r) => r.code)).toContain("T.OTDA");
  });
});

describe("demo SKJ", () => {
  const SKJ_TABLES = [
    ...TABLES,
    "skj_drafts",
    "skj_draft_revisions",
    "skj_decisions",
    "skj_competency_uses",
    "skj_versions",
    "skj_version_ends",
    "penetapan",
    "penetapan_items",
    "events",
  ];
  const REVISED = "SETDA.BIRO-ORG.BAG-TATALAKSANA.KABAG";

  async function seededDemo() {
    const db = await useTestDatabase("empty");
    const report = await seed(db, "demo", { demoSkj: true });
    return { db, report };
  }

  it("publishes a penetapan of ten SKJ, a second version of one through a later act, and leaves three drafts waiting for review", async () => {
    const { db, report } = await seededDemo();
    expect(report.inserted).toMatchObject({ skjVersions: 11, penetapan: 2, skjDrafts: 3 });
    expect(describeSeedReport(report)).toContain("11 versi SKJ, 2 penetapan, 3 draf SKJ");

    const live = listCurrentPublished(db, { afterId: 0, limit: 100 });
    expect(live).toHaveLength(10);
    const groups = live.map((v) => (JSON.parse(v.bytes) as { position: { group: string } }).position.group);
    expect(new Set(groups)).toEqual(new Set(["jpt_pratama", "administrator", "pengawas", "pelaksana", "fungsional"]));
    expect(live.map((v) => v.positionCode)).toContain("SETDA.BIRO-ORG.KARO");

    const history = db.$client
      .prepare(
        "select v.version_number n, e.kind ended, e.replaced_by_version_id replacedBy, v.id from skj_versions v join positions p on p.id = v.position_id left join skj_version_ends e on e.version_id = v.id where p.code = ? order by v.version_number",
      )
      .all(REVISED) as { n: number; ended: string | null; replacedBy: number | null; id: number }[];
    expect(history.map((h) => [h.n, h.ended])).toEqual([
      [1, "diganti"],
      [2, null],
    ]);
    expect(history[0]!.replacedBy).toBe(history[1]!.id);
    // version 2 is a revision of version 1, as "Susun SKJ" makes it: same requirements, changed competencies
    const [v1, v2] = history.map(
      (h) =>
        JSON.parse(db.$client.prepare("select snapshot from skj_versions where id = ?").pluck().get(h.id) as string) as {
          requirements: unknown;
          competencies: { code: string; level: number }[];
        },
    );
    expect(v2!.requirements).toEqual(v1!.requirements);
    expect(v2!.competencies).not.toEqual(v1!.competencies);
    expect(
      db.$client
        .prepare("select based_on_version_id from skj_drafts d join skj_versions v on v.draft_id = d.id where v.id = ?")
        .pluck()
        .get(history[1]!.id),
    ).toBe(history[0]!.id);

    const acts = db.$client.prepare("select number, status, signed_date, effective_date, signer_title from penetapan order by id").all();
    expect(acts).toEqual([
      {
        number: "12",
        status: "ditetapkan",
        signed_date: "2026-03-02",
        effective_date: "2026-04-01",
        signer_title: "Gubernur Nusantara Jaya",
      },
      expect.objectContaining({ number: "31", status: "ditetapkan" }),
    ]);

    const waiting = db.$client
      .prepare(
        "select u.email submitter, d.justification from skj_drafts d join users u on u.id = d.submitted_by where d.closed_at is null and d.state = 'diajukan'",
      )
      .all() as { submitter: string; justification: string | null }[];
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    // a justification is only written for warnings: the seeded documents meet every rule table
    expect(db.$client.prepare("select count(*) from skj_drafts where justification is not null").pluck().get()).toBe(0);
    expect(waiting.every((w) => w.submitter === "analis@demo.go.id")).toBe(true);
  });

  it("goes through the workflow: analis submits, reviewer approves, reviewer2 publishes, each step audited", async () => {
    const { db } = await seededDemo();
    const people = db.$client
      .prepare(
        `select distinct s.email submitter, a.email approver, pub.email publisher from skj_versions v
         join skj_drafts d on d.id = v.draft_id join users s on s.id = d.submitted_by join users a on a.id = d.approved_by join users pub on pub.id = v.published_by`,
      )
      .all();
    expect(people).toEqual([{ submitter: "analis@demo.go.id", approver: "reviewer@demo.go.id", publisher: "reviewer2@demo.go.id" }]);
    const actions = db.$client
      .prepare(
        "select action, count(*) n from audit_log where action like 'skj.%' or action like 'penetapan.%' group by action order by action",
      )
      .all();
    expect(actions).toEqual([
      { action: "penetapan.add", n: 11 },
      { action: "penetapan.create", n: 2 },
      { action: "skj.approve", n: 11 },
      { action: "skj.draft.create", n: 14 },
      { action: "skj.publish", n: 2 },
      { action: "skj.submit", n: 14 },
    ]);
  });

  it("puts every published version in the feed with strictly increasing ids", async () => {
    const { db } = await seededDemo();
    const feed = changesAfter(db, 0, 1_000);
    expect(feed).toHaveLength(11);
    expect(feed.every((e) => e.type === "skj.published")).toBe(true);
    for (let i = 1; i < feed.length; i++) expect(feed[i]!.id).toBeGreaterThan(feed[i - 1]!.id);
    expect(feed.at(-1)).toMatchObject({ positionCode: REVISED, version: 2 });
    const versions = db.$client
      .prepare("select p.code || ' ' || v.version_number from skj_versions v join positions p on p.id = v.position_id")
      .pluck()
      .all();
    expect(feed.map((e) => `${e.positionCode} ${e.version}`).sort()).toEqual([...versions].sort());
  });

  it("changes nothing when the demo seed runs again", async () => {
    const { db } = await seededDemo();
    const countAll = () => Object.fromEntries(SKJ_TABLES.map((t) => [t, db.$client.prepare(`select count(*) from ${t}`).pluck().get()]));
    const after = countAll();
    expect(after.skj_versions).toBe(11);
    const second = await seed(db, "demo", { demoSkj: true });
    expect(second.inserted).toEqual({});
    expect(countAll()).toEqual(after);
  });

  it("never writes SKJ into a database where someone already started one, nor in the reference seed", async () => {
    const db = await useTestDatabase("empty");
    await seed(db, "demo", { demoSkj: false });
    const position = findPositionByCode(db, "SETDA.BIRO-ORG.KARO")!;
    createDraft(db, { positionId: position.id, ...newDraftDocument(db, position.id), actorId: null, via: "ui" });
    expect((await seed(db, "demo", { demoSkj: true })).inserted).toEqual({});
    expect(db.$client.prepare("select count(*) from skj_drafts").pluck().get()).toBe(1);

    const reference = await useTestDatabase("empty");
    expect((await seed(reference, "reference", { demoSkj: true })).inserted).not.toHaveProperty("skjVersions");
    expect(reference.$client.prepare("select count(*) from skj_drafts").pluck().get()).toBe(0);
  });
});
