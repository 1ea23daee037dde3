import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { yaml } from "../yaml.js";
import { type Capability, capabilitySchema, matrixFileSchema } from "./schema.js";

export interface Matrix {
  version: string;
  capabilities: readonly Capability[];
  byId: ReadonlyMap<string, Capability>;
}

/** The project's data/ folder, found from this file's place in src/ or dist/src/. */
export function defaultDataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "data");
    if (existsSync(path.join(candidate, "capabilities.yml"))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error("data/capabilities.yml not found above the program's folder");
}

/** A data file that does not match its schema: says which file, which entry and which field. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join("; ")}`);
    this.name = "DataFileError";
  }
}

export function describeIssues(issues: z.core.$ZodIssue[], prefix: string): string[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    return `${prefix}${field ? ` field ${field}` : ""}: ${issue.message}`;
  });
}

/** An entry's id as written, or `fallback` (its place) when it has none: for problem messages. */
export function idOf(entry: unknown, fallback: string): string {
  return typeof entry === "object" && entry !== null && "id" in entry
    ? String((entry as { id: unknown }).id)
    : fallback;
}

/**
 * The entries that match `schema`, each validated on its own: a problem names the entry (`label`
 * of its id, or of its place when it has no id) and the field, and a repeated id is a problem.
 * `seen` carries ids across calls (the questions of several stages share one namespace).
 */
export function validEntries<T extends { id: string }>(
  entries: readonly unknown[],
  schema: z.ZodType<T>,
  label: (id: string) => string,
  problems: string[],
  seen: Set<string> = new Set(),
): T[] {
  const valid: T[] = [];
  entries.forEach((entry, index) => {
    const where = label(idOf(entry, `#${index + 1}`));
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      problems.push(...describeIssues(parsed.error.issues, where));
    } else if (seen.has(parsed.data.id)) {
      problems.push(`${where}: duplicate id`);
    } else {
      seen.add(parsed.data.id);
      valid.push(parsed.data);
    }
  });
  return valid;
}

/** Problems for capability ids (`field` of `where`) that the matrix does not have. */
export function unknownCapabilities(
  ids: readonly string[],
  matrix: Matrix | undefined,
  where: string,
): string[] {
  if (!matrix) return [];
  return ids.flatMap((cap, i) =>
    matrix.byId.has(cap) ? [] : [`${where} field capabilities.${i}: unknown capability id ${cap}`],
  );
}

export function readYaml(file: string): unknown {
  try {
    return yaml().parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new DataFileError(file, [(err as Error).message]);
  }
}

/**
 * Where `npm run build` writes data/*.yml compiled to JSON (dist/src/compiled-data/): the parsed,
 * validated content of each file, so that start-up reads JSON instead of parsing YAML (which leaves
 * megabytes of garbage the process keeps as resident memory).
 */
export const COMPILED_DATA_DIR = fileURLToPath(new URL("../../compiled-data/", import.meta.url));

/** The compiled form of a data file: where it is written, and what it holds. */
export function compiledPath(file: string, compiledDir = COMPILED_DATA_DIR): string {
  return path.join(compiledDir, `${path.basename(file)}.json`);
}

export interface CompiledData {
  /** The YAML file, relative to the compiled file's folder. */
  source: string;
  /** The YAML file parsed (not yet validated: validation runs on load, as for the YAML). */
  data: unknown;
}

/**
 * The parsed content of a data file: its compiled JSON when there is one made from this very file and
 * it is not older than the file, else the YAML itself (edited data needs no build; other data folders
 * just work). Either way the caller validates it, so errors read the same.
 */
export function readData(file: string, compiledDir = COMPILED_DATA_DIR): unknown {
  const json = compiledPath(file, compiledDir);
  try {
    if (statSync(json).mtimeMs >= statSync(file).mtimeMs) {
      const compiled = JSON.parse(readFileSync(json, "utf8")) as Partial<CompiledData>;
      if (
        typeof compiled.source === "string" &&
        "data" in compiled &&
        path.resolve(compiledDir, compiled.source) === path.resolve(file)
      ) {
        return compiled.data;
      }
    }
  } catch {
    // No compiled file, no YAML file (reported below), or an unreadable compiled file: read the YAML.
  }
  return readYaml(file);
}

export function parseMatrix(raw: unknown, file = "capabilities.yml"): Matrix {
  const top = matrixFileSchema.safeParse(raw);
  if (!top.success) throw new DataFileError(file, describeIssues(top.error.issues, "file"));
  const problems: string[] = [];
  const capabilities = validEntries(
    top.data.capabilities,
    capabilitySchema,
    (id) => `entry ${id}`,
    problems,
  );
  if (problems.length > 0) throw new DataFileError(file, problems);
  const byId = new Map(capabilities.map((c) => [c.id, c]));
  return { version: top.data.version, capabilities, byId };
}

export function loadMatrix(dataDir = defaultDataDir()): Matrix {
  const file = path.join(dataDir, "capabilities.yml");
  return parseMatrix(readData(file), file);
}
