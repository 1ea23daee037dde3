import type { AnswerEntry, SessionState } from "./state.js";
import type { WalkthroughDef } from "./types.js";

/**
 * Who took part: whoever started the walkthrough, then everyone whose answer it holds, in question
 * order. Question order, not the order answers were given: PostgreSQL's jsonb does not keep the
 * order of an object's keys, so that order would change with the store. A revisit also keeps
 * everyone who took part in the versions before it (`earlier`), after its own: someone whose answer
 * was changed, or who only started v1, still took part in the decision.
 */
export function participants(
  def: WalkthroughDef,
  state: SessionState,
  startedBy: string,
  earlier: readonly string[] = [],
): string[] {
  const people = [startedBy];
  for (const q of def.questions) {
    const by = state.answers[q.id]?.by;
    if (by) people.push(by);
  }
  return [...new Set([...people, ...earlier])];
}

/**
 * The answers a revisit starts from: the decision's own, each still credited to whoever gave it in
 * the session that made the decision. When that session no longer says (another option, no
 * author), the answer is dated with the decision and credited to nobody, never to the person who
 * clicked Revisit: they took part in the revisit, not in the answers they did not give.
 */
export function carriedAnswers(
  decided: Record<string, string>,
  earlier: Record<string, AnswerEntry>,
  decidedAt: Date,
): Record<string, AnswerEntry> {
  const carried: Record<string, AnswerEntry> = {};
  for (const [question, option] of Object.entries(decided)) {
    const before = earlier[question];
    carried[question] =
      before?.option === option ? { ...before } : { option, at: decidedAt.toISOString() };
  }
  return carried;
}
