import type { KnownBlock } from "@slack/types";
import {
  type ChangeItem,
  type ChangeQueryResult,
  changeItem,
  t as changeWords,
} from "../../core/changes/index.js";
import type { Lang } from "../../core/i18n/lang.js";
import type { Matrix } from "../../core/matrix/index.js";
import { escapeText, link } from "../escape.js";
import { t } from "../messages.js";
import { capBlocks, context, header, LIMITS, section } from "./limits.js";
import type { RenderedMessage } from "./message.js";

/** One change on one line: date, kind (and "upcoming"), and its title linked to its source. */
export function changeLine(item: ChangeItem, lang: Lang): string {
  const upcoming = item.upcoming ? ` (${changeWords(lang, "upcoming")})` : "";
  const label = item.source.label ? ` (${escapeText(item.source.label)})` : "";
  const title = link(item.source.url, item.title);
  return `*${item.date}* · ${escapeText(item.kindLabel)}${upcoming} · ${title}${label}`;
}

export interface ChangesOptions {
  /** The slash command as users type it. */
  command: string;
  /** The filters that were applied, to say what the list is. */
  since?: string | undefined;
  capability?: { id: string; title: string } | undefined;
}

/** The change log, newest first, one section per change, within a message's 50 blocks. */
export function renderChanges(
  items: readonly ChangeItem[],
  lang: Lang,
  opts: ChangesOptions,
): RenderedMessage {
  const about = [t(lang, "changesCount", { count: items.length })];
  if (opts.since) about.push(t(lang, "changesSince", { date: escapeText(opts.since) }));
  if (opts.capability) {
    about.push(
      t(lang, "changesAffecting", {
        title: escapeText(opts.capability.title),
        id: escapeText(opts.capability.id),
      }),
    );
  }
  const blocks: KnownBlock[] = [header(t(lang, "changesHeader")), context(about.join(" · "))];
  if (items.length === 0) blocks.push(section(t(lang, "changesEmpty")));
  for (const item of items) blocks.push(section(changeLine(item, lang)));
  const hint = context(t(lang, "changesHint", { cmd: opts.command }));
  // Header, summary and hint are kept; a long list ends with a note instead of its oldest lines.
  const shown = Math.min(items.length, LIMITS.messageBlocks - 4);
  const capped = capBlocks(
    blocks,
    LIMITS.messageBlocks,
    t(lang, "changesOverflow", { shown, total: items.length }),
    1,
  );
  return {
    text: t(lang, "changesFallback", { count: items.length }),
    blocks: [...capped, hint],
  };
}

/**
 * The reply to `/ecs-vs-eks changes …`: the list, or what was wrong with the date or the
 * capability id the user typed (escaped, since it is shown back).
 */
export function renderChangeQuery(
  result: ChangeQueryResult,
  lang: Lang,
  opts: { command: string; matrix: Matrix; now: Date; since?: string; capability?: string },
): RenderedMessage | { text: string } {
  if (!result.ok) {
    const value = escapeText(result.value);
    return {
      text:
        result.refused === "bad-date"
          ? t(lang, "changesBadDate", { value, cmd: opts.command })
          : t(lang, "changesUnknownCapability", { id: value, cmd: opts.command }),
    };
  }
  const capability = opts.capability ? opts.matrix.byId.get(opts.capability) : undefined;
  return renderChanges(
    result.changes.map((c) => changeItem(c, lang, opts.now)),
    lang,
    {
      command: opts.command,
      since: opts.since,
      capability: capability ? { id: capability.id, title: capability.title[lang] } : undefined,
    },
  );
}
