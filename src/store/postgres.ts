import { Kysely, PostgresDialect } from "kysely";
import type { Pool } from "pg";
import type { Database } from "./schema.js";
import { SqlStore, type SqlStoreOptions } from "./sql-store.js";

export interface PostgresStoreOptions extends SqlStoreOptions {
  /** Give up on getting a connection after this long (ms). Default 2000: users are waiting. */
  connectionTimeoutMillis?: number;
  /** Give up on a query the server does not answer (ms). Default 10000. */
  queryTimeoutMillis?: number;
  /** Pool size per process. Default 10. */
  max?: number;
  /** Told about errors of idle pooled connections (e.g. the server restarted). Never throws. */
  onBackgroundError?: (error: Error) => void;
}

/**
 * A store on PostgreSQL through a pg Pool. A server that goes away makes calls reject with
 * StoreUnavailableError; the pool reconnects on its own once the server is back.
 */
export function createPostgresStore(
  connectionString: string,
  options: PostgresStoreOptions = {},
): SqlStore {
  const report = (error: Error) => {
    try {
      options.onBackgroundError?.(error);
    } catch {
      // a logger must never take the bot down
    }
  };
  // pg is loaded when the first query needs a connection: a bot on SQLite never loads it.
  const createPool = async (): Promise<Pool> => {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({
      connectionString,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 2000,
      query_timeout: options.queryTimeoutMillis ?? 10_000,
      idleTimeoutMillis: 30_000,
      max: options.max ?? 10,
      keepAlive: true,
      application_name: "ecs-vs-eks",
    });
    // An idle client whose server went away emits 'error' on the pool; unhandled, it would crash
    // the process. The pool drops that client and makes a new one on the next checkout.
    pool.on("error", report);
    // A client checked out when the connection dies (a query on a socket the server just closed)
    // emits 'error' on itself, and neither the pool nor Kysely listens to checked-out clients:
    // without this listener the process would crash. The query itself rejects
    // (→ StoreUnavailableError), and the pool discards the broken client when it is released.
    pool.on("connect", (client) => {
      client.on("error", (error: Error) => {
        if (client.listenerCount("error") === 1) report(error);
      });
    });
    return pool;
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool }) });
  return new SqlStore(db, "postgres", options);
}
