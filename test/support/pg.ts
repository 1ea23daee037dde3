import { randomBytes } from "node:crypto";
import pg from "pg";

/** PostgreSQL for tests: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

export const SKIP_PG_REASON = "TEST_DATABASE_URL is not set: PostgreSQL store tests skipped";

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
