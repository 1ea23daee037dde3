import type { Localized } from "../i18n/lang.js";
import type { Matrix } from "../matrix/load.js";
import { canonicalAnswers, canonicalOption, requireOption } from "../walkthrough/session.js";
import type { Lean, StageId, WalkthroughDef } from "../walkthrough/types.js";
import { holds } from "./conditions.js";
import { findFlips } from "./flips.js";
import { type BillItem, billOfMaterials, type CapacityChoice, chooseCapacity } from "./plan.js";

export type { BillItem, CapacityChoice } from "./plan.js";

export type Platform = "ecs" | "eks";
export type Recommendation = Platform | "either";
export type Strength = "strong" | "clear" | "slight" | "even";

export interface Reason {
  question: string;
  option: string;
  lean: Lean;
  /** The weight it adds: 0 when its concern is already counted by another answer (`overlaps`). */
  weight: number;
  why: Localized;
  capabilities: string[];
}

/**
 * What the answers come to:
 * - `platform`: the scores recommend `platform`;
 * - `either`: both would work; `platform` is the lean, null when exactly even;
 * - `required`: a hard constraint (an answer's `must.requires`) decides `platform` on its own;
 * - `neither`: a hard constraint rules both out as asked (`must.instead` names the better option);
 * - `undecided`: too few questions are answered to decide (see SETTLED); `platform` is the lean so far.
 */
export type VerdictKind = "platform" | "either" | "required" | "neither" | "undecided";

export interface Verdict {
  kind: VerdictKind;
  platform: Platform | null;
  /** The answers whose hard constraint decided it (`required`, `neither`). */
  musts: { question: string; option: string }[];
}

/** Where a decision stands for flips: a platform lean, an even call, or neither. */
export type Outcome = Platform | "even" | "neither";

export interface Flip {
  question: string;
  /** The current answer, or null when the question is unanswered. */
  from: string | null;
  to: string;
  recommendation: Recommendation;
  /** For "either": which way it would lean. */
  lean: Platform | null;
  /** Where the changed answers would stand. */
  outcome?: Outcome;
  verdict?: VerdictKind;
  /** `constraint`: the new answer is a hard constraint; `lifted`: it removes the one that decided. */
  kind?: "score" | "constraint" | "lifted";
}

export interface Decision {
  recommendation: Recommendation;
  /** For "either": which way it leans, null if exactly even. For ecs/eks: that side. */
  lean: Platform | null;
  strength: Strength;
  scores: { ecs: number; eks: number };
  /** Every answered question, grouped by stage in walkthrough order (stages without answers left out). */
  reasons: { stage: StageId; items: Reason[] }[];
  /** Answers that, changed alone, change the platform lean: at most MAX_FLIPS, most decisive first. */
  flips: Flip[];
  /** The bill of materials' item names (English) for the recommended platform; the other is empty. */
  needs: { ecs: string[]; eks: string[] };
  unanswered: string[];
  answers: Record<string, string>;
  matrixVersion: string;
  walkthroughVersion: string;
  /**
   * Since issue 10. Optional because decisions stored before (and read back by adapters that
   * validate the older shape) lack them: describeDecision() completes such a decision from its
   * answers (see completeDecision).
   */
  verdict?: Verdict;
  /** How to run the recommended platform's compute; null without a platform to run. */
  capacity?: CapacityChoice | null;
  /** The bill of materials for the recommended platform, by stage, at most MAX_NEEDS items. */
  bill?: BillItem[];
}

/** A decision with everything describeDecision() and the record need. */
export type CompleteDecision = Decision & Required<Pick<Decision, "verdict" | "capacity" | "bill">>;

/**
 * The scoring model. Each answer adds its weight to the side it leans to. The answers are "either"
 * when the margin between the sides is below MIN_MARGIN points or below EITHER_RATIO of all points
 * cast; otherwise the larger side is recommended, "strong" when the margin is at least STRONG_RATIO
 * of the points and at least twice MIN_MARGIN, "clear" otherwise.
 */
export const SCORING = {
  MIN_MARGIN: 3,
  EITHER_RATIO: 0.2,
  STRONG_RATIO: 0.5,
} as const;

/**
 * When the answers are enough to decide. The choice follows from three questions (what system, how
 * to build it, how to run it), so a recommendation needs at least one answer in each stage, and at
 * least MIN_ANSWERED answers in all, so that one or two heavy answers never decide alone. Half of the
 * seventeen questions would be stricter than a careful engineer is: four answers across the three
 * stages (no Kubernetes experience, AWS only, a small ops team, AWS as the platform) already make a
 * defensible recommendation, while two answers and a 1–0 score do not. A hard constraint decides
 * whatever the count.
 */
export const SETTLED = { MIN_ANSWERED: 4 } as const;

export const MAX_FLIPS = 5;
export const MAX_NEEDS = 10;

export function classify(scores: { ecs: number; eks: number }): {
  recommendation: Recommendation;
  lean: Platform | null;
  strength: Strength;
} {
  const margin = Math.abs(scores.ecs - scores.eks);
  const total = scores.ecs + scores.eks;
  if (margin === 0) return { recommendation: "either", lean: null, strength: "even" };
  const side: Platform = scores.ecs > scores.eks ? "ecs" : "eks";
  const ratio = margin / total;
  if (margin < SCORING.MIN_MARGIN || ratio < SCORING.EITHER_RATIO) {
    return { recommendation: "either", lean: side, strength: "slight" };
  }
  const strong = ratio >= SCORING.STRONG_RATIO && margin >= 2 * SCORING.MIN_MARGIN;
  return { recommendation: side, lean: side, strength: strong ? "strong" : "clear" };
}

/** The weight an answer adds: its own, unless another answer already counts the same concern. */
function effectiveWeight(
  def: WalkthroughDef,
  questionId: string,
  optionId: string,
  answers: Readonly<Record<string, string>>,
): number {
  const option = requireOption(def, questionId, optionId);
  if (option.lean === "neutral") return 0;
  return option.overlaps && holds(option.overlaps, { answers }) ? 0 : option.weight;
}

/** Validates the answers and sums the weights per side. */
export function score(
  def: WalkthroughDef,
  answers: Record<string, string>,
): { ecs: number; eks: number } {
  const canonical = canonicalAnswers(def, answers);
  const scores = { ecs: 0, eks: 0 };
  for (const [questionId, optionId] of Object.entries(canonical)) {
    const option = requireOption(def, questionId, optionId);
    if (option.lean !== "neutral") {
      scores[option.lean] += effectiveWeight(def, questionId, optionId, canonical);
    }
  }
  return scores;
}

function reasonsOf(def: WalkthroughDef, answers: Record<string, string>): Decision["reasons"] {
  const groups: Decision["reasons"] = [];
  for (const stage of def.stages) {
    const items: Reason[] = [];
    for (const q of stage.questions) {
      const optionId = answers[q.id];
      if (optionId === undefined) continue;
      const o = requireOption(def, q.id, optionId);
      items.push({
        question: q.id,
        option: o.id,
        lean: o.lean,
        weight: effectiveWeight(def, q.id, o.id, answers),
        why: o.why,
        capabilities: [...o.capabilities],
      });
    }
    if (items.length > 0) groups.push({ stage: stage.id, items });
  }
  return groups;
}

/**
 * Capability ids the answers touch, most-touched first (ties: walkthrough order), with the count.
 */
export function touchedCapabilities(
  def: WalkthroughDef,
  answers: Record<string, string>,
): { id: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const q of def.questions) {
    const optionId = answers[q.id];
    if (optionId === undefined) continue;
    for (const cap of requireOption(def, q.id, optionId).capabilities) {
      counts.set(cap, (counts.get(cap) ?? 0) + 1);
    }
  }
  // Map keeps first-touched order; Array.prototype.sort is stable.
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count);
}

/** Whether enough is answered to decide: see SETTLED. */
export function isSettled(def: WalkthroughDef, answers: Readonly<Record<string, string>>): boolean {
  const answered = def.questions.filter((q) => answers[q.id] !== undefined);
  const stages = new Set(answered.map((q) => q.stage));
  return answered.length >= SETTLED.MIN_ANSWERED && def.stages.every((s) => stages.has(s.id));
}

/** The verdict and its legacy fields (recommendation, lean, strength), without flips or plan. */
export function judge(
  def: WalkthroughDef,
  answers: Readonly<Record<string, string>>,
): {
  verdict: Verdict;
  recommendation: Recommendation;
  lean: Platform | null;
  strength: Strength;
  scores: { ecs: number; eks: number };
} {
  const scores = score(def, { ...answers });
  const outcome = classify(scores);
  const musts: { question: string; option: string; requires?: Platform; instead: boolean }[] = [];
  for (const q of def.questions) {
    const optionId = answers[q.id];
    if (optionId === undefined) continue;
    const must = requireOption(def, q.id, optionId).must;
    if (must) {
      musts.push({
        question: q.id,
        option: optionId,
        ...(must.requires ? { requires: must.requires } : {}),
        instead: must.instead !== undefined,
      });
    }
  }
  const refs = (list: typeof musts) => list.map(({ question, option }) => ({ question, option }));
  const neither = musts.filter((m) => m.instead);
  const required = [...new Set(musts.flatMap((m) => (m.requires ? [m.requires] : [])))];
  // Two constraints that require different platforms leave neither as asked.
  if (neither.length > 0 || required.length > 1) {
    return {
      verdict: {
        kind: "neither",
        platform: outcome.lean,
        musts: refs(neither.length ? neither : musts),
      },
      recommendation: "either",
      lean: null,
      strength: "even",
      scores,
    };
  }
  const platform = required[0];
  if (platform) {
    return {
      verdict: { kind: "required", platform, musts: refs(musts) },
      recommendation: platform,
      lean: platform,
      strength: "strong",
      scores,
    };
  }
  if (!isSettled(def, answers)) {
    return {
      verdict: { kind: "undecided", platform: outcome.lean, musts: [] },
      recommendation: "either",
      lean: outcome.lean,
      strength: outcome.lean ? "slight" : "even",
      scores,
    };
  }
  const kind: VerdictKind = outcome.recommendation === "either" ? "either" : "platform";
  return { verdict: { kind, platform: outcome.lean, musts: [] }, ...outcome, scores };
}

/** Where a judged decision stands: neither, the required platform, or the lean of the scores. */
export function outcomeOf(j: { verdict: Verdict; scores: { ecs: number; eks: number } }): Outcome {
  if (j.verdict.kind === "neither") return "neither";
  if (j.verdict.kind === "required" && j.verdict.platform) return j.verdict.platform;
  const { ecs, eks } = j.scores;
  return ecs === eks ? "even" : ecs > eks ? "ecs" : "eks";
}

/** The platform the plan (capacity, bill of materials) is for: none while nothing is decided. */
export function plannedPlatform(verdict: Verdict): Platform | null {
  return verdict.kind === "platform" || verdict.kind === "required" || verdict.kind === "either"
    ? verdict.platform
    : null;
}

/**
 * Scores the answers and explains the result. Answers given with an option's old id (`was`) count as
 * its current one. Throws WalkthroughError on unknown question or option ids.
 */
export function decide(
  def: WalkthroughDef,
  matrix: Matrix,
  given: Record<string, string>,
): CompleteDecision {
  const answers: Record<string, string> = {};
  const canonical = canonicalAnswers(def, given);
  for (const q of def.questions) {
    const a = canonical[q.id];
    if (a !== undefined) answers[q.id] = a;
  }
  // Unknown questions are refused, as before.
  for (const q of Object.keys(canonical)) requireOption(def, q, canonical[q] as string);

  const judged = judge(def, answers);
  const platform = plannedPlatform(judged.verdict);
  const capacity = platform ? chooseCapacity(def, platform, answers) : null;
  const bill = platform ? billOfMaterials(def, platform, answers, capacity?.option ?? null) : [];
  const names = bill.map((item) => item.name);

  return {
    recommendation: judged.recommendation,
    lean: judged.lean,
    strength: judged.strength,
    scores: judged.scores,
    reasons: reasonsOf(def, answers),
    flips: findFlips(def, answers, judged),
    needs: { ecs: platform === "ecs" ? names : [], eks: platform === "eks" ? names : [] },
    unanswered: def.questions.filter((q) => answers[q.id] === undefined).map((q) => q.id),
    answers,
    matrixVersion: matrix.version,
    walkthroughVersion: def.version,
    verdict: judged.verdict,
    capacity,
    bill,
  };
}

/**
 * The answers a walkthrough still has, old option ids mapped to their current ones: an answer
 * whose question or option no longer exists is dropped.
 */
export function keptAnswers(
  def: WalkthroughDef,
  answers: Readonly<Record<string, string>>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [q, o] of Object.entries(answers)) {
    const option = canonicalOption(def, q, o);
    if (option !== undefined) kept[q] = option;
  }
  return kept;
}

/**
 * A decision with the fields added since it was stored recomputed from its answers (answers the
 * walkthrough no longer has are dropped); a complete decision is returned as it is.
 */
export function completeDecision(
  def: WalkthroughDef,
  matrix: Matrix,
  decision: Decision,
): CompleteDecision {
  if (decision.verdict && decision.capacity !== undefined && decision.bill) {
    return decision as CompleteDecision;
  }
  const fresh = decide(def, matrix, keptAnswers(def, decision.answers));
  return {
    ...decision,
    verdict: fresh.verdict,
    capacity: fresh.capacity,
    bill: fresh.bill,
    flips: fresh.flips,
  };
}
