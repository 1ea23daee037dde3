import { recentChanges } from "../changes/index.js";
import type { Lang } from "../i18n/lang.js";
import {
  ageInDays,
  CATEGORIES,
  type Capability,
  categoryLabel,
  DEFAULT_MAX_AGE_DAYS,
  type Matrix,
  PLATFORM_LABELS,
  type Side,
  supportLabel,
  supportMark,
} from "../matrix/index.js";
import { t } from "./messages.js";
import type { AnswerOptions, CapabilityCard, NoMatch, SideView } from "./types.js";

function sideView(side: Side, platform: keyof typeof PLATFORM_LABELS, lang: Lang): SideView {
  return {
    platform: PLATFORM_LABELS[platform][lang],
    support: side.support,
    supportLabel: supportLabel(side.support, lang),
    mark: supportMark(side.support),
    uses: [...side.uses],
    summary: side.summary[lang],
  };
}

/** The answer card for one capability, e.g. for a button that shows a capability by id. */
export function capabilityCard(
  _matrix: Matrix,
  capability: Capability,
  lang: Lang,
  options: AnswerOptions & { alternatives?: readonly Capability[] } = {},
): CapabilityCard {
  const now = options.now ?? new Date();
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const ageDays = ageInDays(capability.verified, now);
  const stale = ageDays > maxAgeDays;
  const card: CapabilityCard = {
    kind: "capability",
    lang,
    id: capability.id,
    title: capability.title[lang],
    category: categoryLabel(capability.category, lang),
    kubernetes: sideView(capability.kubernetes, "kubernetes", lang),
    ecs: sideView(capability.ecs, "ecs", lang),
    implication: capability.implication[lang],
    sources: capability.sources.map((s) =>
      s.kind === "third-party" ? { ...s, label: t(lang, "thirdParty") } : { ...s },
    ),
    verified: capability.verified,
    ageDays,
    stale,
    alternatives: (options.alternatives ?? [])
      .filter((c) => c.id !== capability.id)
      .map((c) => ({ id: c.id, title: c.title[lang] })),
  };
  if (capability.sources.every((s) => s.kind === "third-party")) {
    card.thirdPartyNote = t(lang, "thirdPartyOnly");
  }
  if (stale) card.staleNote = t(lang, "staleNote", { date: capability.verified, days: ageDays });
  if (options.changes)
    card.recentChanges = recentChanges(options.changes, capability.id, lang, now);
  return card;
}

/**
 * A default set of capabilities to suggest: one from each category in turn (in the schema's category
 * order, each category's entries in file order), so the examples show the breadth of the matrix.
 */
export function suggestions(
  matrix: Matrix,
  lang: Lang,
  count = 5,
): { id: string; title: string }[] {
  const byCategory = CATEGORIES.map((cat) =>
    matrix.capabilities.filter((c) => c.category === cat),
  ).filter((list) => list.length > 0);
  const out: { id: string; title: string }[] = [];
  for (let round = 0; out.length < count; round++) {
    let added = false;
    for (const list of byCategory) {
      const c = list[round];
      if (!c) continue;
      added = true;
      out.push({ id: c.id, title: c.title[lang] });
      if (out.length >= count) break;
    }
    if (!added) break;
  }
  return out;
}

/** The polite "I don't know that" answer, with capabilities to try instead (closest first). */
export function noMatch(
  matrix: Matrix,
  lang: Lang,
  closest: readonly Capability[] = [],
  count = 5,
): NoMatch {
  const seen = new Set<string>();
  const list: { id: string; title: string }[] = [];
  for (const item of [
    ...closest.map((c) => ({ id: c.id, title: c.title[lang] })),
    ...suggestions(matrix, lang, count + closest.length),
  ]) {
    if (seen.has(item.id) || list.length >= count) continue;
    seen.add(item.id);
    list.push(item);
  }
  return { kind: "no-match", lang, message: t(lang, "noMatch"), suggestions: list };
}

/** "Did you mean A or B?": a question that fits two entries equally, both offered one click away. */
export function didYouMean(lang: Lang, a: Capability, b: Capability): NoMatch {
  const pair: [{ id: string; title: string }, { id: string; title: string }] = [
    { id: a.id, title: a.title[lang] },
    { id: b.id, title: b.title[lang] },
  ];
  return {
    kind: "no-match",
    lang,
    message: t(lang, "didYouMean", { a: pair[0].title, b: pair[1].title }),
    suggestions: [...pair],
    didYouMean: pair,
  };
}
