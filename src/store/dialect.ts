import { type Expression, type SqlBool, sql } from "kysely";

/**
 * Everything that differs between SQLite and PostgreSQL lives here: how to ask "is this user in the
 * JSON participants array", and which driver errors mean "the database cannot be reached".
 * (Migration locking differs too; see migrate() in migrations.ts.)
 */
export type DialectKind = "sqlite" | "postgres";

/** `participants` (JSON text array) contains `userId`. */
export function participantFilter(
  dialect: DialectKind,
  participants: Expression<string>,
  userId: string,
): Expression<SqlBool> {
  return dialect === "sqlite"
    ? sql<SqlBool>`exists (select 1 from json_each(${participants}) where json_each.value = ${userId})`
    : sql<SqlBool>`(${participants})::jsonb @> jsonb_build_array(${userId}::text)`;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

const PG_UNAVAILABLE_MESSAGES = [
  "timeout exceeded when trying to connect",
  "connection terminated",
  "not queryable",
  "query read timeout",
  "cannot use a pool after calling end",
];

/**
 * True for connection-level failures: the server is down or unreachable, the pool cannot hand out
 * a connection, the SQLite file cannot be opened or stays locked past the busy timeout.
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || !(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (NETWORK_CODES.has(code)) return true;
    // PostgreSQL SQLSTATE: 08xxx connection exception; 57P01-57P03 shutdown / cannot connect now;
    // 53300 too many connections.
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === "53300") return true;
    if (/^SQLITE_(CANTOPEN|BUSY|LOCKED|IOERR|FULL)/.test(code)) return true;
  }
  const message = error.message.toLowerCase();
  if (PG_UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isUnavailable(e, depth + 1))) {
    return true;
  }
  return isUnavailable(error.cause, depth + 1);
}
