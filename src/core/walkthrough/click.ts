import { answer, back, finish, jump, restart, skip } from "./session.js";
import {
  type AnswerEntry,
  canonicalOption,
  type SessionState,
  WalkthroughError,
  type WalkthroughErrorCode,
} from "./state.js";
import type { WalkthroughDef } from "./types.js";

/**
 * A click on the walkthrough's question message. `question` is the question shown when the button
 * was drawn, except for a jump, where it is the question to go to.
 */
export type Click =
  | { kind: "option"; question: string; option: string; by: string }
  | { kind: "jump"; question: string; by: string }
  | { kind: "skip" | "back" | "restart" | "finish"; question: string | null; by: string };

/** Who moved the walkthrough on before a stale click arrived, as the clicker should hear it. */
export type MovedBy = "you" | "someone-else" | "unknown";

export type ClickOutcome =
  /** `replaced`: the earlier answer, when the click changed it to another option. */
  | { kind: "applied"; state: SessionState; finished: boolean; replaced?: AnswerEntry }
  /** The click's effect is already there (a double click, a retry): nothing to do or say. */
  | { kind: "duplicate" }
  /**
   * The walkthrough moved on since the button was drawn, so applying it would silently overwrite a
   * change the clicker has not seen. `theirs`: someone else's answer to the question clicked.
   */
  | { kind: "stale"; movedBy: MovedBy; theirs?: AnswerEntry }
  /** A rule refused the click; the code names it. */
  | { kind: "refused"; code: WalkthroughErrorCode };

export type Applied = Extract<ClickOutcome, { kind: "applied" }>;
export type NotApplied = Exclude<ClickOutcome, Applied>;

/** Applies a click to the state it was read with; the outcome says what to save and tell. */
export function applyClick(
  def: WalkthroughDef,
  state: SessionState,
  given: Click,
  at: Date,
): ClickOutcome {
  // A button drawn before an option was renamed carries its old id (`was` in the data).
  const click: Click =
    given.kind === "option"
      ? { ...given, option: canonicalOption(def, given.question, given.option) ?? given.option }
      : given;
  if (state.current === null) return { kind: "refused", code: "finished" };
  // A jump names where to go, not the question it was drawn for: it cannot tell that it is late.
  if (click.kind !== "jump" && click.question !== state.current) return lateClick(state, click);
  if (isEcho(state, click)) return { kind: "duplicate" };
  try {
    const { next, replaced } = transition(def, state, click, at);
    const last = { kind: click.kind, question: click.question, by: click.by, at: at.toISOString() };
    const applied = {
      kind: "applied" as const,
      state: { ...next, last },
      finished: next.current === null,
    };
    return replaced ? { ...applied, replaced } : applied;
  } catch (err) {
    if (err instanceof WalkthroughError) return { kind: "refused", code: err.code };
    throw err;
  }
}

/**
 * Why a click that arrived late does not apply to `state`: it is an echo of the clicker's own
 * change, or stale. Also for a click that lost a save race: `state` is then the winner's.
 */
export function lateClick(state: SessionState, click: Click): NotApplied {
  if (isEcho(state, click)) return { kind: "duplicate" };
  const given = click.question === null ? undefined : state.answers[click.question];
  const theirs = click.kind === "option" && given?.by && given.by !== click.by ? given : undefined;
  const movedBy = whoMovedOn(state, click.by);
  return theirs ? { kind: "stale", movedBy, theirs: { ...theirs } } : { kind: "stale", movedBy };
}

function whoMovedOn(state: SessionState, clicker: string): MovedBy {
  if (!state.last) return "unknown";
  return state.last.by === clicker ? "you" : "someone-else";
}

/** The click's effect is already in the state, by the same person (or, for a jump, by anyone). */
function isEcho(state: SessionState, click: Click): boolean {
  if (click.kind === "jump") return click.question === state.current;
  if (click.kind === "option") {
    const given = state.answers[click.question];
    return (
      click.question !== state.current && given?.option === click.option && given.by === click.by
    );
  }
  const last = state.last;
  return last?.kind === click.kind && last.question === click.question && last.by === click.by;
}

function transition(
  def: WalkthroughDef,
  state: SessionState,
  click: Click,
  at: Date,
): { next: SessionState; replaced?: AnswerEntry } {
  switch (click.kind) {
    case "option": {
      const result = answer(def, state, click.question, click.option, click.by, at);
      const replaced = result.replaced?.option !== click.option ? result.replaced : undefined;
      return replaced ? { next: result.state, replaced } : { next: result.state };
    }
    case "skip":
      return { next: skip(def, state) };
    case "back":
      return { next: back(def, state) };
    case "restart":
      return { next: restart(def, state) };
    case "jump":
      return { next: jump(def, state, click.question) };
    case "finish":
      return { next: finish(def, state) };
  }
}
