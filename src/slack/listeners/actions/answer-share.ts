import { capabilityCard } from "../../../core/answer/index.js";
import { renderAnswer } from "../../blocks/answer.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { mentionUser } from "../../escape.js";
import { t } from "../../messages.js";
import { shareValue } from "../../payloads.js";
import { type BlockActionArgs, langClick, respondPrivately } from "./common.js";

/** "Share in channel": posts the ephemeral card for everyone, saying who shared it. */
export function answerShare(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, respond, logger } = args;
    await ack();
    const { place, ctx, value, lang } = langClick(args, deps, shareValue);
    const capability = value ? deps.matrix.byId.get(value.id) : undefined;
    if (!value || !capability || !place.channelId) {
      await respondPrivately(respond, t(lang, value ? "wtStale" : "wtOldButton"));
      return;
    }
    try {
      const card = capabilityCard(deps.matrix, capability, lang, {
        now: deps.now(),
        maxAgeDays: deps.maxAgeDays,
      });
      await ctx.client.chat.postMessage({
        channel: place.channelId,
        ...(place.inThread && place.threadTs ? { thread_ts: place.threadTs } : {}),
        ...renderAnswer(card, {
          sharedBy: mentionUser(place.userId),
          ...(value.q ? { question: value.q } : {}),
        }),
      });
      await respond({ delete_original: true }).catch((err: unknown) =>
        logger.debug(`Could not remove the ephemeral card: ${describeError(err)}`),
      );
    } catch (err) {
      logger.warn(`answer_share in ${place.channelId} failed: ${describeError(err)}`);
      await respondPrivately(respond, userErrorMessage(err, lang, ctx.botMention));
    }
  };
}
