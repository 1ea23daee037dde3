import { decide, describeDecision } from "../../core/decision/index.js";
import type { Lang } from "../../core/i18n/lang.js";
import { answersOf } from "../../core/walkthrough/index.js";
import { renderState } from "../blocks/walkthrough.js";
import { t } from "../messages.js";
import type { SlackCtx } from "./ctx.js";
import { runningState, sessionInfo } from "./session.js";

/** `@bot summary`: the state of the thread's walkthrough, posted in the thread. */
export async function postState(
  ctx: SlackCtx,
  where: { channel: string; threadTs: string; lang: Lang },
): Promise<void> {
  const { deps, client } = ctx;
  const def = deps.walkthrough;
  const session = await deps.store.findSessionByThread(ctx.teamId, where.channel, where.threadTs);
  const state = runningState(def, session);
  const post = { channel: where.channel, thread_ts: where.threadTs };
  if (!session || !state) {
    await client.chat.postMessage({ ...post, text: t(where.lang, "wtNoneHere") });
    return;
  }
  const decision = decide(def, deps.matrix, answersOf(state));
  const view = describeDecision(def, deps.matrix, decision, session.lang);
  await client.chat.postMessage({
    ...post,
    ...renderState(def, sessionInfo(session), state, view),
  });
}
