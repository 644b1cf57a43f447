import fs from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "~db/client.server";
import { migrateDatabase } from "~db/migrate.server";
import { tempPath, useTestDatabase } from "../setup/test-db";

describe("database", () => {
  it("migrates an empty file into the whole domain, in WAL mode with foreign keys on", () => {
    const file = tempPath("empty.sqlite");
    expect(fs.existsSync(file)).toBe(false);
    const db = openDatabase(file);
    migrateDatabase(db);
    const tables = db.$client.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all();
    for (const t of [
      "users",
      "sessions",
      "org_units",
      "positions",
      "competencies",
      "competency_revisions",
      "competency_levels",
      "competency_indicators",
      "skj_drafts",
      "skj_versions",
      "review_comments",
      "penetapan",
      "events",
      "api_tokens",
      "webhooks",
      "webhook_deliveries",
      "audit_log",
      "settings",
    ]) {
      expect(tables).toContain(t);
    }
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    // running it again is a no-op
    migrateDatabase(db);
    db.$client.close();
  });

  it("lets a write transaction finish when another connection writes between its read and its write", () => {
    const file = tempPath("two-writers.sqlite");
    const db = openDatabase(file);
    migrateDatabase(db);
    // the CLI beside a running server: a second connection to the same file
    const other = openDatabase(file);
    other.$client.pragma("busy_timeout = 0");
    db.$client.exec("create table scratch (who text)");
    const intruder = other.$client.prepare("insert into scratch values ('intruder')");
    db.transaction((tx) => {
      tx.get(sql`select count(*) from scratch`);
      // a deferred transaction would let this commit and then fail its own write with SQLITE_BUSY
      expect(() => intruder.run()).toThrow(/locked|busy/i);
      tx.run(sql`insert into scratch values (${"own"})`);
    });
    expect(db.$client.prepare("select who from scratch").pluck().all()).toEqual(["own"]);
    other.$client.close();
    db.$client.close();
  });

  it("refuses to change the audit log, the feed or a published competency revision", async () => {
    const db = await useTestDatabase("reference");
    const sqlite = db.$client;
    const auditId = sqlite.prepare("select id from audit_log limit 1").pluck().get();
    expect(() => sqlite.prepare("update audit_log set summary = 'x' where id = ?").run(auditId)).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from audit_log").run()).toThrow(/append-only/);

    sqlite.prepare("insert into events (type, position_code, version, occurred_at) values ('skj.published', 'X', 1, '2026-01-01')").run();
    expect(() => sqlite.prepare("update events set version = 2").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from events").run()).toThrow(/append-only/);

    const revision = sqlite
      .prepare("select r.id from competency_revisions r join competencies c on c.id = r.competency_id where c.code = 'M.01'")
      .pluck()
      .get();
    expect(() => sqlite.prepare("update competency_revisions set definition_text = 'x' where id = ?").run(revision)).toThrow(/immutable/);
    expect(() => sqlite.prepare("update competency_levels set description = 'x' where revision_id = ?").run(revision)).toThrow(/immutable/);
    const levelId = sqlite.prepare("select id from competency_levels where revision_id = ? and level = 1").pluck().get(revision);
    expect(() => sqlite.prepare("delete from competency_indicators where level_id = ?").run(levelId)).toThrow(/immutable/);
  });

  it("allows only one open SKJ draft per position", async () => {
    const db = await useTestDatabase("demo");
    const sqlite = db.$client;
    const positionId = sqlite.prepare("select id from positions limit 1").pluck().get();
    const insert = sqlite.prepare("insert into skj_drafts (position_id, state, document) values (?, 'draf', '{}')");
    insert.run(positionId);
    expect(() => insert.run(positionId)).toThrow(/UNIQUE/);
  });
});
