import { renderHistory } from "../../blocks/history.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { t } from "../../messages.js";
import { historyValue } from "../../payloads.js";
import { latestList } from "../../walkthrough/versions.js";
import { type BlockActionArgs, langClick, respondPrivately } from "./common.js";

/** "Show the whole workspace" under the channel's history. */
export function historyAll(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, respond, logger } = args;
    await ack();
    const { place, ctx, value, lang } = langClick(args, deps, historyValue);
    if (!value) {
      await respondPrivately(respond, t(lang, "wtOldButton"));
      return;
    }
    try {
      const listed = await deps.store.listDecisions({
        teamId: place.teamId,
        // Only what someone in this channel may see: public decisions and this channel's own.
        visibleFrom: place.channelId ?? "no-channel",
        limit: 20,
      });
      // Each thread once, as its latest version.
      const { decisions, versions } = await latestList(deps.store, listed);
      await respond({
        response_type: "ephemeral",
        replace_original: true,
        ...renderHistory(decisions, lang, "all", versions),
      });
    } catch (err) {
      logger.warn(`history_all failed: ${describeError(err)}`);
      await respondPrivately(respond, userErrorMessage(err, lang, ctx.botMention));
    }
  };
}
