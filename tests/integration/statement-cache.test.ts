import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cachePreparedStatements } from "~db/statement-cache.server";

function connection(capacity = 10) {
  const sqlite = new Database(":memory:");
  sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b'), ('c');");
  cachePreparedStatements(sqlite, capacity);
  return sqlite;
}

describe("cachePreparedStatements", () => {
  it("hands back the kept statement for the same SQL", () => {
    const sqlite = connection();
    expect(sqlite.prepare("select * from t")).toBe(sqlite.prepare("select * from t"));
    expect(sqlite.prepare("select * from t")).not.toBe(sqlite.prepare("select id from t"));
  });

  it("returns rows as objects again after a caller switched the statement to arrays or single values", () => {
    const sqlite = connection();
    expect(sqlite.prepare("select id, name from t where id = ?").raw().get(1)).toEqual([1, "a"]);
    expect(sqlite.prepare("select id, name from t where id = ?").get(1)).toEqual({ id: 1, name: "a" });
    expect(sqlite.prepare("select id, name from t where id = ?").pluck().get(2)).toBe(2);
    expect(sqlite.prepare("select id, name from t where id = ?").get(2)).toEqual({ id: 2, name: "b" });
    expect(sqlite.prepare("select id, name from t where id = ?").expand().get(3)).toEqual({ t: { id: 3, name: "c" } });
    expect(sqlite.prepare("select id, name from t where id = ?").get(3)).toEqual({ id: 3, name: "c" });
  });

  it("runs the same SQL while an iteration of it is still open", () => {
    const sqlite = connection();
    const names: string[] = [];
    for (const row of sqlite.prepare("select name from t order by id").iterate() as Iterable<{ name: string }>) {
      names.push(row.name, ...(sqlite.prepare("select name from t order by id").all() as { name: string }[]).map((r) => r.name));
    }
    expect(names).toHaveLength(12);
  });

  it("keeps only the most recently used statements", () => {
    const sqlite = connection(2);
    const first = sqlite.prepare("select 1");
    sqlite.prepare("select 2");
    expect(sqlite.prepare("select 1")).toBe(first);
    sqlite.prepare("select 3"); // drops "select 2", the least recently used
    expect(sqlite.prepare("select 1")).toBe(first);
    const second = sqlite.prepare("select 2"); // drops "select 3"
    expect(sqlite.prepare("select 2")).toBe(second);
    sqlite.prepare("select 3"); // drops "select 1"
    expect(sqlite.prepare("select 1")).not.toBe(first);
  });

  it("still runs pragmas and sees a changed schema", () => {
    const sqlite = connection();
    expect(sqlite.pragma("user_version", { simple: true })).toBe(0);
    expect(sqlite.prepare("select * from t where id = 1").get()).toEqual({ id: 1, name: "a" });
    sqlite.exec("alter table t add column note text default 'x'");
    expect(sqlite.prepare("select * from t where id = 1").get()).toEqual({ id: 1, name: "a", note: "x" });
  });
});
