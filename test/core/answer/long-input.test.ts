import { describe, expect, it } from "vitest";
import { createAnswerer } from "../../../src/core/answer/index.js";
import { MAX_ANALYSED_CHARS } from "../../../src/core/answer/matcher.js";
import { loadMatrix } from "../../../src/core/matrix/index.js";

const answerer = createAnswerer(loadMatrix(), { clock: () => new Date("2026-11-28T00:00:00Z") });

// Slack allows 40,000 characters in a message. The benchmark measures that they cost no more than a
// short question; here, what a user sees.
describe("long messages", () => {
  it("answers a question followed by a pasted blob from the question alone", () => {
    const question = "does ECS have CronJobs? here is our log:";
    const blob = ` ${"x".repeat(39_000)} ${"secret config ".repeat(100)}`;
    const result = answerer.answer(question + blob);
    expect(result.capability?.id).toBe("scheduled-jobs");
    expect(MAX_ANALYSED_CHARS).toBeLessThan(question.length + blob.length);
  });

  it("declines one unbroken 40,000-character word, or a run of spaces, without an answer", () => {
    expect(answerer.answer("a".repeat(40_000)).capability).toBeNull();
    expect(answerer.answer(`zz${" ".repeat(40_000)}zz`).capability).toBeNull();
  });

  it("still finds a capability id written as a word, with punctuation around it", () => {
    expect(answerer.answer("`network-policy`?").capability?.id).toBe("network-policy");
    expect(answerer.answer("tell me about -scheduled-jobs- please").capability?.id).toBe(
      "scheduled-jobs",
    );
  });
});
