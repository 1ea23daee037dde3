import {
  changesKey,
  compareFacts,
  describeFactChange,
  type FactsChanged,
  parseFactsChanged,
  parseRelied,
  redecide,
  redecisionSentence,
} from "../../core/review/index.js";
import type { StoredDecision } from "../../store/index.js";
import { renderFactsAlert } from "../blocks/review.js";
import { refreshCopies } from "../walkthrough/decision-copies.js";
import { storedDecision } from "../walkthrough/stored-decision.js";
import { eachItem, once, type SweepCtx, type SweepJob } from "./sweeper.js";

/** Decisions compared per start (the store's maximum). */
const LIVE_LIMIT = 1000;

/**
 * On start, every decision in force is compared with the facts loaded now (a new version of the
 * project, or an organisation's own matrix under MATRIX_DIR). A decision with a changed relied-on
 * fact gets one message in its thread and a line on its card. Once per decision and set of changes,
 * across restarts and replicas starting together: the claim's key names the changed facts as they
 * are now, so a later, different change alerts again and the same one never twice. Decisions saved
 * before they recorded what they relied on, and superseded or rejected ones, are left alone.
 */
export const factAlerts: SweepJob = {
  name: "fact alerts",
  async run(sweep) {
    const live = await sweep.deps.store.listLiveDecisions({ limit: LIVE_LIMIT });
    const alerted = await eachItem(
      sweep,
      live,
      (decision) => alertOne(sweep, decision),
      (decision) => `Fact check of decision ${decision.id} failed`,
    );
    // Once per start: says the check ran (operators, and the process tests, wait for it).
    sweep.logger.info(
      `Fact check on matrix ${sweep.deps.matrix.version}: ${live.length} decisions in force, ${alerted} alerted`,
    );
  },
};

/** True when this replica posted the alert. */
async function alertOne(sweep: SweepCtx, decision: StoredDecision): Promise<boolean> {
  const { deps } = sweep;
  const relied = parseRelied(decision.relied);
  if (!relied) return false;
  const changes = compareFacts(relied, deps.matrix, deps.changes, decision.createdAt);
  if (changes.length === 0) return false;
  const key = changesKey(changes);
  if (parseFactsChanged(decision.factsChanged)?.key === key) return false;
  if (!(await once(deps, `facts:${decision.id}:${key}`))) return false;
  const { lang } = decision;
  const core = storedDecision(decision);
  const again = core ? redecide(deps.walkthrough, deps.matrix, core) : null;
  const verdict = again ? redecisionSentence(again, lang) : "";
  const ctx = sweep.ctxFor(decision.teamId);
  await ctx.client.chat.postMessage({
    channel: decision.channelId,
    thread_ts: decision.threadTs,
    ...renderFactsAlert({
      decisionId: decision.id,
      title: decision.title,
      lang,
      matrixBefore: relied.matrixVersion,
      matrixAfter: deps.matrix.version,
      changes: changes.map((c) => describeFactChange(c, lang)),
      verdict,
    }),
  });
  const noted: FactsChanged = {
    v: 1,
    key,
    at: deps.now().toISOString(),
    matrixVersion: deps.matrix.version,
    capabilities: changes.map((c) => c.capabilityId),
    differs: again?.differs ?? false,
  };
  const updated = await deps.store.updateDecisionReview(decision.id, { factsChanged: noted });
  if (updated) await refreshCopies(ctx, updated);
  return true;
}
