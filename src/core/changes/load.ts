import { existsSync } from "node:fs";
import path from "node:path";
import {
  DataFileError,
  defaultDataDir,
  describeIssues,
  type Matrix,
  readData,
  unknownCapabilities,
  validEntries,
} from "../matrix/load.js";
import { type Change, changeSchema, changesFileSchema } from "./schema.js";

export const CHANGES_FILE = "changes.yml";

/** The change log: every change newest first, and the same changes by id and by capability. */
export interface ChangeLog {
  version: string;
  /** Newest first; changes of the same date keep their file order. */
  changes: readonly Change[];
  byId: ReadonlyMap<string, Change>;
  /** Capability id → its changes, newest first. */
  byCapability: ReadonlyMap<string, readonly Change[]>;
}

/** Newest first; the sort is stable, so changes of one date keep their file order. */
export function newestFirst(a: Change, b: Change): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : 0;
}

function indexChanges(version: string, list: Change[]): ChangeLog {
  const changes = [...list].sort(newestFirst);
  const byCapability = new Map<string, Change[]>();
  for (const change of changes) {
    for (const id of change.capabilities) {
      const forCapability = byCapability.get(id) ?? [];
      forCapability.push(change);
      byCapability.set(id, forCapability);
    }
  }
  return { version, changes, byId: new Map(changes.map((c) => [c.id, c])), byCapability };
}

/** A change log with nothing in it: what a data folder without changes.yml has. */
export function emptyChangeLog(): ChangeLog {
  return indexChanges("", []);
}

/**
 * Validates a parsed changes file. Problems name the file, the entry and the field, as the
 * matrix's do; with a matrix, every capability id an entry names must exist in it.
 */
export function parseChanges(raw: unknown, file = CHANGES_FILE, matrix?: Matrix): ChangeLog {
  const top = changesFileSchema.safeParse(raw);
  if (!top.success) throw new DataFileError(file, describeIssues(top.error.issues, "file"));
  const problems: string[] = [];
  const changes: Change[] = validEntries(
    top.data.changes,
    changeSchema,
    (id) => `entry ${id}`,
    problems,
  );
  for (const change of changes) {
    const where = `entry ${change.id}`;
    change.capabilities.forEach((cap, i) => {
      if (change.capabilities.indexOf(cap) !== i) {
        problems.push(`${where} field capabilities.${i}: ${cap} is listed twice`);
      }
    });
    problems.push(...unknownCapabilities(change.capabilities, matrix, where));
  }
  if (problems.length > 0) throw new DataFileError(file, problems);
  return indexChanges(top.data.version, changes);
}

/**
 * Reads and validates changes.yml from the matrix's data folder (compiled to JSON at build, like
 * the matrix; see readData), checking every capability id against the matrix. A data folder
 * without a changes.yml has an empty change log, so a folder holding only a matrix stays valid.
 */
export function loadChanges(dataDir: string | undefined, matrix: Matrix): ChangeLog {
  const file = path.join(dataDir ?? defaultDataDir(), CHANGES_FILE);
  if (!existsSync(file)) return emptyChangeLog();
  return parseChanges(readData(file), file, matrix);
}
