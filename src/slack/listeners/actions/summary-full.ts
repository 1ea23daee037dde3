import { describeDecision } from "../../../core/decision/index.js";
import { renderFullReasoning } from "../../blocks/result-card.js";
import type { SlackDeps } from "../../deps.js";
import { storedDecision } from "../../walkthrough/stored-decision.js";
import { decisionClick } from "./summary-common.js";

/** "Full reasoning": the whole summary of the decision in a modal, for the clicker alone. */
export function summaryFull(deps: SlackDeps) {
  return decisionClick(deps, "summary_full", async ({ decision }, args) => {
    const core = storedDecision(decision);
    if (!core) throw new Error(`decision ${decision.id} has no readable summary`);
    const view = describeDecision(deps.walkthrough, deps.matrix, core, decision.lang);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: renderFullReasoning(view, {
        title: decision.title,
        participants: decision.participants,
        ...(decision.threadLink ? { threadLink: decision.threadLink } : {}),
      }),
    });
  });
}
