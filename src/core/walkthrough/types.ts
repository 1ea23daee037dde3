import type { Localized } from "../i18n/lang.js";
import type { Lean, StageId } from "./schema.js";

export type { Lean, StageId } from "./schema.js";

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

export interface WalkthroughDef {
  version: string;
  stages: Stage[];
  /** Every question, flattened, in walkthrough order. */
  questions: Question[];
  byId: ReadonlyMap<string, Question>;
}
