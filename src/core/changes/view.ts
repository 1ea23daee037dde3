import { isoDate } from "../clock.js";
import type { Lang } from "../i18n/lang.js";
import type { Source } from "../matrix/index.js";
import { changeKindLabel, t } from "./labels.js";
import type { Change, ChangeKind } from "./schema.js";

/** One change as a line: its date, kind and title in one language, and its source. */
export interface ChangeItem {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  kind: ChangeKind;
  /** Localized kind ("End of support", "サポート終了"). */
  kindLabel: string;
  title: string;
  /** The date is after "now": an announced change that has not happened yet. */
  upcoming: boolean;
  /** With `label` set (localized "third-party") for a third-party source. */
  source: Source & { label?: string };
}

/** One change in full: the line, plus what it says and which capabilities it affects. */
export interface ChangeDetail extends ChangeItem {
  summary: string;
  capabilities: string[];
}

export function changeItem(change: Change, lang: Lang, now: Date): ChangeItem {
  const { source } = change;
  return {
    id: change.id,
    date: change.date,
    kind: change.kind,
    kindLabel: changeKindLabel(change.kind, lang),
    title: change.title[lang],
    upcoming: change.date > isoDate(now),
    source:
      source.kind === "third-party" ? { ...source, label: t(lang, "thirdParty") } : { ...source },
  };
}

export function changeDetail(change: Change, lang: Lang, now: Date): ChangeDetail {
  return {
    ...changeItem(change, lang, now),
    summary: change.summary[lang],
    capabilities: [...change.capabilities],
  };
}
