import type { KnownBlock } from "@slack/types";
import { isoDate } from "../../core/clock.js";
import type { Lang } from "../../core/i18n/lang.js";
import type { StoredDecision } from "../../store/index.js";
import { escapeText, link, mentionChannel, mentionUser } from "../escape.js";
import { t as vt } from "../messages/versions.js";
import { t } from "../messages.js";
import { encode } from "../payloads.js";
import { storedVerdict } from "../walkthrough/stored-decision.js";
import { actions, button, header, LIMITS, sections } from "./limits.js";
import type { RenderedMessage } from "./message.js";

export const HISTORY_ALL_ACTION = "history_all";

function platformName(platform: string, lang: Lang): string | null {
  if (platform === "ecs") return t(lang, "recEcs");
  if (platform === "eks") return t(lang, "recEks");
  return null;
}

/**
 * What a decision came to, in a few words: its platform, "Amazon EKS (required)", "Either
 * platform", "Neither fits as asked" or "No decision yet". The store's `recommendation` column says
 * "either" for the last two as well, so the verdict kept in the summary decides where there is one.
 */
function recommendationName(
  d: Pick<StoredDecision, "recommendation" | "summary">,
  lang: Lang,
): string {
  const verdict = storedVerdict(d);
  if (verdict) {
    const { kind, platform } = verdict;
    const name = platform ? platformName(platform, lang) : null;
    if (kind === "neither") return t(lang, "recNeither");
    if (kind === "undecided") return t(lang, "recUndecided");
    if (kind === "required" && name) return t(lang, "recRequired", { platform: name });
    if (kind === "platform" && name) return name;
    if (kind === "either") return t(lang, "recEither");
  }
  return platformName(d.recommendation, lang) ?? t(lang, "recEither");
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
    rec: recommendationName(d, lang),
    date: isoDate(d.createdAt),
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
