import type { Localized } from "../i18n/lang.js";
import type { Matrix } from "../matrix/load.js";
import { requireOption } from "../walkthrough/session.js";
import type { Lean, StageId, WalkthroughDef } from "../walkthrough/types.js";

export type Platform = "ecs" | "eks";
export type Recommendation = Platform | "either";
export type Strength = "strong" | "clear" | "slight" | "even";

export interface Reason {
  question: string;
  option: string;
  lean: Lean;
  weight: number;
  why: Localized;
  capabilities: string[];
}

export interface Flip {
  question: string;
  /** The current answer, or null when the question is unanswered. */
  from: string | null;
  to: string;
  recommendation: Recommendation;
  /** For "either": which way it would lean. */
  lean: Platform | null;
}

export interface Decision {
  recommendation: Recommendation;
  /** For "either": which way it leans, null if exactly even. For ecs/eks: that side. */
  lean: Platform | null;
  strength: Strength;
  scores: { ecs: number; eks: number };
  /** Every answered question, grouped by stage in walkthrough order (stages without answers left out). */
  reasons: { stage: StageId; items: Reason[] }[];
  /** Answers that, changed alone, change the recommendation. */
  flips: Flip[];
  /** What you will need: ECS side AWS services, EKS side Kubernetes resources and add-ons. */
  needs: { ecs: string[]; eks: string[] };
  unanswered: string[];
  answers: Record<string, string>;
  matrixVersion: string;
  walkthroughVersion: string;
}

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

/** Validates the answers and sums the weights per side. */
export function score(
  def: WalkthroughDef,
  answers: Record<string, string>,
): { ecs: number; eks: number } {
  const scores = { ecs: 0, eks: 0 };
  for (const [questionId, optionId] of Object.entries(answers)) {
    const option = requireOption(def, questionId, optionId);
    if (option.lean !== "neutral") scores[option.lean] += option.weight;
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
        weight: o.weight,
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

function rankUses(
  touched: { id: string; count: number }[],
  matrix: Matrix,
  side: "ecs" | "kubernetes",
): string[] {
  const weights = new Map<string, number>();
  for (const { id, count } of touched) {
    const cap = matrix.byId.get(id);
    if (!cap) continue;
    for (const use of cap[side].uses) weights.set(use, (weights.get(use) ?? 0) + count);
  }
  return [...weights].sort((a, b) => b[1] - a[1]).map(([use]) => use);
}

/**
 * Scores the answers and explains the result. Throws WalkthroughError on unknown question or
 * option ids.
 */
export function decide(
  def: WalkthroughDef,
  matrix: Matrix,
  answers: Record<string, string>,
): Decision {
  const scores = score(def, answers);
  const outcome = classify(scores);

  // Flips: re-decide with each other option of each question (answered or not), one at a time.

  const flips: Flip[] = [];
  for (const q of def.questions) {
    const from = answers[q.id] ?? null;
    for (const o of q.options) {
      if (o.id === from) continue;
      const alt = classify(score(def, { ...answers, [q.id]: o.id }));
      if (alt.recommendation !== outcome.recommendation) {
        flips.push({
          question: q.id,
          from,
          to: o.id,
          recommendation: alt.recommendation,
          lean: alt.lean,
        });
      }
    }
  }

  const touched = touchedCapabilities(def, answers);
  const ordered: Record<string, string> = {};
  for (const q of def.questions) {
    const a = answers[q.id];
    if (a !== undefined) ordered[q.id] = a;
  }

  return {
    ...outcome,
    scores,
    reasons: reasonsOf(def, answers),
    flips,
    needs: { ecs: rankUses(touched, matrix, "ecs"), eks: rankUses(touched, matrix, "kubernetes") },
    unanswered: def.questions.filter((q) => answers[q.id] === undefined).map((q) => q.id),
    answers: ordered,
    matrixVersion: matrix.version,
    walkthroughVersion: def.version,
  };
}
