import type { SlackDeps } from "../../deps.js";
import { t } from "../../messages.js";
import { revisitDecision } from "../../walkthrough/revisit.js";
import { tellUser } from "../../walkthrough/tell.js";
import { type DecisionClick, decisionClick } from "./summary-common.js";

/** A new walkthrough in the same thread, with the decision's answers filled in. */
export async function revisit({ place, ctx, decision }: DecisionClick): Promise<void> {
  const result = await revisitDecision(ctx, decision, place.userId);
  const where = { channel: decision.channelId, user: place.userId, threadTs: decision.threadTs };
  if (!result.ok) await tellUser(ctx, where, t(decision.lang, "wtAlreadyRunning"));
}

/** "Revisit" (a button on cards drawn before the overflow menu). */
export function summaryRevisit(deps: SlackDeps) {
  return decisionClick(deps, "summary_revisit", revisit);
}
