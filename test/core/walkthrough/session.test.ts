import { describe, expect, it } from "vitest";
import {
  type AnswerEntry,
  answer,
  answersOf,
  back,
  currentQuestion,
  finish,
  isFinished,
  jump,
  prefilled,
  progress,
  reconcile,
  restart,
  revisit,
  type SessionState,
  sessionStateSchema,
  skip,
  start,
  WalkthroughError,
} from "../../../src/core/walkthrough/index.js";
import { def, ids, T0, T1 } from "./fixture.js";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof WalkthroughError) return err.code;
    throw err;
  }
  return "no error";
}

/** An earlier answer, as a revisit carries it. */
function given(option: string | undefined, by = "U1"): AnswerEntry {
  return { option: option ?? "", by, at: T0.toISOString() };
}

/** Answers every question with its first option. */
function answerAll(state: SessionState): SessionState {
  let s = state;
  for (const q of def.questions) s = answer(def, s, q.id, q.options[0]?.id ?? "", "U1", T0).state;
  return s;
}

describe("start", () => {
  it("starts empty at the first question", () => {
    const s = start(def);
    expect(s).toEqual({ v: 1, answers: {}, skipped: [], current: ids[0], trail: [] });
    expect(currentQuestion(def, s)?.id).toBe("workload");
    expect(progress(def, s)).toEqual({ answered: 0, skipped: 0, total: ids.length, position: 1 });
    expect(isFinished(def, s)).toBe(false);
  });
});

describe("answer", () => {
  it("records the answer and moves to the next question", () => {
    const s0 = start(def);
    const { state, replaced } = answer(def, s0, "workload", "ml-training", "U1", T0);
    expect(replaced).toBeUndefined();
    expect(state.answers.workload).toEqual({
      option: "ml-training",
      by: "U1",
      at: T0.toISOString(),
    });
    expect(state.current).toBe("scale");
    expect(state.trail).toEqual(["workload"]);
    expect(progress(def, state)).toMatchObject({ answered: 1, position: 2 });
  });

  it("reports the earlier answer when a question is answered again", () => {
    const s1 = answer(def, start(def), "workload", "ml-training", "U1", T0).state;
    const s2 = answer(def, s1, "scale", "few", "U1", T0).state;
    const { state, replaced } = answer(def, s2, "workload", "web-services", "U2", T1);
    expect(replaced).toEqual({ option: "ml-training", by: "U1", at: T0.toISOString() });
    expect(state.answers.workload).toEqual({
      option: "web-services",
      by: "U2",
      at: T1.toISOString(),
    });
    // The next open question after "workload" is "portability" (scale is answered).
    expect(state.current).toBe("portability");
    expect(progress(def, state).answered).toBe(2);
  });

  it("lets any question be answered out of order, wrapping to open questions before it", () => {
    // Prefilled, not a revisit: a review would not finish at its last answer (review.test.ts).
    const s = prefilled(
      def,
      Object.fromEntries(ids.slice(1).map((id) => [id, def.byId.get(id)?.options[0]?.id ?? ""])),
      "U1",
      T0,
    );
    expect(s.current).toBe("workload");
    const last = ids[ids.length - 1] ?? "";
    const { state } = answer(def, s, last, def.byId.get(last)?.options[1]?.id ?? "", "U1", T0);
    // Only "workload" is open; answering the last question wraps around to it.
    expect(state.current).toBe("workload");
    const done = answer(def, state, "workload", "mixed", "U1", T0).state;
    expect(done.current).toBeNull();
    expect(isFinished(def, done)).toBe(true);
  });

  it("can re-answer after the walkthrough is finished", () => {
    const done = answerAll(start(def));
    expect(isFinished(def, done)).toBe(true);
    const { state, replaced } = answer(def, done, "scale", "huge", "U1", T0);
    expect(replaced?.option).toBe("few");
    expect(state.current).toBeNull();
  });

  it("un-skips a question when it is answered", () => {
    const s = skip(def, start(def));
    expect(s.skipped).toEqual(["workload"]);
    const { state } = answer(def, s, "workload", "mixed", "U1", T0);
    expect(state.skipped).toEqual([]);
  });

  it("rejects unknown questions and options", () => {
    const s = start(def);
    expect(codeOf(() => answer(def, s, "colour", "blue", "U1", T0))).toBe("unknown-question");
    expect(codeOf(() => answer(def, s, "scale", "infinite", "U1", T0))).toBe("unknown-option");
  });
});

describe("skip, back, restart", () => {
  it("skips the current question and finishes when everything is answered or skipped", () => {
    let s = start(def);
    s = skip(def, s);
    expect(s.current).toBe("scale");
    expect(progress(def, s)).toMatchObject({ skipped: 1, answered: 0, position: 2 });
    for (let i = 1; i < ids.length; i++) s = skip(def, s);
    expect(s.current).toBeNull();
    expect(s.skipped).toEqual(ids);
    expect(codeOf(() => skip(def, s))).toBe("finished");
  });

  it("goes back along the trail, keeping answers", () => {
    let s = answer(def, start(def), "workload", "web-services", "U1", T0).state;
    s = skip(def, s);
    expect(s.current).toBe("portability");
    s = back(def, s);
    expect(s.current).toBe("scale");
    s = back(def, s);
    expect(s.current).toBe("workload");
    expect(s.answers.workload?.option).toBe("web-services");
    expect(s.trail).toEqual([]);
    expect(codeOf(() => back(def, s))).toBe("nothing-to-go-back-to");
    // Answering the question shown after going back moves on again.
    s = answer(def, s, "workload", "batch-jobs", "U1", T0).state;
    expect(s.current).toBe("portability");
  });

  it("restarts empty", () => {
    const done = answerAll(start(def));
    expect(done.answers).not.toEqual({});
    expect(restart(def)).toEqual(start(def));
    expect(restart(def)).toEqual({ v: 1, answers: {}, skipped: [], current: ids[0], trail: [] });
  });
});

describe("purity and serialisation", () => {
  it("never mutates its input", () => {
    const s0 = answer(def, start(def), "workload", "web-services", "U1", T0).state;
    const snapshot = structuredClone(s0);
    const frozen = Object.freeze(structuredClone(s0));
    answer(def, s0, "workload", "mixed", "U2", T1);
    answer(def, s0, "scale", "few", "U1", T0);
    skip(def, s0);
    back(def, s0);
    reconcile(def, s0);
    progress(def, s0);
    expect(s0).toEqual(snapshot);
    // A deep-frozen state works too (no in-place writes anywhere).
    Object.freeze(frozen.answers);
    Object.freeze(frozen.skipped);
    Object.freeze(frozen.trail);
    expect(() => skip(def, answer(def, frozen, "scale", "few", "U1", T0).state)).not.toThrow();
  });

  it("round-trips through JSON and the schema", () => {
    let s = answer(def, start(def), "workload", "web-services", "U1", T0).state;
    s = skip(def, s);
    const parsed = sessionStateSchema.parse(JSON.parse(JSON.stringify(s)));
    expect(parsed).toEqual(s);
    expect(sessionStateSchema.safeParse({ ...s, v: 2 }).success).toBe(false);
    expect(sessionStateSchema.safeParse({ ...s, answers: { x: { option: "y" } } }).success).toBe(
      false,
    );
  });

  it("reconciles a stored state with a walkthrough that changed", () => {
    const stored: SessionState = {
      v: 1,
      answers: {
        workload: { option: "web-services", at: T0.toISOString() },
        gone: { option: "x", at: T0.toISOString() },
        scale: { option: "removed-option", at: T0.toISOString() },
      },
      skipped: ["gone"],
      current: "gone",
      trail: ["workload", "gone"],
    };
    const s = reconcile(def, stored);
    expect(answersOf(s)).toEqual({ workload: "web-services" });
    expect(s.skipped).toEqual([]);
    expect(s.trail).toEqual(["workload"]);
    expect(s.current).toBe("scale");
  });
});

describe("jump, finish and revisit", () => {
  it("jump shows any question and Back returns to where the team was", () => {
    const s0 = start(def);
    const target = ids[3] ?? "";
    const s1 = jump(def, s0, target);
    expect(s1.current).toBe(target);
    expect(s0.current).toBe(ids[0]);
    expect(back(def, s1).current).toBe(ids[0]);
    expect(jump(def, s1, target)).toBe(s1);
    expect(codeOf(() => jump(def, s0, "no-such-question"))).toBe("unknown-question");
  });

  it("finish ends the walkthrough only when no question is open", () => {
    const partial = answer(
      def,
      start(def),
      ids[0] ?? "",
      def.questions[0]?.options[0]?.id ?? "",
      "U1",
      T0,
    ).state;
    expect(codeOf(() => finish(def, partial))).toBe("questions-open");
    const done = finish(def, answerAll(start(def)));
    expect(isFinished(def, done)).toBe(true);
  });

  it("revisit keeps the earlier answers and opens the first question for review", () => {
    const earlier = answerAll(start(def));
    const s = revisit(def, earlier.answers);
    expect(s.current).toBe(ids[0]);
    expect(s.answers).toEqual(earlier.answers);
    const some = revisit(def, { [ids[0] ?? ""]: given(def.questions[0]?.options[0]?.id) });
    expect(some.current).toBe(ids[1]);
  });
});
