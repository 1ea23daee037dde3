import { describe, expect, it } from "vitest";
import { wrap } from "../../src/cli/table.js";

describe("wrap", () => {
  it("never starts a line with Japanese closing punctuation", () => {
    const text = "ECS に Secret、CronJob、Job、ConfigMap がないのは意図的です。".repeat(4);
    for (const width of [20, 21, 22, 23, 24, 30, 41]) {
      const lines = wrap(text, width).split("\n");
      for (const line of lines) expect(line, `width ${width}`).not.toMatch(/^[、。]/);
      expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    }
  });
});
