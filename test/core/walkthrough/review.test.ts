import { describe, expect, it } from "vitest";
import {
  type AnswerEntry,
  answer,
  applyClick,
  type ClickOutcome,
  prefilled,
  reconcile,
  revisit,
  type SessionState,
  sessionStateSchema,
  start,
} from "../../../src/core/walkthrough/index.js";
import { def, ids, T0, T1 } from "./fixture.js";

const ALICE = "U0ALICE";
const CAROL = "U0CAROL";

/** Every question answered with its first option by Alice. */
function allAnswered(): Record<string, AnswerEntry> {
  let s = start(def);
  for (const q of def.questions) s = answer(def, s, q.id, q.options[0]?.id ?? "", ALICE, T0).state;
  return s.answers;
}

function applied(outcome: ClickOutcome): { state: SessionState; finished: boolean } {
  if (outcome.kind !== "applied") throw new Error(`expected applied, got ${outcome.kind}`);
  return outcome;
}

describe("a revisit is a review: it ends only with Show the result", () => {
  it("a click on an option, with every question answered, moves on instead of finishing", () => {
    const review = revisit(def, allAnswered());
    expect(review.review).toBe(true);
    const first = ids[0] ?? "";
    const other = def.byId.get(first)?.options[1]?.id ?? "";
    const out = applied(
      applyClick(def, review, { kind: "option", question: first, option: other, by: CAROL }, T1),
    );
    expect(out.finished).toBe(false);
    expect(out.state.current).toBe(ids[1]);
    expect(out.state.answers[first]).toEqual({ option: other, by: CAROL, at: T1.toISOString() });
    // Another question's answer is still Alice's.
    expect(out.state.answers[ids[1] ?? ""]?.by).toBe(ALICE);
  });

  it("the last question stays shown after its answer or a skip; finish ends it", () => {
    let s = revisit(def, allAnswered());
    for (const id of ids) {
      const option = def.byId.get(id)?.options[0]?.id ?? "";
      const out = applied(
        applyClick(def, s, { kind: "option", question: id, option, by: CAROL }, T1),
      );
      expect(out.finished).toBe(false);
      s = out.state;
    }
    const last = ids.at(-1) ?? "";
    expect(s.current).toBe(last);
    const skipped = applied(applyClick(def, s, { kind: "skip", question: last, by: CAROL }, T1));
    expect(skipped.finished).toBe(false);
    expect(skipped.state.current).toBe(last);
    const done = applied(applyClick(def, s, { kind: "finish", question: last, by: CAROL }, T1));
    expect(done.finished).toBe(true);
    expect(done.state.current).toBeNull();
  });

  it("answering the only open question of a review moves on, it does not finish", () => {
    const answers = allAnswered();
    const open = ids[3] ?? "";
    delete answers[open];
    const s = revisit(def, answers);
    expect(s.current).toBe(open);
    const option = def.byId.get(open)?.options[0]?.id ?? "";
    const out = applied(
      applyClick(def, s, { kind: "option", question: open, option, by: CAROL }, T1),
    );
    expect(out.finished).toBe(false);
    expect(out.state.current).toBe(ids[4]);
  });

  it("stays a review through back, jump, restart, a save and a reload", () => {
    let s = revisit(def, allAnswered());
    s = applied(applyClick(def, s, { kind: "jump", question: ids[2] ?? "", by: CAROL }, T1)).state;
    s = applied(applyClick(def, s, { kind: "back", question: ids[2] ?? "", by: CAROL }, T1)).state;
    expect(s.review).toBe(true);
    const saved = sessionStateSchema.parse(JSON.parse(JSON.stringify(s)));
    expect(reconcile(def, saved).review).toBe(true);
    const again = applied(
      applyClick(def, s, { kind: "restart", question: s.current, by: CAROL }, T1),
    ).state;
    expect(again.review).toBe(true);
    expect(again.answers).toEqual({});
  });

  it("a walkthrough that is not a review still ends at its last answer (a new one, a prefilled one)", () => {
    const answers = Object.fromEntries(
      ids.slice(1).map((id) => [id, def.byId.get(id)?.options[0]?.id ?? ""]),
    );
    const s = prefilled(def, answers, ALICE, T0);
    expect(s.review).toBeUndefined();
    const out = applied(
      applyClick(
        def,
        s,
        { kind: "option", question: ids[0] ?? "", option: "mixed", by: ALICE },
        T1,
      ),
    );
    expect(out.finished).toBe(true);
  });
});
