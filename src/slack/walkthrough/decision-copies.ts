import {
  describeDecision,
  type StatusState,
  supersede,
  supersededBy,
} from "../../core/decision/index.js";
import { withRecordStatus } from "../../core/record/index.js";
import { parseFactsChanged } from "../../core/review/index.js";
import type { DecisionCopy, StoredDecision } from "../../store/index.js";
import type { RenderedMessage } from "../blocks/message.js";
import { type CardVersion, renderResultCard } from "../blocks/result-card.js";
import type { SlackDeps } from "../deps.js";
import { describeError } from "../errors.js";
import type { SlackCtx } from "./ctx.js";
import { storedDecision } from "./stored-decision.js";
import { cardVersion, threadDecisions } from "./versions.js";

/** The status part of a stored decision, as core sees it. */
export function statusOf(decision: StoredDecision): StatusState {
  return {
    status: decision.status,
    ...(decision.statusBy ? { statusBy: decision.statusBy } : {}),
    ...(decision.statusAt ? { statusAt: decision.statusAt } : {}),
  };
}

/**
 * A stored decision's result card as it should look now: in its thread with buttons and mentions,
 * elsewhere with neither. Null when the stored summary cannot be read.
 */
export function decisionCard(
  deps: SlackDeps,
  decision: StoredDecision,
  inThread: boolean,
  version?: CardVersion,
): RenderedMessage | null {
  const core = storedDecision(decision);
  if (!core) return null;
  const view = describeDecision(deps.walkthrough, deps.matrix, core, decision.lang);
  return renderResultCard(view, {
    title: decision.title,
    participants: decision.participants,
    matrixVersion: decision.matrixVersion,
    mentions: inThread,
    ...(inThread ? { decisionId: decision.id } : {}),
    ...(decision.threadLink ? { threadLink: decision.threadLink } : {}),
    status: statusOf(decision),
    ...(parseFactsChanged(decision.factsChanged) ? { factsChanged: true } : {}),
    ...(decision.revisitAt ? { revisitAt: decision.revisitAt } : {}),
    ...(version ? { version } : {}),
  });
}

/** Remembers a message showing the decision's card; a failure is logged (that copy stays as is). */
export async function rememberCopy(
  ctx: SlackCtx,
  decisionId: string,
  copy: DecisionCopy,
): Promise<void> {
  await ctx.deps.store
    .addDecisionCopy(decisionId, copy)
    .catch((err: unknown) =>
      ctx.logger.warn(`Could not remember a copy of decision ${decisionId}: ${describeError(err)}`),
    );
}

/**
 * Redraws every remembered copy of the decision. Each update is independent: a deleted message or
 * a channel the bot left is logged and the others are still updated.
 */
export async function refreshCopies(
  ctx: SlackCtx,
  decision: StoredDecision,
  skip: readonly DecisionCopy[] = [],
): Promise<void> {
  const cards = new Map<boolean, RenderedMessage | null>();
  // Its version (v2), or once superseded the newer one and its link, as every copy shows it.
  const version = decision.copies.length > 0 ? await cardVersion(ctx, decision) : undefined;
  const cardFor = (thread: boolean) => {
    if (!cards.has(thread)) cards.set(thread, decisionCard(ctx.deps, decision, thread, version));
    return cards.get(thread) ?? null;
  };
  await Promise.all(
    decision.copies.map(async (copy) => {
      if (skip.some((k) => k.channel === copy.channel && k.ts === copy.ts)) return;
      const card = cardFor(copy.thread === true);
      if (!card) return;
      await ctx.client.chat
        .update({ channel: copy.channel, ts: copy.ts, ...card })
        .catch((err: unknown) =>
          ctx.logger.warn(
            `Could not update a copy of decision ${decision.id} (${copy.channel} ${copy.ts}): ${describeError(err)}`,
          ),
        );
    }),
  );
}

/**
 * A walkthrough finished in a thread that already had decisions (a revisit): each earlier one is
 * superseded, its record says so, and its copies are redrawn, except any message that now shows
 * the new decision (`own`). Failures are logged; the new decision stands either way.
 */
export async function supersedeEarlier(
  ctx: SlackCtx,
  saved: StoredDecision,
  own: readonly DecisionCopy[],
): Promise<void> {
  const { store } = ctx.deps;
  try {
    const earlier = supersededBy(saved, await threadDecisions(store, saved));
    for (const old of earlier) {
      const outcome = supersede(statusOf(old), ctx.deps.now());
      if (outcome.kind !== "applied") continue;
      const result = await store.setDecisionStatus(old.id, old.version, {
        ...outcome.next,
        statusAt: outcome.next.statusAt ?? ctx.deps.now(),
        recordMarkdown: withRecordStatus(old.recordMarkdown, "superseded"),
      });
      if (result.ok) await refreshCopies(ctx, result.decision, own);
    }
  } catch (err) {
    ctx.logger.warn(`Could not supersede earlier decisions: ${describeError(err)}`);
  }
}
