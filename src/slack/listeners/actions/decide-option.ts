import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { t } from "../../messages.js";
import { decode, optionValue } from "../../payloads.js";
import { applyTransition, tellUser } from "../../walkthrough/service.js";
import { actionValue, type BlockActionArgs, threadClick } from "./common.js";

/** An option of the current walkthrough question. */
export function decideOption(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, action, logger } = args;
    await ack();
    const { place, ctx, where } = threadClick(args, deps);
    const value = decode(optionValue, actionValue(action));
    if (!value) {
      if (place.channelId) await tellUser(ctx, where, t(deps.defaultLang, "wtOldButton"));
      return;
    }
    try {
      await applyTransition(ctx, {
        sessionId: value.s,
        userId: place.userId,
        channelId: place.channelId,
        transition: { kind: "option", question: value.q, option: value.o },
      });
    } catch (err) {
      logger.error(`decide_answer failed: ${describeError(err)}`);
      if (place.channelId)
        await tellUser(
          ctx,
          where,
          userErrorMessage(err, value.l ?? deps.defaultLang, ctx.botMention),
        );
    }
  };
}
