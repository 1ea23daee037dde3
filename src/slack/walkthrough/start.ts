import { randomUUID } from "node:crypto";
import type { Lang } from "../../core/i18n/lang.js";
import { type AnswerEntry, prefilled, revisit, start } from "../../core/walkthrough/index.js";
import type { SessionPlan, StoredSession } from "../../store/index.js";
import { renderQuestion, renderRoot } from "../blocks/walkthrough.js";
import { describeError } from "../errors.js";
import { mentionUser } from "../escape.js";
import { t } from "../messages.js";
import type { SlackCtx } from "./ctx.js";

export interface StartInput {
  channelId: string;
  /** An existing thread (a mention in a thread, a revisit); absent → a new root message. */
  threadTs?: string | undefined;
  userId: string;
  title: string;
  lang: Lang;
  /** A revisit: the earlier answers it starts from, each credited to whoever gave it. */
  revisit?: { answers: Record<string, AnswerEntry> };
  /**
   * A start from an answer to "should we use ECS or EKS?": what the question gave away
   * ({questionId: optionId}), credited to whoever asked it.
   */
  prefill?: { answers: Record<string, string>; by: string };
  /** What the start modal planned: owner, invitees, due date. */
  plan?: SessionPlan;
}

export type StartResult =
  | { ok: true; session: StoredSession; threadTs: string }
  | { ok: false; reason: "already-running"; session: StoredSession };

/**
 * Starts a walkthrough: the root message (or an intro in the existing thread), the session, and the
 * first question in the thread. Web API errors propagate to the caller, who tells the user.
 */
export async function startWalkthrough(ctx: SlackCtx, input: StartInput): Promise<StartResult> {
  const { deps, client } = ctx;
  const def = deps.walkthrough;
  const { channelId, lang } = input;
  if (input.threadTs) {
    const existing = await deps.store.findSessionByThread(ctx.teamId, channelId, input.threadTs);
    if (existing?.status === "active") {
      return { ok: false, reason: "already-running", session: existing };
    }
  }
  const state = input.revisit
    ? revisit(def, input.revisit.answers)
    : input.prefill
      ? prefilled(def, input.prefill.answers, input.prefill.by, deps.now())
      : start(def);
  const { title, userId } = input;
  const root = renderRoot(def, {
    title,
    startedBy: userId,
    lang,
    botMention: ctx.botMention,
    ...(input.plan ? { plan: input.plan } : {}),
  });
  const intro = await client.chat.postMessage({
    channel: channelId,
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    ...root,
  });
  const threadTs = input.threadTs ?? (intro.ts as string);
  // The question's buttons name the session, so its id is chosen here; the session is saved once,
  // with both messages, after the question is posted (one write instead of a create and an update).
  const id = randomUUID();
  const given = input.prefill ? Object.keys(state.answers).length : 0;
  const notice = input.revisit
    ? t(lang, "wtRevisit", { user: mentionUser(userId) })
    : input.prefill && given > 0
      ? t(lang, "wtPrefilled", { user: mentionUser(input.prefill.by), count: given })
      : undefined;
  const info = { id, title, lang };
  let questionTs: string | undefined;
  try {
    const question = await client.chat.postMessage({
      channel: channelId,
      thread_ts: threadTs,
      ...renderQuestion(def, { ...info, invitees: input.plan?.invitees }, state, notice),
    });
    questionTs = question.ts as string;
    const session = await deps.store.createSession({
      ...info,
      teamId: ctx.teamId,
      channelId,
      threadTs,
      startedBy: userId,
      state,
      // The message the walkthrough owns and turns into its result card: the root it posted, or its
      // intro in a thread someone else started.
      messages: { rootTs: intro.ts as string, questionTs },
      ...(input.plan ? { plan: input.plan } : {}),
    });
    return { ok: true, session, threadTs };
  } catch (err) {
    // No session (the database is down) or no question: the messages just posted would announce a
    // walkthrough that does not exist. Take them back; the caller tells the user to try again.
    await takeBack(ctx, channelId, [questionTs, intro.ts]);
    throw err;
  }
}

async function takeBack(ctx: SlackCtx, channel: string, posted: (string | undefined)[]) {
  for (const ts of posted) {
    if (!ts) continue;
    await ctx.client.chat
      .delete({ channel, ts })
      .catch((e: unknown) =>
        ctx.logger.warn(`Could not remove the walkthrough's intro: ${describeError(e)}`),
      );
  }
}
