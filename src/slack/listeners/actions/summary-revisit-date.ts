import { isoDate } from "../../../core/clock.js";
import { isInForce } from "../../../core/decision/index.js";
import { renderRevisitDateModal } from "../../blocks/review.js";
import { t } from "../../messages/review.js";
import { tellUser } from "../../walkthrough/tell.js";
import type { BlockActionArgs } from "./common.js";
import type { DecisionClick } from "./summary-common.js";

/**
 * "Change revisit date" (the card's overflow menu): a modal with a date picker set to the current
 * revisit date. A decision no longer in force has none to change.
 */
export async function openRevisitDateModal(
  { place, ctx, where, decision }: DecisionClick,
  args: BlockActionArgs,
): Promise<void> {
  if (!isInForce(decision.status)) {
    await tellUser(ctx, where, t(decision.lang, "dateNotLive"));
    return;
  }
  await args.client.views.open({
    trigger_id: args.body.trigger_id,
    view: renderRevisitDateModal(
      {
        k: "rvd",
        d: decision.id,
        c: place.channelId ?? decision.channelId,
        ...(place.threadTs ? { t: place.threadTs } : {}),
      },
      {
        title: decision.title,
        lang: decision.lang,
        ...(decision.revisitAt ? { initialDate: isoDate(decision.revisitAt) } : {}),
      },
    ),
  });
}
