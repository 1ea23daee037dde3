import type { Clock } from "./common.js";
import { createPostgresStore } from "./postgres.js";
import type { SqlStore } from "./sql-store.js";
import { createSqliteStore } from "./sqlite.js";
import type { Store } from "./types.js";

export {
  ChannelLangCache,
  type ChannelLangCacheOptions,
  DEFAULT_CHANNEL_LANG_TTL_MS,
  withChannelLangCache,
} from "./channel-lang-cache.js";
export { type Clock, DEFAULT_EVENT_TTL_SECONDS, DEFAULT_SESSION_IDLE_DAYS } from "./common.js";
export { MemoryStore, type MemoryStoreOptions } from "./memory.js";
export { migrations } from "./migrations.js";
export { createPostgresStore, type PostgresStoreOptions } from "./postgres.js";
export { SqlStore } from "./sql-store.js";
export { createSqliteStore, SQLITE_FILE_NAME, type SqliteStoreOptions } from "./sqlite.js";
export * from "./types.js";

export interface StoreConfig {
  /** postgres://… selects PostgreSQL; anything else (or nothing) selects the SQLite file. */
  databaseUrl?: string;
  /** Folder of the SQLite file `ecs-vs-eks.sqlite`; created if missing. */
  dataDir: string;
  /** Sessions untouched for longer than this are reported as "expired". Default 30. */
  sessionIdleDays?: number;
  /** Injectable clock (tests). */
  clock?: Clock;
  /** Told about errors of idle PostgreSQL connections; they never crash the process. */
  onBackgroundError?: (error: Error) => void;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url.trim());
}

/**
 * The store for this configuration, without touching the database yet: migrations run on the
 * first call (and are retried on the next call if the database was unreachable). Use this to start
 * serving while the database may still be down.
 */
export function createStore(config: StoreConfig): SqlStore {
  const options = {
    ...(config.sessionIdleDays !== undefined ? { sessionIdleDays: config.sessionIdleDays } : {}),
    ...(config.clock ? { clock: config.clock } : {}),
  };
  if (isPostgresUrl(config.databaseUrl)) {
    return createPostgresStore(config.databaseUrl.trim(), {
      ...options,
      ...(config.onBackgroundError ? { onBackgroundError: config.onBackgroundError } : {}),
    });
  }
  return createSqliteStore(config.dataDir, options);
}

/**
 * Opens the store and applies pending migrations (idempotent, safe when several replicas open at
 * once). Rejects with StoreUnavailableError when the database cannot be reached.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  const store = createStore(config);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
