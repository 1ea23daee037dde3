import { renderMatrix } from "../../blocks/matrix.js";
import type { SlackDeps } from "../../deps.js";
import { describeError } from "../../errors.js";
import { t } from "../../messages.js";
import { helpValue } from "../../payloads.js";
import { tellUser } from "../../walkthrough/tell.js";
import { type BlockActionArgs, langClick, respondPrivately } from "./common.js";

/** "Show the matrix": the matrix, only for the clicker. */
export function helpMatrix(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, respond, logger } = args;
    await ack();
    const { place, ctx, where, value, lang } = langClick(args, deps, helpValue);
    if (!value) {
      await respondPrivately(respond, t(lang, "wtOldButton"));
      return;
    }
    const message = renderMatrix(deps.matrix, lang, { command: deps.command });
    try {
      if (place.ephemeral || !place.channelId) {
        await respond({ response_type: "ephemeral", replace_original: false, ...message });
      } else {
        await args.client.chat.postEphemeral({
          channel: place.channelId,
          user: place.userId,
          ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
          ...message,
        });
      }
    } catch (err) {
      logger.warn(`help_matrix failed: ${describeError(err)}`);
      if (place.channelId) await tellUser(ctx, where, t(lang, "errGeneric"));
    }
  };
}
