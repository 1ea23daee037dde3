import { describe, expect, it } from "vitest";
import { createAnswerer } from "../../../src/core/answer/index.js";
import { loadMatrix } from "../../../src/core/matrix/index.js";

const answerer = createAnswerer(loadMatrix(), { clock: () => new Date("2026-11-28T00:00:00Z") });

describe("questions that name two capabilities", () => {
  it.each([
    ["secrets vs configmap", ["secrets", "config-management"]],
    ["ConfigMapとSecretの違いは？", ["secrets", "config-management"]],
  ])("a comparison (%s) answers one and offers the other first", (question, ids) => {
    const result = answerer.answer(question);
    const shown = [result.capability?.id, result.alternatives[0]?.capability.id];
    expect(shown.sort()).toEqual([...ids].sort());
  });

  it("a question about two things offers the second as an alternative", () => {
    const result = answerer.answer("secrets and config");
    expect(result.capability?.id).toBe("secrets");
    expect(result.alternatives.map((a) => a.capability.id)).toContain("config-management");
  });
});
