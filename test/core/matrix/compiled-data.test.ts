import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compileData } from "../../../src/core/compile-data.js";
import {
  compiledPath,
  DataFileError,
  loadMatrix,
  parseMatrix,
  readData,
  readYaml,
} from "../../../src/core/matrix/load.js";
import { loadWalkthrough } from "../../../src/core/walkthrough/load.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-data-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of data/ and an empty folder for its compiled form. */
function setUp(): { data: string; out: string; yml: string } {
  const data = tempDir();
  for (const name of ["capabilities.yml", "walkthrough.yml"]) {
    copyFileSync(path.join("data", name), path.join(data, name));
  }
  return { data, out: tempDir(), yml: path.join(data, "capabilities.yml") };
}

describe("compiled data", () => {
  it("compiles both files and reads back exactly what the YAML holds", () => {
    const { data, out, yml } = setUp();
    const written = compileData(data, out);
    expect(written.map((f) => path.basename(f))).toEqual([
      "capabilities.yml.json",
      "walkthrough.yml.json",
    ]);
    // Readable proof it is the JSON that is read: a fresh compiled file wins over the YAML.
    const compiled = JSON.parse(readFileSync(compiledPath(yml, out), "utf8"));
    expect(compiled.data).toEqual(readYaml(yml));
    compiled.data.version = "from-json";
    writeFileSync(compiledPath(yml, out), JSON.stringify(compiled));
    expect((readData(yml, out) as { version: string }).version).toBe("from-json");
    expect(parseMatrix(readData(yml, out), yml).capabilities).toEqual(
      loadMatrix(data).capabilities,
    );
  });

  it("reads the YAML when it is newer than its compiled form, or another file", () => {
    const { data, out, yml } = setUp();
    compileData(data, out);
    const json = compiledPath(yml, out);
    const compiled = JSON.parse(readFileSync(json, "utf8"));
    compiled.data.version = "from-json";
    writeFileSync(json, JSON.stringify(compiled));
    // A minute older than the YAML, by the file system's clock (not today's date).
    const past = new Date(statSync(yml).mtimeMs - 60_000);
    utimesSync(json, past, past);
    expect((readData(yml, out) as { version: string }).version).not.toBe("from-json");

    // The same file name in another folder is not what was compiled.
    const other = setUp();
    writeFileSync(json, JSON.stringify(compiled));
    expect((readData(other.yml, out) as { version: string }).version).not.toBe("from-json");
  });

  it("refuses invalid data with the error the bot gives, leaving no compiled file behind", () => {
    const { data, out, yml } = setUp();
    compileData(data, out);
    const text = readFileSync(yml, "utf8").replace(/category: [a-z-]+/, "category: nope");
    writeFileSync(yml, text);
    let err: unknown;
    try {
      compileData(data, out);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataFileError);
    expect(() => loadMatrix(data)).toThrow((err as Error).message);
    expect((err as Error).message).toMatch(/capabilities\.yml: entry [a-z0-9-]+ field category: /);
    expect(() => readFileSync(compiledPath(yml, out))).toThrow();
    expect(() => readFileSync(compiledPath(path.join(data, "walkthrough.yml"), out))).toThrow();
    expect(loadWalkthrough(data, loadMatrix("data")).questions.length).toBeGreaterThan(0);
  });
});
