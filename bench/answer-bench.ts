import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parse } from "yaml";
import { createAnswerer } from "../src/core/answer/index.js";
import { loadMatrix } from "../src/core/matrix/index.js";

export interface AnswerBench {
  questionsPerSecond: number;
  questions: number;
  /** Passes over the question set. */
  passes: number;
  ms: number;
}

/** The questions of test/fixtures/questions.dev.yml. */
export function loadDevQuestions(root: string): string[] {
  const raw: unknown = parse(
    readFileSync(path.join(root, "test", "fixtures", "questions.dev.yml"), "utf8"),
  );
  if (!Array.isArray(raw)) throw new Error("questions.dev.yml: expected a list");
  return raw.flatMap((entry: unknown) => {
    const q =
      typeof entry === "object" && entry !== null ? (entry as { q?: unknown }).q : undefined;
    return typeof q === "string" ? [q] : [];
  });
}

/**
 * answer() in this process: builds the answerer once, then answers the whole question set over and
 * over for about `durationMs` (after a short warm-up), and reports questions per second.
 */
export function benchAnswer(root: string, durationMs: number): AnswerBench {
  const questions = loadDevQuestions(root);
  if (questions.length === 0) throw new Error("questions.dev.yml has no questions");
  const answerer = createAnswerer(loadMatrix(path.join(root, "data")));
  let sink = 0;
  const warmUntil = performance.now() + Math.min(300, durationMs / 4);
  while (performance.now() < warmUntil) {
    for (const q of questions) sink += answerer.answer(q).confidence;
  }
  let passes = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (const q of questions) sink += answerer.answer(q).confidence;
    passes += 1;
    elapsed = performance.now() - started;
  } while (elapsed < durationMs);
  if (Number.isNaN(sink)) throw new Error("answer() returned a NaN confidence");
  const answered = passes * questions.length;
  return {
    questionsPerSecond: (answered * 1000) / elapsed,
    questions: answered,
    passes,
    ms: elapsed,
  };
}
