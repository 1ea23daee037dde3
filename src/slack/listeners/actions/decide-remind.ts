import { remindValue } from "../../blocks/participation.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { givenLang } from "../../lang.js";
import { t } from "../../messages.js";
import { decode } from "../../payloads.js";
import { remindInvitees } from "../../walkthrough/remind.js";
import { tellUser } from "../../walkthrough/tell.js";
import { actionValue, type BlockActionArgs, threadClick } from "./common.js";

/** Remind on a walkthrough's question message: one thread reply to whoever has not answered yet. */
export function decideRemind(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const { place, ctx, where } = threadClick(args, deps);
    const value = decode(remindValue, actionValue(args.action));
    if (!value) {
      if (place.channelId) await tellUser(ctx, where, t(givenLang(deps), "wtOldButton"));
      return;
    }
    try {
      await remindInvitees(ctx, {
        sessionId: value.s,
        lang: value.l,
        channelId: place.channelId,
        threadTs: place.threadTs,
        by: place.userId,
      });
    } catch (err) {
      args.logger.error(`decide_remind failed: ${describeError(err)}`);
      const text = userErrorMessage(err, givenLang(deps, value.l), ctx.botMention);
      if (place.channelId) await tellUser(ctx, where, text);
    }
  };
}
