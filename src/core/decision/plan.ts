import type { Platform, StageId, WalkthroughDef } from "../walkthrough/types.js";
import { holds } from "./conditions.js";

/** The capacity option the answers point to, and the index of the rule that chose it. */
export interface CapacityChoice {
  platform: Platform;
  option: string;
  rule: number;
}

/** One item of the bill of materials (its text is the data's, by id). */
export interface BillItem {
  id: string;
  stage: StageId;
  /** The English name, for scripts and stored decisions. */
  name: string;
}

/** At most this many items: a bill a team can read at a glance. */
const MAX_ITEMS = 10;

/** The first capacity rule of the platform whose condition holds (the last one always does). */
export function chooseCapacity(
  def: WalkthroughDef,
  platform: Platform,
  answers: Readonly<Record<string, string>>,
): CapacityChoice | null {
  const rules = def.capacity?.choose ?? [];
  const index = rules.findIndex((r) => r.platform === platform && holds(r.when, { answers }));
  const rule = rules[index];
  return rule ? { platform, option: rule.option, rule: index } : null;
}

/**
 * What the platform needs, given the answers and the capacity option: the items whose `when` holds
 * and whose `unless` does not; of a group of alternatives only the first that applies; at most
 * MAX_ITEMS, the lowest priority first (ties in data order); listed by stage, in data order.
 */
export function billOfMaterials(
  def: WalkthroughDef,
  platform: Platform,
  answers: Readonly<Record<string, string>>,
  capacity: string | null,
): BillItem[] {
  const ctx = { answers, capacity };
  const groups = new Set<string>();
  const applicable = (def.needs ?? []).filter((need) => {
    if (need.platform !== platform || !holds(need.when, ctx)) return false;
    if (need.unless && holds(need.unless, ctx)) return false;
    if (need.group) {
      if (groups.has(need.group)) return false;
      groups.add(need.group);
    }
    return true;
  });
  const kept = new Set(
    applicable
      .map((need, index) => ({ need, index }))
      .sort((a, b) => a.need.priority - b.need.priority || a.index - b.index)
      .slice(0, MAX_ITEMS)
      .map(({ need }) => need.id),
  );
  const stageOrder = def.stages.map((s) => s.id);
  return applicable
    .filter((need) => kept.has(need.id))
    .sort((a, b) => stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage))
    .map((need) => ({ id: need.id, stage: need.stage, name: need.name.en }));
}
