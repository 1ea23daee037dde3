import type { ChangeItem, ChangeLog } from "../changes/index.js";
import type { Clock } from "../clock.js";
import type { Lang } from "../i18n/lang.js";
import type { Capability, Source, Support } from "../matrix/index.js";
import type { StageId, WalkthroughDef } from "../walkthrough/types.js";
import type { Route } from "./route.js";

export interface AnswerOptions {
  /** The date staleness is judged against (the caller's clock; default: the system clock). */
  now?: Date;
  /** Facts older than this many days get a stale note (default DEFAULT_MAX_AGE_DAYS). */
  maxAgeDays?: number;
  /** The dated change log: with it, a card lists its capability's recent changes. */
  changes?: ChangeLog;
}

export interface AnswererOptions {
  /** The app's clock: each answer judges staleness against its "now". */
  clock?: Clock;
  /** Facts older than this many days get a stale note (default DEFAULT_MAX_AGE_DAYS). */
  maxAgeDays?: number;
  /** The dated change log: with it, cards list their capability's recent changes. */
  changes?: ChangeLog;
  /**
   * The walkthrough: with it, a question that asks for the platform choice gets the answers it gives
   * away (`prefill`) and the walkthrough's own stages and labels.
   */
  walkthrough?: WalkthroughDef;
}

export interface Scored {
  capability: Capability;
  /** 0..1 */
  confidence: number;
}

export interface AnswerResult {
  /**
   * Where the question went: a capability's card, the platform choice (the walkthrough), or
   * nothing (a polite no-match, or "did you mean A or B?").
   */
  route: Route;
  /**
   * For the platform choice, the walkthrough answers the question gives away, {questionId: optionId}
   * in walkthrough order; empty otherwise.
   */
  prefill: Record<string, string>;
  /** The lang argument, else the question's language, else "en". */
  lang: Lang;
  /** null when nothing matches well enough (off-topic). */
  capability: Capability | null;
  confidence: number;
  /** Up to 3 runners-up, never the best; for a no-match, the closest few if any. */
  alternatives: Scored[];
  model: AnswerModel;
}

export interface Answerer {
  answer(question: string, lang?: Lang): AnswerResult;
}

export type AnswerModel = CapabilityCard | NoMatch | PlatformChoice;

export interface SideView {
  /** "Kubernetes / EKS" | "Amazon ECS" */
  platform: string;
  support: Support;
  supportLabel: string;
  mark: string;
  uses: string[];
  summary: string;
}

export interface CapabilityCard {
  kind: "capability";
  lang: Lang;
  id: string;
  title: string;
  /** Localized category label. */
  category: string;
  kubernetes: SideView;
  ecs: SideView;
  implication: string;
  /** Each with `label` set for a third-party source (localized "third-party"). */
  sources: (Source & { label?: string })[];
  /** Localized, present only when no source is primary (AWS or Kubernetes). */
  thirdPartyNote?: string;
  verified: string;
  ageDays: number;
  stale: boolean;
  /** Localized, present only when stale. */
  staleNote?: string;
  alternatives: { id: string; title: string }[];
  /**
   * The capability's newest platform changes (at most RECENT_CHANGES, newest first), present
   * when the answer was given a change log.
   */
  recentChanges?: ChangeItem[];
}

export interface NoMatch {
  kind: "no-match";
  lang: Lang;
  /** Localized, polite, says what the bot can answer (or asks which of two was meant). */
  message: string;
  suggestions: { id: string; title: string }[];
  /** "Did you mean A or B?": the two entries the question fits equally (then also `suggestions`). */
  didYouMean?: [{ id: string; title: string }, { id: string; title: string }];
}

/** The answer to "should we use ECS or EKS?": the thesis, the three questions, and the way in. */
export interface PlatformChoice {
  kind: "platform-choice";
  lang: Lang;
  title: string;
  /** A few sentences: ECS vs EKS is ECS vs Kubernetes; delegation to AWS vs a platform to build on. */
  thesis: string;
  /** The three questions the choice follows from (the walkthrough's stages). */
  stages: { id: StageId; title: string }[];
  /** What the question already answers, in walkthrough order, localized. */
  known: { questionId: string; optionId: string; topic: string; answer: string }[];
  /** {questionId: optionId} of `known`: what a walkthrough started from this answer fills in. */
  prefill: Record<string, string>;
  /** How many questions the walkthrough asks. */
  total: number;
  /** The way in: what the walkthrough does and what is already filled in. */
  wayIn: string;
  /** Capabilities the question also touches (its topic, when it had one), to open as cards. */
  related: { id: string; title: string }[];
  /** Localized heading for `known`. */
  knownTitle: string;
  /** Localized heading for `related`. */
  relatedTitle: string;
}
