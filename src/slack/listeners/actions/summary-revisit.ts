import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { t } from "../../messages.js";
import { answersOfDecision, startWalkthrough, tellUser } from "../../walkthrough/service.js";
import { type BlockActionArgs, slackCtx } from "./common.js";
import { clickedDecision } from "./summary-common.js";

/** "Revisit": a new walkthrough in the same thread, with the decision's answers filled in. */
export function summaryRevisit(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, logger } = args;
    await ack();
    const clicked = await clickedDecision(args, deps).catch((err: unknown) => {
      logger.error(`summary_revisit failed: ${describeError(err)}`);
      return null;
    });
    if (!clicked) return;
    const { place, decision } = clicked;
    const ctx = slackCtx(args, deps, place.teamId);
    const where = { channel: decision.channelId, user: place.userId, threadTs: decision.threadTs };
    try {
      const result = await startWalkthrough(ctx, {
        channelId: decision.channelId,
        threadTs: decision.threadTs,
        userId: place.userId,
        title: decision.title,
        lang: decision.lang,
        prefill: answersOfDecision(decision),
        revisit: true,
      });
      if (!result.ok) await tellUser(ctx, where, t(decision.lang, "wtAlreadyRunning"));
    } catch (err) {
      logger.warn(`Revisit failed: ${describeError(err)}`);
      await tellUser(ctx, where, userErrorMessage(err, decision.lang, ctx.botMention));
    }
  };
}
