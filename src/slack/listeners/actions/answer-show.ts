import { capabilityCard } from "../../../core/answer/index.js";
import { renderAnswer } from "../../blocks/answer.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { t } from "../../messages.js";
import { capabilityValue } from "../../payloads.js";
import { tellUser } from "../../walkthrough/tell.js";
import { type BlockActionArgs, langClick, respondPrivately } from "./common.js";

/**
 * A capability button (an alternative, a suggestion): the card for that capability, shown only to
 * the clicker (replacing an ephemeral card in place), with "Share in channel".
 */
export function answerShow(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, respond, logger } = args;
    await ack();
    const { place, ctx, where, value, lang } = langClick(args, deps, capabilityValue);
    const capability = value ? deps.matrix.byId.get(value.id) : undefined;
    try {
      if (!value || !capability) {
        await respondPrivately(respond, t(lang, value ? "wtStale" : "wtOldButton"));
        return;
      }
      const card = capabilityCard(deps.matrix, capability, lang, {
        now: deps.now(),
        maxAgeDays: deps.maxAgeDays,
      });
      const message = renderAnswer(card, { shareable: true });
      if (place.ephemeral) {
        await respond({ response_type: "ephemeral", replace_original: true, ...message });
      } else if (place.channelId) {
        await ctx.client.chat.postEphemeral({
          channel: place.channelId,
          user: place.userId,
          ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
          ...message,
        });
      }
    } catch (err) {
      logger.warn(`answer_show failed: ${describeError(err)}`);
      if (place.channelId) await tellUser(ctx, where, userErrorMessage(err, lang, ctx.botMention));
    }
  };
}
