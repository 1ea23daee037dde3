import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { type CliIO, processIO } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { packageVersion } from "../../src/cli/version.js";
import { loadMatrix } from "../../src/core/matrix/index.js";
import { loadWalkthrough } from "../../src/core/walkthrough/index.js";
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

/** What piped stdin holds, as processIO would read it. */
const piped = (text: string): Partial<CliIO> => ({ readStdin: async () => text });

const matrix = loadMatrix();
const walkthrough = loadWalkthrough(undefined, matrix);

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
    expect(out).toContain("シークレット管理（secrets）");
    expect(out).toContain("AWS Secrets Manager");
    expect(out).toContain("出典");
  });

  it("returns {capability, confidence, alternatives, answer} with --format json", async () => {
    const { out } = await cli(["ask", "does ECS have CronJobs?", "--format", "json"]);
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

  it("keeps --json as an alias of --format json, and rejects a format ask has not", async () => {
    const alias = await cli(["ask", "does ECS have CronJobs?", "--json"]);
    expect(alias.out).toBe((await cli(["ask", "does ECS have CronJobs?", "--format", "json"])).out);
    const bad = await cli(["ask", "secrets", "--format", "markdown"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('Invalid --format "markdown". Valid: text, json.');
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
      verdict: { kind: string; platform: string };
      scores: { ecs: number; eks: number };
      capacity: { platform: string; option: string; name: string; why: string; fee: string };
      needs: { stage: string; id: string; name: string; why: string }[];
      flips: { question: string; sentence: string }[];
      unanswered: string[];
    };
    expect(d.recommendation).toBe("ecs");
    expect(d.verdict).toMatchObject({ kind: "platform", platform: "ecs" });
    expect(d.scores.ecs).toBeGreaterThan(d.scores.eks);
    expect(d.capacity).toMatchObject({ platform: "ecs", option: "fargate", name: "AWS Fargate" });
    expect(d.needs.map((n) => n.name)).toContain("AWS Secrets Manager");
    expect(d.needs.length).toBeLessThanOrEqual(10);
    for (const n of d.needs) expect(n.why).toMatch(/\.$/);
    for (const f of d.flips) expect(f.sentence).toMatch(/^If .*\.$/);
    expect(d.unanswered).toContain("workload");
  });

  it("recommends EKS to a team building its own platform", async () => {
    const { out } = await cli(["decide", ...essayEks, "--format", "json"]);
    const d = JSON.parse(out) as { recommendation: string; needs: { name: string }[] };
    expect(d.recommendation).toBe("eks");
    expect(d.needs.length).toBeGreaterThan(0);
    expect(d.needs.map((n) => n.name)).toContain("Argo CD as an EKS Capability");
  });

  it("says when EKS is required, when neither fits and when nothing is decided yet", async () => {
    const json = async (...args: string[]) =>
      JSON.parse((await cli(["decide", ...args, "--format", "json"])).out) as {
        recommendation: string;
        verdict: {
          kind: string;
          instead: string | null;
          musts: { because: string; fact: string }[];
        };
        needs: unknown[];
        capacity: unknown;
      };
    const kubeflow = await json(...essayEcs, "--answer", "required-software=k8s-only");
    expect(kubeflow.recommendation).toBe("eks");
    expect(kubeflow.verdict.kind).toBe("required");
    expect(kubeflow.verdict.musts[0]?.fact).toContain("kubeflow");
    const stores = await json(...essayEcs, "--answer", "portability=disconnected");
    expect(stores).toMatchObject({ recommendation: "neither", needs: [], capacity: null });
    expect(stores.verdict.instead).toContain("EKS Anywhere");
    const early = await json("--answer", "k8s-experience=none", "--answer", "scale=few");
    expect(early).toMatchObject({ recommendation: "none", verdict: { kind: "undecided" } });
    const text = await cli(["decide", ...essayEcs, "--answer", "workload=event-handler"]);
    expect(text.out).toContain("neither Amazon ECS nor Amazon EKS fits as asked");
    expect(text.out).toContain("AWS Lambda");
    const ja = await cli([
      "decide",
      ...essayEcs,
      "--answer",
      "required-software=ship-helm-chart",
      "--lang",
      "ja",
    ]);
    expect(ja.out).toContain("Amazon EKS が必須");
    expect(ja.out).toContain("必須の条件:");
    expect(ja.out).toContain("動かし方: Amazon EKS Auto Mode");
  });

  it("takes an option's old id, and names the decision-makers given with --decider", async () => {
    const { code, out } = await cli([
      "decide",
      ...essayEcs,
      "--answer",
      "workload=ml-gpu",
      "--decider",
      "Alice",
      "--decider",
      "Bob Smith",
      "--format",
      "markdown",
    ]);
    expect(code).toBe(0);
    const front = parse(/^---\n([\s\S]*?)\n---/.exec(out)?.[1] ?? "") as Record<string, unknown>;
    expect(front["decision-makers"]).toEqual(["Alice", "Bob Smith"]);
    expect(out).toContain("ML training or an ML platform");
    const json = JSON.parse(
      (await cli(["decide", "--answer", "workload=ml-gpu", "--format", "json"])).out,
    ) as { answers: Record<string, string> };
    expect(json.answers.workload).toBe("ml-training");
  });

  it("prints a readable decision in Japanese", async () => {
    const { out } = await cli(["decide", ...essayEcs, "--lang", "ja"]);
    expect(out).toContain("Amazon ECS を推奨（明確）");
    expect(out).toContain("結論が変わる条件:");
    expect(out).toContain("Amazon ECS で必要になるもの:");
    expect(out).toContain("動かし方: AWS Fargate");
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
    expect(shape.err).toBe('--answer: expected question=option, got "k8s-experience".');
  });

  it("warns when a question is answered twice, and uses the last answer", async () => {
    const args = ["decide", "--answer", "scale=few", "--answer", "scale=huge", "--format", "json"];
    const en = await cli(args);
    expect(en.code).toBe(0);
    expect((JSON.parse(en.out) as { answers: Record<string, string> }).answers.scale).toBe("huge");
    expect(en.err).toBe(
      "Warning: scale is answered more than once (few, huge); the last one wins.",
    );
    const ja = await cli([...args, "--lang", "ja"]);
    expect(ja.err).toBe(
      "注意: 質問「scale」に複数の回答があります（few, huge）。最後の回答を使います。",
    );
  });

  it("reads question=option lines from piped stdin, skipping blank lines and comments", async () => {
    const stdin =
      "# our team\nk8s-experience=deep\n\nextensibility = platform  # we build one\r\nportability=multi-cloud\nops-team=platform-team\nscale=few\nscale=many\n";
    const { code, out, err } = await cli(["decide", "--format", "json"], piped(stdin));
    expect(code).toBe(0);
    const d = JSON.parse(out) as { recommendation: string; answers: Record<string, string> };
    expect(d.recommendation).toBe("eks");
    expect(d.answers).toMatchObject({ extensibility: "platform", scale: "many" });
    expect(err).toContain("scale is answered more than once (few, many)");
  });

  it("names the stdin line that is not question=option", async () => {
    const stdin = "k8s-experience=deep\nops team small\n";
    const en = await cli(["decide"], piped(stdin));
    expect(en.code).toBe(2);
    expect(en.err).toBe('stdin line 2: expected question=option, got "ops team small".');
    const ja = await cli(["decide", "--lang", "ja"], piped(stdin));
    expect(ja.err).toBe(
      "標準入力の 2 行目: 質問=選択肢 の形で指定してください（指定値: 「ops team small」）。",
    );
  });

  it("reads stdin only without --answer, which may come from a script that leaves stdin open", async () => {
    const readStdin = vi.fn(async () => "scale=huge\n");
    const { code } = await cli(["decide", "--answer", "scale=few"], { readStdin });
    expect(code).toBe(0);
    expect(readStdin).not.toHaveBeenCalled();
  });

  it("says how to give answers (exit 2) when stdin is empty or there is no terminal", async () => {
    for (const extra of [piped(""), piped("# nothing yet\n\n"), {}]) {
      const en = await cli(["decide"], extra);
      expect(en.code).toBe(2);
      expect(en.out).toBe("");
      expect(en.err).toContain("decide needs answers: pass --answer question=option");
      expect(en.err).toContain("pipe lines of question=option to stdin");
      expect(en.err).toContain("ecs-vs-eks decide --help");
      const ja = await cli(["decide", "--lang", "ja"], extra);
      expect(ja.code).toBe(2);
      expect(ja.err).toContain("decide には回答が必要です。--answer 質問=選択肢");
      expect(ja.err).toContain("標準入力にパイプで渡してください");
    }
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

describe("ecs-vs-eks changes", () => {
  it("lists the changes since a date, newest first, marking those still to come", async () => {
    const { code, out, err } = await cli(["changes", "--since", "2026-01-01"]);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out.split("\n")[0]).toMatch(
      /^Platform changes, newest first \(\d+ changes\) · since 2026-01-01$/,
    );
    expect(out).toContain("2027-02-25  End of support · upcoming\n");
    expect(out).toContain("2026-09-30  End of support\n  AWS App Mesh discontinued");
    expect(out).toContain(
      "Source: X-Ray SDK and daemon end of support timeline - AWS X-Ray: https://docs.aws.amazon.com/xray/",
    );
    expect(out.indexOf("2027-02-25")).toBeLessThan(out.indexOf("2026-09-30"));
    expect(out).not.toContain("ECS Express Mode (ecs-express-mode)");
    // What is "upcoming" follows the clock it is given, not today's date.
    const later = await cli(["changes", "--since", "2027-01-01"], {
      now: new Date("2027-03-01T00:00:00Z"),
    });
    expect(later.out).toContain("2027-02-25  End of support\n");
  });

  it("filters by capability, in Japanese", async () => {
    const { code, out } = await cli(["changes", "--capability", "service-mesh", "--lang", "ja"]);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe(
      "プラットフォームの変更履歴（新しい順、2 件） · サービスメッシュ（service-mesh）に関するもの",
    );
    expect(out).toContain("2026-09-30  サポート終了\n  AWS App Mesh の提供終了");
    expect(out).toContain("2024-09-24  非推奨化\n  AWS App Mesh が新規顧客の受け付けを終了");
    expect(out).toContain("影響する機能: サービスメッシュ（service-mesh）");
  });

  it("prints JSON for scripts", async () => {
    const { code, out } = await cli(["changes", "--since", "2025-01-01", "--format", "json"]);
    expect(code).toBe(0);
    const data = JSON.parse(out) as {
      since: string;
      capability: null;
      count: number;
      changes: {
        id: string;
        date: string;
        kind: string;
        kindLabel: string;
        upcoming: boolean;
        capabilities: string[];
        source: { url: string; kind: string };
      }[];
    };
    expect(data.since).toBe("2025-01-01");
    expect(data.capability).toBeNull();
    expect(data.count).toBe(data.changes.length);
    const dates = data.changes.map((c) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.every((d) => d >= "2025-01-01")).toBe(true);
    expect(data.changes.find((c) => c.id === "ecs-express-mode")).toMatchObject({
      date: "2025-11-21",
      kind: "launch",
      kindLabel: "Launch",
      upcoming: false,
      capabilities: expect.arrayContaining(["simple-web-paas"]),
      source: { kind: "primary" },
    });
    expect(data.changes.find((c) => c.id === "eks-pod-identity")).toBeUndefined();
  });

  it("refuses a bad date or an unknown capability with exit code 2, in both languages", async () => {
    const date = await cli(["changes", "--since", "2026-02-30"]);
    expect(date.code).toBe(2);
    expect(date.out).toBe("");
    expect(date.err).toBe(
      'Invalid --since "2026-02-30": write a date as YYYY-MM-DD, e.g. 2025-01-01.',
    );
    const ja = await cli(["changes", "--since", "yesterday", "--lang", "ja"]);
    expect(ja.code).toBe(2);
    expect(ja.err).toBe(
      "--since の値「yesterday」は日付として無効です。2025-01-01 のように YYYY-MM-DD の形で指定してください。",
    );
    const cap = await cli(["changes", "--capability", "app-mesh"]);
    expect(cap.code).toBe(2);
    expect(cap.err).toMatch(/^Unknown capability "app-mesh"\. Valid capabilities: secrets, /);
    expect(cap.err).toContain("service-mesh");
    const capJa = await cli(["changes", "--capability", "app-mesh", "--lang", "ja"]);
    expect(capJa.err).toMatch(/^不明な機能「app-mesh」です。使える機能: secrets, /);
    const format = await cli(["changes", "--format", "markdown"]);
    expect(format.code).toBe(2);
    expect(format.err).toBe('Invalid --format "markdown". Valid: text, json.');
  });

  it("says so when nothing matches, and explains itself with --help", async () => {
    const none = await cli(["changes", "--since", "2030-01-01"]);
    expect(none.code).toBe(0);
    expect(none.out).toContain("(0 changes) · since 2030-01-01\n\nNo changes match.");
    const help = await cli(["changes", "--help", "--lang", "ja"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^使い方:\n {2}ecs-vs-eks changes \[--since YYYY-MM-DD\]/);
    expect(help.out).toContain("--capability ID");
    expect((await cli(["--help"])).out).toContain("ecs-vs-eks changes [--since YYYY-MM-DD]");
  });

  it("lists a capability's recent changes under an ask answer", async () => {
    const { code, out } = await cli(["ask", "service-mesh"]);
    expect(code).toBe(0);
    expect(out).toContain(
      "Recent platform changes:\n  - 2026-09-30  End of support  AWS App Mesh discontinued\n",
    );
    expect(out).toContain("All of them: ecs-vs-eks changes --capability service-mesh");
    const json = JSON.parse((await cli(["ask", "service-mesh", "--json"])).out) as {
      answer: { recentChanges: { id: string }[] };
    };
    expect(json.answer.recentChanges.map((c) => c.id)).toEqual([
      "app-mesh-end-of-support",
      "app-mesh-closed-to-new-customers",
    ]);
  });
});

describe("ecs-vs-eks usage", () => {
  it("prints help with --help and exits 0", async () => {
    const { code, out } = await cli(["--help"]);
    expect(code).toBe(0);
    expect(out).toContain("ecs-vs-eks matrix");
    expect(out).toContain("ecs-vs-eks <command> --help");
  });

  it("prints the usage of matrix and ask with --help, in the chosen language", async () => {
    const matrixHelp = await cli(["matrix", "--help"]);
    expect(matrixHelp.code).toBe(0);
    expect(matrixHelp.out).toMatch(/^Usage:\n {2}ecs-vs-eks matrix \[--lang en\|ja\]/);
    expect(matrixHelp.out).toContain("--format text|markdown|json");
    const ask = await cli(["ask", "--help", "--lang", "ja"]);
    expect(ask.code).toBe(0);
    expect(ask.err).toBe("");
    expect(ask.out).toMatch(
      /^使い方:\n {2}ecs-vs-eks ask "<質問>" \[--lang en\|ja\] \[--format text\|json\]/,
    );
    expect(ask.out).toContain("\n  --json              --format json と同じです\n");
    expect(ask.out).toContain('ecs-vs-eks ask "ECSにCronJobはありますか？"');
  });

  it("lists every question and option of the walkthrough in decide --help, in both languages", async () => {
    for (const lang of ["en", "ja"] as const) {
      const { code, out, err } = await cli(["decide", "-h", "--lang", lang]);
      expect(code).toBe(0);
      expect(err).toBe("");
      // Each line as "first word, one space, the rest", whatever the columns' padding.
      const lines = out.split("\n").map((line) => line.trim().replace(/\s+/, " "));
      for (const question of walkthrough.questions) {
        expect(lines).toContain(`${question.id}: ${question.prompt[lang]}`);
        for (const option of question.options) {
          expect(lines).toContain(`${option.id} ${option.label[lang]}`);
        }
      }
      for (const stage of walkthrough.stages) expect(out).toContain(`\n  ${stage.title[lang]}\n`);
    }
    // How to pass answers, as prose (whatever its line breaks).
    const prose = async (lang: string) =>
      (await cli(["decide", "--help", "--lang", lang])).out.replace(/\s+/g, " ");
    const en = await prose("en");
    expect(en).toContain("piped to stdin (blank lines and # comments are ignored)");
    expect(en).toContain("the last answer to a question wins");
    const ja = await prose("ja");
    expect(ja).toContain(
      "標準入力にパイプで渡した 質問=選択肢 の行を読みます（空行と # のコメントは",
    );
    expect(ja).toContain("同じ質問には最後の回答を使います");
  });

  it("prints the version of package.json with --version", async () => {
    const pkg = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    ) as {
      version: string;
    };
    const { code, out } = await cli(["--version"]);
    expect(code).toBe(0);
    expect(out).toBe(pkg.version);
  });

  it("finds package.json from dist/src/cli, as the built and the npx-installed CLI run", () => {
    const root = mkdtempSync(path.join(tmpdir(), "ecs-vs-eks-pkg-"));
    const cliDir = path.join(root, "dist", "src", "cli");
    mkdirSync(cliDir, { recursive: true });
    writeFileSync(path.join(root, "package.json"), JSON.stringify({ version: "9.8.7" }));
    expect(packageVersion(cliDir)).toBe("9.8.7");
  });

  it("rejects an unknown command with exit 2, naming the valid ones", async () => {
    const { code, err } = await cli(["deploy"]);
    expect(code).toBe(2);
    expect(err).toContain("matrix, ask, decide");
  });
});

describe("ecs-vs-eks on a real process's streams", () => {
  function streams(stdin: Readable & { isTTY?: boolean }) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = "";
    let err = "";
    stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    const exit = vi.fn();
    return { proc: { stdin, stdout, stderr, env: {}, exit }, text: () => ({ out, err }), exit };
  }

  it("reads answers piped to stdin", async () => {
    const { proc, text } = streams(
      Readable.from(["k8s-experience=deep\nops-", "team=platform-team\n"]),
    );
    const code = await run(["decide", "--format", "json"], processIO(proc));
    expect(code).toBe(0);
    expect(JSON.parse(text().out)).toMatchObject({
      answers: { "k8s-experience": "deep", "ops-team": "platform-team" },
    });
  });

  it("stops quietly with exit 0 when the reader of stdout has gone (matrix | head -1)", async () => {
    // A reader that closes its end of the pipe, as `head -1` does when it quits: writing fails with EPIPE.
    const reader = spawn(
      process.execPath,
      ["-e", "require('fs').closeSync(0); console.log('closed'); setTimeout(() => {}, 20000)"],
      { stdio: ["pipe", "pipe", "ignore"] },
    );
    try {
      await once(reader.stdout, "data");
      const { proc, text, exit } = streams(Readable.from([]));
      const io = processIO({ ...proc, stdout: reader.stdin });
      expect(await run(["matrix", "--format", "json"], io)).toBe(0);
      await vi.waitUntil(() => exit.mock.calls.length > 0);
      expect(exit).toHaveBeenCalledWith(0);
      expect(text().err).toBe("");
    } finally {
      reader.kill();
    }
  });
});
