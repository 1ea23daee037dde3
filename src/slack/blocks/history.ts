import type { KnownBlock } from "@slack/types";
import type { Lang } from "../../core/i18n/lang.js";
import type { StoredDecision } from "../../store/index.js";
import { escapeText, link, mentionChannel, mentionUser } from "../escape.js";
import { t as vt } from "../messages/versions.js";
import { t } from "../messages.js";
import { encode } from "../payloads.js";
import { actions, button, header, LIMITS, sections } from "./limits.js";
import type { RenderedMessage } from "./message.js";

export const HISTORY_ALL_ACTION = "history_all";

export function recommendationName(recommendation: string, lang: Lang): string {
  if (recommendation === "ecs") return t(lang, "recEcs");
  if (recommendation === "eks") return t(lang, "recEks");
  return t(lang, "recEither");
}

/**
 * One decision as a line: title → recommendation, status (and "v2 · revised" for a thread's later
 * version), date, where (link to the thread), who.
 */
export function decisionLine(d: StoredDecision, lang: Lang, version = 1): string {
  const status = t(lang, "historyStatus", { label: t(lang, "statusLabel", { status: d.status }) });
  const where = d.threadLink
    ? `${mentionChannel(d.channelId)} ${link(d.threadLink, t(lang, "historyOpenThread"))}`
    : mentionChannel(d.channelId);
  return t(lang, "historyLine", {
    title: escapeText(d.title),
    rec: recommendationName(d.recommendation, lang),
    date: d.createdAt.toISOString().slice(0, 10),
    where,
    users: d.participants.slice(0, 10).map(mentionUser).join(", "),
    status: version > 1 ? `${status} · ${vt(lang, "verListed", { n: version })}` : status,
  });
}

/**
 * The latest decisions of a channel (scope "channel") or the workspace ("all"). `versions`: each
 * listed decision's version in its thread (see src/slack/walkthrough/versions.ts latestListed).
 */
export function renderHistory(
  decisions: StoredDecision[],
  lang: Lang,
  scope: "channel" | "all",
  versions: ReadonlyMap<string, number> = new Map(),
): RenderedMessage {
  const blocks: KnownBlock[] = [
    header(t(lang, scope === "channel" ? "historyHeaderChannel" : "historyHeaderAll")),
  ];
  if (decisions.length === 0) {
    blocks.push(
      ...sections(t(lang, scope === "channel" ? "historyEmptyChannel" : "historyEmptyAll")),
    );
  } else {
    for (const d of decisions.slice(0, LIMITS.messageBlocks - 4)) {
      blocks.push(...sections(decisionLine(d, lang, versions.get(d.id))));
    }
  }
  if (scope === "channel") {
    blocks.push(
      ...actions([
        button({
          actionId: HISTORY_ALL_ACTION,
          text: t(lang, "historyShowAll"),
          value: encode({ k: "hist", lang }),
        }),
      ]),
    );
  }
  return {
    text:
      decisions.length === 0
        ? t(lang, scope === "channel" ? "historyEmptyChannel" : "historyEmptyAll")
        : t(lang, "historyFallback", { count: decisions.length }),
    blocks: blocks.slice(0, LIMITS.messageBlocks),
  };
}
