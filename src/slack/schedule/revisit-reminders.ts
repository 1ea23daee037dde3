import { isoDate } from "../../core/clock.js";
import {
  compareFacts,
  describeEntry,
  describeFactChange,
  loggedSince,
  parseRelied,
  redecide,
  redecisionSentence,
} from "../../core/review/index.js";
import type { StoredDecision } from "../../store/index.js";
import { renderRevisitReminder } from "../blocks/review.js";
import { storedDecision } from "../walkthrough/stored-decision.js";
import { eachItem, once, type SweepCtx, type SweepJob } from "./sweeper.js";

/** Decisions looked at per sweep, oldest due first. */
const DUE_LIMIT = 100;

/**
 * When a decision's revisit date comes: one reminder in its thread, with what changed since it was
 * made, and a Revisit button. Once per decision and date, across replicas and restarts (the claim's
 * key holds the date, so moving the date brings one new reminder). The date is cleared once
 * reminded, so the sweep does not look at it again; superseded and rejected decisions are never
 * listed.
 */
export const revisitReminders: SweepJob = {
  name: "revisit reminders",
  async run(sweep) {
    const due = await sweep.deps.store.listDueDecisions({
      now: sweep.deps.now(),
      limit: DUE_LIMIT,
    });
    const sent = await eachItem(
      sweep,
      due,
      (decision) => remindOne(sweep, decision),
      (decision) => `Revisit reminder for ${decision.id} failed`,
    );
    sweep.logger.debug(`Revisit reminders: ${due.length} due, ${sent} sent`);
  },
};

/** True when this replica posted the reminder. */
async function remindOne(sweep: SweepCtx, decision: StoredDecision): Promise<boolean> {
  const { deps } = sweep;
  const at = decision.revisitAt;
  if (!at) return false;
  if (!(await once(deps, `revisit:${decision.id}:${at.toISOString()}`))) return false;
  const { lang } = decision;
  const relied = parseRelied(decision.relied);
  const changes = relied ? compareFacts(relied, deps.matrix, deps.changes, decision.createdAt) : [];
  const core = storedDecision(decision);
  const again = changes.length > 0 && core ? redecide(deps.walkthrough, deps.matrix, core) : null;
  const ctx = sweep.ctxFor(decision.teamId);
  await ctx.client.chat.postMessage({
    channel: decision.channelId,
    thread_ts: decision.threadTs,
    ...renderRevisitReminder({
      decisionId: decision.id,
      title: decision.title,
      lang,
      date: isoDate(at),
      changes: changes.map((c) => describeFactChange(c, lang)),
      logged: relied
        ? loggedSince(relied, deps.changes, decision.createdAt).map((c) => describeEntry(c, lang))
        : [],
      verdict: again ? redecisionSentence(again, lang) : null,
    }),
  });
  await deps.store.updateDecisionReview(decision.id, { revisitAt: null });
  return true;
}
