import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { t } from "../../messages.js";
import { helpValue } from "../../payloads.js";
import { isRunningIn, openStartModal } from "../../walkthrough/start-modal.js";
import { tellUser } from "../../walkthrough/tell.js";
import { type BlockActionArgs, langClick, respondPrivately } from "./common.js";

/**
 * "Start a walkthrough" (help, no-match, the answer to "should we use ECS or EKS?"): opens the start
 * modal, which starts it in the clicked message's thread, or a new root, once submitted. Nothing is
 * posted for everyone until then. From that answer the button carries what the question gave away
 * and who asked it: the modal passes them on, and the walkthrough starts with those answers,
 * credited to the asker.
 */
export function helpStart(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, respond, logger, body } = args;
    await ack();
    const { place, ctx, where, value, lang } = langClick(args, deps, helpValue);
    if (!value || !place.channelId) {
      await respondPrivately(respond, t(lang, "wtOldButton"));
      return;
    }
    const threadTs = place.ephemeral
      ? place.inThread
        ? place.threadTs
        : undefined
      : place.threadTs;
    try {
      if (threadTs && (await isRunningIn(ctx, place.channelId, threadTs))) {
        await tellUser(ctx, where, t(lang, "wtAlreadyRunning"));
        return;
      }
      await openStartModal(ctx, {
        triggerId: body.trigger_id,
        owner: place.userId,
        place: {
          lang,
          c: place.channelId,
          ...(threadTs ? { t: threadTs } : {}),
          ...(value.p ? { p: value.p, a: value.a ?? place.userId } : {}),
        },
      });
    } catch (err) {
      logger.warn(`help_start failed: ${describeError(err)}`);
      await respondPrivately(respond, userErrorMessage(err, lang, ctx.botMention));
    }
  };
}
