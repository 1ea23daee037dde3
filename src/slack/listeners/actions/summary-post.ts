import { renderPostModal } from "../../blocks/modal.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { tellUser } from "../../walkthrough/service.js";
import { type BlockActionArgs, slackCtx } from "./common.js";
import { clickedDecision } from "./summary-common.js";

/** "Post to channel…": a modal with a channel picker. */
export function summaryPost(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, body, logger } = args;
    await ack();
    try {
      const clicked = await clickedDecision(args, deps);
      if (!clicked) return;
      const { place, decision } = clicked;
      await args.client.views.open({
        trigger_id: body.trigger_id,
        view: renderPostModal(
          {
            v: 1,
            k: "post",
            d: decision.id,
            c: place.channelId ?? decision.channelId,
            ...(place.threadTs ? { t: place.threadTs } : {}),
          },
          decision.title,
          decision.lang,
        ),
      });
    } catch (err) {
      logger.error(`summary_post failed: ${describeError(err)}`);
      const channel = body.channel?.id;
      if (channel) {
        const ctx = slackCtx(args, deps, body.team?.id ?? "");
        await tellUser(
          ctx,
          { channel, user: body.user.id },
          userErrorMessage(err, deps.defaultLang, ctx.botMention),
        );
      }
    }
  };
}
