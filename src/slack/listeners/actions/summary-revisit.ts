import type { SlackDeps } from "../../deps.js";
import { t } from "../../messages.js";
import { revisitDecision } from "../../walkthrough/revisit.js";
import { tellUser } from "../../walkthrough/tell.js";
import { decisionClick } from "./summary-common.js";

/** "Revisit": a new walkthrough in the same thread, with the decision's answers filled in. */
export function summaryRevisit(deps: SlackDeps) {
  return decisionClick(deps, "summary_revisit", async ({ place, ctx, decision }) => {
    const result = await revisitDecision(ctx, decision, place.userId);
    const where = { channel: decision.channelId, user: place.userId, threadTs: decision.threadTs };
    if (!result.ok) await tellUser(ctx, where, t(decision.lang, "wtAlreadyRunning"));
  });
}
