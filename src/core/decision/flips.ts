import type { WalkthroughDef } from "../walkthrough/types.js";
import { type Flip, judge, MAX_FLIPS, type Outcome, outcomeOf, type Verdict } from "./decide.js";

interface Candidate {
  flip: Flip;
  /** Lower is more decisive. */
  rank: number;
  /** The new lean's margin: a larger one is more decisive. */
  margin: number;
  answered: boolean;
  order: number;
}

/**
 * Answers that, changed alone, change where the decision stands: from one platform's lean to the
 * other's, to or from an even call, or to or from "neither fits". Answers that only weaken or
 * strengthen the same lean are not flips. Most decisive first: lifting the constraint that decided,
 * then a hard constraint that would decide alone ("If you had to run Kubeflow"; only those that
 * require a platform: a team is not told every way its plans could be impossible), then the changes
 * whose new lean is widest; one per question, at most MAX_FLIPS.
 */
export function findFlips(
  def: WalkthroughDef,
  answers: Readonly<Record<string, string>>,
  base: { verdict: Verdict; scores: { ecs: number; eks: number } },
): Flip[] {
  const from: Outcome = outcomeOf(base);
  const decidedBy = new Set(base.verdict.musts.map((m) => m.question));
  const best = new Map<string, Candidate>();
  let order = 0;
  for (const q of def.questions) {
    const current = answers[q.id] ?? null;
    for (const o of q.options) {
      if (o.id === current) continue;
      order++;
      const alt = judge(def, { ...answers, [q.id]: o.id });
      const to = outcomeOf(alt);
      if (to === from) continue;
      const lifted = decidedBy.has(q.id) && !o.must;
      if (o.must && !o.must.requires) continue;
      const kind: Flip["kind"] = lifted ? "lifted" : o.must ? "constraint" : "score";
      const candidate: Candidate = {
        flip: {
          question: q.id,
          from: current,
          to: o.id,
          recommendation: alt.recommendation,
          lean: alt.lean,
          outcome: to,
          verdict: alt.verdict.kind,
          kind,
        },
        rank: kind === "lifted" ? 0 : kind === "constraint" ? 1 : 2,
        // Lifting a constraint reads the same whichever answer replaces it: the first in data order.
        margin: kind === "lifted" ? 0 : Math.abs(alt.scores.ecs - alt.scores.eks),
        answered: current !== null,
        order,
      };
      const known = best.get(q.id);
      if (!known || compare(candidate, known) < 0) best.set(q.id, candidate);
    }
  }
  return [...best.values()]
    .sort(compare)
    .slice(0, MAX_FLIPS)
    .map((c) => c.flip);
}

function compare(a: Candidate, b: Candidate): number {
  return (
    a.rank - b.rank ||
    b.margin - a.margin ||
    Number(b.answered) - Number(a.answered) ||
    a.order - b.order
  );
}
