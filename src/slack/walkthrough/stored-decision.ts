import { z } from "zod";
import type { Decision } from "../../core/decision/index.js";
import { localizedSchema } from "../../core/i18n/lang.js";
import { leanSchema, stageIdSchema } from "../../core/walkthrough/index.js";
import type { StoredDecision } from "../../store/index.js";

const platform = z.enum(["ecs", "eks"]);
const recommendation = z.enum(["ecs", "eks", "either"]);

/** The core Decision as saved in the store's `summary`, validated when it is read back. */
const decisionSchema = z.object({
  recommendation,
  lean: platform.nullable(),
  strength: z.enum(["strong", "clear", "slight", "even"]),
  scores: z.object({ ecs: z.number(), eks: z.number() }),
  reasons: z.array(
    z.object({
      stage: stageIdSchema,
      items: z.array(
        z.object({
          question: z.string(),
          option: z.string(),
          lean: leanSchema,
          weight: z.number(),
          why: localizedSchema,
          capabilities: z.array(z.string()),
        }),
      ),
    }),
  ),
  flips: z.array(
    z.object({
      question: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      recommendation,
      lean: platform.nullable(),
    }),
  ),
  needs: z.object({ ecs: z.array(z.string()), eks: z.array(z.string()) }),
  unanswered: z.array(z.string()),
  answers: z.record(z.string(), z.string()),
  matrixVersion: z.string(),
  walkthroughVersion: z.string(),
});

export function storedDecision(d: StoredDecision): Decision | null {
  const parsed = decisionSchema.safeParse(d.summary);
  return parsed.success ? parsed.data : null;
}

/** The answers a decision was made from (for Revisit); empty when the stored shape is unknown. */
export function answersOfDecision(d: StoredDecision): Record<string, string> {
  const parsed = z.object({ answers: z.record(z.string(), z.string()) }).safeParse(d.summary);
  return parsed.success ? parsed.data.answers : {};
}

/** The verdict as stored with the decision's summary (since issue 10). */
const verdictSchema = z.object({
  verdict: z.object({
    kind: z.enum(["platform", "either", "required", "neither", "undecided"]),
    platform: platform.nullable(),
  }),
});

export type StoredVerdict = z.infer<typeof verdictSchema>["verdict"];

/** The verdict a decision's stored summary holds; null for decisions saved before it had one. */
export function storedVerdict(d: Pick<StoredDecision, "summary">): StoredVerdict | null {
  const parsed = verdictSchema.safeParse(d.summary);
  return parsed.success ? parsed.data.verdict : null;
}
