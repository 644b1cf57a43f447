import { describe, expect, it } from "vitest";
import { seed } from "~seeds/seed.server";
import { useTestDatabase } from "../setup/test-db";

const TABLES = ["users", "org_units", "positions", "competencies", "competency_revisions", "competency_levels", "competency_indicators", "settings", "audit_log"];

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
    for (const r of rows.filter((r) => r.code !== "T.OTDA")) expect(r).toMatchObject({ status: "diterbitkan", text_status: "regulasi", levels: 5 });
    const integritas3 = db.$client
      .prepare("select l.description from competency_levels l join competency_revisions r on r.id = l.revision_id join competencies c on c.id = r.competency_id where c.code = 'M.01' and l.level = 3")
      .pluck()
      .get();
    expect(integritas3).toMatch(/^Mampu memastikan, menanamkan keyakinan bersama/);
  });

  it("leaves T.OTDA a draft without invented text in the reference seed, and marks the demo text as an example", async () => {
    const reference = await useTestDatabase("reference");
    const otdaRef = reference.$client.prepare("select r.status, r.text_status, r.definition_text from competency_revisions r join competencies c on c.id = r.competency_id where c.code = 'T.OTDA'").get();
    expect(otdaRef).toEqual({ status: "draft", text_status: "lokal", definition_text: "" });
    expect(reference.$client.prepare("select count(*) from users").pluck().get()).toBe(0);

    const demo = await useTestDatabase("demo");
    const otdaDemo = demo.$client.prepare("select r.status, r.text_status from competency_revisions r join competencies c on c.id = r.competency_id where c.code = 'T.OTDA'").get();
    expect(otdaDemo).toEqual({ status: "diterbitkan", text_status: "contoh" });
  });

  it("seeds a demo province with every position group and the unverified rule tables", async () => {
    const db = await useTestDatabase("demo");
    const groups = db.$client.prepare("select distinct \"group\" from positions order by 1").pluck().all();
    expect(groups).toEqual(expect.arrayContaining(["administrator", "fungsional", "jpt_madya", "jpt_pratama", "pelaksana", "pengawas"]));
    const levels = db.$client.prepare("select count(distinct functional_level) from positions where functional_level is not null").pluck().get();
    expect(levels).toBeGreaterThanOrEqual(4);
    const unverified = db.$client.prepare("select key from settings where verified = 0 order by key").pluck().all();
    expect(unverified).toEqual(expect.arrayContaining(["standardLevels", "minimumRankByEselon", "minimumEducationByGroup", "leadershipTrainingByGroup"]));
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
