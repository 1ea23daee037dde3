import type { Clock } from "../clock.js";
import type { Lang } from "../i18n/lang.js";
import type { Capability, Source, Support } from "../matrix/index.js";

export interface AnswerOptions {
  /** The date staleness is judged against (the caller's clock; default: the system clock). */
  now?: Date;
  /** Facts older than this many days get a stale note (default DEFAULT_MAX_AGE_DAYS). */
  maxAgeDays?: number;
}

export interface AnswererOptions {
  /** The app's clock: each answer judges staleness against its "now". */
  clock?: Clock;
  /** Facts older than this many days get a stale note (default DEFAULT_MAX_AGE_DAYS). */
  maxAgeDays?: number;
}

export interface Scored {
  capability: Capability;
  /** 0..1 */
  confidence: number;
}

export interface AnswerResult {
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

export type AnswerModel = CapabilityCard | NoMatch;

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
}

export interface NoMatch {
  kind: "no-match";
  lang: Lang;
  /** Localized, polite, says what the bot can answer. */
  message: string;
  suggestions: { id: string; title: string }[];
}
