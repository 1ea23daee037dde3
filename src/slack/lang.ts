import { detectLang, type Lang } from "../core/i18n/lang.js";
import type { Store } from "../store/index.js";

/**
 * The language to answer in: the channel's stored choice, else the language the text is written in
 * (Japanese text → Japanese), else the default. A store outage falls through to the text.
 */
export async function resolveLang(
  store: Store,
  teamId: string | undefined,
  channelId: string | undefined,
  text: string,
  fallback: Lang,
): Promise<Lang> {
  if (teamId && channelId) {
    try {
      const stored = await store.getChannelLang(teamId, channelId);
      if (stored) return stored;
    } catch {
      // The database is down: answering in the question's language is better than not answering.
    }
  }
  return detectLang(text) ?? fallback;
}
