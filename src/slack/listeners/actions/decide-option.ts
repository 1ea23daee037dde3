import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { t } from "../../messages.js";
import { decode, optionValue } from "../../payloads.js";
import { applyTransition, tellUser } from "../../walkthrough/service.js";
import { actionValue, type BlockActionArgs, clickPlace, slackCtx } from "./common.js";

/** An option of the current walkthrough question. */
export function decideOption(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, body, action, logger, context } = args;
    await ack();
    const place = clickPlace(body, context.teamId);
    const ctx = slackCtx(args, deps, place.teamId);
    const where = { channel: place.channelId ?? "", user: place.userId, threadTs: place.threadTs };
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
