import { changeKindLabel } from "../changes/labels.js";
import type { Change } from "../changes/schema.js";
import { recommendationText } from "../decision/view.js";
import { defineCatalog } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import { PLATFORM_LABELS, supportLabel } from "../matrix/labels.js";
import type { FactChange, Redecision, SideDelta } from "./relied.js";

const en = {
  gone: "no longer in the matrix",
  support: (p: { side: string; before: string; after: string }) =>
    `${p.side}: ${p.before} → ${p.after}`,
  summary: (p: { side: string; after: string }) => `${p.side}, now: ${p.after}`,
  entry: (p: { date: string; kind: string; title: string }) => `${p.date} ${p.kind}: ${p.title}`,
  same: (p: { rec: string }) =>
    `Decided again with the same answers on the data loaded now, the recommendation stays the same: ${p.rec}.`,
  differs: (p: { before: string; after: string }) =>
    `Decided again with the same answers on the data loaded now, the recommendation would differ: ${p.after} instead of ${p.before}.`,
};

const ja: typeof en = {
  gone: "比較表から削除されました",
  support: (p) => `${p.side}: ${p.before} → ${p.after}`,
  summary: (p) => `${p.side}（変更後）: ${p.after}`,
  entry: (p) => `${p.date} ${p.kind}: ${p.title}`,
  same: (p) => `同じ回答でいまのデータをもとに判定し直しても、推奨は変わりません（${p.rec}）。`,
  differs: (p) =>
    `同じ回答でいまのデータをもとに判定し直すと、推奨が変わります（${p.before} → ${p.after}）。`,
};

/** The words of a review, in every language the bot speaks (exported for the style tests). */
export const t = defineCatalog({ en, ja });

/** One changed fact in words: its title, and a line per side that changed, then its log entries. */
export interface FactChangeView {
  capabilityId: string;
  title: string;
  lines: string[];
  entries: string[];
}

function sideLines(side: "kubernetes" | "ecs", d: SideDelta, lang: Lang): string[] {
  const name = PLATFORM_LABELS[side][lang];
  const lines: string[] = [];
  if (d.after && d.before !== d.after) {
    lines.push(
      t(lang, "support", {
        side: name,
        before: supportLabel(d.before, lang),
        after: supportLabel(d.after, lang),
      }),
    );
  }
  if (d.summaryChanged && d.summary) {
    lines.push(t(lang, "summary", { side: name, after: d.summary[lang] }));
  }
  return lines;
}

/** What changed in a relied-on fact, as plain text (adapters escape it for their medium). */
export function describeFactChange(change: FactChange, lang: Lang): FactChangeView {
  const lines = change.gone
    ? [t(lang, "gone")]
    : [...sideLines("kubernetes", change.kubernetes, lang), ...sideLines("ecs", change.ecs, lang)];
  return {
    capabilityId: change.capabilityId,
    title: change.title[lang],
    lines,
    entries: change.entries.map((e) => describeEntry(e, lang)),
  };
}

/** A change-log entry on one line: "2026-05-01 Launch: …". */
export function describeEntry(change: Change, lang: Lang): string {
  return t(lang, "entry", {
    date: change.date,
    kind: changeKindLabel(change.kind, lang),
    title: change.title[lang],
  });
}

/** Whether the recommendation would differ, said plainly. */
export function redecisionSentence(r: Redecision, lang: Lang): string {
  const text = (d: Redecision["before"]) =>
    recommendationText(
      { recommendation: d.recommendation, lean: d.lean, verdict: d.verdict },
      lang,
    );
  return r.differs
    ? t(lang, "differs", { before: text(r.before), after: text(r.after) })
    : t(lang, "same", { rec: text(r.after) });
}
