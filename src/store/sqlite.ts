import { mkdir } from "node:fs/promises";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema.js";
import { SqlStore, type SqlStoreOptions } from "./sql-store.js";
import { StoreUnavailableError } from "./types.js";

export const SQLITE_FILE_NAME = "ecs-vs-eks.sqlite";

export interface SqliteStoreOptions extends SqlStoreOptions {
  /** How long a writer waits for another process's lock before giving up (ms). Default 5000. */
  busyTimeoutMs?: number;
}

/**
 * A store on `<dataDir>/ecs-vs-eks.sqlite` (WAL mode, busy timeout). The file is opened lazily on
 * first use, so a missing or unwritable directory surfaces as StoreUnavailableError from a call.
 */
export function createSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): SqlStore {
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: async () => {
        try {
          await mkdir(dataDir, { recursive: true });
        } catch (error) {
          // ENOTDIR, EACCES, EROFS…: the data folder is not usable.
          throw new StoreUnavailableError(error);
        }
        const sqlite = new Sqlite(file, { timeout: options.busyTimeoutMs ?? 5000 });
        try {
          sqlite.pragma("journal_mode = WAL");
          sqlite.pragma("synchronous = NORMAL");
        } catch (error) {
          sqlite.close();
          throw error;
        }
        return sqlite;
      },
    }),
  });
  return new SqlStore(db, "sqlite", options);
}
