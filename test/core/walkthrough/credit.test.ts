import { describe, expect, it } from "vitest";
import {
  type AnswerEntry,
  answer,
  canFinish,
  carriedAnswers,
  finish,
  participants,
  restart,
  revisit,
  type SessionState,
  skip,
  start,
  survivingAnswers,
  type WalkthroughDef,
} from "../../../src/core/walkthrough/index.js";
import { def, ids, T0 } from "./fixture.js";

const DECIDED = new Date("2026-11-28T03:00:00Z");
const ALICE = "U0ALICE";
const BOB = "U0BOB";
const CAROL = "U0CAROL";

/** Every question answered with its first option, alternating Alice and Bob. */
function answeredByAliceAndBob(): SessionState {
  let s = start(def);
  def.questions.forEach((q, i) => {
    s = answer(def, s, q.id, q.options[0]?.id ?? "", i % 2 === 0 ? ALICE : BOB, T0).state;
  });
  return s;
}

describe("participants", () => {
  it("are the starter, then whoever gave an answer the session holds, once each", () => {
    let s = answer(def, start(def), "scale", "few", BOB, T0).state;
    s = answer(def, s, "workload", "mixed", ALICE, T0).state;
    s = answer(def, s, "portability", "hybrid", BOB, T0).state;
    s = answer(def, s, "delivery", "gitops", undefined, T0).state;
    // Question order, not answer order: workload (Alice) comes before scale (Bob).
    expect(participants(def, s, CAROL)).toEqual([CAROL, ALICE, BOB]);
    expect(participants(def, s, ALICE)).toEqual([ALICE, BOB]);
  });

  it("across a revisit, keep everyone who took part in the earlier versions, after its own", () => {
    // Carol revisits and changes Alice's only answer; Dave only started v1.
    const s = answer(def, revisit(def, {}), "workload", "mixed", CAROL, DECIDED).state;
    expect(participants(def, s, CAROL, ["U0DAVE", ALICE, BOB])).toEqual([
      CAROL,
      "U0DAVE",
      ALICE,
      BOB,
    ]);
  });

  it("do not include someone who only skipped", () => {
    const s = skip(def, start(def));
    expect(participants(def, s, ALICE)).toEqual([ALICE]);
  });

  it("across a revisit: the earlier answers stay theirs, the reviser is credited as starter", () => {
    const earlier = answeredByAliceAndBob();
    let s = revisit(def, earlier.answers);
    expect(s.answers).toEqual(earlier.answers);
    expect(participants(def, s, CAROL)).toEqual([CAROL, ALICE, BOB]);
    // Carol changes one answer: that one, and only that one, becomes hers.
    s = answer(def, s, "scale", "huge", CAROL, DECIDED).state;
    expect(s.answers.scale?.by).toBe(CAROL);
    expect(s.answers.workload?.by).toBe(ALICE);
  });
});

describe("answers that survive", () => {
  it("a revisit carries each decided answer with who gave it and when", () => {
    const earlier = answeredByAliceAndBob().answers;
    const decided = { workload: earlier.workload?.option ?? "", scale: "huge" };
    expect(carriedAnswers(decided, earlier, DECIDED)).toEqual({
      workload: earlier.workload,
      // The session says another option: the decision's answer stands, credited to nobody.
      scale: { option: "huge", at: DECIDED.toISOString() },
    });
  });

  it("a revisit without the earlier session credits nobody, never the person revisiting", () => {
    const carried = carriedAnswers({ workload: "mixed" }, {}, DECIDED);
    expect(carried).toEqual({ workload: { option: "mixed", at: DECIDED.toISOString() } });
    expect(participants(def, revisit(def, carried), CAROL)).toEqual([CAROL]);
  });

  it("answers to questions or options the walkthrough no longer has are dropped", () => {
    const entry = (option: string): AnswerEntry => ({ option, by: ALICE, at: T0.toISOString() });
    const given = { workload: entry("mixed"), scale: entry("gone"), removed: entry("x") };
    expect(survivingAnswers(def, given)).toEqual({ workload: entry("mixed") });
    expect(revisit(def, given).answers).toEqual({ workload: entry("mixed") });
  });

  it("nothing survives a restart", () => {
    const s = restart(def);
    expect(s.answers).toEqual({});
    expect(s.skipped).toEqual([]);
    expect(s.current).toBe(ids[0]);
  });
});

describe("canFinish", () => {
  it("not while any question is neither answered nor skipped", () => {
    expect(canFinish(def, start(def))).toBe(false);
    let s = start(def);
    for (const _ of ids.slice(1)) s = skip(def, s);
    expect(s.current).toBe(ids.at(-1));
    expect(canFinish(def, s)).toBe(false);
  });

  it("once every question is closed and one is still shown (a revisit, a review)", () => {
    const s = revisit(def, answeredByAliceAndBob().answers);
    expect(s.current).toBe(ids[0]);
    expect(canFinish(def, s)).toBe(true);
  });

  it("not once finished, and it agrees with finish()", () => {
    const review = revisit(def, answeredByAliceAndBob().answers);
    const done = finish(def, review);
    expect(canFinish(def, done)).toBe(false);
    const half: WalkthroughDef["questions"] = def.questions.slice(0, 2);
    const open = { ...review, answers: {}, skipped: half.map((q) => q.id) };
    expect(canFinish(def, open)).toBe(false);
    expect(() => finish(def, open)).toThrow(/questions still open/);
  });
});
