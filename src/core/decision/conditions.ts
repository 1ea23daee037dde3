import { CAPACITY_KEY } from "../walkthrough/load.js";
import { ANSWERED, UNANSWERED } from "../walkthrough/schema.js";
import type { Condition } from "../walkthrough/types.js";

/** What a condition is tested against: the (canonical) answers and, for needs, the capacity option. */
export interface ConditionContext {
  answers: Readonly<Record<string, string>>;
  capacity?: string | null;
}

function mapHolds(map: Readonly<Record<string, string[]>>, ctx: ConditionContext): boolean {
  return Object.entries(map).every(([key, ids]) => {
    if (key === CAPACITY_KEY) return ctx.capacity != null && ids.includes(ctx.capacity);
    const given = ctx.answers[key];
    if (given === undefined) return ids.includes(UNANSWERED);
    return ids.includes(ANSWERED) || ids.includes(given);
  });
}

/** Whether a condition of data/walkthrough.yml holds: every key of a map, any map of a list. */
export function holds(condition: Condition | undefined, ctx: ConditionContext): boolean {
  if (condition === undefined) return true;
  return Array.isArray(condition)
    ? condition.some((map) => mapHolds(map, ctx))
    : mapHolds(condition, ctx);
}
