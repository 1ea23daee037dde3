import type { Lang } from "../i18n/lang.js";
import type { Matrix } from "../matrix/load.js";
import { requireOption, requireQuestion } from "../walkthrough/session.js";
import type { FactRef, Lean, Option, StageId, WalkthroughDef } from "../walkthrough/types.js";
import {
  type CompleteDecision,
  completeDecision,
  type Decision,
  type Flip,
  type Platform,
  plannedPlatform,
  type Recommendation,
  SETTLED,
  type Strength,
  type VerdictKind,
} from "./decide.js";
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
  /** e.g. "Leans to Amazon ECS (+3)", "Neutral" or "Requires Amazon EKS". */
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

export interface ListView {
  title: string;
  items: string[];
}

/** A hard constraint that decided: why, and the matrix source behind it (null without one). */
export interface MustView {
  question: string;
  option: string;
  because: string;
  fact: string | null;
}

export interface CapacityView {
  id: string;
  platform: Platform;
  name: string;
  why: string;
  fee: string;
  /** "AWS Fargate: There are no instances …". */
  line: string;
}

export interface NeedView {
  id: string;
  name: string;
  why: string;
  /** "AWS CDK: One stack reproduces …". */
  line: string;
}

/** The bill of materials of the recommended platform, by stage (stages without items left out). */
export interface NeedsView {
  title: string;
  platform: Platform | null;
  stages: { stage: StageId; title: string; items: NeedView[] }[];
  count: number;
  /** The sentence to show when there are no items. */
  none: string;
}

/** A decision as localized strings: renderers (Slack, CLI) lay it out and add no wording of their own. */
export interface DecisionView {
  lang: Lang;
  recommendation: Recommendation;
  lean: Platform | null;
  strength: Strength;
  verdict: VerdictKind;
  /** e.g. "Recommendation: Amazon ECS (clear lean)". */
  headline: string;
  /** What the result means, in one to three sentences. */
  summary: string;
  scores: { ecs: number; eks: number; line: string };
  /** The hard constraints that decided (empty unless the verdict is required or neither). */
  must: { title: string; items: MustView[] };
  /** How to run the recommended platform; null without one. */
  capacity: { title: string; choice: CapacityView } | null;
  reasons: { title: string; stages: StageReasonsView[] };
  /** `none` is the sentence to show when `items` is empty. */
  flips: { title: string; items: FlipView[]; none: string };
  needs: NeedsView;
  /** Prompts of the questions not answered. */
  unanswered: ListView;
  versions: string;
}

export function platformName(platform: Platform, lang: Lang): string {
  return t(lang, platform === "ecs" ? "platform.ecs" : "platform.eks");
}

/** In Japanese, a space between a Latin word and the kana that follows it ("ROSA です"). */
export function beforeKana(text: string, lang: Lang): string {
  return lang === "ja" && /[A-Za-z0-9)]$/.test(text) ? `${text} ` : text;
}

/** In Japanese, spaces between Latin words and the kana on both sides (「は AWS Lambda です」). */
export function amidKana(text: string, lang: Lang): string {
  const spaced = beforeKana(text, lang);
  return lang === "ja" && /^[A-Za-z0-9]/.test(spaced) ? ` ${spaced}` : spaced;
}

/** "Amazon ECS", "either, leaning Amazon EKS", "either, evenly balanced". */
export function recommendationText(
  outcome: { recommendation: Recommendation; lean: Platform | null; verdict?: VerdictKind },
  lang: Lang,
): string {
  if (outcome.verdict === "neither") return t(lang, "rec.neither");
  if (outcome.verdict === "undecided") {
    return outcome.lean
      ? t(lang, "rec.undecidedLean", { platform: platformName(outcome.lean, lang) })
      : t(lang, "rec.undecidedEven");
  }
  if (outcome.recommendation !== "either") {
    const platform = platformName(outcome.recommendation, lang);
    return outcome.verdict === "required"
      ? t(lang, "rec.required", { platform })
      : t(lang, "rec.platform", { platform });
  }
  return outcome.lean
    ? t(lang, "rec.eitherLean", { platform: platformName(outcome.lean, lang) })
    : t(lang, "rec.eitherEven");
}

function answeredCount(decision: Decision): number {
  return Object.keys(decision.answers).length;
}

export function headline(def: WalkthroughDef, decision: CompleteDecision, lang: Lang): string {
  const { recommendation, lean, strength, verdict } = decision;
  switch (verdict.kind) {
    case "required":
      return t(lang, "headline.required", {
        platform: platformName(verdict.platform ?? "eks", lang),
      });
    case "neither":
      return t(lang, "headline.neither");
    case "undecided":
      return t(lang, "headline.undecided", {
        answered: answeredCount(decision),
        total: def.questions.length,
      });
    default:
      break;
  }
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

/** The better option a "neither" verdict names, localized; null for conflicting requirements. */
export function insteadText(
  def: WalkthroughDef,
  decision: CompleteDecision,
  lang: Lang,
): string | null {
  for (const m of decision.verdict.musts) {
    const instead = requireOption(def, m.question, m.option).must?.instead;
    if (instead) return instead[lang];
  }
  return null;
}

/** "stay" or "migrate" when the team already runs ECS or EKS and a platform is planned. */
export function framing(
  decision: CompleteDecision,
): { kind: "stay" | "migrate"; from: Platform; to: Platform } | null {
  const current = decision.answers["current-platform"];
  const to = plannedPlatform(decision.verdict);
  if ((current !== "ecs" && current !== "eks") || !to) return null;
  return { kind: current === to ? "stay" : "migrate", from: current, to };
}

export function summary(def: WalkthroughDef, decision: CompleteDecision, lang: Lang): string {
  if (answeredCount(decision) === 0) return t(lang, "summary.noAnswers");
  const { verdict } = decision;
  const parts: string[] = [];
  const lean = verdict.platform;
  switch (verdict.kind) {
    case "required": {
      const platform = verdict.platform ?? "eks";
      parts.push(t(lang, "summary.required", { platform: platformName(platform, lang) }));
      const { ecs, eks } = decision.scores;
      const other: Platform = platform === "ecs" ? "eks" : "ecs";
      if (decision.scores[other] > decision.scores[platform] && ecs !== eks) {
        parts.push(
          t(lang, "summary.requiredAgainst", {
            platform: platformName(platform, lang),
            other: platformName(other, lang),
          }),
        );
      }
      break;
    }
    case "neither": {
      const instead = insteadText(def, decision, lang);
      parts.push(
        instead
          ? t(lang, "summary.neither", { instead: amidKana(instead, lang) })
          : t(lang, "summary.neitherConflict"),
      );
      if (lean) parts.push(t(lang, "summary.without", { platform: platformName(lean, lang) }));
      break;
    }
    case "undecided":
      parts.push(t(lang, "summary.undecided", { min: SETTLED.MIN_ANSWERED }));
      parts.push(
        lean
          ? t(lang, "summary.soFarLean", { platform: platformName(lean, lang) })
          : t(lang, "summary.soFarEven"),
      );
      break;
    case "platform":
      parts.push(t(lang, decision.recommendation === "eks" ? "summary.eks" : "summary.ecs"));
      break;
    case "either":
      parts.push(
        lean
          ? t(lang, "summary.eitherLean", { platform: platformName(lean, lang) })
          : t(lang, "summary.eitherEven"),
      );
      break;
  }
  const frame = framing(decision);
  if (frame && verdict.kind !== "either") {
    parts.push(
      frame.kind === "stay"
        ? t(lang, "summary.stay", { platform: platformName(frame.to, lang) })
        : t(lang, "summary.migrate", {
            from: platformName(frame.from, lang),
            to: platformName(frame.to, lang),
          }),
    );
  }
  return parts.join(lang === "ja" ? "" : " ");
}

export function leanLabel(lean: Lean, weight: number, lang: Lang, option?: Option): string {
  if (option?.must?.requires) {
    return t(lang, "lean.requires", { platform: platformName(option.must.requires, lang) });
  }
  if (option?.must?.instead) return t(lang, "lean.neither");
  if (lean === "neutral") return t(lang, "lean.neutral");
  return weight === 0
    ? t(lang, "lean.counted", { platform: platformName(lean, lang) })
    : t(lang, "lean.platform", { platform: platformName(lean, lang), weight });
}

export function capabilityTitle(matrix: Matrix, id: string, lang: Lang): string {
  return matrix.byId.get(id)?.title[lang] ?? id;
}

/** "Source: <title> (checked <date>)." for a fact of the matrix; null when the matrix lacks it. */
export function factLine(matrix: Matrix, fact: FactRef | undefined, lang: Lang): string | null {
  if (!fact) return null;
  const cap = matrix.byId.get(fact.capability);
  if (!cap) return null;
  const source =
    cap.sources.find((s) => s.url === fact.source) ?? cap.sources.find((s) => s.kind === "primary");
  if (!source) return null;
  return t(lang, "must.fact", { title: `${source.title} <${source.url}>`, date: cap.verified });
}

export function flipSentence(def: WalkthroughDef, flip: Flip, lang: Lang): string {
  const q = requireQuestion(def, flip.question);
  const option = requireOption(def, flip.question, flip.to);
  if (flip.kind === "constraint" && option.must?.requires) {
    return t(lang, "flip.requires", {
      condition: option.must.if[lang],
      platform: platformName(option.must.requires, lang),
    });
  }
  // Still undecided, the change moves only the lean; otherwise it changes the recommendation.
  const then =
    flip.verdict === "undecided" || flip.verdict === "neither"
      ? flip.lean
        ? t(lang, "then.lean", { platform: platformName(flip.lean, lang) })
        : t(lang, "then.even")
      : t(lang, "then.recommendation", {
          rec: recommendationText(
            {
              recommendation: flip.recommendation,
              lean: flip.lean,
              ...(flip.verdict ? { verdict: flip.verdict } : {}),
            },
            lang,
          ),
        });
  const topic = q.topic[lang];
  if (flip.from === null)
    return t(lang, "flip.unanswered", { topic, to: option.label[lang], then });
  const from = requireOption(def, flip.question, flip.from).label[lang];
  if (flip.kind === "lifted") return t(lang, "flip.lifted", { topic, from, then });
  return t(lang, "flip.changed", { topic, from, to: option.label[lang], then });
}

function needsView(def: WalkthroughDef, decision: CompleteDecision, lang: Lang): NeedsView {
  const platform = decision.bill.length > 0 ? plannedPlatform(decision.verdict) : null;
  const byId = new Map((def.needs ?? []).map((n) => [n.id, n]));
  const stages: NeedsView["stages"] = [];
  for (const stage of def.stages) {
    const items: NeedView[] = [];
    for (const item of decision.bill.filter((b) => b.stage === stage.id)) {
      const need = byId.get(item.id);
      const name = need ? need.name[lang] : item.name;
      const why = need ? need.why[lang] : "";
      items.push({ id: item.id, name, why, line: t(lang, "needs.item", { name, why }) });
    }
    if (items.length > 0) stages.push({ stage: stage.id, title: stage.title[lang], items });
  }
  const instead = decision.verdict.kind === "neither" ? insteadText(def, decision, lang) : null;
  return {
    title: platform
      ? t(lang, "needs.for", { platform: platformName(platform, lang) })
      : t(lang, "needs.title"),
    platform,
    stages,
    count: decision.bill.length,
    none: instead
      ? t(lang, "needs.noneNeither", { instead: beforeKana(instead, lang) })
      : t(lang, "needs.none"),
  };
}

function capacityView(
  def: WalkthroughDef,
  decision: CompleteDecision,
  lang: Lang,
): DecisionView["capacity"] {
  const choice = decision.capacity;
  if (!choice) return null;
  const option = def.capacity?.options.find((o) => o.id === choice.option);
  const rule = def.capacity?.choose[choice.rule];
  if (!option || !rule) return null;
  const name = option.label[lang];
  const why = rule.why[lang];
  return {
    title: t(lang, "capacity.title"),
    choice: {
      id: option.id,
      platform: choice.platform,
      name,
      why,
      fee: option.fee[lang],
      line: t(lang, "capacity.line", { name, why }),
    },
  };
}

/**
 * Localizes a decision for Slack and the CLI. A decision stored before the verdict, capacity and bill
 * of materials existed is completed from its answers first.
 */
export function describeDecision(
  def: WalkthroughDef,
  matrix: Matrix,
  stored: Decision,
  lang: Lang,
): DecisionView {
  const decision = completeDecision(def, matrix, stored);
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
          leanLabel: leanLabel(r.lean, r.weight, lang, o),
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

  const must: MustView[] = decision.verdict.musts.map((m) => {
    const option = requireOption(def, m.question, m.option);
    return {
      question: m.question,
      option: option.id,
      because: option.must?.because[lang] ?? "",
      fact: factLine(matrix, option.must?.fact, lang),
    };
  });

  return {
    lang,
    recommendation: decision.recommendation,
    lean: decision.lean,
    strength: decision.strength,
    verdict: decision.verdict.kind,
    headline: headline(def, decision, lang),
    summary: summary(def, decision, lang),
    scores: {
      ...decision.scores,
      line: t(lang, "scores.line", {
        ...decision.scores,
        answered: answeredCount(decision),
        total: def.questions.length,
      }),
    },
    must: { title: t(lang, "must.title"), items: must },
    capacity: capacityView(def, decision, lang),
    reasons: { title: t(lang, "reasons.title"), stages },
    flips: {
      title: t(lang, "flips.title"),
      items: decision.flips.map((f) => ({ ...f, sentence: flipSentence(def, f, lang) })),
      none: t(lang, "flips.none"),
    },
    needs: needsView(def, decision, lang),
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
