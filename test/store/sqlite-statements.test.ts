import Sqlite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "../../src/store/sqlite.js";

describe("withStatementCache", () => {
  it("prepares each SQL text once and reuses the statement", () => {
    const raw = new Sqlite(":memory:");
    let prepared = 0;
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((sql: string) => {
      prepared += 1;
      return prepare(sql);
    }) as typeof raw.prepare;
    const db = withStatementCache(raw, 2);
    db.prepare("create table t (x integer)").run([]);
    const insert = db.prepare("insert into t (x) values (?)");
    insert.run([1]);
    expect(db.prepare("insert into t (x) values (?)")).toBe(insert);
    db.prepare("insert into t (x) values (?)").run([2]);
    expect(db.prepare("select x from t order by x").all([])).toEqual([{ x: 1 }, { x: 2 }]);
    expect(prepared).toBe(3);
    // Past the bound the cache starts over (the store's queries are a small fixed set).
    db.prepare("select count(*) as n from t").all([]);
    expect(prepared).toBe(4);
    db.close();
    expect(raw.open).toBe(false);
  });
});
