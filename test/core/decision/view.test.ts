import { describe, expect, it } from "vitest";
import { type DecisionView, decide, describeDecision } from "../../../src/core/decision/index.js";
import type { Lang } from "../../../src/core/i18n/lang.js";
import { loadWalkthrough } from "../../../src/core/walkthrough/index.js";
import { DATA_DIR, PULLED_BOTH_WAYS } from "../../support/essay-cases.js";
import { fixtureMatrix } from "../../support/fixture-matrix.js";

const matrix = fixtureMatrix();
const def = loadWalkthrough(DATA_DIR, matrix);
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function view(answers: Record<string, string>, lang: Lang): DecisionView {
  return describeDecision(def, matrix, decide(def, matrix, answers), lang);
}

/** Every string in the view. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("describeDecision", () => {
  it("writes the headline for each strength in both languages", () => {
    expect(view({ "k8s-experience": "none" }, "en").headline).toBe(
      "Recommendation: Amazon ECS (clear lean)",
    );
    expect(view({ "k8s-experience": "none" }, "ja").headline).toBe("推奨: Amazon ECS（明確）");
    const strong = { extensibility: "platform", "k8s-experience": "deep", portability: "hybrid" };
    expect(view(strong, "en").headline).toBe("Recommendation: Amazon EKS (strong lean)");
    expect(view(strong, "ja").headline).toBe("推奨: Amazon EKS（強い）");
    expect(view(PULLED_BOTH_WAYS, "en").headline).toBe(
      "Recommendation: either (slight lean to Amazon EKS)",
    );
    expect(view(PULLED_BOTH_WAYS, "ja").headline).toBe(
      "推奨: どちらでも可（やや Amazon EKS 寄り）",
    );
    expect(view({}, "en").headline).toBe("Recommendation: either (evenly balanced)");
    expect(view({}, "ja").headline).toBe("推奨: どちらでも可（拮抗）");
  });

  it("shows the scores and each reason with prompt, answer, lean, why and capability titles", () => {
    const v = view({ "aws-integration": "deep", portability: "multi-cloud" }, "en");
    expect(v.scores).toEqual({
      ecs: 3,
      eks: 3,
      line: "Score: Amazon ECS 3 · Amazon EKS 3 (2 of 11 questions answered)",
    });
    expect(v.reasons.stages.map((s) => s.title)).toEqual([
      "What system are we building?",
      "How do we want to build it?",
    ]);
    const item = v.reasons.stages[1]?.items[0];
    const q = def.byId.get("aws-integration");
    expect(item).toMatchObject({
      question: "aws-integration",
      option: "deep",
      prompt: q?.prompt.en,
      answer: q?.options.find((o) => o.id === "deep")?.label.en,
      lean: "ecs",
      leanLabel: "Leans to Amazon ECS (+3)",
      why: q?.options.find((o) => o.id === "deep")?.why.en,
    });
    expect(item?.capabilities).toEqual([
      "Secrets",
      "Configuration",
      "Scheduled jobs",
      "IAM per workload",
      "Logging",
    ]);
    expect(item?.capabilitiesLine).toBe(
      "Touches: Secrets, Configuration, Scheduled jobs, IAM per workload, Logging",
    );
    const ja = view({ "aws-integration": "deep" }, "ja").reasons.stages[0]?.items[0];
    expect(ja?.leanLabel).toBe("Amazon ECS 寄り（+3）");
    expect(ja?.capabilitiesLine).toBe(
      "関連する機能: シークレット、設定管理、定期実行ジョブ、ワークロード単位の IAM、ログ",
    );
  });

  it("writes flips as sentences, for answered and unanswered questions", () => {
    const en = view(PULLED_BOTH_WAYS, "en");
    const sentences = en.flips.items.map((f) => f.sentence);
    expect(sentences).toContain(
      "If the operations team were “A platform team that owns the cluster” instead of “A small ops or SRE team”, the recommendation would be Amazon EKS.",
    );
    expect(sentences).toContain(
      "If portability were “Several clouds” instead of “AWS only”, the recommendation would be Amazon EKS.",
    );
    expect(sentences).toContain(
      "If you answered “GitOps (Argo CD, Flux)” for delivery, the recommendation would be Amazon EKS.",
    );
    const ja = view(PULLED_BOTH_WAYS, "ja").flips.items.map((f) => f.sentence);
    expect(ja).toContain(
      "運用体制が「小規模な運用・SRE チーム」ではなく「クラスターを担うプラットフォームチーム」なら、推奨は「Amazon EKS」に変わります。",
    );
    expect(ja).toContain(
      "デリバリーに「GitOps（Argo CD、Flux）」と答えると、推奨は「Amazon EKS」に変わります。",
    );
    // A flip to "either" names its lean.
    const strongEcs = view({ "k8s-experience": "none", "ops-team": "none" }, "en");
    expect(strongEcs.flips.items.map((f) => f.sentence)).toContain(
      "If Kubernetes experience were “Deep (has run clusters in production)” instead of “None to speak of”, the recommendation would be either, evenly balanced.",
    );
  });

  it("lists what you will need and the unanswered questions", () => {
    const v = view({ "aws-integration": "deep" }, "en");
    expect(v.needs.title).toBe("What you will need");
    expect(v.needs.ecs.items).toContain("Secrets Manager");
    expect(v.needs.eks.items).toContain("CronJob");
    expect(v.unanswered.items).toHaveLength(def.questions.length - 1);
    expect(v.unanswered.items[0]).toBe(def.questions[0]?.prompt.en);
    expect(v.versions).toBe(`Capability matrix fixture-1 · walkthrough ${def.version}`);
  });

  it("handles no answers: no reasons, every question unanswered, a hint instead of a summary", () => {
    const v = view({}, "en");
    expect(v.reasons.stages).toEqual([]);
    expect(v.summary).toBe("No answers yet: answer the questions to get a recommendation.");
    expect(v.unanswered.items).toEqual(def.questions.map((q) => q.prompt.en));
    expect(v.needs.ecs.items).toEqual([]);
  });

  it("is fully localized: no English UI text in Japanese, no Japanese in English", () => {
    const answers = { ...PULLED_BOTH_WAYS, workload: "mixed", "cost-model": "balanced" };
    const en = strings(view(answers, "en"));
    const ja = view(answers, "ja");
    expect(en.filter((s) => JAPANESE.test(s))).toEqual([]);
    expect(en.join("\n")).not.toMatch(/undefined|\[object/);
    const jaText = [
      ja.headline,
      ja.summary,
      ja.scores.line,
      ja.reasons.title,
      ja.flips.title,
      ja.flips.none,
      ja.needs.title,
      ja.needs.ecs.title,
      ja.needs.eks.title,
      ja.unanswered.title,
      ja.versions,
      ...ja.flips.items.map((f) => f.sentence),
      ...ja.unanswered.items,
      ...ja.reasons.stages.flatMap((s) => [
        s.title,
        ...s.items.flatMap((i) => [i.prompt, i.answer, i.leanLabel, i.why, i.capabilitiesLine]),
      ]),
    ];
    for (const s of jaText) expect(s, s).toMatch(JAPANESE);
    expect(strings(ja).join("\n")).not.toMatch(/Recommendation|Leans to|Touches|undefined/);
  });
});
