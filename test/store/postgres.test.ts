import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createStore,
  migrations,
  openStore,
  StoreUnavailableError,
} from "../../src/store/index.js";
import {
  createTestSchema,
  describeWithPostgres,
  startPgProxy,
  TEST_DATABASE_URL,
  type TestSchema,
  withSearchPath,
} from "../support/pg.js";
import { defineStoreContract, STORE_TABLES } from "./contract.js";

describeWithPostgres("test/store/postgres", "postgres", () => {
  const baseUrl = TEST_DATABASE_URL ?? "";
  let schema: TestSchema;

  beforeAll(async () => {
    schema = await createTestSchema(baseUrl);
  });

  afterAll(async () => {
    await schema?.drop();
  });

  defineStoreContract("postgres", {
    shared: true,
    open: (options) => openStore({ databaseUrl: schema.url, dataDir: "unused", ...options }),
    async corrupt(table, id, column, value) {
      await schema.query(`update ${table} set ${column} = $1 where id = $2`, [value, id]);
    },
  });

  describe("postgres specifics", () => {
    it("migrates an empty schema once when several replicas open it at the same time", async () => {
      const fresh = await createTestSchema(baseUrl, "concurrent");
      try {
        const stores = await Promise.all(
          [1, 2, 3, 4].map(() => openStore({ databaseUrl: fresh.url, dataDir: "unused" })),
        );
        expect(await Promise.all(stores.map((s) => s.ping()))).toEqual([true, true, true, true]);
        const again = await openStore({ databaseUrl: fresh.url, dataDir: "unused" });
        stores.push(again);
        expect(await again.claimEvent("Ev-after-migrate")).toBe(true);
        await Promise.all(stores.map((s) => s.close()));
        const { rows } = await fresh.query("select id from schema_migrations");
        expect(rows).toEqual(migrations.map((m) => ({ id: m.id })));
        const tables = await fresh.query(
          "select table_name from information_schema.tables where table_schema = $1 order by 1",
          [fresh.name],
        );
        expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toEqual(STORE_TABLES);
      } finally {
        await fresh.drop();
      }
    });

    it("keeps schemas apart: the store only sees its own search_path", async () => {
      const other = await createTestSchema(baseUrl, "apart");
      try {
        const a = await openStore({ databaseUrl: schema.url, dataDir: "unused" });
        const b = await openStore({ databaseUrl: other.url, dataDir: "unused" });
        await a.setChannelLang("T-apart", "C1", "ja");
        expect(await b.getChannelLang("T-apart", "C1")).toBeNull();
        await Promise.all([a.close(), b.close()]);
      } finally {
        await other.drop();
      }
    });

    it("rejects quickly with StoreUnavailableError when nothing listens", {
      timeout: 8000,
    }, async () => {
      const url = withSearchPath("postgres://postgres@127.0.0.1:1/test", schema.name);
      await expect(openStore({ databaseUrl: url, dataDir: "unused" })).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      const store = createStore({ databaseUrl: url, dataDir: "unused" });
      expect(await store.ping()).toBe(false);
      await expect(store.getSession("x")).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.claimEvent("Ev-down")).rejects.toBeInstanceOf(StoreUnavailableError);
      await store.close();
    });

    it("a query on a connection the server has just dropped rejects; the process never crashes", {
      timeout: 20_000,
    }, async () => {
      const { proxy, port, url } = await startPgProxy(schema.url);
      const store = await openStore({ databaseUrl: url, dataDir: "unused" });
      const crashes: unknown[] = [];
      const onCrash = (error: unknown) => crashes.push(error);
      process.on("uncaughtException", onCrash);
      try {
        // Several pooled connections, idle now.
        await Promise.all([1, 2, 3].map((i) => store.claimEvent(`Ev-drop-${port}-${i}`)));
        // The server drops every connection; queries are sent before the pool notices, on
        // checked-out clients (whose 'error' event nobody but the store listens to).
        const stopped = proxy.stop();
        const results = await Promise.allSettled([
          store.claimEvent(`Ev-drop-${port}-4`),
          store.getSession("x"),
          store.ping(),
        ]);
        await stopped;
        expect(results[0]?.status).toBe("rejected");
        expect(results[1]).toMatchObject({ status: "rejected" });
        expect(results[2]).toEqual({ status: "fulfilled", value: false });
        for (const r of results.slice(0, 2)) {
          if (r.status === "rejected") expect(r.reason).toBeInstanceOf(StoreUnavailableError);
        }
        await proxy.start(port);
        expect(await store.claimEvent(`Ev-drop-${port}-4`)).toBe(true);
        expect(crashes).toEqual([]);
      } finally {
        process.off("uncaughtException", onCrash);
        await store.close();
        await proxy.stop();
      }
    });

    it("survives the server going away and works again once it is back", {
      timeout: 20_000,
    }, async () => {
      const { proxy, port, url } = await startPgProxy(schema.url);
      const backgroundErrors: Error[] = [];
      const store = await openStore({
        databaseUrl: url,
        dataDir: "unused",
        onBackgroundError: (e) => backgroundErrors.push(e),
      });
      try {
        expect(await store.claimEvent(`Ev-proxy-${port}-1`)).toBe(true);

        await proxy.stop(); // the server "goes down": idle connections die, new ones are refused
        await new Promise((r) => setTimeout(r, 100));
        expect(await store.ping()).toBe(false);
        await expect(store.claimEvent(`Ev-proxy-${port}-2`)).rejects.toBeInstanceOf(
          StoreUnavailableError,
        );
        await expect(store.listDecisions({ teamId: "T" })).rejects.toBeInstanceOf(
          StoreUnavailableError,
        );

        await proxy.start(port); // back again: no restart needed
        expect(await store.ping()).toBe(true);
        expect(await store.claimEvent(`Ev-proxy-${port}-2`)).toBe(true);
        expect(await store.claimEvent(`Ev-proxy-${port}-1`)).toBe(false);
      } finally {
        await store.close();
        await proxy.stop();
      }
    });
  });
});
