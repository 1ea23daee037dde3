import type { Matrix } from "../matrix/index.js";
import type { ChangeLog } from "./load.js";
import { type Change, isChangeDate } from "./schema.js";
import { selectChanges } from "./select.js";

/** What a user asked for: the changes since a day, about a capability, or both. */
export interface ChangeQuery {
  since?: string | undefined;
  capability?: string | undefined;
}

/**
 * The answer to a query, or which part of it was refused and why, as a value the adapters turn
 * into a message in the user's language (the CLI exits 2, Slack answers politely).
 */
export type ChangeQueryResult =
  | { ok: true; changes: Change[] }
  | { ok: false; refused: "bad-date" | "unknown-capability"; value: string };

/**
 * The changes matching a query, newest first; a date that is not YYYY-MM-DD or a capability id the
 * matrix does not have is refused.
 */
export function queryChanges(
  log: ChangeLog,
  matrix: Matrix,
  query: ChangeQuery,
): ChangeQueryResult {
  const { since, capability } = query;
  if (since !== undefined && !isChangeDate(since)) {
    return { ok: false, refused: "bad-date", value: since };
  }
  if (capability !== undefined && !matrix.byId.has(capability)) {
    return { ok: false, refused: "unknown-capability", value: capability };
  }
  return { ok: true, changes: selectChanges(log, { since, capability }) };
}
