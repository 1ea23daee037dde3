import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createAnswerer } from "../../../src/core/answer/index.js";
import { loadMatrix } from "../../../src/core/matrix/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = path.join(root, "data");

interface Case {
  q: string;
  id: string | null;
}

function readCases(name: string): Case[] {
  return parse(readFileSync(path.join(root, "test/fixtures", name), "utf8")) as Case[];
}

interface Outcome {
  question: string;
  expected: string;
  got: string;
  confidence: number;
  ok: boolean;
}

function run(cases: Case[]) {
  const matrix = loadMatrix(dataDir);
  const answerer = createAnswerer(matrix, { clock: () => new Date("2026-11-28T00:00:00Z") });
  const outcomes: Outcome[] = cases.map(({ q, id }) => {
    const result = answerer.answer(q);
    const got = result.capability?.id ?? null;
    return {
      question: q,
      expected: id ?? "(off-topic)",
      got: got ?? "(no match)",
      confidence: Math.round(result.confidence * 100) / 100,
      ok: got === id,
    };
  });
  const onTopic = cases.filter((c) => c.id !== null);
  const offTopic = cases.filter((c) => c.id === null);
  const onTopicOk = outcomes.filter((o, i) => cases[i]?.id !== null && o.ok).length;
  const offTopicOk = outcomes.filter((o, i) => cases[i]?.id === null && o.ok).length;
  const unknownIds = onTopic
    .filter((c) => c.id !== null && !matrix.byId.has(c.id))
    .map((c) => c.id);
  return {
    outcomes,
    unknownIds,
    accuracy: onTopicOk / onTopic.length,
    rejection: offTopic.length === 0 ? 1 : offTopicOk / offTopic.length,
    summary: {
      "on-topic": `${onTopicOk}/${onTopic.length}`,
      "top-1 accuracy": `${((onTopicOk / onTopic.length) * 100).toFixed(1)}%`,
      "off-topic rejected": `${offTopicOk}/${offTopic.length}`,
    },
  };
}

function report(title: string, r: ReturnType<typeof run>): void {
  console.log(title);
  console.table([r.summary]);
  const misses = r.outcomes.filter((o) => !o.ok);
  if (misses.length > 0) console.table(misses);
}

describe("question answering on data/capabilities.yml", () => {
  it("answers the development set (top-1 accuracy ≥ 95%, every off-topic question rejected)", () => {
    const r = run(readCases("questions.dev.yml"));
    report("Development set", r);
    expect(r.unknownIds).toEqual([]);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(r.outcomes.filter((o) => o.expected === "(off-topic)" && !o.ok)).toEqual([]);
  });

  it("answers the extra set of other phrasings (accuracy ≥ 90%, every off-topic question rejected)", () => {
    const r = run(readCases("questions.extra.yml"));
    report("Extra set", r);
    expect(r.unknownIds).toEqual([]);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.outcomes.filter((o) => o.expected === "(off-topic)" && !o.ok)).toEqual([]);
  });

  it("never answers a wrong capability in either set: misses are rejections, not wrong answers", () => {
    const r = run([...readCases("questions.dev.yml"), ...readCases("questions.extra.yml")]);
    expect(r.outcomes.filter((o) => !o.ok && o.got !== "(no match)")).toEqual([]);
  });

  it("rejects questions that share only generic words with the matrix", () => {
    const answerer = createAnswerer(loadMatrix(dataDir));
    for (const q of [
      "how do I run containers on AWS with ECS or EKS",
      "what is kubernetes",
      "Kubernetes vs ECS",
      "which is better for us, ECS or EKS?",
      "how do I use a container",
      "ECSとEKSどっちがいい？",
      "コンテナを動かしたい",
      "AWSでKubernetesを使う方法",
    ]) {
      expect(answerer.answer(q).capability?.id ?? null, q).toBeNull();
    }
  });

  it("answers every capability's id, English title and Japanese title with itself", () => {
    const matrix = loadMatrix(dataDir);
    const answerer = createAnswerer(matrix);
    const wrong: string[] = [];
    for (const cap of matrix.capabilities) {
      for (const q of [cap.id, cap.title.en, cap.title.ja]) {
        if (answerer.answer(q).capability?.id !== cap.id) wrong.push(`${q} → ${cap.id}`);
      }
      expect(answerer.answer(cap.id).confidence).toBe(1);
    }
    expect(wrong).toEqual([]);
  });
});
