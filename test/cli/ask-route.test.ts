import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";

async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env,
    now: new Date("2026-11-28T12:00:00Z"),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("ecs-vs-eks ask: the platform choice", () => {
  it("prints the thesis, the three questions, what the question told, and the decide command", async () => {
    const { code, out } = await cli([
      "ask",
      "ecs or eks for a 4 person team with zero kubernetes experience?",
    ]);
    expect(code).toBe(0);
    expect(out).toContain("ECS or EKS: a choice of platform");
    expect(out).toContain("comparing ECS with Kubernetes");
    expect(out).toContain("  1. What system are we building?");
    expect(out).toContain("  - Kubernetes experience: None to speak of (k8s-experience=none)");
    expect(out).toContain(
      "  ecs-vs-eks decide --answer k8s-experience=none --answer ops-team=none",
    );
    expect(out).not.toContain("multi-tenancy");
  });

  it("gives the command that runs: decide with those answers", async () => {
    const asked = await cli(["ask", "we've been on ECS for years, is it time to move to EKS?"]);
    const command = /ecs-vs-eks (decide[^\n]*)/.exec(asked.out)?.[1];
    expect(command).toBe("decide --answer current-platform=ecs");
    const decided = await cli((command as string).split(" "));
    expect(decided.code).toBe(0);
    expect(decided.out).toContain("Amazon ECS");
  });

  it("answers in Japanese and adds --lang when the terminal speaks another language", async () => {
    const { out } = await cli(["ask", "ECSとEKSどっちがいい？"]);
    expect(out).toContain("プラットフォームの選択です");
    expect(out).toContain("  ecs-vs-eks decide --lang ja");
    const same = await cli(["ask", "ECSとEKSどっちがいい？"], { LANG: "ja_JP.UTF-8" });
    expect(same.out).toMatch(/ {2}ecs-vs-eks decide$/m);
  });

  it("adds route and prefill to --json (and --format json), keeping the other fields", async () => {
    const q = "ecs or eks for a 4 person team with zero kubernetes experience?";
    const json = JSON.parse((await cli(["ask", q, "--json"])).out);
    expect(json).toMatchObject({
      route: "decide",
      prefill: { "k8s-experience": "none", "ops-team": "none" },
      command: "ecs-vs-eks decide --answer k8s-experience=none --answer ops-team=none",
      capability: null,
      alternatives: [],
    });
    expect(json.answer.kind).toBe("platform-choice");
    expect(typeof json.confidence).toBe("number");
    expect((await cli(["ask", q, "--format", "json"])).out).toBe(
      (await cli(["ask", q, "--json"])).out,
    );
    const card = JSON.parse((await cli(["ask", "does ECS have CronJobs?", "--json"])).out);
    expect(card).toMatchObject({ route: "capability", prefill: {}, capability: "scheduled-jobs" });
    const none = JSON.parse((await cli(["ask", "what's for lunch?", "--json"])).out);
    expect(none).toMatchObject({ route: "none", prefill: {}, capability: null });
  });

  it("lists both capabilities when a question fits two equally", async () => {
    const { code, out } = await cli(["ask", "how does autoscaling work on each?"]);
    expect(code).toBe(0);
    expect(out).toContain("Did you mean");
    expect(out).toContain("ecs-vs-eks ask autoscaling-tasks");
    expect(out).toContain("ecs-vs-eks ask autoscaling-nodes");
  });
});
