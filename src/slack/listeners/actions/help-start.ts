import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { t } from "../../messages.js";
import { helpValue } from "../../payloads.js";
import { startWalkthrough } from "../../walkthrough/start.js";
import { tellUser } from "../../walkthrough/tell.js";
import { type BlockActionArgs, langClick, respondPrivately } from "./common.js";

/**
 * "Start a walkthrough" (help, no-match, the answer to "should we use ECS or EKS?"): in the clicked
 * message's thread, or a new root. From that answer the button carries what the question gave away
 * and who asked it: the walkthrough starts with those answers, credited to the asker.
 */
export function helpStart(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, respond, logger } = args;
    await ack();
    const { place, ctx, where, value, lang } = langClick(args, deps, helpValue);
    if (!value || !place.channelId) {
      await respondPrivately(respond, t(lang, "wtOldButton"));
      return;
    }
    try {
      const result = await startWalkthrough(ctx, {
        channelId: place.channelId,
        threadTs: place.ephemeral ? (place.inThread ? place.threadTs : undefined) : place.threadTs,
        userId: place.userId,
        title: t(lang, "wtDefaultTitle"),
        lang,
        ...(value.p ? { prefill: { answers: value.p, by: value.a ?? place.userId } } : {}),
      });
      if (!result.ok) await tellUser(ctx, where, t(lang, "wtAlreadyRunning"));
    } catch (err) {
      logger.warn(`help_start failed: ${describeError(err)}`);
      await respondPrivately(respond, userErrorMessage(err, lang, ctx.botMention));
    }
  };
}
