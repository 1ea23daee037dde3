import { z } from "zod";
import { isCalendarDate } from "../clock.js";
import { localizedSchema } from "../i18n/lang.js";
import { sourceSchema } from "../matrix/schema.js";

/**
 * What kind of platform event a change is: a launch, a deprecation (closed to new customers,
 * maintenance mode), an end of support, a pricing change, or a changed limit.
 */
export const CHANGE_KINDS = [
  "launch",
  "deprecation",
  "end-of-support",
  "pricing",
  "limit",
] as const;
export const changeKindSchema = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof changeKindSchema>;

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case");

/** A calendar date written YYYY-MM-DD that exists (2026-02-30 does not). */
export const changeDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(isCalendarDate, "must be a real date");

/** True for a real calendar date written YYYY-MM-DD (what `--since` and `since` accept). */
export function isChangeDate(value: string): boolean {
  return changeDateSchema.safeParse(value).success;
}

export const changeSchema = z.object({
  id: kebab,
  /** The announcement date or the date the change takes effect; the summary says which. */
  date: changeDateSchema,
  kind: changeKindSchema,
  title: localizedSchema,
  summary: localizedSchema,
  /** A primary AWS or Kubernetes source that states the date and the facts. */
  source: sourceSchema,
  /** Ids of the capabilities (data/capabilities.yml) the change affects. */
  capabilities: z.array(kebab).min(1),
  /** Names people use for the event ("app mesh", "copilot cli"), for routing questions to it. */
  aliases: z.object({
    en: z.array(z.string().trim().min(1)).min(1),
    ja: z.array(z.string().trim().min(1)).min(1),
  }),
});
export type Change = z.infer<typeof changeSchema>;

export const changesFileSchema = z.object({
  version: z.string().trim().min(1),
  changes: z.array(z.unknown()).min(1),
});
