import { renderPostModal } from "../../blocks/modal.js";
import type { SlackDeps } from "../../deps.js";
import type { BlockActionArgs } from "./common.js";
import { type DecisionClick, decisionClick } from "./summary-common.js";

/** Opens the "Post to…" modal: a channel picker. */
export async function openPostModal(
  { place, decision }: DecisionClick,
  args: BlockActionArgs,
): Promise<void> {
  const meta = {
    k: "post" as const,
    d: decision.id,
    c: place.channelId ?? decision.channelId,
    ...(place.threadTs ? { t: place.threadTs } : {}),
  };
  await args.client.views.open({
    trigger_id: args.body.trigger_id,
    view: renderPostModal(meta, decision.title, decision.lang),
  });
}

/** "Post to…" (a button on cards drawn before the overflow menu): a modal with a channel picker. */
export function summaryPost(deps: SlackDeps) {
  return decisionClick(deps, "summary_post", openPostModal);
}
