import { describe, expect, it } from "vitest";
import type { CapabilityCard } from "../../src/core/answer/index.js";
import { decide, describeDecision } from "../../src/core/decision/index.js";
import { loadMatrix, type Matrix } from "../../src/core/matrix/index.js";
import { loadWalkthrough } from "../../src/core/walkthrough/index.js";
import { renderAnswer } from "../../src/slack/blocks/answer.js";
import { decisionLine } from "../../src/slack/blocks/history.js";
import { renderHome } from "../../src/slack/blocks/home.js";
import { renderMatrix } from "../../src/slack/blocks/matrix.js";
import { renderSummary } from "../../src/slack/blocks/summary.js";
import { escapeText } from "../../src/slack/escape.js";
import type { StoredDecision } from "../../src/store/index.js";
import { messageProblems, viewProblems } from "../support/block-kit-limits.js";

const long = (n: number) => "Long & <tricky> text. ".repeat(Math.ceil(n / 22)).slice(0, n);

describe("renderers keep Block Kit's limits even for long content", () => {
  it("an answer card with huge texts, many uses, sources and alternatives", () => {
    const side = {
      platform: "P",
      support: "native" as const,
      supportLabel: "Built in",
      mark: "●",
      uses: Array.from({ length: 60 }, (_, i) => `use-${i}`),
      summary: long(9000),
    };
    const card: CapabilityCard = {
      kind: "capability",
      lang: "en",
      id: "x",
      title: long(400),
      category: "Workloads",
      kubernetes: side,
      ecs: side,
      implication: long(7000),
      sources: Array.from({ length: 80 }, (_, i) => ({
        url: `https://example.com/${i}`,
        title: long(120),
        kind: "primary" as const,
      })),
      verified: "2025-01-01",
      ageDays: 700,
      stale: true,
      staleNote: long(300),
      alternatives: Array.from({ length: 30 }, (_, i) => ({ id: `alt-${i}`, title: long(200) })),
    };
    const message = renderAnswer(card, { question: long(5000), shareable: true });
    expect(messageProblems(message as unknown as Record<string, unknown>, "card")).toEqual([]);
    const mrkdwn: string[] = [];
    JSON.stringify(message, (_key, value: unknown) => {
      if (value && typeof value === "object" && (value as { type?: unknown }).type === "mrkdwn") {
        mrkdwn.push(String((value as { text?: unknown }).text));
      }
      return value;
    });
    expect(mrkdwn.join("\n")).not.toContain("<tricky>");
    expect(message.text).not.toContain("<tricky>");
  });

  it("a matrix of 150 capabilities: one table of at most 100 rows; Home tab within 100 blocks", () => {
    const real = loadMatrix();
    const first = real.capabilities[0];
    if (!first) throw new Error("empty matrix");
    const many = Array.from({ length: 150 }, (_, i) => ({ ...first, id: `cap-${i}` }));
    const matrix: Matrix = {
      version: "big",
      capabilities: many,
      byId: new Map(many.map((c) => [c.id, c])),
    };
    const message = renderMatrix(matrix, "ja", { command: "/ecs-vs-eks" });
    expect(messageProblems(message as unknown as Record<string, unknown>, "matrix")).toEqual([]);
    const home = renderHome(matrix, [], "en", { command: "/ecs-vs-eks", botMention: "<@U1>" });
    expect(viewProblems(home as unknown as Record<string, unknown>, "home")).toEqual([]);
  });

  it("a summary in both languages", () => {
    const matrix = loadMatrix();
    const def = loadWalkthrough(undefined, matrix);
    const answers = Object.fromEntries(def.questions.map((q) => [q.id, q.options[0]?.id ?? ""]));
    for (const lang of ["en", "ja"] as const) {
      const view = describeDecision(def, matrix, decide(def, matrix, answers), lang);
      const message = renderSummary(view, {
        title: long(500),
        participants: Array.from({ length: 40 }, (_, i) => `U0PERSON${i}`),
        decisionId: "d".repeat(36),
        threadLink: "https://fake.slack.com/archives/C1/p1",
      });
      expect(
        messageProblems(message as unknown as Record<string, unknown>, `summary ${lang}`),
      ).toEqual([]);
    }
  });

  it("escapeText is the one escaping function", () => {
    expect(escapeText("<!channel> & <@U1>")).toBe("&lt;!channel&gt; &amp; &lt;@U1&gt;");
  });
});

describe("Japanese as Slack shows it", () => {
  // mrkdwn italics around Japanese: Slack slants CJK badly. `_` next to a Japanese letter.
  const JA = "[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー]";
  const ITALIC_JA = new RegExp(`(?:^|[\\s(（:：])_${JA}|${JA}[。:：]?_(?:$|[\\s)）])`, "mu");

  it("has no italic Japanese in an answer card, a question message or a summary", async () => {
    const { createAnswerer } = await import("../../src/core/answer/index.js");
    const { start } = await import("../../src/core/walkthrough/index.js");
    const { renderQuestion } = await import("../../src/slack/blocks/walkthrough.js");
    const matrix = loadMatrix();
    const def = loadWalkthrough(undefined, matrix);
    const answer = createAnswerer(matrix, { clock: () => new Date("2026-11-28T09:00:00Z") }).answer(
      "ECSでシークレット管理はどうする？",
      "ja",
    );
    const card = answer.model;
    expect(card.kind).toBe("capability");
    const texts = [
      JSON.stringify(card.kind === "capability" ? renderAnswer(card, {}) : {}),
      JSON.stringify(
        renderQuestion(def, { id: "s1", title: "基盤の選定", lang: "ja" }, start(def)),
      ),
    ];
    const answers = Object.fromEntries(def.questions.map((q) => [q.id, q.options[0]?.id ?? ""]));
    const view = describeDecision(def, matrix, decide(def, matrix, answers), "ja");
    texts.push(
      JSON.stringify(renderSummary(view, { title: "基盤", participants: [], decisionId: "d1" })),
    );
    for (const text of texts) expect(text.replaceAll("\\n", "\n")).not.toMatch(ITALIC_JA);
    // The rule itself catches the defect it is for.
    expect("\n_回答はまだありません_").toMatch(ITALIC_JA);
  });
});

describe("a decision's line in history", () => {
  const stored = (recommendation: string, summary: unknown): StoredDecision => ({
    id: "d1",
    teamId: "T1",
    channelId: "C1",
    threadTs: "1.1",
    title: "Payments",
    recommendation,
    lang: "en",
    summary,
    recordMarkdown: "",
    participants: ["U1"],
    matrixVersion: "2026-11-29",
    visibility: "public",
    createdAt: new Date("2026-11-28T09:00:00Z"),
    status: "proposed",
    version: 1,
    copies: [],
  });
  const verdict = (kind: string, platform: string | null) => ({ verdict: { kind, platform } });

  it("names what the decision came to, not the store's three-way recommendation", () => {
    const cases: [StoredDecision, string, string][] = [
      [stored("ecs", verdict("platform", "ecs")), "Amazon ECS", "Amazon ECS"],
      [stored("eks", verdict("required", "eks")), "Amazon EKS (required)", "Amazon EKS（必須）"],
      [stored("either", verdict("either", "ecs")), "Either platform", "どちらでも可"],
      [
        stored("either", verdict("neither", "ecs")),
        "Neither fits as asked",
        "いまの条件ではどちらも適しません",
      ],
      [stored("either", verdict("undecided", null)), "No decision yet", "まだ決まっていません"],
      // Saved before decisions kept their verdict: the recommendation column.
      [stored("eks", { recommendation: "eks" }), "Amazon EKS", "Amazon EKS"],
    ];
    for (const [d, en, ja] of cases) {
      expect(decisionLine(d, "en")).toContain(en);
      expect(decisionLine(d, "ja")).toContain(ja);
    }
  });
});
