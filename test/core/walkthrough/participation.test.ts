import { describe, expect, it } from "vitest";
import {
  answer,
  answeredBy,
  dueReminder,
  participation,
  REMIND_WINDOW_MS,
  remindWindow,
  type SessionState,
  skip,
  skippedCount,
  start,
  waitingOn,
} from "../../../src/core/walkthrough/index.js";
import { def, ids, T0 } from "./fixture.js";

const ALICE = "U0ALICE";
const BOB = "U0BOB";
const CAROL = "U0CAROL";
const DAVE = "U0DAVE";

function q(i: number): string {
  const id = ids[i];
  if (!id) throw new Error(`no question ${i}`);
  return id;
}

function firstOption(questionId: string): string {
  return def.byId.get(questionId)?.options[0]?.id ?? "";
}

function answered(s: SessionState, i: number, by: string | undefined): SessionState {
  return answer(def, s, q(i), firstOption(q(i)), by, T0).state;
}

describe("waitingOn", () => {
  it("is every invitee, in invite order, before anyone answers", () => {
    expect(waitingOn(def, start(def), [CAROL, ALICE, BOB])).toEqual([CAROL, ALICE, BOB]);
  });

  it("drops an invitee once they answer any question, keeping the others' order", () => {
    const s = answered(start(def), 2, ALICE);
    expect(waitingOn(def, s, [CAROL, ALICE, BOB])).toEqual([CAROL, BOB]);
  });

  it("counts an answer credited to the invitee even when someone else replaced it later", () => {
    let s = answered(start(def), 0, ALICE);
    s = answered(s, 0, BOB);
    // Alice's only answer was replaced by Bob's: the session no longer holds anything of hers.
    expect(waitingOn(def, s, [ALICE, BOB])).toEqual([ALICE]);
  });

  it("lists an invitee named twice once, and is empty without invitees", () => {
    expect(waitingOn(def, start(def), [BOB, BOB, ALICE])).toEqual([BOB, ALICE]);
    expect(waitingOn(def, start(def), undefined)).toEqual([]);
    expect(waitingOn(def, start(def), [])).toEqual([]);
  });

  it("ignores people who answered without being invited", () => {
    const s = answered(start(def), 0, DAVE);
    expect(waitingOn(def, s, [ALICE])).toEqual([ALICE]);
  });
});

describe("skippedCount", () => {
  it("counts skipped questions that are still unanswered", () => {
    let s = skip(def, start(def));
    s = skip(def, s);
    expect(skippedCount(def, s)).toBe(2);
    s = answered(s, 0, ALICE);
    expect(skippedCount(def, s)).toBe(1);
  });

  it("is zero for a fresh session", () => {
    expect(skippedCount(def, start(def))).toBe(0);
  });
});

describe("answeredBy", () => {
  it("lists each person once with their questions, in walkthrough order", () => {
    let s = answered(start(def), 3, BOB);
    s = answered(s, 1, ALICE);
    s = answered(s, 0, BOB);
    s = answered(s, 2, undefined);
    expect(answeredBy(def, s)).toEqual([
      { user: BOB, questions: [q(0), q(3)] },
      { user: ALICE, questions: [q(1)] },
    ]);
  });
});

describe("participation", () => {
  it("puts the three together", () => {
    let s = answered(start(def), 0, ALICE);
    s = skip(def, s);
    expect(participation(def, s, [ALICE, BOB])).toEqual({
      waitingOn: [BOB],
      skipped: 1,
      answeredBy: [{ user: ALICE, questions: [q(0)] }],
    });
  });
});

describe("dueReminder", () => {
  it("names the invitees still to answer", () => {
    const s = answered(start(def), 0, ALICE);
    expect(dueReminder(def, s, { invitees: [ALICE, BOB, CAROL] }, DAVE)).toEqual({
      kind: "waiting",
      users: [BOB, CAROL],
    });
  });

  it("turns to the owner when every invitee has answered", () => {
    let s = answered(start(def), 0, ALICE);
    s = answered(s, 1, BOB);
    expect(dueReminder(def, s, { owner: CAROL, invitees: [ALICE, BOB] }, DAVE)).toEqual({
      kind: "answers-in",
      owner: CAROL,
    });
  });

  it("turns to the owner, else whoever started it, when nobody was invited", () => {
    expect(dueReminder(def, start(def), { owner: CAROL }, DAVE)).toEqual({
      kind: "no-invitees",
      owner: CAROL,
    });
    expect(dueReminder(def, start(def), { invitees: [] }, DAVE)).toEqual({
      kind: "no-invitees",
      owner: DAVE,
    });
  });
});

describe("remindWindow", () => {
  it("gives every moment of one 10-minute window the same index, and the next window the next", () => {
    const from = new Date("2026-11-28T09:00:00Z");
    const a = remindWindow(from);
    const b = remindWindow(new Date(from.getTime() + REMIND_WINDOW_MS - 1));
    const c = remindWindow(new Date(from.getTime() + REMIND_WINDOW_MS));
    expect(b.index).toBe(a.index);
    expect(c.index).toBe(a.index + 1);
    expect(a.from).toEqual(from);
    expect(a.until).toEqual(new Date("2026-11-28T09:10:00Z"));
  });
});
