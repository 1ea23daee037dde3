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

describe("wrap: bullets and opening punctuation", () => {
  it("hangs continuation lines under the text after the bullet, in both languages", () => {
    const en = wrap(
      `- ${"the quick brown fox jumps over the lazy dog ".repeat(4).trim()}`,
      40,
      "  ",
    );
    const ja = wrap(
      `• ${"ECS に Secret、CronJob、ConfigMap がないのは意図的です。".repeat(3)}`,
      40,
      "  ",
    );
    for (const [text, bullet] of [
      [en, "  - "],
      [ja, "  • "],
    ] as const) {
      const [first, ...rest] = text.split("\n");
      expect(first?.startsWith(bullet)).toBe(true);
      expect(rest.length).toBeGreaterThan(0);
      for (const line of rest) expect(line).toMatch(/^ {4}\S/);
    }
  });

  it("leaves a paragraph without a bullet flush with its indent", () => {
    const lines = wrap("word ".repeat(30).trim(), 30, "  ").split("\n");
    for (const line of lines) expect(line).toMatch(/^ {2}\S/);
  });

  it("never ends a line with Japanese opening punctuation", () => {
    const text = "AWS Secrets Manager の ARN（`valueFrom`）と「値」を対応付けます。".repeat(4);
    for (const width of [20, 21, 22, 23, 24, 30, 41]) {
      const lines = wrap(text, width).split("\n");
      for (const line of lines) expect(line, `width ${width}`).not.toMatch(/[（「]$/);
      expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    }
  });
});
