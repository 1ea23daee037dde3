import type { Localized } from "../i18n/lang.js";
import type { Condition, FactRef, Lean, StageId } from "./schema.js";

export type { Condition, FactRef, Lean, StageId } from "./schema.js";

export type Platform = "ecs" | "eks";

/** A hard constraint carried by an option (see `must` in data/walkthrough.yml). */
export interface Must {
  /** Only this platform can do it. */
  requires?: Platform;
  /** Neither fits as asked; this is the better option. */
  instead?: Localized;
  because: Localized;
  /** The condition, as the start of a flip sentence. */
  if: Localized;
  fact?: FactRef;
}

export interface Option {
  id: string;
  label: Localized;
  lean: Lean;
  /** 0 for neutral options, 1–3 otherwise. */
  weight: number;
  why: Localized;
  capabilities: string[];
  /** Phrases that give the option away in a question (see src/core/answer/cue.ts). */
  cues?: { en?: string[]; ja?: string[] };
  /** Ids the option had before (aliases): answers given with them still count. */
  was?: string[];
  must?: Must;
  /** When these answers are given, the option's weight is already counted by them. */
  overlaps?: Condition;
}

export interface Question {
  id: string;
  stage: StageId;
  /** A short name for sentences, e.g. "portability" / 「可搬性」. */
  topic: Localized;
  prompt: Localized;
  help?: Localized;
  options: Option[];
}

export interface Stage {
  id: StageId;
  title: Localized;
  questions: Question[];
}

export interface CapacityOption {
  id: string;
  platform: Platform;
  label: Localized;
  fee: Localized;
  fact: FactRef;
}

export interface CapacityRule {
  platform: Platform;
  option: string;
  when?: Condition;
  why: Localized;
}

export interface Need {
  id: string;
  platform: Platform;
  stage: StageId;
  priority: number;
  group?: string;
  name: Localized;
  why: Localized;
  when?: Condition;
  unless?: Condition;
  fact?: FactRef;
}

/** A consequence of a platform; `capabilities`: what it is about (see data/walkthrough.yml). */
export type Consequence = Localized & { capabilities?: string[] };

export interface PlatformInfo {
  good: Consequence[];
  bad: Consequence[];
  migrate: Localized;
}

export interface WalkthroughDef {
  version: string;
  stages: Stage[];
  /** Every question, flattened, in walkthrough order. */
  questions: Question[];
  byId: ReadonlyMap<string, Question>;
  /** Capacity options and the rules that choose one; empty when the data has none. */
  capacity?: { options: CapacityOption[]; choose: CapacityRule[] };
  /** The bill of materials, every platform's items in data order. */
  needs?: Need[];
  platforms?: Record<Platform, PlatformInfo>;
}
