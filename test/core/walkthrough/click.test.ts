import { describe, expect, it } from "vitest";
import {
  applyClick,
  type Click,
  type ClickOutcome,
  lateClick,
  type SessionState,
  skip,
  start,
} from "../../../src/core/walkthrough/index.js";
import { def, ids, T0, T1 } from "./fixture.js";

const ALICE = "U0ALICE";
const BOB = "U0BOB";

const pick = (question: string, option: string, by = ALICE): Click => ({
  kind: "option",
  question,
  option,
  by,
});

/** The state of an applied outcome; fails the test for any other outcome. */
function applied(outcome: ClickOutcome): SessionState {
  if (outcome.kind !== "applied") throw new Error(`expected applied, got ${outcome.kind}`);
  return outcome.state;
}

describe("applyClick: applied", () => {
  it("answers the shown question for the clicker, at the time given, and moves on", () => {
    const outcome = applyClick(def, start(def), pick("workload", "ml-training"), T1);
    expect(outcome).toMatchObject({ kind: "applied", finished: false });
    const state = applied(outcome);
    expect(state.answers.workload).toEqual({
      option: "ml-training",
      by: ALICE,
      at: T1.toISOString(),
    });
    expect(state.current).toBe("scale");
    expect(state.last).toEqual({
      kind: "option",
      question: "workload",
      by: ALICE,
      at: T1.toISOString(),
    });
    expect("replaced" in outcome).toBe(false);
  });

  it("reports the earlier answer only when the click changed it to another option", () => {
    let s = applied(applyClick(def, start(def), pick("workload", "ml-training"), T0));
    s = applied(applyClick(def, s, { kind: "back", question: "scale", by: BOB }, T0));
    const same = applyClick(def, s, pick("workload", "ml-training", BOB), T1);
    expect(same.kind).toBe("applied");
    expect("replaced" in same).toBe(false);
    const changed = applyClick(def, s, pick("workload", "mixed", BOB), T1);
    expect(changed).toMatchObject({
      kind: "applied",
      replaced: { option: "ml-training", by: ALICE, at: T0.toISOString() },
    });
  });

  it("finishes when the click closes the last open question", () => {
    let s = start(def);
    for (let i = 1; i < ids.length; i++) s = skip(def, s);
    const last = def.questions[def.questions.length - 1];
    const outcome = applyClick(def, s, pick(last?.id ?? "", last?.options[1]?.id ?? ""), T0);
    expect(outcome).toMatchObject({ kind: "applied", finished: true });
    expect(applied(outcome).current).toBeNull();
  });

  it("never changes the state it is given", () => {
    const s0 = applied(applyClick(def, start(def), pick("workload", "ml-training"), T0));
    const snapshot = structuredClone(s0);
    applyClick(def, s0, pick("scale", "few", BOB), T1);
    applyClick(def, s0, { kind: "restart", question: "scale", by: BOB }, T1);
    expect(s0).toEqual(snapshot);
  });
});

describe("applyClick: duplicate", () => {
  it("the same person's second click on the same option does nothing", () => {
    const s = applied(applyClick(def, start(def), pick("workload", "ml-training"), T0));
    expect(applyClick(def, s, pick("workload", "ml-training"), T1)).toEqual({ kind: "duplicate" });
  });

  it("a double click on Skip skips once, and on Back goes back once", () => {
    const s1 = applied(applyClick(def, start(def), pick("workload", "ml-training"), T0));
    const skipScale: Click = { kind: "skip", question: "scale", by: ALICE };
    const s2 = applied(applyClick(def, s1, skipScale, T0));
    expect(applyClick(def, s2, skipScale, T1)).toEqual({ kind: "duplicate" });
    const backFromPortability: Click = { kind: "back", question: "portability", by: ALICE };
    const s3 = applied(applyClick(def, s2, backFromPortability, T0));
    expect(s3.current).toBe("scale");
    expect(applyClick(def, s3, backFromPortability, T1)).toEqual({ kind: "duplicate" });
  });

  it("a double click on Restart restarts once; someone else's click from that message is stale", () => {
    const s1 = applied(applyClick(def, start(def), pick("workload", "ml-training"), T0));
    const restartFromScale: Click = { kind: "restart", question: "scale", by: ALICE };
    const s2 = applied(applyClick(def, s1, restartFromScale, T0));
    expect(s2.answers).toEqual({});
    expect(applyClick(def, s2, restartFromScale, T1)).toEqual({ kind: "duplicate" });
    expect(applyClick(def, s2, { ...restartFromScale, by: BOB }, T1)).toEqual({
      kind: "stale",
      movedBy: "someone-else",
    });
  });

  it("a jump to the question already shown does nothing", () => {
    const jump: Click = { kind: "jump", question: ids[0] ?? "", by: BOB };
    expect(applyClick(def, start(def), jump, T0)).toEqual({ kind: "duplicate" });
  });
});

describe("applyClick: stale", () => {
  const afterAlice = applied(applyClick(def, start(def), pick("workload", "ml-training"), T0));

  it("someone else's click on a question already answered names that answer", () => {
    expect(applyClick(def, afterAlice, pick("workload", "mixed", BOB), T1)).toEqual({
      kind: "stale",
      movedBy: "someone-else",
      theirs: { option: "ml-training", by: ALICE, at: T0.toISOString() },
    });
  });

  it("your own late click on another option says you moved it on, not someone else", () => {
    expect(applyClick(def, afterAlice, pick("workload", "mixed"), T1)).toEqual({
      kind: "stale",
      movedBy: "you",
    });
  });

  it("a Skip or Back drawn for a question no longer shown is not applied", () => {
    const skipWorkload: Click = { kind: "skip", question: "workload", by: BOB };
    expect(applyClick(def, afterAlice, skipWorkload, T1)).toEqual({
      kind: "stale",
      movedBy: "someone-else",
    });
    const backFromWorkload: Click = { kind: "back", question: "workload", by: ALICE };
    expect(applyClick(def, afterAlice, backFromWorkload, T1)).toEqual({
      kind: "stale",
      movedBy: "you",
    });
  });

  it("does not guess who moved it on when the state does not say", () => {
    const { last: _, ...saved } = afterAlice;
    expect(applyClick(def, saved, { kind: "skip", question: "workload", by: BOB }, T1)).toEqual({
      kind: "stale",
      movedBy: "unknown",
    });
  });

  it("lateClick explains a lost save race from the winner's state", () => {
    const winner: SessionState = {
      ...start(def),
      answers: { workload: { option: "ml-training", by: BOB, at: T0.toISOString() } },
    };
    expect(lateClick(winner, pick("workload", "ml-training"))).toMatchObject({
      kind: "stale",
      theirs: { by: BOB },
    });
    const mine = applied(applyClick(def, start(def), pick("workload", "ml-training"), T0));
    expect(lateClick(mine, pick("workload", "ml-training"))).toEqual({ kind: "duplicate" });
  });
});

describe("applyClick: refused, with the rule's code", () => {
  it("names the rule that refused", () => {
    const s = start(def);
    expect(applyClick(def, s, { kind: "back", question: ids[0] ?? "", by: ALICE }, T0)).toEqual({
      kind: "refused",
      code: "nothing-to-go-back-to",
    });
    expect(applyClick(def, s, { kind: "finish", question: ids[0] ?? "", by: ALICE }, T0)).toEqual({
      kind: "refused",
      code: "questions-open",
    });
    expect(applyClick(def, s, pick(ids[0] ?? "", "mainframe"), T0)).toEqual({
      kind: "refused",
      code: "unknown-option",
    });
    expect(applyClick(def, s, { kind: "jump", question: "nope", by: ALICE }, T0)).toEqual({
      kind: "refused",
      code: "unknown-question",
    });
  });

  it("refuses every click once the walkthrough is finished", () => {
    const done: SessionState = { ...start(def), current: null };
    expect(applyClick(def, done, pick("workload", "ml-training"), T0)).toEqual({
      kind: "refused",
      code: "finished",
    });
  });
});
