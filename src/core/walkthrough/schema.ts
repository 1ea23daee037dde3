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

export const optionSchema = z
  .object({
    id: kebabId,
    label: localizedText,
    lean: leanSchema,
    weight: z.number().int().min(0).max(MAX_WEIGHT),
    why: localizedText,
    /** Capability ids (data/capabilities.yml) the option touches. */
    capabilities: z.array(kebabId),
    cues: cuesSchema.optional(),
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

export const walkthroughFileSchema = z.object({
  /** Quoted in decision records: bump it when a question, option, lean or weight changes. */
  version: z.string().trim().min(1),
  stages: z.array(stageSchema).length(STAGE_IDS.length),
});
