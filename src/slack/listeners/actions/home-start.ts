import type { SlackDeps } from "../../deps.js";
import { describeError } from "../../errors.js";
import { slackCtx } from "../../walkthrough/ctx.js";
import { openStartModal } from "../../walkthrough/start-modal.js";
import type { BlockActionArgs } from "./common.js";
import { homeClickLang } from "./home-lang.js";

/**
 * App Home's "Start a decision": the start modal with no channel known, so it asks where to start
 * (submitted as decide_start_modal).
 */
export function homeStart(deps: SlackDeps) {
  return async (args: BlockActionArgs): Promise<void> => {
    const { ack, body, logger, context } = args;
    await ack();
    const ctx = slackCtx(deps, args, context.teamId ?? body.team?.id ?? "");
    try {
      const lang = await homeClickLang(args, deps);
      await openStartModal(ctx, {
        triggerId: body.trigger_id,
        owner: body.user.id,
        place: { lang },
      });
    } catch (err) {
      // App Home has no channel to tell the user in; the click simply does nothing visible.
      logger.warn(`home_start_decision for ${body.user.id} failed: ${describeError(err)}`);
    }
  };
}
