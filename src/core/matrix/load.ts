import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { z } from "zod";
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
    try {
      readFileSync(path.join(candidate, "capabilities.yml"));
      return candidate;
    } catch {
      dir = path.dirname(dir);
    }
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

export function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new DataFileError(file, [(err as Error).message]);
  }
}

export function parseMatrix(raw: unknown, file = "capabilities.yml"): Matrix {
  const top = matrixFileSchema.safeParse(raw);
  if (!top.success) throw new DataFileError(file, describeIssues(top.error.issues, "file"));
  const problems: string[] = [];
  const capabilities: Capability[] = [];
  const byId = new Map<string, Capability>();
  top.data.capabilities.forEach((entry, index) => {
    const id =
      typeof entry === "object" && entry !== null && "id" in entry
        ? String((entry as { id: unknown }).id)
        : `#${index + 1}`;
    const parsed = capabilitySchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(...describeIssues(parsed.error.issues, `entry ${id}`));
      return;
    }
    if (byId.has(parsed.data.id)) {
      problems.push(`entry ${id}: duplicate id`);
      return;
    }
    byId.set(parsed.data.id, parsed.data);
    capabilities.push(parsed.data);
  });
  if (problems.length > 0) throw new DataFileError(file, problems);
  return { version: top.data.version, capabilities, byId };
}

export function loadMatrix(dataDir = defaultDataDir()): Matrix {
  const file = path.join(dataDir, "capabilities.yml");
  return parseMatrix(readYaml(file), file);
}
