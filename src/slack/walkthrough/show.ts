import type { SessionState } from "../../core/walkthrough/index.js";
import type { StoredSession } from "../../store/index.js";
import { renderQuestion } from "../blocks/walkthrough.js";
import type { SlackCtx } from "./ctx.js";
import { sessionInfo } from "./session.js";

/** Redraws the question message in place; posts a new one if its ts was never saved. */
export async function showQuestion(
  ctx: SlackCtx,
  session: StoredSession,
  state: SessionState,
  notice?: string,
): Promise<void> {
  const message = renderQuestion(ctx.deps.walkthrough, sessionInfo(session), state, notice);
  const where = { channel: session.channelId };
  const ts = session.messages.questionTs;
  if (ts) await ctx.client.chat.update({ ...where, ts, ...message });
  else await ctx.client.chat.postMessage({ ...where, thread_ts: session.threadTs, ...message });
}
