import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { CHANGES_FILE, parseChanges } from "./changes/load.js";
import {
  COMPILED_DATA_DIR,
  type CompiledData,
  compiledPath,
  defaultDataDir,
  parseMatrix,
  readYaml,
} from "./matrix/load.js";
import { parseWalkthrough, WALKTHROUGH_FILE } from "./walkthrough/load.js";

export const MATRIX_FILE = "capabilities.yml";

/**
 * Compiles the data files to JSON for a faster, lighter start-up (see readData): reads and validates
 * them exactly as the bot does, then writes each file's parsed content. changes.yml is optional (a
 * data folder without one has an empty change log) and compiled when present. Throws the same
 * DataFileError the bot would (after removing stale compiled files, so nothing outdated is left
 * behind). Returns the files written.
 */
export function compileData(dataDir = defaultDataDir(), outDir = COMPILED_DATA_DIR): string[] {
  const files = [MATRIX_FILE, WALKTHROUGH_FILE, CHANGES_FILE].map((name) =>
    path.join(dataDir, name),
  );
  for (const file of files) rmSync(compiledPath(file, outDir), { force: true });
  const [matrixFile, walkthroughFile, changesFile] = files as [string, string, string];
  const rawMatrix = readYaml(matrixFile);
  const rawWalkthrough = readYaml(walkthroughFile);
  const rawChanges = existsSync(changesFile) ? readYaml(changesFile) : undefined;
  const matrix = parseMatrix(rawMatrix, matrixFile);
  parseWalkthrough(rawWalkthrough, walkthroughFile, matrix);
  if (rawChanges !== undefined) parseChanges(rawChanges, changesFile, matrix);
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const contents: [string, unknown][] = [
    [matrixFile, rawMatrix],
    [walkthroughFile, rawWalkthrough],
  ];
  if (rawChanges !== undefined) contents.push([changesFile, rawChanges]);
  for (const [file, data] of contents) {
    const compiled: CompiledData = { source: path.relative(outDir, file), data };
    const text = JSON.stringify(compiled);
    // Only what JSON holds as is (YAML could hold a value JSON cannot): otherwise keep reading YAML.
    if (!isDeepStrictEqual((JSON.parse(text) as CompiledData).data, data)) continue;
    const target = compiledPath(file, outDir);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, target);
    written.push(target);
  }
  return written;
}
