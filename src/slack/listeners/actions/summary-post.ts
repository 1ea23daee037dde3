import { renderPostModal } from "../../blocks/modal.js";
import type { SlackDeps } from "../../deps.js";
import { decisionClick } from "./summary-common.js";

/** "Post to channel…": a modal with a channel picker. */
export function summaryPost(deps: SlackDeps) {
  return decisionClick(deps, "summary_post", async ({ place, decision }, args) => {
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
  });
}
