import { describe, expect, it } from "vitest";
import {
  type AnswerResult,
  capabilityCard,
  createAnswerer,
  suggestions,
} from "../../../src/core/answer/index.js";
import type { Matrix } from "../../../src/core/matrix/index.js";
import { fixtureMatrix } from "./fixture.js";

const matrix: Matrix = fixtureMatrix();
const NOW = new Date("2026-11-28T00:00:00Z");
const answerer = createAnswerer(matrix, { clock: () => NOW });

function idOf(result: AnswerResult): string | null {
  return result.capability?.id ?? null;
}

function expectMatch(question: string, id: string): AnswerResult {
  const result = answerer.answer(question);
  expect(idOf(result), question).toBe(id);
  expect(result.model.kind).toBe("capability");
  // Every answer is more confident than any rejection (those stay below the threshold).
  expect(result.confidence).toBeGreaterThan(0.57);
  return result;
}

function get(id: string) {
  const cap = matrix.byId.get(id);
  if (!cap) throw new Error(`fixture has no ${id}`);
  return cap;
}

describe("matching English questions", () => {
  it.each([
    ["Does ECS have something like Kubernetes Secrets?", "secrets"],
    ["How do I run a cron job on ECS?", "scheduled-jobs"],
    ["Where do I keep env vars for my app?", "config-management"],
    ["Can ECS scale tasks on CPU like an HPA does?", "autoscaling-tasks"],
    ["do we need Istio", "service-mesh"],
    ["restrict pod to pod traffic", "network-policy"],
  ])("%s → %s", (q, id) => {
    expectMatch(q, id);
  });

  it("ignores casing, plurals and spacing of compound words", () => {
    for (const q of ["SECRETS", "secret", "Passwords"]) expectMatch(q, "secrets");
    for (const q of ["cronjob", "cron job", "CronJobs", "cron-job"])
      expectMatch(q, "scheduled-jobs");
    for (const q of ["configmaps", "ConfigMap", "config map"]) expectMatch(q, "config-management");
  });

  it("corrects typos", () => {
    expectMatch("secrests on ecs", "secrets");
    expectMatch("how do I use a cronjbo", "scheduled-jobs");
    expectMatch("confgiuration for my app", "config-management");
  });

  it("knows Kubernetes resource names", () => {
    expectMatch("HPA", "autoscaling-tasks");
    expectMatch("HorizontalPodAutoscaler on ECS?", "autoscaling-tasks");
    expectMatch("NetworkPolicy", "network-policy");
    expectMatch("Is there a ConfigMap?", "config-management");
  });

  it("knows AWS service names", () => {
    expectMatch("Secrets Manager", "secrets");
    expectMatch("EventBridge Scheduler", "scheduled-jobs");
    expectMatch("step functions", "run-to-completion-jobs");
    expectMatch("AppConfig", "config-management");
    expectMatch("Linkerd", "service-mesh");
  });

  it("matches an id typed exactly with top confidence", () => {
    for (const cap of matrix.capabilities) {
      const result = answerer.answer(cap.id);
      expect(idOf(result)).toBe(cap.id);
      expect(result.confidence).toBe(1);
    }
    expect(idOf(answerer.answer("  `run-to-completion-jobs`  "))).toBe("run-to-completion-jobs");
    expect(idOf(answerer.answer("show me control-plane-cost please"))).toBe("control-plane-cost");
  });
});

describe("matching Japanese and mixed questions", () => {
  it.each([
    ["ECSにシークレットを渡すには？", "secrets"],
    ["定期実行したいバッチがある", "scheduled-jobs"],
    ["ECSでJobの成功保証ってどうやる？", "run-to-completion-jobs"],
    ["環境変数はどこで設定する？", "config-management"],
    ["EKSの料金はいくら？", "control-plane-cost"],
    ["サービスメッシュは必要？", "service-mesh"],
    ["ＥＣＳでシークレット管理はどうする？", "secrets"],
    ["ECSでcronしたい", "scheduled-jobs"],
    ["HPAみたいな自動スケールはある？", "autoscaling-tasks"],
  ])("%s → %s", (q, id) => {
    const result = expectMatch(q, id);
    expect(result.lang).toBe("ja");
  });

  it("treats half-width katakana and long-vowel variants alike", () => {
    expectMatch("ｼｰｸﾚｯﾄ", "secrets");
    expectMatch("ネットワークポリシ", "network-policy");
  });
});

describe("off-topic questions", () => {
  it.each([
    "what's for lunch?",
    "今日の天気は？",
    "how do I center a div",
    "who won the game last night",
    "how do I run a container on ECS?",
    "what is AWS",
    "Kubernetes",
    "",
    "???",
  ])("%j gets no capability, but suggestions", (q) => {
    const result = answerer.answer(q);
    expect(result.capability).toBeNull();
    expect(result.model.kind).toBe("no-match");
    if (result.model.kind !== "no-match") return;
    expect(result.model.suggestions.length).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(0.7);
  });

  it("sends the choice itself (「ECSとEKSどっち？」) to the platform choice, not to a capability", () => {
    const result = answerer.answer("ECSとEKSどっち？");
    expect(result.capability).toBeNull();
    expect(result.route).toBe("decide");
    expect(result.model.kind).toBe("platform-choice");
  });

  it("rejects a question sharing only generic words with the matrix", () => {
    const result = answerer.answer(
      "how do I use kubernetes containers to run an app on aws eks ecs",
    );
    expect(result.capability).toBeNull();
  });
});

describe("language", () => {
  it("uses the lang argument, else the question's language, else English", () => {
    expect(answerer.answer("シークレット").lang).toBe("ja");
    expect(answerer.answer("secrets").lang).toBe("en");
    expect(answerer.answer("secrets", "ja").lang).toBe("ja");
    expect(answerer.answer("シークレット", "en").lang).toBe("en");
    expect(answerer.answer("1234").lang).toBe("en");
  });

  it("localizes the model", () => {
    const en = answerer.answer("secrets");
    const ja = answerer.answer("secrets", "ja");
    if (en.model.kind !== "capability" || ja.model.kind !== "capability")
      throw new Error("no card");
    expect(en.model.title).toBe("Secrets");
    expect(ja.model.title).toBe("シークレット管理");
    expect(ja.model.category).toBe("設定とシークレット");
  });
});

describe("alternatives", () => {
  it("lists at most 3 runners-up, never the best, best first", () => {
    for (const q of [
      "cron job or a one-off job with retries and autoscaling of a service mesh",
      "設定情報とシークレットとパスワード",
      "jobs",
      "secrets",
    ]) {
      const result = answerer.answer(q);
      expect(result.alternatives.length).toBeLessThanOrEqual(3);
      for (const alt of result.alternatives) {
        expect(alt.capability.id).not.toBe(result.capability?.id);
        expect(alt.confidence).toBeGreaterThan(0);
        expect(alt.confidence).toBeLessThanOrEqual(result.confidence);
      }
      if (result.model.kind === "capability") {
        expect(result.model.alternatives.map((a) => a.id)).toEqual(
          result.alternatives.map((a) => a.capability.id),
        );
      }
    }
  });

  it("offers the nearest entries when a mixed question is ambiguous", () => {
    const result = answerer.answer("cron job or a one-off job with retries");
    const ids = [idOf(result), ...result.alternatives.map((a) => a.capability.id)];
    expect(ids).toContain("scheduled-jobs");
    expect(ids).toContain("run-to-completion-jobs");
  });
});

describe("capabilityCard", () => {
  it("builds the card in English", () => {
    const card = capabilityCard(matrix, get("secrets"), "en", {
      now: NOW,
      alternatives: [get("config-management"), get("secrets")],
    });
    expect(card).toMatchObject({
      kind: "capability",
      lang: "en",
      id: "secrets",
      title: "Secrets",
      category: "Configuration and secrets",
      kubernetes: {
        platform: "Kubernetes / EKS",
        support: "native",
        supportLabel: "Built in",
        mark: "●",
        summary: "Kubernetes side of secrets.",
      },
      ecs: {
        platform: "Amazon ECS",
        support: "delegated",
        supportLabel: "Via other services",
        mark: "◆",
        uses: ["Secrets Manager", "SSM Parameter Store"],
      },
      implication: "What secrets means for the choice.",
      verified: "2026-10-01",
      ageDays: 58,
      stale: false,
      // the card's own capability is never listed as its alternative
      alternatives: [{ id: "config-management", title: "Application configuration" }],
    });
    expect(card.sources).toEqual([
      { url: "https://example.com/secrets", title: "Docs for secrets", kind: "primary" },
    ]);
    expect(card.staleNote).toBeUndefined();
  });

  it("builds the card in Japanese", () => {
    const card = capabilityCard(matrix, get("network-policy"), "ja", { now: NOW });
    expect(card.title).toBe("ネットワークポリシー");
    expect(card.category).toBe("ネットワーク");
    expect(card.kubernetes.supportLabel).toBe("標準機能");
    expect(card.ecs.supportLabel).toBe("他サービスに委譲");
    expect(card.ecs.summary).toBe("network-policy の ECS 側。");
    expect(card.alternatives).toEqual([]);
  });

  it("adds a localized stale note when verified is older than maxAgeDays", () => {
    const cap = get("control-plane-cost"); // verified 2026-01-02
    const en = capabilityCard(matrix, cap, "en", { now: NOW });
    expect(en.ageDays).toBe(330);
    expect(en.stale).toBe(true);
    expect(en.staleNote).toBe(
      "These facts were last checked on 2026-01-02 (330 days ago); they may be out of date.",
    );
    const ja = capabilityCard(matrix, cap, "ja", { now: NOW });
    expect(ja.staleNote).toContain("2026-01-02");
    expect(ja.staleNote).toContain("330");
    expect(capabilityCard(matrix, cap, "en", { now: NOW, maxAgeDays: 400 }).stale).toBe(false);
    const fresh = capabilityCard(matrix, get("secrets"), "en", { now: NOW, maxAgeDays: 30 });
    expect(fresh.stale).toBe(true);
    expect(fresh.staleNote).toContain("58 days ago");
  });

  it("labels third-party sources, and says so when an entry has no primary source", () => {
    const cap = get("secrets");
    const mixed = {
      ...cap,
      sources: [
        { url: "https://example.com/blog", title: "A blog", kind: "third-party" as const },
        { url: "https://kubernetes.io/docs/x", title: "Kubernetes docs", kind: "primary" as const },
      ],
    };
    const card = capabilityCard(matrix, mixed, "en", { now: NOW });
    expect(card.sources.map((s) => s.label)).toEqual(["third-party", undefined]);
    expect(card.thirdPartyNote).toBeUndefined();
    const only = { ...mixed, sources: mixed.sources.slice(0, 1) };
    expect(capabilityCard(matrix, only, "en", { now: NOW }).thirdPartyNote).toMatch(
      /third-party sources only/,
    );
    expect(capabilityCard(matrix, only, "ja", { now: NOW }).thirdPartyNote).toMatch(/第三者/);
  });

  it("is what answer() returns, with the answerer's options", () => {
    const result = createAnswerer(matrix, { clock: () => NOW, maxAgeDays: 10 }).answer("料金");
    expect(result.model).toMatchObject({
      kind: "capability",
      id: "control-plane-cost",
      stale: true,
    });
  });
});

describe("no-match model and suggestions", () => {
  it("is polite, localized and says what the bot can answer", () => {
    const en = answerer.answer("what's for lunch?");
    const ja = answerer.answer("今日の天気は？");
    if (en.model.kind !== "no-match" || ja.model.kind !== "no-match") throw new Error("matched");
    expect(en.model.lang).toBe("en");
    expect(en.model.message).toMatch(/sorry/i);
    expect(en.model.message).toMatch(/ECS/);
    expect(ja.model.lang).toBe("ja");
    expect(ja.model.message).toMatch(/申し訳/);
    expect(ja.model.suggestions[0]?.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it("suggests a spread of categories, distinct, in the requested language", () => {
    const list = suggestions(matrix, "en", 5);
    expect(list).toHaveLength(5);
    expect(new Set(list.map((s) => s.id)).size).toBe(5);
    const categories = list.map((s) => get(s.id).category);
    expect(new Set(categories).size).toBe(5);
    expect(suggestions(matrix, "ja", 3).map((s) => s.title)).toEqual(
      list.slice(0, 3).map((s) => get(s.id).title.ja),
    );
    expect(suggestions(matrix, "en", 100)).toHaveLength(matrix.capabilities.length);
  });
});
