import { chooseLang, type Lang } from "../core/i18n/lang.js";
import type { SlackDeps } from "./deps.js";

type LangDeps = Pick<SlackDeps, "store" | "defaultLang">;

/**
 * The language to answer a command or mention in (chooseLang's order), reading the channel's
 * setting from the store. A store outage falls through to the text: answering in the question's
 * language is better than not answering.
 */
export async function resolveLang(
  deps: LangDeps,
  where: { teamId: string | undefined; channelId: string | undefined },
  text: string,
): Promise<Lang> {
  let channel: Lang | null = null;
  if (where.teamId && where.channelId) {
    channel = await deps.store.getChannelLang(where.teamId, where.channelId).catch(() => null);
  }
  return chooseLang({ channel, text, fallback: deps.defaultLang });
}

/** The language a request carries (a button's, a walkthrough's), else the default. */
export function givenLang(deps: Pick<SlackDeps, "defaultLang">, explicit?: Lang | null): Lang {
  return chooseLang({ explicit, fallback: deps.defaultLang });
}
