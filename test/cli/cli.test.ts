import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type CliIO, run } from "../../src/cli/run.js";
import { loadMatrix } from "../../src/core/matrix/index.js";
import { AWS_AS_PLATFORM, answerArgs, OWN_PLATFORM } from "../support/essay-cases.js";

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], extra: Partial<CliIO> = {}): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: {},
    now: new Date("2026-11-28T12:00:00Z"),
    ...extra,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const matrix = loadMatrix();

describe("ecs-vs-eks matrix", () => {
  it("prints every capability in Japanese with --lang ja", async () => {
    const { code, out } = await cli(["matrix", "--lang", "ja"]);
    expect(code).toBe(0);
    expect(out).toContain("機能比較表");
    for (const cap of matrix.capabilities) expect(out).toContain(cap.title.ja);
    expect(out).toContain("凡例");
  });

  it("prints JSON for scripts and a Markdown table", async () => {
    const json = await cli(["matrix", "--format", "json"]);
    const data = JSON.parse(json.out) as { version: string; capabilities: { id: string }[] };
    expect(data.version).toBe(matrix.version);
    expect(data.capabilities.map((c) => c.id)).toEqual(matrix.capabilities.map((c) => c.id));
    const md = await cli(["matrix", "--format", "markdown"]);
    expect(
      md.out.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---")).length,
    ).toBe(matrix.capabilities.length + 1);
  });

  it("rejects an unknown format or language with exit code 2 and what is valid", async () => {
    const bad = await cli(["matrix", "--format", "html"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("text, markdown, json");
    const lang = await cli(["matrix", "--lang", "fr"]);
    expect(lang.code).toBe(2);
    expect(lang.err).toContain("en, ja");
    const flag = await cli(["matrix", "--colour"]);
    expect(flag.code).toBe(2);
  });
});

describe("ecs-vs-eks ask", () => {
  it("answers in the question's language, as text", async () => {
    const { code, out } = await cli(["ask", "ECSでシークレット管理はどうする？"]);
    expect(code).toBe(0);
    expect(out).toContain("シークレット管理 (secrets)");
    expect(out).toContain("AWS Secrets Manager");
    expect(out).toContain("出典");
  });

  it("returns {capability, confidence, alternatives, answer} with --json", async () => {
    const { out } = await cli(["ask", "does ECS have CronJobs?", "--json"]);
    const data = JSON.parse(out) as {
      capability: string;
      confidence: number;
      alternatives: { id: string; confidence: number }[];
      answer: { kind: string; ecs: { uses: string[] } };
    };
    expect(data.capability).toBe("scheduled-jobs");
    expect(data.confidence).toBeGreaterThan(0);
    expect(data.alternatives.length).toBeLessThanOrEqual(3);
    expect(data.alternatives.map((a) => a.id)).not.toContain("scheduled-jobs");
    expect(data.answer.kind).toBe("capability");
    expect(data.answer.ecs.uses).toContain("Amazon EventBridge Scheduler");
  });

  it("says it has no answer for an off-topic question, with suggestions", async () => {
    const { code, out } = await cli(["ask", "what's for lunch?", "--json"]);
    expect(code).toBe(0);
    const data = JSON.parse(out) as {
      capability: null;
      answer: { kind: string; suggestions: unknown[] };
    };
    expect(data.capability).toBeNull();
    expect(data.answer.kind).toBe("no-match");
    expect(data.answer.suggestions.length).toBeGreaterThan(0);
    const text = await cli(["ask", "今日の天気は？"]);
    expect(text.out).toContain("次のような質問に答えられます");
  });

  it("needs a question", async () => {
    const { code, err } = await cli(["ask"]);
    expect(code).toBe(2);
    expect(err).toContain("ask");
  });
});

describe("ecs-vs-eks decide", () => {
  const essayEcs = answerArgs(AWS_AS_PLATFORM);
  const essayEks = answerArgs(OWN_PLATFORM);

  it("recommends ECS to a team that wants AWS as its platform", async () => {
    const { code, out } = await cli(["decide", ...essayEcs, "--format", "json"]);
    expect(code).toBe(0);
    const d = JSON.parse(out) as {
      recommendation: string;
      scores: { ecs: number; eks: number };
      needs: { ecs: string[]; eks: string[] };
      unanswered: string[];
    };
    expect(d.recommendation).toBe("ecs");
    expect(d.scores.ecs).toBeGreaterThan(d.scores.eks);
    expect(d.needs.ecs).toContain("AWS Secrets Manager");
    expect(d.unanswered).toContain("workload");
  });

  it("recommends EKS to a team building its own platform", async () => {
    const { out } = await cli(["decide", ...essayEks, "--format", "json"]);
    const d = JSON.parse(out) as { recommendation: string; needs: { eks: string[] } };
    expect(d.recommendation).toBe("eks");
    expect(d.needs.eks.length).toBeGreaterThan(0);
  });

  it("prints a readable decision in Japanese", async () => {
    const { out } = await cli(["decide", ...essayEcs, "--lang", "ja"]);
    expect(out).toContain("Amazon ECS");
    expect(out).toContain("答えが変わる");
  });

  it("prints a complete MADR decision record with --format markdown", async () => {
    const { out } = await cli([
      "decide",
      ...essayEks,
      "--format",
      "markdown",
      "--title",
      "Pick a platform",
    ]);
    const front = /^---\n([\s\S]*?)\n---/.exec(out);
    expect(front).not.toBeNull();
    expect(parse(front?.[1] ?? "")).toMatchObject({ status: "proposed", date: "2026-11-28" });
    for (const heading of [
      "# Pick a platform",
      "## Context and Problem Statement",
      "## Decision Drivers",
      "## Considered Options",
      "## Decision Outcome",
      "### Consequences",
      "## Pros and Cons of the Options",
      "## More Information",
    ]) {
      expect(out).toContain(heading);
    }
    expect(out).toContain(matrix.version);
  });

  it("reads answers from a YAML file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-cli-"));
    const file = path.join(dir, "answers.yml");
    writeFileSync(
      file,
      "extensibility: platform\nk8s-experience: deep\nportability: hybrid\nops-team: platform-team\n",
    );
    const { code, out } = await cli(["decide", "--answers", file, "--format", "json"]);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { recommendation: string }).recommendation).toBe("eks");
    writeFileSync(file, "- not an answer\n");
    const bad = await cli(["decide", "--answers", file]);
    expect(bad.code).toBe(2);
  });

  it("names the valid questions and options when one is unknown (exit 2)", async () => {
    const q = await cli(["decide", "--answer", "budget=low"]);
    expect(q.code).toBe(2);
    expect(q.err).toContain("k8s-experience");
    const o = await cli(["decide", "--answer", "k8s-experience=guru"]);
    expect(o.code).toBe(2);
    expect(o.err).toContain("none, some, deep");
    const shape = await cli(["decide", "--answer", "k8s-experience"]);
    expect(shape.code).toBe(2);
  });

  it("asks the questions interactively on a terminal", async () => {
    const replies = ["3", "", "b", "1"];
    const prompts: string[] = [];
    const { code, out } = await cli(["decide", "--format", "json"], {
      prompt: async (q) => {
        prompts.push(q);
        return replies.shift() ?? "q";
      },
    });
    expect(code).toBe(0);
    const d = JSON.parse(out.slice(out.indexOf("{"))) as { answers: Record<string, string> };
    // 3 → workload's third option; Enter skips scale; "b" goes back to scale; 1 answers it.
    expect(d.answers.workload).toBe("event-driven");
    expect(d.answers.scale).toBe("few");
    expect(prompts.length).toBe(5);
  });
});

describe("ecs-vs-eks usage", () => {
  it("prints help with --help and exits 0", async () => {
    const { code, out } = await cli(["--help"]);
    expect(code).toBe(0);
    expect(out).toContain("ecs-vs-eks matrix");
  });

  it("rejects an unknown command with exit 2, naming the valid ones", async () => {
    const { code, err } = await cli(["deploy"]);
    expect(code).toBe(2);
    expect(err).toContain("matrix, ask, decide");
  });
});
