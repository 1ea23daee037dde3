import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { matchCue, parseCue, prepareText } from "../../../src/core/answer/cue.js";
import { createAnswerer } from "../../../src/core/answer/index.js";
import { MAX_ANALYSED_CHARS } from "../../../src/core/answer/matcher.js";
import {
  compileCues,
  findPrefill,
  labelCues,
  prefillAnswers,
} from "../../../src/core/answer/prefill.js";
import { loadChanges } from "../../../src/core/changes/index.js";
import { loadMatrix } from "../../../src/core/matrix/index.js";
import {
  loadWalkthrough,
  parseWalkthrough,
  prefilled,
  type WalkthroughDef,
} from "../../../src/core/walkthrough/index.js";

const matrix = loadMatrix("data");
const def = loadWalkthrough("data", matrix);
const answerer = createAnswerer(matrix, {
  clock: () => new Date("2026-11-28T00:00:00Z"),
  walkthrough: def,
  changes: loadChanges("data", matrix),
});
const matches = (cue: string, text: string) => matchCue(prepareText(text), parseCue(cue)) !== null;

describe("cues", () => {
  it("read alternatives, joined words, prefixes, inflections, gaps and numbers", () => {
    expect(matches("no|zero … kubernetes|k8s … experience", "zero k8s experience")).toBe(true);
    expect(matches("all+in … aws", "we're all-in on AWS")).toBe(true);
    expect(matches("experienc*", "experienced")).toBe(true);
    expect(matches("service", "three services")).toBe(true);
    expect(matches("api", "rapid")).toBe(false);
    expect(matches("#1-8 person|people", "a 4-person team")).toBe(true);
    expect(matches("#1-8 person|people", "two people")).toBe(true);
    expect(matches("#1-8 person|people", "30 people")).toBe(false);
    expect(matches("#1-8 person|people", "ec2 people")).toBe(false);
    expect(matches("#1-8 人", "開発者三人")).toBe(true);
  });

  it("are dropped when the text negates them, unless they say no themselves", () => {
    expect(matches("platform+team", "we don't have a platform team")).toBe(false);
    expect(matches("platform+team", "our platform team owns it")).toBe(true);
    expect(matches("本番 … kubernetes … 運用", "本番でKubernetesを運用したことはない")).toBe(false);
    expect(matches("no … ops+team", "we have no ops team")).toBe(true);
    // A gap does not cross a sentence nor carry a negation.
    expect(matches("kubernetes … production", "kubernetes. in production")).toBe(false);
    expect(matches("run … kubernetes", "run anything but not kubernetes")).toBe(false);
    // 「しかいません」 is "only", not "nobody".
    expect(matches("担当 … いません", "インフラ担当が1人しかいません")).toBe(false);
  });

  it("are checked when the data is loaded", () => {
    expect(() => parseCue("… kubernetes")).toThrow(/start and end with words/);
    expect(() => parseCue("a||b")).toThrow(/empty alternative/);
    expect(() => parseCue("数百|#100-200")).toThrow(/slot of its own/);
    const raw = parse(readFileSync("data/walkthrough.yml", "utf8"));
    raw.stages[0].questions[0].options[0].cues = { en: ["web … "] };
    expect(() => parseWalkthrough(raw, "walkthrough.yml", matrix)).toThrow(/must be a cue/);
  });

  it("take a new option's label when the data gives it none, never a platform's name", () => {
    const option = def.byId.get("scale")?.options.find((o) => o.id === "huge");
    if (!option) throw new Error("no scale=huge");
    const { cues: _, ...bare } = option;
    expect(labelCues(bare)).toEqual(
      expect.arrayContaining(["hundreds of services", "large fleet"]),
    );
    const ecs = def.byId.get("current-platform")?.options.find((o) => o.id === "ecs");
    if (!ecs) throw new Error("no current-platform=ecs");
    const { cues: __, ...bareEcs } = ecs;
    expect(labelCues(bareEcs)).toEqual([]);
  });
});

describe("what a question gives away", () => {
  const prefill = (q: string) => prefillAnswers(findPrefill(def, compileCues(def), q));

  it.each([
    [
      "ecs or eks for a 4 person team with zero kubernetes experience?",
      { "k8s-experience": "none", "ops-team": "none" },
    ],
    ["we're all in on AWS, ECS or EKS?", { "aws-integration": "deep", portability: "aws-only" }],
    ["we might go multi-cloud, should we use EKS?", { portability: "multi-cloud" }],
    ["we've been on ECS for years, EKS?", { "current-platform": "ecs" }],
    ["our platform team runs the clusters", { "ops-team": "platform-team" }],
    ["we mostly run nightly batch", { workload: "batch-jobs" }],
    ["hundreds of microservices", { scale: "huge" }],
    ["うちのチームはKubernetesの経験がほとんどありません", { "k8s-experience": "none" }],
    ["全面的にAWSに寄せる方針です", { "aws-integration": "deep" }],
    ["SREチームは2人です", { "ops-team": "small" }],
  ])("%s", (q, expected) => {
    expect(prefill(q)).toEqual(expected);
  });

  it("names only questions and options the walkthrough has", () => {
    for (const entry of compileCues(def)) {
      expect(def.byId.get(entry.questionId)?.options.some((o) => o.id === entry.optionId)).toBe(
        true,
      );
    }
  });

  it("works for a new option from its label alone, with no code", () => {
    const raw = parse(readFileSync("data/walkthrough.yml", "utf8"));
    raw.stages[0].questions[0].options.push({
      id: "streaming",
      label: { en: "Real-time streaming and WebSockets", ja: "リアルタイム配信・WebSocket" },
      lean: "neutral",
      weight: 0,
      why: { en: "Both fit.", ja: "どちらでも対応できます。" },
      capabilities: [],
    });
    const extended: WalkthroughDef = parseWalkthrough(raw, "walkthrough.yml", matrix);
    const found = findPrefill(
      extended,
      compileCues(extended),
      "our product is real-time streaming to browsers; ECS or EKS?",
    );
    expect(prefillAnswers(found)).toEqual({ workload: "streaming" });
  });
});

describe("routing", () => {
  it.each([
    ["should we use ECS or EKS?", "decide"],
    ["ECSとEKSどっちがいい？", "decide"],
    ["ecs or eks for a 4 person team with zero kubernetes experience?", "decide"],
    ["what's the difference between ECS and EKS", "decide"],
    ["ECS vs EKS for cron jobs?", "capability"],
    ["how painful are eks upgrades? heard you have to do it every 14 months", "capability"],
    ["app runner is going away right? what's the replacement", "capability"],
    ["App Mesh is being discontinued, what do we migrate to?", "capability"],
    ["how do I migrate from ECS to EKS?", "capability"],
    ["what's for lunch?", "none"],
  ])("%s → %s", (q, route) => {
    expect(answerer.answer(q).route).toBe(route);
  });

  it("answers the capability a generic word would otherwise outweigh, or the event's capability", () => {
    expect(
      answerer.answer("how painful are eks upgrades? heard you have to do it every 14 months")
        .capability?.id,
    ).toBe("upgrade-burden");
    expect(
      answerer.answer("app runner is going away right? what's the replacement").capability?.id,
    ).toBe("simple-web-paas");
    expect(
      answerer.answer("App Mesh is being discontinued, what do we migrate to?").capability?.id,
    ).toBe("service-mesh");
    expect(answerer.answer("ecs or eks for a 4 person team").capability).toBeNull();
  });

  it("gives the platform choice the thesis, the three questions and what the question told", () => {
    const result = answerer.answer(
      "ecs or eks for a 4 person team with zero kubernetes experience?",
    );
    expect(result.prefill).toEqual({ "k8s-experience": "none", "ops-team": "none" });
    const model = result.model;
    if (model.kind !== "platform-choice") throw new Error(model.kind);
    expect(model.thesis).toContain("comparing ECS with Kubernetes");
    expect(model.thesis).toMatch(
      /Secrets Manager, EventBridge Scheduler, Step Functions and Parameter Store/,
    );
    expect(model.stages.map((s) => s.title)).toEqual([
      "What system are we building?",
      "How do we want to build it?",
      "How do we want to run it?",
    ]);
    expect(model.known.map((k) => `${k.topic}: ${k.answer}`)).toEqual([
      "Kubernetes experience: None to speak of",
      "Operations team: No dedicated ops; developers run it",
    ]);
    const ja = answerer.answer("ECSとEKSどっちがいい？").model;
    if (ja.kind !== "platform-choice") throw new Error(ja.kind);
    expect(ja.thesis).toContain("ECS と Kubernetes の比較です");
    expect(ja.wayIn).toMatch(/ます。$/);
  });

  it("asks which of two was meant when a question fits both equally, both one click away", () => {
    const result = answerer.answer("how does autoscaling work on each?");
    expect(result.route).toBe("none");
    if (result.model.kind !== "no-match") throw new Error(result.model.kind);
    expect(result.model.didYouMean?.map((c) => c.id).sort()).toEqual([
      "autoscaling-nodes",
      "autoscaling-tasks",
    ]);
    expect(result.model.suggestions.map((c) => c.id).sort()).toEqual([
      "autoscaling-nodes",
      "autoscaling-tasks",
    ]);
    expect(result.model.message).toContain("Did you mean");
  });

  it("reads only the start of a long message, for the route and the prefill alike", () => {
    const question = "should we use ECS or EKS? we have zero kubernetes experience. ";
    const filler = "platform team hundreds of services on-prem ".repeat(2_000);
    const long = answerer.answer(question + "x".repeat(MAX_ANALYSED_CHARS) + filler);
    expect(long.route).toBe("decide");
    expect(long.prefill).toEqual({ "k8s-experience": "none" });
    // Thousands of cue words inside the analysed part still give one answer per question.
    const dense = answerer.answer(`ECS or EKS? ${"no ops team 3 people ".repeat(500)}`);
    expect(dense.route).toBe("decide");
    expect(dense.prefill).toEqual({ "ops-team": "none" });
  });
});

describe("a walkthrough started from what a question told", () => {
  const at = new Date("2026-11-28T10:00:00Z");

  it("credits each answer to the asker, drops what the walkthrough lacks, opens at the first open question", () => {
    const state = prefilled(
      def,
      { "k8s-experience": "none", "no-such-question": "x", scale: "no-such-option" },
      "U0ASKER01",
      at,
    );
    expect(state.answers).toEqual({
      "k8s-experience": { option: "none", by: "U0ASKER01", at: at.toISOString() },
    });
    expect(state.current).toBe(def.questions[0]?.id);
  });

  it("opens at the first question not given when the first ones are", () => {
    const state = prefilled(def, { workload: "web-services", scale: "few" }, "U0ASKER01", at);
    expect(state.current).toBe(def.questions[2]?.id);
  });
});
