// A walkthrough session as the store keeps it (JSON, validated on read with sessionStateSchema),
// and the error a transition throws when a rule refuses it.
import { z } from "zod";
import type { Question, WalkthroughDef } from "./types.js";

export interface AnswerEntry {
  option: string;
  /** Who answered (a Slack user id, a CLI user name). */
  by?: string;
  /** When, as an ISO time. */
  at: string;
}

export const CLICK_KINDS = ["option", "skip", "back", "restart", "jump", "finish"] as const;
export type ClickKind = (typeof CLICK_KINDS)[number];

/** The latest click applied, so a later click can tell its own echo from someone else's change. */
export interface LastChange {
  kind: ClickKind;
  /** The question the click was drawn for (for a jump, the question it went to). */
  question: string | null;
  by: string;
  at: string;
}

export interface SessionState {
  v: 1;
  answers: Record<string, AnswerEntry>;
  skipped: string[];
  /** The question shown now; null when finished. */
  current: string | null;
  /** Question ids visited before the current one, for "back". */
  trail: string[];
  /** Absent in states saved before it existed and in sessions driven without clicks (the CLI). */
  last?: LastChange;
  /**
   * A review (a revisit): it never finishes by itself, however many questions are answered; only
   * "Show the result" (finish) ends it. Absent for a walkthrough that finishes at its last answer.
   */
  review?: true;
}

export const answerEntrySchema = z.object({
  option: z.string().min(1),
  by: z.string().min(1).optional(),
  at: z.iso.datetime({ offset: true }),
});

const lastChangeSchema = z.object({
  kind: z.enum(CLICK_KINDS),
  question: z.string().nullable(),
  by: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
});

/** The state as the store keeps it (JSON); adapters validate what they read with this. */
export const sessionStateSchema: z.ZodType<SessionState> = z.object({
  v: z.literal(1),
  answers: z.record(z.string(), answerEntrySchema),
  skipped: z.array(z.string()),
  current: z.string().nullable(),
  trail: z.array(z.string()),
  last: lastChangeSchema.optional(),
  review: z.literal(true).optional(),
});

export type WalkthroughErrorCode =
  | "unknown-question"
  | "unknown-option"
  | "finished"
  | "nothing-to-go-back-to"
  | "questions-open";

/** A transition that cannot apply: an id that is not in the walkthrough, or nothing left to do. */
export class WalkthroughError extends Error {
  constructor(
    readonly code: WalkthroughErrorCode,
    message: string,
    readonly questionId?: string,
    readonly optionId?: string,
  ) {
    super(message);
    this.name = "WalkthroughError";
  }
}

export function requireQuestion(def: WalkthroughDef, questionId: string): Question {
  const q = def.byId.get(questionId);
  if (!q)
    throw new WalkthroughError("unknown-question", `unknown question ${questionId}`, questionId);
  return q;
}

/**
 * The option a question's answer names, by its id or by an id it had before (`was`): stored
 * walkthroughs, scripts, old buttons and prefilled questions may still use an old id.
 */
export function findOption(def: WalkthroughDef, questionId: string, optionId: string) {
  const q = def.byId.get(questionId);
  if (!q) return undefined;
  return (
    q.options.find((opt) => opt.id === optionId) ??
    q.options.find((opt) => opt.was?.includes(optionId))
  );
}

/** The current id of an option (an old id maps to its new one); undefined when unknown. */
export function canonicalOption(
  def: WalkthroughDef,
  questionId: string,
  optionId: string,
): string | undefined {
  return findOption(def, questionId, optionId)?.id;
}

/** Answers with old option ids mapped to their current ones; unknown ids are left as they are. */
export function canonicalAnswers(
  def: WalkthroughDef,
  answers: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(answers).map(([q, o]) => [q, canonicalOption(def, q, o) ?? o]),
  );
}

export function requireOption(def: WalkthroughDef, questionId: string, optionId: string) {
  requireQuestion(def, questionId);
  const o = findOption(def, questionId, optionId);
  if (!o) {
    throw new WalkthroughError(
      "unknown-option",
      `unknown option ${optionId} for question ${questionId}`,
      questionId,
      optionId,
    );
  }
  return o;
}
