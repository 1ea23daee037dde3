import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";
import { TcpProxy } from "./tcp-proxy.js";

/** PostgreSQL for tests: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

export const SKIP_PG_REASON = "TEST_DATABASE_URL is not set: PostgreSQL store tests skipped";

/**
 * describe() for tests that need PostgreSQL: skipped, with a warning naming `file`, when
 * TEST_DATABASE_URL is not set; its title says which.
 */
export function describeWithPostgres(file: string, title: string, tests: () => void): void {
  if (!TEST_DATABASE_URL) console.warn(`[${file}] ${SKIP_PG_REASON}`);
  describe.skipIf(!TEST_DATABASE_URL)(
    `${title} (${TEST_DATABASE_URL ? "enabled" : SKIP_PG_REASON})`,
    tests,
  );
}

/**
 * A proxy between the tests and PostgreSQL (TEST_DATABASE_URL) that can be stopped and started
 * again, as if the server went away and came back: resolves with the proxy, its port, and
 * `schemaUrl` rewritten to go through it.
 */
export async function startPgProxy(
  schemaUrl: string,
): Promise<{ proxy: TcpProxy; port: number; url: string }> {
  const target = new URL(TEST_DATABASE_URL ?? "");
  const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
  const port = await proxy.start();
  const viaProxy = new URL(schemaUrl);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(port);
  return { proxy, port, url: viaProxy.toString() };
}

export interface TestSchema {
  name: string;
  /** TEST_DATABASE_URL with search_path set to the schema. */
  url: string;
  /** Runs SQL as the admin connection, inside the schema. */
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  drop(): Promise<void>;
}

/** A uniquely named, empty schema, so parallel test files and CI runs never collide. */
export async function createTestSchema(baseUrl: string, prefix = "store"): Promise<TestSchema> {
  const name = `test_${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema "${name}"`);
  await admin.query(`set search_path to "${name}"`);
  return {
    name,
    url: withSearchPath(baseUrl, name),
    query: (text, values) => admin.query(text, values),
    async drop() {
      try {
        await admin.query(`drop schema if exists "${name}" cascade`);
      } finally {
        await admin.end();
      }
    },
  };
}

export function withSearchPath(baseUrl: string, schema: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}
