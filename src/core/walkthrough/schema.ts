import { z } from "zod";
import { isValidCue } from "../answer/cue.js";
import { localizedSchema } from "../i18n/lang.js";

/** The three questions the choice follows from: what system, how to build it, how to run it. */
export const STAGE_IDS = ["what-system", "how-to-build", "how-to-run"] as const;
export const stageIdSchema = z.enum(STAGE_IDS);
export type StageId = z.infer<typeof stageIdSchema>;

export const LEANS = ["ecs", "eks", "neutral"] as const;
export const leanSchema = z.enum(LEANS);
export type Lean = z.infer<typeof leanSchema>;

export const PLATFORMS = ["ecs", "eks"] as const;
export const platformSchema = z.enum(PLATFORMS);

/** The largest weight an option may carry. */
export const MAX_WEIGHT = 3;

/**
 * Localized text that rejects unknown keys: in a YAML flow mapping an unquoted comma
 * (`{ en: Yes, we do, ja: … }`) silently splits the text into extra keys.
 */
const localizedText = z.strictObject(localizedSchema.shape);

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case");

const cue = z.string().trim().min(1).refine(isValidCue, {
  message: "must be a cue: words (a|b), gaps (…) and numbers (#1-10), see src/core/answer/cue.ts",
});
/**
 * Phrases that give the option away in a question ("zero kubernetes experience"), so `ask` can fill
 * it in; without them, the option's label is used (see src/core/answer/prefill.ts).
 */
const cuesSchema = z.strictObject({
  en: z.array(cue).optional(),
  ja: z.array(cue).optional(),
});

/**
 * A condition on the answers: question id (or `capacity`) → the option ids (or capacity option ids)
 * that satisfy it; `answered` and `unanswered` stand for any answer and no answer. Every key must
 * hold; a list of such maps holds when any of them does. Ids are checked against the walkthrough at
 * load (src/core/walkthrough/load.ts).
 */
export const ANSWERED = "answered";
export const UNANSWERED = "unanswered";
const conditionMap = z.record(kebabId, z.array(kebabId).min(1));
export const conditionSchema = z.union([conditionMap, z.array(conditionMap).min(1)]);
export type Condition = z.infer<typeof conditionSchema>;

/**
 * A fact from the capability matrix that backs a rule: the capability, and optionally the one source
 * (which must be a primary source of that capability) the claim rests on.
 */
const factSchema = z.strictObject({
  capability: kebabId,
  source: z.url({ protocol: /^https$/ }).optional(),
});
export type FactRef = z.infer<typeof factSchema>;

/**
 * A hard constraint: the answer alone decides (`requires`: only that platform can do it) or rules
 * both out (`instead`: neither fits as asked, and this is the better option).
 */
const mustSchema = z
  .strictObject({
    requires: platformSchema.optional(),
    instead: localizedText.optional(),
    /** Why, as one sentence. */
    because: localizedText,
    /** The condition as the start of a flip sentence: "If you had to run Kubeflow". */
    if: localizedText,
    fact: factSchema.optional(),
  })
  .refine((m) => (m.requires === undefined) !== (m.instead === undefined), {
    message: "must have exactly one of requires (a platform) and instead (the better option)",
  });

export const optionSchema = z
  .strictObject({
    id: kebabId,
    label: localizedText,
    lean: leanSchema,
    weight: z.number().int().min(0).max(MAX_WEIGHT),
    why: localizedText,
    /** Capability ids (data/capabilities.yml) the option touches. */
    capabilities: z.array(kebabId),
    cues: cuesSchema.optional(),
    /** Ids this option had before: stored walkthroughs, scripts and old buttons still use them. */
    was: z.array(kebabId).optional(),
    must: mustSchema.optional(),
    /** When these answers are given, this option's weight is already counted by them. */
    overlaps: conditionSchema.optional(),
  })
  .superRefine((option, ctx) => {
    if (option.lean === "neutral" && option.weight !== 0) {
      ctx.addIssue({ code: "custom", path: ["weight"], message: "must be 0 when lean is neutral" });
    }
    if (option.lean !== "neutral" && option.weight === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["weight"],
        message: `must be at least 1 when lean is ${option.lean}`,
      });
    }
    const seen = new Set<string>();
    option.capabilities.forEach((id, i) => {
      if (seen.has(id)) {
        ctx.addIssue({ code: "custom", path: ["capabilities", i], message: `duplicate id ${id}` });
      }
      seen.add(id);
    });
  });

export const questionSchema = z.object({
  id: kebabId,
  /** A short name for the question, used in sentences ("If portability were …"). */
  topic: localizedText,
  prompt: localizedText,
  help: localizedText.optional(),
  options: z.array(z.unknown()).min(2),
});

export const stageSchema = z.object({
  id: stageIdSchema,
  title: localizedText,
  questions: z.array(z.unknown()).min(1),
});

/** A way to run the chosen platform's compute (Fargate, Auto Mode…). */
export const capacityOptionSchema = z.strictObject({
  id: kebabId,
  platform: platformSchema,
  label: localizedText,
  /** What it costs, as one sentence; figures must come from the matrix (control-plane-cost). */
  fee: localizedText,
  fact: factSchema,
});

/** Which capacity option the answers point to: the first rule of the platform that holds. */
export const capacityRuleSchema = z.strictObject({
  platform: platformSchema,
  option: kebabId,
  when: conditionSchema.optional(),
  why: localizedText,
});

export const capacitySchema = z.strictObject({
  options: z.array(capacityOptionSchema).min(2),
  choose: z.array(capacityRuleSchema).min(2),
});

/** One item of the bill of materials of a platform. */
export const needSchema = z.strictObject({
  id: kebabId,
  platform: platformSchema,
  stage: stageIdSchema,
  /** 1 = kept first when more than the maximum apply. */
  priority: z.number().int().min(1).max(3),
  /** Alternatives share a group: only the first item of a group that applies is listed. */
  group: kebabId.optional(),
  name: localizedText,
  why: localizedText,
  when: conditionSchema.optional(),
  unless: conditionSchema.optional(),
  fact: factSchema.optional(),
});

/**
 * A consequence of choosing a platform, whatever the answers; `capabilities`: what it is about, so
 * that the record leaves it out when an answer's reason has said it already.
 */
const consequenceSchema = z.strictObject({
  ...localizedSchema.shape,
  capabilities: z.array(kebabId).optional(),
});

/** What choosing a platform means, whatever the answers: the record's consequences. */
export const platformInfoSchema = z.strictObject({
  good: z.array(consequenceSchema).min(1),
  bad: z.array(consequenceSchema).min(1),
  /** What moving to this platform from the other one means. */
  migrate: localizedText,
});

export const walkthroughFileSchema = z.object({
  /** Quoted in decision records: bump it when a question, option, lean or weight changes. */
  version: z.string().trim().min(1),
  stages: z.array(stageSchema).length(STAGE_IDS.length),
  capacity: capacitySchema.optional(),
  needs: z.array(z.unknown()).optional(),
  platforms: z.strictObject({ ecs: platformInfoSchema, eks: platformInfoSchema }).optional(),
});
