import {
  type AnswerEntry,
  canonicalOption,
  requireOption,
  requireQuestion,
  type SessionState,
  WalkthroughError,
} from "./state.js";
import type { Question, WalkthroughDef } from "./types.js";

// core/decision and core/record read these from here.
export { canonicalAnswers, canonicalOption, requireOption, requireQuestion } from "./state.js";

function entry(option: string, by: string | undefined, at: Date): AnswerEntry {
  return by === undefined ? { option, at: at.toISOString() } : { option, by, at: at.toISOString() };
}

function isOpen(state: Pick<SessionState, "answers" | "skipped">, questionId: string): boolean {
  return !(questionId in state.answers) && !state.skipped.includes(questionId);
}

/**
 * The first open (neither answered nor skipped) question after `afterId` in walkthrough order,
 * wrapping around, never `afterId` itself; from the start when `afterId` is null.
 */
function nextOpen(
  def: WalkthroughDef,
  state: Pick<SessionState, "answers" | "skipped">,
  afterId: string | null,
): string | null {
  const ids = def.questions.map((q) => q.id);
  const from = afterId === null ? -1 : ids.indexOf(afterId);
  for (let step = 1; step <= ids.length; step++) {
    const id = ids[(from + step + ids.length) % ids.length];
    if (id !== undefined && id !== afterId && isOpen(state, id)) return id;
  }
  return null;
}

/** A review keeps being one through every transition. */
function reviewOf(state: Pick<SessionState, "review">): Pick<SessionState, "review"> {
  return state.review ? { review: true } : {};
}

/**
 * Where a click moves to: the next open question, or, in a review where none is open, the next
 * question in walkthrough order (the last one stays shown): a review ends only when finished.
 */
function moveOn(
  def: WalkthroughDef,
  state: Pick<SessionState, "answers" | "skipped" | "review">,
  from: string,
): string | null {
  const open = nextOpen(def, state, from);
  if (open !== null || !state.review) return open;
  const ids = def.questions.map((q) => q.id);
  return ids[ids.indexOf(from) + 1] ?? from;
}

function withTrail(trail: readonly string[], current: string | null, next: string | null) {
  return current !== null && current !== next ? [...trail, current] : [...trail];
}

/** A new, empty session at the first question. */
export function start(def: WalkthroughDef): SessionState {
  const current = nextOpen(def, { answers: {}, skipped: [] }, null);
  return { v: 1, answers: {}, skipped: [], current, trail: [] };
}

/**
 * Answers (or re-answers) any question. The current question moves to the next open question after
 * the one answered (wrapping), or null when every question is answered or skipped.
 */
export function answer(
  def: WalkthroughDef,
  state: SessionState,
  questionId: string,
  optionId: string,
  by: string | undefined,
  at: Date,
): { state: SessionState; replaced?: AnswerEntry } {
  const option = requireOption(def, questionId, optionId);
  const replaced = state.answers[questionId];
  const answers = { ...state.answers, [questionId]: entry(option.id, by, at) };
  const skipped = state.skipped.filter((id) => id !== questionId);
  const next = moveOn(def, { answers, skipped, ...reviewOf(state) }, questionId);
  const nextState: SessionState = {
    v: 1,
    answers,
    skipped,
    current: next,
    trail: withTrail(state.trail, state.current, next),
    ...reviewOf(state),
  };
  return replaced ? { state: nextState, replaced: { ...replaced } } : { state: nextState };
}

/** Skips the current question; throws "finished" when there is none. */
export function skip(def: WalkthroughDef, state: SessionState): SessionState {
  const current = state.current;
  if (current === null) throw new WalkthroughError("finished", "the walkthrough is finished");
  requireQuestion(def, current);
  const skipped = state.skipped.includes(current)
    ? [...state.skipped]
    : [...state.skipped, current];
  const answers = { ...state.answers };
  const next = moveOn(def, { answers, skipped, ...reviewOf(state) }, current);
  return {
    v: 1,
    answers,
    skipped,
    current: next,
    trail: withTrail(state.trail, current, next),
    ...reviewOf(state),
  };
}

/** Shows the previous question again (its answer, if any, is kept until re-answered). */
export function back(def: WalkthroughDef, state: SessionState): SessionState {
  const previous = state.trail[state.trail.length - 1];
  if (previous === undefined) {
    throw new WalkthroughError("nothing-to-go-back-to", "there is no previous question");
  }
  requireQuestion(def, previous);
  return {
    v: 1,
    answers: { ...state.answers },
    skipped: [...state.skipped],
    current: previous,
    trail: state.trail.slice(0, -1),
    ...reviewOf(state),
  };
}

/** Shows any question, to review or change its answer; Back returns to where the team was. */
export function jump(def: WalkthroughDef, state: SessionState, questionId: string): SessionState {
  requireQuestion(def, questionId);
  if (state.current === questionId) return state;
  return {
    v: 1,
    answers: { ...state.answers },
    skipped: [...state.skipped],
    current: questionId,
    trail: state.current !== null ? [...state.trail, state.current] : [...state.trail],
    ...reviewOf(state),
  };
}

/** The questions neither answered nor skipped, in walkthrough order. */
export function openQuestions(def: WalkthroughDef, state: SessionState): string[] {
  return def.questions.filter((q) => isOpen(state, q.id)).map((q) => q.id);
}

/** Finish is offered only while a question is still shown and none is left open. */
export function canFinish(def: WalkthroughDef, state: SessionState): boolean {
  return state.current !== null && openQuestions(def, state).length === 0;
}

/** Ends the walkthrough; every question must be answered or skipped first. */
export function finish(def: WalkthroughDef, state: SessionState): SessionState {
  const open = openQuestions(def, state);
  if (open.length > 0) {
    throw new WalkthroughError("questions-open", `questions still open: ${open.join(", ")}`);
  }
  return {
    v: 1,
    answers: { ...state.answers },
    skipped: [...state.skipped],
    current: null,
    trail: state.current !== null ? [...state.trail, state.current] : [...state.trail],
    ...reviewOf(state),
  };
}

/**
 * A new session with earlier answers filled in ("Revisit"), each still credited to whoever gave it;
 * answers the walkthrough no longer has are dropped. It opens at the first open question, or at the
 * first question when every question is already answered. It is a review: answering, even the last
 * open question, never ends it; only "Show the result" (finish) does, so a team reviewing a
 * decision is not handed a new one, reposted to the channel, by its first click.
 */
export function revisit(def: WalkthroughDef, earlier: Record<string, AnswerEntry>): SessionState {
  return { ...resume(def, earlier), review: true };
}

/** A session that starts from `given` answers, at the first open question (else the first). */
function resume(def: WalkthroughDef, given: Record<string, AnswerEntry>): SessionState {
  const answers = survivingAnswers(def, given);
  const next = nextOpen(def, { answers, skipped: [] }, null);
  return { v: 1, answers, skipped: [], current: next ?? def.questions[0]?.id ?? null, trail: [] };
}

/**
 * A new session with the answers a question gave away ("zero kubernetes experience" →
 * k8s-experience: none), each credited to whoever asked it (`by`) and dated `at`: they answered in
 * their own words. Answers the walkthrough does not have are dropped (the question was asked against
 * older data); like a revisit, it opens at the first open question, but it is no review: it ends
 * at its last answer.
 */
export function prefilled(
  def: WalkthroughDef,
  given: Record<string, string>,
  by: string | undefined,
  at: Date,
): SessionState {
  const answers: Record<string, AnswerEntry> = {};
  for (const [question, option] of Object.entries(given)) answers[question] = entry(option, by, at);
  return resume(def, answers);
}

/**
 * Nothing survives a restart: its confirmation promises that every answer is cleared. Restarting a
 * review (`state`) clears its answers, not what it is: it still ends only when finished.
 */
export function restart(def: WalkthroughDef, state?: Pick<SessionState, "review">): SessionState {
  return { ...start(def), ...(state ? reviewOf(state) : {}) };
}

/**
 * The answers that still fit the walkthrough (its data may have changed since they were given): an
 * option renamed since is kept under its new id (its `was`), an option that is gone is dropped.
 */
export function survivingAnswers(
  def: WalkthroughDef,
  answers: Record<string, AnswerEntry>,
): Record<string, AnswerEntry> {
  const kept: Record<string, AnswerEntry> = {};
  for (const [q, a] of Object.entries(answers)) {
    const option = canonicalOption(def, q, a.option);
    if (option !== undefined) kept[q] = { ...a, option };
  }
  return kept;
}

export function currentQuestion(def: WalkthroughDef, state: SessionState): Question | null {
  return state.current === null ? null : (def.byId.get(state.current) ?? null);
}

export function progress(
  def: WalkthroughDef,
  state: SessionState,
): { answered: number; skipped: number; total: number; position: number } {
  const total = def.questions.length;
  const answered = def.questions.filter((q) => q.id in state.answers).length;
  const skipped = def.questions.filter(
    (q) => !(q.id in state.answers) && state.skipped.includes(q.id),
  ).length;
  const index =
    state.current === null ? -1 : def.questions.findIndex((q) => q.id === state.current);
  return { answered, skipped, total, position: index < 0 ? total + 1 : index + 1 };
}

export function isFinished(def: WalkthroughDef, state: SessionState): boolean {
  return currentQuestion(def, state) === null;
}

/** questionId → optionId. */
export function answersOf(state: SessionState): Record<string, string> {
  return Object.fromEntries(Object.entries(state.answers).map(([q, a]) => [q, a.option]));
}

/**
 * Brings a stored state in line with the walkthrough it is used with (the data may have changed
 * since it was saved): drops answers, skips and trail entries that no longer exist, and moves
 * `current` on if its question is gone.
 */
export function reconcile(def: WalkthroughDef, state: SessionState): SessionState {
  const answers = survivingAnswers(def, state.answers);
  const skipped = state.skipped.filter((q) => def.byId.has(q) && !(q in answers));
  const trail = state.trail.filter((q) => def.byId.has(q));
  const current =
    state.current !== null && def.byId.has(state.current)
      ? state.current
      : nextOpen(def, { answers, skipped }, null);
  return {
    v: 1,
    answers,
    skipped,
    current,
    trail,
    ...(state.last ? { last: { ...state.last } } : {}),
    ...reviewOf(state),
  };
}
