// Every immutability trigger by name (issue 13's mutation audit: 8 of 18 could be dropped with every test
// green). Each case proves the named trigger is what refuses the write: refused while it exists, and the
// very same write succeeds once that one trigger is dropped (foreign keys off, so nothing else refuses it).
import { describe, expect, it } from "vitest";
import type { Db } from "~db/client.server";
import { withdrawVersion } from "~db/queries/skj-publish.server";
import { findUserByEmail } from "~db/queries/users.server";
import { seedDemoSkj } from "~seeds/demo-skj.server";
import { useTestDatabase } from "../setup/test-db";

const ONE_PUBLISHED_REVISION = "(select min(id) from competency_revisions where status = 'diterbitkan')";
const ONE_PUBLISHED_LEVEL = `(select min(id) from competency_levels where revision_id = ${ONE_PUBLISHED_REVISION})`;
const ONE_PUBLISHED_PENETAPAN = "(select min(id) from penetapan where status = 'ditetapkan')";
const ONE_VERSION_USE = "(select min(id) from skj_competency_uses where version_id is not null)";
const WITHDRAWN = "(select version_id from skj_version_ends where kind = 'dicabut')";

/** The demo SKJ (published penetapan, versions, drafts) plus one withdrawn version, so every table has a row to guard. */
async function database(): Promise<Db> {
  const db = await useTestDatabase("demo");
  seedDemoSkj(db);
  const live = db.$client
    .prepare(
      "select p.code, v.version_number as version from skj_versions v join positions p on p.id = v.position_id left join skj_version_ends e on e.version_id = v.id where e.version_id is null order by v.id limit 1",
    )
    .get() as { code: string; version: number };
  const reviewer = findUserByEmail(db, "reviewer@demo.go.id")!;
  const withdrawn = withdrawVersion(db, live.code, live.version, { id: reviewer.id, role: reviewer.role }, "Dicabut untuk menguji pemicu.");
  if (!withdrawn.ok) throw new Error(withdrawn.message);
  return db;
}

const TRIGGERS: { name: string; write: string }[] = [
  { name: "skj_versions_no_update", write: "update skj_versions set snapshot = '{}' where id = (select min(id) from skj_versions)" },
  { name: "skj_versions_no_delete", write: "delete from skj_versions where id = (select min(id) from skj_versions)" },
  // a deleted or rewritten 'dicabut' row would make a withdrawn SKJ live again
  { name: "skj_version_ends_no_update", write: `update skj_version_ends set kind = 'diganti' where version_id = ${WITHDRAWN}` },
  { name: "skj_version_ends_no_delete", write: `delete from skj_version_ends where version_id = ${WITHDRAWN}` },
  { name: "events_no_update", write: "update events set version = version + 1 where id = (select min(id) from events)" },
  { name: "events_no_delete", write: "delete from events where id = (select min(id) from events)" },
  { name: "audit_log_no_update", write: "update audit_log set summary = 'diubah' where id = (select min(id) from audit_log)" },
  { name: "audit_log_no_delete", write: "delete from audit_log where id = (select min(id) from audit_log)" },
  {
    name: "competency_revisions_published_no_update",
    write: `update competency_revisions set definition_text = 'diubah' where id = ${ONE_PUBLISHED_REVISION}`,
  },
  { name: "competency_revisions_published_no_delete", write: `delete from competency_revisions where id = ${ONE_PUBLISHED_REVISION}` },
  {
    name: "competency_levels_published_no_insert",
    write: `insert into competency_levels (revision_id, level, description) values (${ONE_PUBLISHED_REVISION}, 9, 'tambahan')`,
  },
  {
    name: "competency_levels_published_no_update",
    write: `update competency_levels set description = 'diubah' where id = ${ONE_PUBLISHED_LEVEL}`,
  },
  { name: "competency_levels_published_no_delete", write: `delete from competency_levels where id = ${ONE_PUBLISHED_LEVEL}` },
  {
    name: "competency_indicators_published_no_insert",
    write: `insert into competency_indicators (level_id, ordinal, text) values (${ONE_PUBLISHED_LEVEL}, 99, 'tambahan')`,
  },
  {
    name: "competency_indicators_published_no_update",
    write: `update competency_indicators set text = 'diubah' where level_id = ${ONE_PUBLISHED_LEVEL}`,
  },
  { name: "competency_indicators_published_no_delete", write: `delete from competency_indicators where level_id = ${ONE_PUBLISHED_LEVEL}` },
  { name: "penetapan_published_no_update", write: `update penetapan set title = 'diubah' where id = ${ONE_PUBLISHED_PENETAPAN}` },
  { name: "penetapan_published_no_delete", write: `delete from penetapan where id = ${ONE_PUBLISHED_PENETAPAN}` },
  {
    name: "skj_draft_revisions_no_update",
    write: "update skj_draft_revisions set document = '{}' where id = (select min(id) from skj_draft_revisions)",
  },
  { name: "skj_draft_revisions_no_delete", write: "delete from skj_draft_revisions where id = (select min(id) from skj_draft_revisions)" },
  {
    name: "penetapan_items_published_no_insert",
    write: `insert into penetapan_items (penetapan_id, draft_id) select ${ONE_PUBLISHED_PENETAPAN}, min(id) from skj_drafts where id not in (select draft_id from penetapan_items where penetapan_id = ${ONE_PUBLISHED_PENETAPAN})`,
  },
  {
    name: "penetapan_items_published_no_update",
    write: `update penetapan_items set draft_id = draft_id where penetapan_id = ${ONE_PUBLISHED_PENETAPAN}`,
  },
  { name: "penetapan_items_published_no_delete", write: `delete from penetapan_items where penetapan_id = ${ONE_PUBLISHED_PENETAPAN}` },
  { name: "skj_competency_uses_version_no_update", write: `update skj_competency_uses set level = level where id = ${ONE_VERSION_USE}` },
  { name: "skj_competency_uses_version_no_delete", write: `delete from skj_competency_uses where id = ${ONE_VERSION_USE}` },
];

describe("immutability triggers, each by name", () => {
  it("lists exactly these triggers as the immutability guards of the schema", async () => {
    const db = await useTestDatabase("empty");
    const guards = (
      db.$client.prepare("select name from sqlite_master where type = 'trigger' and name not like '%fts%' order by name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(guards).toEqual(TRIGGERS.map((t) => t.name).sort());
  });

  it.each(TRIGGERS)("$name refuses its write, and only it does", async ({ name, write }) => {
    const db = await database();
    const sqlite = db.$client;
    expect(sqlite.prepare("select count(*) as n from sqlite_master where type = 'trigger' and name = ?").get(name)).toEqual({ n: 1 });
    expect(() => sqlite.prepare(write).run()).toThrow(/immutable|append-only/);

    sqlite.exec(`drop trigger ${name}`);
    sqlite.pragma("foreign_keys = OFF");
    expect(sqlite.prepare(write).run().changes).toBeGreaterThan(0);
  });

  it("keeps draft pins and an unpublished penetapan's items writable: the new triggers guard published rows only", async () => {
    const db = await database();
    const sqlite = db.$client;
    expect(
      sqlite
        .prepare(
          "update skj_competency_uses set level = level where id = (select min(id) from skj_competency_uses where draft_id is not null)",
        )
        .run().changes,
    ).toBe(1);
    sqlite
      .prepare("insert into penetapan (kind, number, year, title, status) values ('Peraturan Gubernur', '99', 2026, 'Uji', 'draf')")
      .run();
    const id = (sqlite.prepare("select max(id) as id from penetapan").get() as { id: number }).id;
    sqlite.prepare("insert into penetapan_items (penetapan_id, draft_id) values (?, (select min(id) from skj_drafts))").run(id);
    expect(sqlite.prepare("delete from penetapan_items where penetapan_id = ?").run(id).changes).toBe(1);
  });
});
