import { decide } from "../../core/decision/index.js";
import { defaultRevisitAt, reliedOn } from "../../core/review/index.js";
import { answersOf, participants, type SessionState } from "../../core/walkthrough/index.js";
import type { StoredSession } from "../../store/index.js";
import type { RenderedMessage } from "../blocks/message.js";
import { renderQuestionsDone } from "../blocks/walkthrough.js";
import { describeError } from "../errors.js";
import type { SlackCtx } from "./ctx.js";
import { decisionCard, rememberCopy, supersedeEarlier } from "./decision-copies.js";
import { permalink } from "./permalink.js";
import { buildRecord } from "./record.js";
import { sessionInfo } from "./session.js";
import { threadSoFar } from "./versions.js";
import { channelVisibility } from "./visibility.js";

/**
 * The walkthrough is over: the question message loses its buttons, the decision is saved, the root
 * message becomes the result card, the card is broadcast once from the thread, and a copy without
 * mentions goes to DECISIONS_CHANNEL. Each message showing the card is remembered, so a status
 * change can redraw them all; decisions this thread made before are superseded (a revisit).
 * The full summary lives behind the card's "Full reasoning".
 * Only saving and the thread's card must succeed; the rest is logged when it fails.
 */
export async function finishWalkthrough(
  ctx: SlackCtx,
  session: StoredSession,
  state: SessionState,
  notice?: string,
): Promise<void> {
  const { deps, client, logger } = ctx;
  const def = deps.walkthrough;
  const { channelId, threadTs, title, lang } = session;
  const questionTs = session.messages.questionTs;
  if (questionTs) {
    const done = renderQuestionsDone(def, sessionInfo(session), state, notice);
    await client.chat
      .update({ channel: channelId, ts: questionTs, ...done })
      .catch((err: unknown) =>
        logger.warn(`Could not update the question message: ${describeError(err)}`),
      );
  }
  const decision = decide(def, deps.matrix, answersOf(state));
  // A revisit makes the thread's next version, and keeps everyone who took part in the earlier ones.
  const before = await threadSoFar(ctx, channelId, threadTs);
  const people = participants(def, state, session.startedBy, before.participants);
  const version = { version: before.version };
  const [threadLink, visibility, names] = await Promise.all([
    permalink(ctx, channelId, threadTs),
    channelVisibility(ctx, channelId),
    deps.users.names(client, logger, people),
  ]);
  // What it rests on, so a later start on changed facts can tell this thread (issue 12): worked out
  // once, for the record's data block and the stored decision.
  const relied = reliedOn(def, deps.matrix, decision);
  const recordMarkdown = buildRecord(deps, decision, {
    title,
    date: deps.now(),
    participants: names,
    threadLink,
    lang,
    ...(before.version > 1 ? { supersedes: before.version - 1 } : {}),
    relied,
  });
  const saved = await deps.store.saveDecision({
    teamId: session.teamId,
    channelId,
    threadTs,
    ...(threadLink ? { threadLink } : {}),
    sessionId: session.id,
    title,
    recommendation: decision.recommendation,
    lang,
    summary: decision,
    recordMarkdown,
    participants: people,
    matrixVersion: decision.matrixVersion,
    visibility,
    relied,
    revisitAt: defaultRevisitAt(deps.now()),
  });
  // Saved just now: proposed, with nothing changed since, as the card of the stored decision shows.
  const card = decisionCard(deps, saved, true, version);
  if (!card) throw new Error(`Decision ${saved.id} was saved with a summary that cannot be read`);
  // The channel sees the result once: the root message becomes the card (an edit pings nobody), and
  // the card is posted once in the thread, broadcast to the channel.
  const rootTs = session.messages.rootTs;
  if (rootTs) {
    const updated = await client.chat.update({ channel: channelId, ts: rootTs, ...card }).then(
      () => true,
      (err: unknown) => {
        logger.warn(`Could not update the walkthrough's root message: ${describeError(err)}`);
        return false;
      },
    );
    if (updated)
      await rememberCopy(ctx, saved.id, { channel: channelId, ts: rootTs, thread: true });
  }
  const posted = await client.chat.postMessage({
    channel: channelId,
    thread_ts: threadTs,
    reply_broadcast: true,
    ...card,
  });
  if (posted.ts) {
    await rememberCopy(ctx, saved.id, { channel: channelId, ts: posted.ts, thread: true });
  }
  // A revisit: the decisions this thread made before are superseded by this one.
  await supersedeEarlier(ctx, saved, [
    ...(rootTs ? [{ channel: channelId, ts: rootTs }] : []),
    ...(posted.ts ? [{ channel: channelId, ts: posted.ts }] : []),
  ]);
  await deps.store
    .updateSession(session.id, session.version, {
      messages: { ...session.messages, summaryTs: posted.ts as string },
    })
    .catch((err: unknown) => logger.warn(`Could not save the summary's ts: ${describeError(err)}`));
  const copy = decisionCard(deps, saved, false, version);
  if (copy) await copyToDecisionsChannel(ctx, session, saved.id, copy);
}

/** DECISIONS_CHANNEL gets the card without buttons or mentions, linking back to the thread. */
async function copyToDecisionsChannel(
  ctx: SlackCtx,
  session: StoredSession,
  decisionId: string,
  card: RenderedMessage,
): Promise<void> {
  const channel = ctx.deps.decisionsChannel;
  if (!channel || channel === session.channelId) return;
  const posted = await ctx.client.chat.postMessage({ channel, ...card }).catch((err: unknown) => {
    ctx.logger.warn(`Could not post to DECISIONS_CHANNEL ${channel}: ${describeError(err)}`);
    return null;
  });
  if (posted?.ts)
    await rememberCopy(ctx, decisionId, { channel: posted.channel ?? channel, ts: posted.ts });
}
