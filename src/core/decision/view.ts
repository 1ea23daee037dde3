import type { Lang } from "../i18n/lang.js";
import type { Matrix } from "../matrix/load.js";
import { requireOption, requireQuestion } from "../walkthrough/session.js";
import type { Lean, StageId, WalkthroughDef } from "../walkthrough/types.js";
import type { Decision, Flip, Platform, Recommendation, Strength } from "./decide.js";
import { t } from "./messages.js";

/** One answered question, ready to show. */
export interface ReasonView {
  question: string;
  option: string;
  /** The question's short name, e.g. "portability". */
  topic: string;
  prompt: string;
  /** The chosen option's label. */
  answer: string;
  lean: Lean;
  weight: number;
  /** e.g. "Leans to Amazon ECS (+3)" or "Neutral". */
  leanLabel: string;
  why: string;
  /** Titles of the capabilities the answer touches (the id when the matrix lacks it). */
  capabilities: string[];
  /** e.g. "Touches: Secrets, Scheduled jobs"; empty string when it touches none. */
  capabilitiesLine: string;
}

export interface StageReasonsView {
  stage: StageId;
  title: string;
  items: ReasonView[];
}

export interface FlipView extends Flip {
  sentence: string;
}

/** What one platform needs: every item, and the most-touched few for a short summary. */
export interface NeedsView extends ListView {
  top: string[];
  /** e.g. "…and 9 more in the decision record"; null when `top` is everything. */
  more: string | null;
}

/** How many needs a short summary (Slack, terminal) shows; the decision record has them all. */
export const NEEDS_SHOWN = 10;

export interface ListView {
  title: string;
  items: string[];
}

/** A decision as localized strings: renderers (Slack, CLI) lay it out and add no wording of their own. */
export interface DecisionView {
  lang: Lang;
  recommendation: Recommendation;
  lean: Platform | null;
  strength: Strength;
  /** e.g. "Recommendation: Amazon ECS (clear lean)". */
  headline: string;
  /** What the result means, in one or two sentences. */
  summary: string;
  scores: { ecs: number; eks: number; line: string };
  reasons: { title: string; stages: StageReasonsView[] };
  /** `none` is the sentence to show when `items` is empty. */
  flips: { title: string; items: FlipView[]; none: string };
  /** `none` is the sentence to show when both lists are empty. */
  needs: { title: string; ecs: NeedsView; eks: NeedsView; none: string };
  /** Prompts of the questions not answered. */
  unanswered: ListView;
  versions: string;
}

export function platformName(platform: Platform, lang: Lang): string {
  return t(lang, platform === "ecs" ? "platform.ecs" : "platform.eks");
}

/** "Amazon ECS", "either, leaning Amazon EKS", "either, evenly balanced". */
export function recommendationText(
  outcome: { recommendation: Recommendation; lean: Platform | null },
  lang: Lang,
): string {
  if (outcome.recommendation !== "either") {
    return t(lang, "rec.platform", { platform: platformName(outcome.recommendation, lang) });
  }
  return outcome.lean
    ? t(lang, "rec.eitherLean", { platform: platformName(outcome.lean, lang) })
    : t(lang, "rec.eitherEven");
}

export function headline(decision: Decision, lang: Lang): string {
  const { recommendation, lean, strength } = decision;
  if (recommendation !== "either") {
    return t(lang, "headline.platform", {
      platform: platformName(recommendation, lang),
      strength: t(lang, strength === "strong" ? "strength.strong" : "strength.clear"),
    });
  }
  return lean
    ? t(lang, "headline.eitherLean", { platform: platformName(lean, lang) })
    : t(lang, "headline.eitherEven");
}

export function summary(decision: Decision, lang: Lang): string {
  if (Object.keys(decision.answers).length === 0) return t(lang, "summary.noAnswers");
  if (decision.recommendation === "ecs") return t(lang, "summary.ecs");
  if (decision.recommendation === "eks") return t(lang, "summary.eks");
  return decision.lean
    ? t(lang, "summary.eitherLean", { platform: platformName(decision.lean, lang) })
    : t(lang, "summary.eitherEven");
}

export function leanLabel(lean: Lean, weight: number, lang: Lang): string {
  return lean === "neutral"
    ? t(lang, "lean.neutral")
    : t(lang, "lean.platform", { platform: platformName(lean, lang), weight });
}

export function capabilityTitle(matrix: Matrix, id: string, lang: Lang): string {
  return matrix.byId.get(id)?.title[lang] ?? id;
}

export function flipSentence(def: WalkthroughDef, flip: Flip, lang: Lang): string {
  const q = requireQuestion(def, flip.question);
  const to = requireOption(def, flip.question, flip.to).label[lang];
  const rec = recommendationText(flip, lang);
  if (flip.from === null) return t(lang, "flip.unanswered", { topic: q.topic[lang], to, rec });
  const from = requireOption(def, flip.question, flip.from).label[lang];
  return t(lang, "flip.changed", { topic: q.topic[lang], from, to, rec });
}

function needsView(title: string, items: readonly string[], lang: Lang): NeedsView {
  const rest = items.length - NEEDS_SHOWN;
  return {
    title,
    items: [...items],
    top: items.slice(0, NEEDS_SHOWN),
    more: rest > 0 ? t(lang, "needs.more", { count: rest }) : null,
  };
}

/** Localizes a decision for Slack and the CLI. */
export function describeDecision(
  def: WalkthroughDef,
  matrix: Matrix,
  decision: Decision,
  lang: Lang,
): DecisionView {
  const stages: StageReasonsView[] = decision.reasons.map((group) => {
    const stage = def.stages.find((s) => s.id === group.stage);
    return {
      stage: group.stage,
      title: stage ? stage.title[lang] : group.stage,
      items: group.items.map((r) => {
        const q = requireQuestion(def, r.question);
        const o = requireOption(def, r.question, r.option);
        const capabilities = r.capabilities.map((id) => capabilityTitle(matrix, id, lang));
        return {
          question: r.question,
          option: r.option,
          topic: q.topic[lang],
          prompt: q.prompt[lang],
          answer: o.label[lang],
          lean: r.lean,
          weight: r.weight,
          leanLabel: leanLabel(r.lean, r.weight, lang),
          why: r.why[lang],
          capabilities,
          capabilitiesLine:
            capabilities.length > 0
              ? t(lang, "capabilities.line", {
                  titles: capabilities.join(t(lang, "list.separator")),
                })
              : "",
        };
      }),
    };
  });

  return {
    lang,
    recommendation: decision.recommendation,
    lean: decision.lean,
    strength: decision.strength,
    headline: headline(decision, lang),
    summary: summary(decision, lang),
    scores: {
      ...decision.scores,
      line: t(lang, "scores.line", {
        ...decision.scores,
        answered: Object.keys(decision.answers).length,
        total: def.questions.length,
      }),
    },
    reasons: { title: t(lang, "reasons.title"), stages },
    flips: {
      title: t(lang, "flips.title"),
      items: decision.flips.map((f) => ({ ...f, sentence: flipSentence(def, f, lang) })),
      none: t(lang, "flips.none"),
    },
    needs: {
      title: t(lang, "needs.title"),
      ecs: needsView(t(lang, "needs.ecs"), decision.needs.ecs, lang),
      eks: needsView(t(lang, "needs.eks"), decision.needs.eks, lang),
      none: t(lang, "needs.none"),
    },
    unanswered: {
      title: t(lang, "unanswered.title"),
      items: decision.unanswered.map((id) => requireQuestion(def, id).prompt[lang]),
    },
    versions: t(lang, "versions.line", {
      matrix: decision.matrixVersion,
      walkthrough: decision.walkthroughVersion,
    }),
  };
}
