import { changeStatus } from "../../../core/decision/index.js";
import { withRecordStatus } from "../../../core/record/index.js";
import type { SlackDeps } from "../../deps.js";
import { t } from "../../messages.js";
import { refreshCopies, statusOf } from "../../walkthrough/decision-copies.js";
import { tellUser } from "../../walkthrough/tell.js";
import { decisionClick } from "./summary-common.js";

/**
 * Accept or Reject on the result card. Core decides whether the change applies; it is saved only
 * against the version that was read (two people clicking at once: one wins, the other is told),
 * the record's status follows, and every remembered copy of the card is redrawn. Only a refusal is
 * answered, privately; the redrawn card is the answer otherwise.
 */
export function summaryStatus(deps: SlackDeps) {
  return decisionClick(deps, "summary_status", async ({ place, ctx, where, decision, value }) => {
    const action = value.a === "accept" || value.a === "reject" ? value.a : null;
    const lang = decision.lang;
    if (!action) {
      await tellUser(ctx, where, t(lang, "wtOldButton"));
      return;
    }
    const outcome = changeStatus(statusOf(decision), action, place.userId, deps.now());
    if (outcome.kind === "refused") {
      await tellUser(
        ctx,
        where,
        outcome.reason === "superseded"
          ? t(lang, "statusSuperseded")
          : t(lang, "statusAlready", {
              label: t(lang, "statusLabel", { status: decision.status }),
            }),
      );
      return;
    }
    const { next } = outcome;
    const result = await deps.store.setDecisionStatus(decision.id, decision.version, {
      status: next.status,
      ...(next.statusBy ? { statusBy: next.statusBy } : {}),
      statusAt: next.statusAt ?? deps.now(),
      recordMarkdown: withRecordStatus(decision.recordMarkdown, next.status),
    });
    if (!result.ok) {
      await tellUser(ctx, where, t(lang, "statusConflict"));
      if (result.current) await refreshCopies(ctx, result.current);
      return;
    }
    await refreshCopies(ctx, result.decision);
  });
}
