import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSqliteStore,
  migrations,
  openStore,
  SQLITE_FILE_NAME,
  StoreUnavailableError,
} from "../../src/store/index.js";
import { migrate } from "../../src/store/migrations.js";
import type { Database } from "../../src/store/schema.js";
import { defineStoreContract, STORE_TABLES } from "./contract.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ecs-vs-eks-store-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function dataDir(): string {
  return path.join(dir, "data");
}

defineStoreContract("sqlite", {
  shared: true,
  open: (options) => openStore({ dataDir: dataDir(), ...options }),
  async corrupt(table, id, column, value) {
    const db = new Sqlite(path.join(dataDir(), SQLITE_FILE_NAME), { timeout: 5000 });
    try {
      // column comes from the test itself, never from user input
      db.prepare(`update ${table} set ${column} = ? where id = ?`).run(value, id);
    } finally {
      db.close();
    }
  },
});

describe("sqlite specifics", () => {
  it("creates the data folder and a WAL-mode file", async () => {
    const nested = path.join(dir, "a", "b");
    const store = await openStore({ dataDir: nested });
    await store.close();
    const db = new Sqlite(path.join(nested, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const tables = db
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .pluck()
        .all();
      expect(tables).toEqual(STORE_TABLES);
    } finally {
      db.close();
    }
  });

  it("applies migrations once, however often and however concurrently it is opened", async () => {
    const target = path.join(dir, "migrate");
    const stores = await Promise.all([1, 2, 3].map(() => openStore({ dataDir: target })));
    stores.push(await openStore({ dataDir: target }));
    await Promise.all(stores.map((s) => s.close()));
    const db = new Sqlite(path.join(target, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(db.prepare("select id from schema_migrations").pluck().all()).toEqual(
        migrations.map((m) => m.id),
      );
    } finally {
      db.close();
    }
  });

  it("reads a decision saved before 0004_decision_status as proposed, with no copies", async () => {
    const target = path.join(dir, "upgrade");
    await mkdir(target, { recursive: true });
    const file = path.join(target, SQLITE_FILE_NAME);
    const old = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new Sqlite(file) }),
    });
    await migrate(old, "sqlite", migrations.slice(0, 3));
    await old
      .insertInto("decisions")
      .values({
        id: "0c6f6d1e-1c5b-4b7e-9a43-1f2d3c4b5a69",
        team_id: "T1",
        channel_id: "C1",
        thread_ts: "1.1",
        thread_link: null,
        session_id: null,
        title: "Old",
        recommendation: "ecs",
        lang: "en",
        summary: "{}",
        record_markdown: "---\nstatus: proposed\n---\n",
        participants: "[]",
        matrix_version: "v",
        visibility: "private",
        created_at: "2026-11-01T00:00:00.000Z",
      } as never)
      .execute();
    await old.destroy();
    const store = await openStore({ dataDir: target });
    try {
      const read = await store.getDecision("0c6f6d1e-1c5b-4b7e-9a43-1f2d3c4b5a69");
      expect(read).toMatchObject({ status: "proposed", version: 1, copies: [] });
      expect(read && "statusAt" in read).toBe(false);
    } finally {
      await store.close();
    }
  });

  it("rejects with StoreUnavailableError when the file cannot be opened", async () => {
    const blocker = path.join(dir, "not-a-folder");
    await writeFile(blocker, "x");
    await expect(openStore({ dataDir: path.join(blocker, "data") })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it("rejects with StoreUnavailableError while another process holds the write lock, then recovers", async () => {
    const target = path.join(dir, "busy");
    const store = createSqliteStore(target, { busyTimeoutMs: 100 });
    await store.migrate();
    const other = new Sqlite(path.join(target, SQLITE_FILE_NAME));
    other.exec("begin immediate");
    try {
      await expect(store.claimEvent("Ev-busy")).rejects.toBeInstanceOf(StoreUnavailableError);
      // Reads still work in WAL mode, but the health check is about writing: it says so.
      expect(await store.ping()).toBe(false);
    } finally {
      other.exec("rollback");
      other.close();
    }
    expect(await store.ping()).toBe(true);
    expect(await store.claimEvent("Ev-busy")).toBe(true);
    await store.close();
  });

  it("returns from createSession and saveDecision exactly what a read gives back", async () => {
    const store = await openStore({ dataDir: path.join(dir, "inserted") });
    try {
      const created = await store.createSession({
        teamId: "T1",
        channelId: "C1",
        threadTs: "1.000100",
        title: "t",
        startedBy: "U1",
        lang: "ja",
        state: { stage: "system", answers: { q: { option: "o", at: "x" } }, gone: undefined },
        messages: { rootTs: "1.000100", questionTs: undefined },
      });
      expect(await store.getSession(created.id)).toStrictEqual(created);
      expect(created.messages).toStrictEqual({ rootTs: "1.000100" });
      const withLink = await store.saveDecision({
        teamId: "T1",
        channelId: "C1",
        threadTs: "1.000100",
        threadLink: "https://example.slack.com/archives/C1/p1000100",
        sessionId: created.id,
        title: "t",
        recommendation: "ecs",
        lang: "en",
        summary: { answers: { q: "o" }, skipped: undefined },
        recordMarkdown: "# t",
        participants: ["U1", "U2"],
        matrixVersion: "2026-01-01",
      });
      expect(await store.getDecision(withLink.id)).toStrictEqual(withLink);
      const bare = await store.saveDecision({
        teamId: "T1",
        channelId: "C1",
        threadTs: "2.000100",
        title: "u",
        recommendation: "either",
        lang: "en",
        summary: null,
        recordMarkdown: "",
        participants: [],
        matrixVersion: "2026-01-01",
      });
      expect(await store.getDecision(bare.id)).toStrictEqual(bare);
    } finally {
      await store.close();
    }
  });
});
