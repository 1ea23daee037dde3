import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { CliIO } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { loadMatrix, supportLabel } from "../../src/core/matrix/index.js";
import { AWS_AS_PLATFORM, answerArgs, DATA_DIR } from "../support/essay-cases.js";

interface Captured {
  code: number;
  out: string;
  err: string;
}

/** The output with wrapped lines read as one (sentences are wrapped for the terminal). */
const flat = (text: string) => text.replace(/\s+/g, " ");

async function cli(argv: string[], env: Record<string, string> = {}): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env,
    now: new Date("2026-11-28T12:00:00Z"),
  };
  const code = await run(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tmp(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `ecs-vs-eks-check-${name}-`));
  dirs.push(dir);
  return dir;
}

/** A copy of data/ with capabilities.yml and walkthrough.yml passed through `edit`. */
function dataCopy(
  name: string,
  edit: {
    capabilities?: (doc: Record<string, unknown>) => void;
    walkthrough?: (doc: Record<string, unknown>) => void;
  },
): string {
  const dir = tmp(name);
  for (const file of ["capabilities.yml", "walkthrough.yml", "changes.yml"]) {
    cpSync(path.join(DATA_DIR, file), path.join(dir, file));
  }
  for (const [file, fn] of [
    ["capabilities.yml", edit.capabilities],
    ["walkthrough.yml", edit.walkthrough],
  ] as const) {
    if (!fn) continue;
    const doc = parse(readFileSync(path.join(dir, file), "utf8")) as Record<string, unknown>;
    fn(doc);
    writeFileSync(path.join(dir, file), stringify(doc, { lineWidth: 0 }));
  }
  return dir;
}

interface CapDoc {
  id: string;
  ecs: { support: string };
}

const matrix = loadMatrix(DATA_DIR);

/** A decision record as `decide --format markdown` prints it, saved to a file. */
async function recordFile(): Promise<string> {
  const made = await cli(["decide", ...answerArgs(AWS_AS_PLATFORM), "--format", "markdown"]);
  expect(made.code).toBe(0);
  const file = path.join(tmp("record"), "0001-platform.md");
  writeFileSync(file, `${made.out}\n`);
  return file;
}

describe("ecs-vs-eks check --decision", () => {
  it("says nothing changed (exit 0) on the data the record was made on, in English and Japanese", async () => {
    const file = await recordFile();
    const en = await cli(["check", "--decision", file]);
    expect(en.err).toBe("");
    expect(en.code).toBe(0);
    expect(en.out).toContain(`decided on 2026-11-28 with matrix ${matrix.version}`);
    expect(en.out).toContain("Nothing the decision relied on has changed since.");
    expect(flat(en.out)).toContain("the recommendation stays the same: Amazon ECS.");
    const ja = await cli(["check", "--decision", file, "--lang", "ja"]);
    expect(ja.code).toBe(0);
    expect(ja.out).toContain("決定のあと、前提としていた情報に変更はありません。");
    expect(flat(ja.out)).toContain("推奨は変わりません（Amazon ECS）。");
  });

  it("names a changed relied-on fact old → new and exits 2; an unrelied change is not named", async () => {
    const file = await recordFile();
    const before = matrix.byId.get("secrets")?.ecs.support ?? "native";
    const after = before === "partial" ? "native" : "partial";
    const dir = dataCopy("b", {
      capabilities: (doc) => {
        const caps = doc.capabilities as CapDoc[];
        const cap = caps.find((c) => c.id === "secrets");
        if (cap) cap.ecs.support = after;
        doc.version = "2027-01-15";
      },
    });
    const res = await cli(["check", "--decision", file], { MATRIX_DIR: dir });
    expect(res.code).toBe(2);
    expect(res.out).toContain("Facts loaded now: matrix 2027-01-15");
    expect(res.out).toContain("Changed since, in what the decision relied on (1):");
    expect(res.out).toContain(`${matrix.byId.get("secrets")?.title.en} (secrets)`);
    expect(res.out).toContain(
      `Amazon ECS: ${supportLabel(before as never, "en")} → ${supportLabel(after, "en")}`,
    );
    expect(flat(res.out)).toContain("the recommendation stays the same");
    const json = JSON.parse(
      (await cli(["check", "--decision", file, "--format", "json"], { MATRIX_DIR: dir })).out,
    ) as {
      changed: { capabilityId: string }[];
      differs: boolean;
      matrix: { decided: string; now: string };
    };
    expect(json.changed.map((c) => c.capabilityId)).toEqual(["secrets"]);
    expect(json.differs).toBe(false);
    expect(json.matrix).toEqual({ decided: matrix.version, now: "2027-01-15" });

    // A capability the record did not rely on: nothing to say, exit 0.
    const front = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, "utf8"))?.[1] ?? "") as {
      "ecs-vs-eks": { facts: Record<string, string> };
    };
    const other = matrix.capabilities.find((c) => !(c.id in front["ecs-vs-eks"].facts));
    if (!other) throw new Error("the record relied on every capability");
    const unrelated = dataCopy("c", {
      capabilities: (doc) => {
        const cap = (doc.capabilities as CapDoc[]).find((c) => c.id === other.id);
        if (cap) cap.ecs.support = cap.ecs.support === "none" ? "native" : "none";
      },
    });
    const quiet = await cli(["check", "--decision", file], { MATRIX_DIR: unrelated });
    expect(quiet.code).toBe(0);
    expect(quiet.out).toContain("Nothing the decision relied on has changed since.");
  });

  it("says plainly when the same answers would now get another recommendation", async () => {
    const file = await recordFile();
    // New walkthrough data: every answer that leaned one way now leans the other.
    const dir = dataCopy("flip", {
      walkthrough: (doc) => {
        const swap: Record<string, string> = { ecs: "eks", eks: "ecs" };
        for (const stage of doc.stages as { questions: { options: { lean: string }[] }[] }[])
          for (const q of stage.questions)
            for (const o of q.options) o.lean = swap[o.lean] ?? o.lean;
      },
    });
    const res = await cli(["check", "--decision", file, "--lang", "ja"], { MATRIX_DIR: dir });
    expect(res.code).toBe(2);
    expect(flat(res.out)).toContain("推奨が変わります（Amazon ECS → Amazon EKS）");
  });

  it("refuses a file without the record's data (exit 1) and a missing --decision (exit 2)", async () => {
    const plain = path.join(tmp("plain"), "adr.md");
    writeFileSync(plain, "---\nstatus: accepted\n---\n# Use ECS\n");
    const res = await cli(["check", "--decision", plain]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('no "ecs-vs-eks" block in its front matter');
    const gone = await cli(["check", "--decision", path.join(tmp("none"), "missing.md")]);
    expect(gone.code).toBe(1);
    expect(gone.err).toContain("ENOENT");
    const none = await cli(["check"]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("check needs a decision record");
    const help = await cli(["--help"]);
    expect(help.out).toContain("ecs-vs-eks check --decision <record.md>");
  });
});
