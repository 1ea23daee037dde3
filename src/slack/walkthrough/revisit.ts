import { carriedAnswers } from "../../core/walkthrough/index.js";
import type { StoredDecision } from "../../store/index.js";
import type { SlackCtx } from "./ctx.js";
import { stateOf } from "./session.js";
import { type StartResult, startWalkthrough } from "./start.js";
import { answersOfDecision } from "./stored-decision.js";

/**
 * "Revisit": a new walkthrough in the decision's thread, started by `userId`, with the decision's
 * answers filled in. Who gave each answer comes from the session that made the decision.
 */
export async function revisitDecision(
  ctx: SlackCtx,
  decision: StoredDecision,
  userId: string,
): Promise<StartResult> {
  const def = ctx.deps.walkthrough;
  const earlier = decision.sessionId ? await ctx.deps.store.getSession(decision.sessionId) : null;
  const given = (earlier && stateOf(def, earlier)?.answers) ?? {};
  const answers = carriedAnswers(answersOfDecision(decision), given, decision.createdAt);
  return startWalkthrough(ctx, {
    channelId: decision.channelId,
    threadTs: decision.threadTs,
    userId,
    title: decision.title,
    lang: decision.lang,
    revisit: { answers },
  });
}
