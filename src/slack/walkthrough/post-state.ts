import { decide, describeDecision, latestPerThread } from "../../core/decision/index.js";
import type { Lang } from "../../core/i18n/lang.js";
import { answersOf } from "../../core/walkthrough/index.js";
import { renderState } from "../blocks/walkthrough.js";
import { link } from "../escape.js";
import { t } from "../messages.js";
import type { SlackCtx } from "./ctx.js";
import { permalink } from "./permalink.js";
import { runningState, sessionInfo } from "./session.js";
import { tellUser } from "./tell.js";

/**
 * `@bot summary`: the state of the thread's running walkthrough, posted in the thread. Without one,
 * only the asker is told (ephemeral): where the finished walkthrough's result card is, or how to
 * start one.
 */
export async function postState(
  ctx: SlackCtx,
  where: { channel: string; threadTs: string; lang: Lang; user: string },
): Promise<void> {
  const { deps, client } = ctx;
  const def = deps.walkthrough;
  const session = await deps.store.findSessionByThread(ctx.teamId, where.channel, where.threadTs);
  const state = runningState(def, session);
  const post = { channel: where.channel, thread_ts: where.threadTs };
  const tell = { channel: where.channel, user: where.user, threadTs: where.threadTs };
  if (!session || !state) {
    const card = await resultCard(ctx, where.channel, where.threadTs);
    const cardLink = card?.link;
    const lang = card?.lang ?? where.lang;
    await tellUser(
      ctx,
      tell,
      cardLink
        ? t(lang, "rcSeeCard", { link: link(cardLink, t(lang, "rcCard")) })
        : t(where.lang, "wtNoneHere"),
    );
    return;
  }
  const decision = decide(def, deps.matrix, answersOf(state));
  const view = describeDecision(def, deps.matrix, decision, session.lang);
  await client.chat.postMessage({
    ...post,
    ...renderState(def, sessionInfo(session), state, view),
  });
}

/**
 * Where the thread's latest decision shows its result card: the walkthrough's root (or intro), else
 * the broadcast card, else the thread. Null when the thread has no decision.
 */
async function resultCard(
  ctx: SlackCtx,
  channel: string,
  threadTs: string,
): Promise<{ link: string; lang: Lang } | null> {
  const decisions = await ctx.deps.store.listDecisions({ teamId: ctx.teamId, channelId: channel });
  // The thread's latest version (a revisit's), even when both were saved in the same instant.
  const decision = latestPerThread(decisions.filter((d) => d.threadTs === threadTs))[0]?.decision;
  if (!decision) return null;
  const session = decision.sessionId
    ? await ctx.deps.store.getSession(decision.sessionId).catch(() => null)
    : null;
  const ts = session?.messages.rootTs ?? session?.messages.summaryTs;
  const url = (ts ? await permalink(ctx, channel, ts) : undefined) ?? decision.threadLink;
  return url ? { link: url, lang: decision.lang } : null;
}
