import { isoDate } from "../clock.js";
import type { Lang } from "../i18n/lang.js";
import type { ChangeLog } from "./load.js";
import type { Change } from "./schema.js";
import { type ChangeItem, changeItem } from "./view.js";

/** How many changes an answer card shows. */
export const RECENT_CHANGES = 3;

/** The changes that affect a capability, newest first (none for an unknown id). */
export function changesFor(log: ChangeLog, capabilityId: string): readonly Change[] {
  return log.byCapability.get(capabilityId) ?? [];
}

/** The changes dated on or after a day (YYYY-MM-DD, or a moment's UTC date), newest first. */
export function changesSince(log: ChangeLog, date: string | Date): Change[] {
  const from = typeof date === "string" ? date : isoDate(date);
  return log.changes.filter((c) => c.date >= from);
}

/** The changes matching every filter given, newest first. */
export function selectChanges(
  log: ChangeLog,
  filter: { since?: string | undefined; capability?: string | undefined } = {},
): Change[] {
  const list = filter.capability ? changesFor(log, filter.capability) : log.changes;
  const from = filter.since;
  return from ? list.filter((c) => c.date >= from) : [...list];
}

/** A capability's newest changes as lines for an answer card (at most `limit`). */
export function recentChanges(
  log: ChangeLog,
  capabilityId: string,
  lang: Lang,
  now: Date,
  limit = RECENT_CHANGES,
): ChangeItem[] {
  return changesFor(log, capabilityId)
    .slice(0, limit)
    .map((c) => changeItem(c, lang, now));
}

/**
 * The names people use for the changes that affect each capability ("app mesh" → service-mesh,
 * "copilot cli" → simple-web-paas and infrastructure-as-code), without duplicates, for a
 * question matcher to route questions about an event to the capabilities it affects.
 */
export function changeAliasesByCapability(
  log: ChangeLog,
): ReadonlyMap<string, { en: readonly string[]; ja: readonly string[] }> {
  const out = new Map<string, { en: Set<string>; ja: Set<string> }>();
  for (const change of log.changes) {
    for (const id of change.capabilities) {
      const sets = out.get(id) ?? { en: new Set<string>(), ja: new Set<string>() };
      for (const alias of change.aliases.en) sets.en.add(alias);
      for (const alias of change.aliases.ja) sets.ja.add(alias);
      out.set(id, sets);
    }
  }
  return new Map([...out].map(([id, sets]) => [id, { en: [...sets.en], ja: [...sets.ja] }]));
}
