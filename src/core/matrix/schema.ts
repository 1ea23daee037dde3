import { z } from "zod";
import { localizedSchema } from "../i18n/lang.js";

export const CATEGORIES = [
  "config-and-secrets",
  "workloads",
  "networking",
  "scaling-and-compute",
  "delivery",
  "extensibility",
  "observability",
  "security",
  "operations-and-cost",
  "developer-experience",
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/**
 * How a platform provides a capability:
 * - native: built into the platform itself (a Kubernetes resource, an ECS feature);
 * - delegated: done by other services the platform integrates with (ECS → Secrets Manager, EventBridge…;
 *   Kubernetes → an add-on or controller you install);
 * - partial: possible, with real gaps;
 * - none: not available.
 */
export const SUPPORT_LEVELS = ["native", "delegated", "partial", "none"] as const;
export const supportSchema = z.enum(SUPPORT_LEVELS);
export type Support = z.infer<typeof supportSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "must be a real date");

export const sideSchema = z.object({
  support: supportSchema,
  /** Kubernetes side: resources and add-ons (Secret, CronJob, Karpenter…). ECS side: AWS services and ECS features. */
  uses: z.array(z.string().trim().min(1)).min(1),
  summary: localizedSchema,
});
export type Side = z.infer<typeof sideSchema>;

/**
 * primary: AWS (documentation, What's New, blogs, pricing) or Kubernetes (kubernetes.io, the
 * project's repositories), or the project's own documentation for an add-on; third-party:
 * anything else. A claim resting only on third-party sources says so in the answer.
 */
export const SOURCE_KINDS = ["primary", "third-party"] as const;

export const sourceSchema = z.object({
  url: z.url({ protocol: /^https$/ }),
  title: z.string().trim().min(1),
  kind: z.enum(SOURCE_KINDS),
});
export type Source = z.infer<typeof sourceSchema>;

export const capabilitySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case"),
  category: categorySchema,
  title: localizedSchema,
  /** Words and phrases people use for this capability, for matching questions. */
  aliases: z.object({
    en: z.array(z.string().trim().min(1)).min(1),
    ja: z.array(z.string().trim().min(1)).min(1),
  }),
  kubernetes: sideSchema,
  ecs: sideSchema,
  /** What this means for the ECS-vs-EKS choice. */
  implication: localizedSchema,
  sources: z.array(sourceSchema).min(1),
  /** The date the facts of this entry were last checked against its sources. */
  verified: isoDate,
});
export type Capability = z.infer<typeof capabilitySchema>;

export const matrixFileSchema = z.object({
  /** The matrix version, quoted in decision records: bump it when facts change. */
  version: z.string().trim().min(1),
  capabilities: z.array(z.unknown()).min(1),
});
