import { describe, expect, it } from "vitest";
import { recordFileName } from "../../../src/core/record/index.js";

describe("recordFileName", () => {
  const createdAt = new Date("2026-11-28T09:00:00Z");

  it("is the date, the title's slug and the decision id's first 8 characters", () => {
    expect(
      recordFileName({
        title: "Payments & Co",
        createdAt,
        id: "3FF6C9A1-0000-4000-8000-000000000000",
      }),
    ).toBe("2026-11-28-payments-co-3ff6c9a1.md");
    expect(recordFileName({ title: "決済基盤", createdAt, id: "0a1b2c3d-e" })).toBe(
      "2026-11-28-決済基盤-0a1b2c3d.md",
    );
  });

  it("two decisions of one day with one title never share a name", () => {
    const a = recordFileName({ title: "ECS or EKS?", createdAt, id: "aaaaaaaa-1" });
    const b = recordFileName({ title: "ECS or EKS?", createdAt, id: "bbbbbbbb-1" });
    expect(a).not.toBe(b);
  });

  it("a title with nothing usable falls back to the id alone", () => {
    expect(recordFileName({ title: "!!!", createdAt, id: "abcdef12-34" })).toBe(
      "2026-11-28-decision-abcdef12.md",
    );
  });
});
