import { progress } from "./session.js";
import type { SessionState } from "./state.js";
import type { WalkthroughDef } from "./types.js";

/**
 * Who has taken part in a walkthrough and who is still expected to. An invitee counts as having
 * taken part once the session holds any answer credited to them: the walkthrough is a team's, so
 * nobody is asked to answer every question, only to show up.
 */

/** One person's answers, in walkthrough order. */
export interface Credit {
  user: string;
  questions: string[];
}

export interface Participation {
  /** Invitees with no answer in the session yet, in invite order, once each. */
  waitingOn: string[];
  /** Questions skipped and not answered since. */
  skipped: number;
  /** Whoever gave an answer the session holds, in the order of their first answered question. */
  answeredBy: Credit[];
}

/**
 * Who answered what, in walkthrough order (question order, not answer order: PostgreSQL's jsonb does
 * not keep the order of an object's keys). Answers credited to nobody (a revisit's carried answers
 * whose author is unknown, the CLI) are left out.
 */
export function answeredBy(def: WalkthroughDef, state: SessionState): Credit[] {
  const byUser = new Map<string, string[]>();
  for (const q of def.questions) {
    const by = state.answers[q.id]?.by;
    if (!by) continue;
    const list = byUser.get(by) ?? [];
    list.push(q.id);
    byUser.set(by, list);
  }
  return [...byUser].map(([user, questions]) => ({ user, questions }));
}

/** Invitees who have not answered any question yet, in invite order, once each. */
export function waitingOn(
  def: WalkthroughDef,
  state: SessionState,
  invitees: readonly string[] | undefined,
): string[] {
  const answered = new Set(answeredBy(def, state).map((c) => c.user));
  return [...new Set(invitees ?? [])].filter((user) => !answered.has(user));
}

/** Questions of this walkthrough that were skipped and are still not answered. */
export function skippedCount(def: WalkthroughDef, state: SessionState): number {
  return progress(def, state).skipped;
}

export function participation(
  def: WalkthroughDef,
  state: SessionState,
  invitees: readonly string[] | undefined,
): Participation {
  return {
    waitingOn: waitingOn(def, state, invitees),
    skipped: skippedCount(def, state),
    answeredBy: answeredBy(def, state),
  };
}

/**
 * Who the due-date reminder speaks to: the invitees still to answer; else the owner (whoever
 * started it when no owner was named), told the answers are in when everyone invited has answered,
 * or just that the date has passed when nobody was invited.
 */
export type DueReminder =
  | { kind: "waiting"; users: string[] }
  | { kind: "answers-in"; owner: string }
  | { kind: "no-invitees"; owner: string };

export function dueReminder(
  def: WalkthroughDef,
  state: SessionState,
  plan: { owner?: string | undefined; invitees?: readonly string[] | undefined },
  startedBy: string,
): DueReminder {
  const owner = plan.owner ?? startedBy;
  if ((plan.invitees ?? []).length === 0) return { kind: "no-invitees", owner };
  const users = waitingOn(def, state, plan.invitees);
  return users.length > 0 ? { kind: "waiting", users } : { kind: "answers-in", owner };
}

/** How long a Remind click keeps the next one from posting again. */
export const REMIND_WINDOW_MS = 10 * 60_000;

/**
 * The 10-minute window a Remind click falls in, and when that window began and ends. One reminder
 * per session per window: a second click in the same window is told when the window started (the
 * last reminder went out at or after it, so less than 10 minutes ago) and when the next may go.
 */
export function remindWindow(now: Date): { index: number; from: Date; until: Date } {
  const index = Math.floor(now.getTime() / REMIND_WINDOW_MS);
  return {
    index,
    from: new Date(index * REMIND_WINDOW_MS),
    until: new Date((index + 1) * REMIND_WINDOW_MS),
  };
}
