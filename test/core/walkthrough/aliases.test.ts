import { describe, expect, it } from "vitest";
import { readYaml } from "../../../src/core/matrix/load.js";
import {
  answer,
  answersOf,
  applyClick,
  canonicalAnswers,
  canonicalOption,
  parseWalkthrough,
  prefilled,
  reconcile,
  requireOption,
  revisit,
  type SessionState,
  start,
  survivingAnswers,
} from "../../../src/core/walkthrough/index.js";
import { def, T0, T1 } from "./fixture.js";

// workload=ml-gpu was renamed ml-training when GPU inference got an option of its own: stored
// walkthroughs, scripts, old buttons and the route prefill may still say ml-gpu.
describe("old option ids (`was`) keep working", () => {
  it("maps an old id to the current option, and leaves current and unknown ids alone", () => {
    expect(canonicalOption(def, "workload", "ml-gpu")).toBe("ml-training");
    expect(canonicalOption(def, "workload", "ml-training")).toBe("ml-training");
    expect(canonicalOption(def, "workload", "teleport")).toBeUndefined();
    expect(canonicalOption(def, "nope", "ml-gpu")).toBeUndefined();
    expect(requireOption(def, "workload", "ml-gpu").id).toBe("ml-training");
    expect(canonicalAnswers(def, { workload: "ml-gpu", scale: "few", x: "y" })).toEqual({
      workload: "ml-training",
      scale: "few",
      x: "y",
    });
  });

  it("answer() stores the current id", () => {
    const { state } = answer(def, start(def), "workload", "ml-gpu", "U1", T0);
    expect(answersOf(state)).toEqual({ workload: "ml-training" });
  });

  it("prefilled() and revisit() carry an old id over as the current one", () => {
    const state = prefilled(def, { workload: "ml-gpu", portability: "aws-only" }, "U1", T0);
    expect(answersOf(state)).toEqual({ workload: "ml-training", portability: "aws-only" });
    const again = revisit(def, { workload: { option: "ml-gpu", by: "U2", at: T1.toISOString() } });
    expect(again.answers.workload).toEqual({
      option: "ml-training",
      by: "U2",
      at: T1.toISOString(),
    });
  });

  it("reconcile() keeps a stored answer given with an old id, and drops one that is gone", () => {
    const stored: SessionState = {
      v: 1,
      answers: {
        workload: { option: "ml-gpu", by: "U1", at: T0.toISOString() },
        scale: { option: "galactic", by: "U1", at: T0.toISOString() },
      },
      skipped: [],
      current: "scale",
      trail: ["workload"],
    };
    const state = reconcile(def, stored);
    expect(answersOf(state)).toEqual({ workload: "ml-training" });
    expect(survivingAnswers(def, stored.answers)).toEqual({
      workload: { option: "ml-training", by: "U1", at: T0.toISOString() },
    });
  });

  it("applies a click on a button drawn with the old id", () => {
    const state = start(def);
    const outcome = applyClick(
      def,
      state,
      { kind: "option", question: "workload", option: "ml-gpu", by: "U1" },
      T0,
    );
    expect(outcome.kind).toBe("applied");
    if (outcome.kind === "applied")
      expect(outcome.state.answers.workload?.option).toBe("ml-training");
  });

  it("refuses an old id that is also a current id of the same question", () => {
    const raw = structuredClone(
      readYaml(new URL("../../../data/walkthrough.yml", import.meta.url).pathname),
    ) as {
      stages: { questions: { id: string; options: { id: string; was?: string[] }[] }[] }[];
    };
    const workload = raw.stages[0]?.questions.find((q) => q.id === "workload");
    const option = workload?.options.find((o) => o.id === "ml-training");
    if (!option) throw new Error("no ml-training");
    option.was = ["ml-gpu", "web-services"];
    expect(() => parseWalkthrough(raw, "w.yml")).toThrow(
      /question workload option ml-training field was: web-services is already an id/,
    );
  });
});
