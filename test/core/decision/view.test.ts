import { describe, expect, it } from "vitest";
import { type DecisionView, decide, describeDecision } from "../../../src/core/decision/index.js";
import type { Lang } from "../../../src/core/i18n/lang.js";
import { loadMatrix } from "../../../src/core/matrix/load.js";
import { loadWalkthrough } from "../../../src/core/walkthrough/index.js";
import { AWS_AS_PLATFORM, DATA_DIR, PULLED_BOTH_WAYS } from "../../support/essay-cases.js";

const matrix = loadMatrix(DATA_DIR);
const def = loadWalkthrough(DATA_DIR, matrix);
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const KUBEFLOW = { ...AWS_AS_PLATFORM, "required-software": "k8s-only" };
const STORES = { ...AWS_AS_PLATFORM, portability: "disconnected" };

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
  it("writes the headline for each verdict in both languages", () => {
    expect(view(AWS_AS_PLATFORM, "en").headline).toBe("Recommendation: Amazon ECS (strong lean)");
    expect(view(AWS_AS_PLATFORM, "ja").headline).toBe("Amazon ECS を推奨（明確）");
    expect(view(PULLED_BOTH_WAYS, "en").headline).toBe(
      "Recommendation: either (slight lean to Amazon EKS)",
    );
    expect(view(PULLED_BOTH_WAYS, "ja").headline).toBe("どちらでも可（僅差で Amazon EKS 寄り）");
    expect(view(KUBEFLOW, "en").headline).toBe("Recommendation: Amazon EKS (required)");
    expect(view(KUBEFLOW, "ja").headline).toBe("Amazon EKS が必須");
    expect(view(STORES, "en").headline).toBe(
      "Recommendation: neither Amazon ECS nor Amazon EKS fits as asked",
    );
    expect(view(STORES, "ja").headline).toBe(
      "いまの条件では Amazon ECS も Amazon EKS も適しません",
    );
    const total = def.questions.length;
    expect(view({ "k8s-experience": "none" }, "en").headline).toBe(
      `No decision yet (1 of ${total} questions answered)`,
    );
    expect(view({ "k8s-experience": "none" }, "ja").headline).toBe(
      `まだ決められません（${total} 問中 1 問に回答）`,
    );
  });

  it("says why a hard constraint decides, with the matrix source behind it", () => {
    const en = view(KUBEFLOW, "en");
    expect(en.summary).toContain("only Amazon EKS can run what you must run");
    expect(en.summary).toContain("The other answers lean to Amazon ECS");
    expect(en.must.items).toHaveLength(1);
    expect(en.must.items[0]?.because).toContain("Kubeflow");
    expect(en.must.items[0]?.fact).toContain("https://github.com/kubeflow/kubeflow");
    expect(en.must.items[0]?.fact).toContain(`checked ${matrix.byId.get("gpu-ml")?.verified}`);
    const stores = view(STORES, "en");
    expect(stores.summary).toContain("Amazon EKS Anywhere");
    expect(stores.summary).toContain(
      "Without that constraint, the answers would lean to Amazon ECS.",
    );
    expect(stores.must.items[0]?.fact).toContain("hybrid-nodes-overview");
    expect(stores.capacity).toBeNull();
    expect(stores.needs.stages).toEqual([]);
    expect(stores.needs.none).toContain("Amazon EKS Anywhere");
    expect(view(STORES, "ja").needs.none).toContain("Amazon EKS Anywhere");
  });

  it("names the capacity option with its why and fee", () => {
    const v = view(AWS_AS_PLATFORM, "en");
    expect(v.capacity?.choice).toMatchObject({
      id: "fargate",
      platform: "ecs",
      name: "AWS Fargate",
    });
    expect(v.capacity?.choice.fee).toContain("no control-plane charge");
    const eks = view(KUBEFLOW, "en").capacity?.choice;
    expect(eks?.name).toBe("Amazon EKS Auto Mode");
    expect(eks?.fee).toContain("$0.10 per cluster-hour");
    expect(view(KUBEFLOW, "ja").capacity?.choice.fee).toMatch(/\$0\.10.*。$/);
  });

  it("groups what you will need by stage, each item with one line of why", () => {
    const v = view(AWS_AS_PLATFORM, "en");
    expect(v.needs.title).toBe("What you will need with Amazon ECS");
    expect(v.needs.platform).toBe("ecs");
    const items = v.needs.stages.flatMap((s) => s.items);
    expect(items.length).toBe(v.needs.count);
    expect(items.map((i) => i.name)).toContain("AWS Secrets Manager");
    for (const item of items) {
      expect(item.line).toBe(`${item.name}: ${item.why}`);
      expect(item.why).not.toContain("\n");
    }
    expect(v.needs.stages.map((s) => s.title)).toEqual(
      def.stages.filter((s) => v.needs.stages.some((x) => x.stage === s.id)).map((s) => s.title.en),
    );
  });

  it("writes flips as full sentences", () => {
    const en = view(PULLED_BOTH_WAYS, "en").flips.items.map((f) => f.sentence);
    expect(en).toContain(
      "If Kubernetes experience were “None to speak of” instead of “Deep (has run clusters in production)”, the recommendation would be Amazon ECS.",
    );
    const ecs = view(AWS_AS_PLATFORM, "en").flips.items.map((f) => f.sentence);
    expect(ecs[0]).toBe(
      "If you had to run software that exists only for Kubernetes, such as Kubeflow or a vendor operator, Amazon EKS would be required.",
    );
    expect(view(AWS_AS_PLATFORM, "ja").flips.items[0]?.sentence).toBe(
      "Kubeflow やベンダーのオペレーターのように Kubernetes 向けにしかないソフトウェアを動かす必要があるなら、Amazon EKS が必須になります。",
    );
    expect(view(KUBEFLOW, "en").flips.items[0]?.sentence).toBe(
      "If the software you must run were not “Software that exists only for Kubernetes (Kubeflow, a vendor operator)”, the recommendation would be Amazon ECS.",
    );
    expect(view(KUBEFLOW, "ja").flips.items[0]?.sentence).toBe(
      "動かす必要のあるソフトウェアが「Kubernetes 向けにしかないソフトウェア（Kubeflow、ベンダーのオペレーター）」でなければ、推奨は「Amazon ECS」に変わります。",
    );
    // Still undecided, a change moves only the lean.
    const early = view({ "k8s-experience": "none", scale: "few" }, "en").flips.items.map(
      (f) => f.sentence,
    );
    expect(early).toContain(
      "If Kubernetes experience were “Deep (has run clusters in production)” instead of “None to speak of”, the answers would lean to Amazon EKS.",
    );
    for (const s of [...en, ...ecs, ...early]) expect(s).toMatch(/^If .*\.$/);
  });

  it("says so when no single answer would change the lean", () => {
    const strong = {
      ...AWS_AS_PLATFORM,
      workload: "web-services",
      scale: "few",
      "cost-model": "minimize-fixed",
      "upgrade-tolerance": "low",
      delivery: "aws-iac",
      "required-software": "managed-data",
    };
    const v = view(strong, "en");
    expect(v.flips.items.map((f) => f.kind)).not.toContain("score");
    const none = view({ ...strong, "required-software": "k8s-only" }, "en");
    expect(none.flips.items.every((f) => f.question === "required-software")).toBe(true);
    expect(view({}, "en").flips.none).toBe(
      "No single answer, changed alone, would move the decision to the other platform or to an even call.",
    );
  });

  it("frames the result as staying or migrating for a team on ECS or EKS", () => {
    expect(view({ ...AWS_AS_PLATFORM, "current-platform": "ecs" }, "en").summary).toContain(
      "You already run Amazon ECS, so this means staying on it.",
    );
    expect(view({ ...AWS_AS_PLATFORM, "current-platform": "eks" }, "en").summary).toContain(
      "You run Amazon EKS today, so this means migrating to Amazon ECS, one service at a time.",
    );
    expect(view({ ...AWS_AS_PLATFORM, "current-platform": "ecs" }, "ja").summary).toContain(
      "すでに Amazon ECS を使っているので、このまま使い続けることになります。",
    );
  });

  it("labels hard constraints and answers counted elsewhere", () => {
    const reasons = view(
      { ...KUBEFLOW, portability: "multi-cloud", "aws-integration": "avoid-lock-in" },
      "en",
    ).reasons.stages.flatMap((s) => s.items);
    expect(reasons.find((r) => r.question === "required-software")?.leanLabel).toBe(
      "Requires Amazon EKS",
    );
    expect(reasons.find((r) => r.question === "aws-integration")?.leanLabel).toBe(
      "Leans to Amazon EKS (already counted with another answer)",
    );
  });

  it("handles no answers: no reasons, every question unanswered, a hint instead of a summary", () => {
    const v = view({}, "en");
    expect(v.reasons.stages).toEqual([]);
    expect(v.summary).toBe("No answers yet: answer the questions to get a recommendation.");
    expect(v.unanswered.items).toEqual(def.questions.map((q) => q.prompt.en));
    expect(v.needs.stages).toEqual([]);
    expect(v.versions).toBe(`Capability matrix ${matrix.version} · walkthrough ${def.version}`);
  });

  it("is fully localized: no English UI text in Japanese, no Japanese in English", () => {
    for (const answers of [PULLED_BOTH_WAYS, KUBEFLOW, STORES, { scale: "few" }]) {
      const en = strings(view(answers, "en"));
      expect(en.filter((s) => JAPANESE.test(s))).toEqual([]);
      expect(en.join("\n")).not.toMatch(/undefined|\[object/);
      const ja = view(answers, "ja");
      const jaText = [
        ja.headline,
        ja.summary,
        ja.scores.line,
        ja.must.title,
        ...ja.must.items.flatMap((m) => [m.because, m.fact ?? "出典なし"]),
        ja.capacity?.choice.why ?? "なし",
        ja.capacity?.choice.fee ?? "なし",
        ja.needs.title,
        ja.needs.none,
        ...ja.needs.stages.flatMap((s) => [s.title, ...s.items.map((i) => i.why)]),
        ja.flips.title,
        ja.flips.none,
        ...ja.flips.items.map((f) => f.sentence),
        ja.versions,
      ];
      for (const s of jaText) expect(s, s).toMatch(JAPANESE);
      expect(strings(ja).join("\n")).not.toMatch(
        /Recommendation|Leans to|Touches|What you will need|undefined|fits as asked/,
      );
    }
  });
});
