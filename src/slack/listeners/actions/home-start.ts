import type { SlackDeps } from "../../deps.js";
import { slackCtx } from "../../walkthrough/ctx.js";
import { openStartModal } from "../../walkthrough/start-modal.js";
import { homeModalClick } from "./home-lang.js";

/**
 * App Home's "Start a decision": the start modal with no channel known, so it asks where to start
 * (submitted as decide_start_modal).
 */
export function homeStart(deps: SlackDeps) {
  return homeModalClick(deps, "home_start_decision", (args, lang) => {
    const { body, context } = args;
    const ctx = slackCtx(deps, args, context.teamId ?? body.team?.id ?? "");
    return openStartModal(ctx, {
      triggerId: body.trigger_id,
      owner: body.user.id,
      place: { lang },
    });
  });
}
