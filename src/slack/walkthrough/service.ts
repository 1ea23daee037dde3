import { randomUUID } from "node:crypto";
import type { Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { decide, describeDecision } from "../../core/decision/index.js";
import type { Lang } from "../../core/i18n/lang.js";
import {
  answer,
  answersOf,
  back,
  finish,
  isFinished,
  jump,
  reconcile,
  restart,
  revisit,
  type SessionState,
  sessionStateSchema,
  skip,
  WalkthroughError,
} from "../../core/walkthrough/index.js";
import type { StoredSession } from "../../store/index.js";
import { renderSummary } from "../blocks/summary.js";
import {
  renderQuestion,
  renderQuestionsDone,
  renderRoot,
  renderState,
  type SessionInfo,
} from "../blocks/walkthrough.js";
import type { SlackDeps } from "../deps.js";
import { describeError } from "../errors.js";
import { escapeText, mentionUser } from "../escape.js";
import { t } from "../messages.js";
import { buildRecord } from "./record.js";

/** What every walkthrough operation needs: the app's deps and the request's client and logger. */
export interface SlackCtx {
  deps: SlackDeps;
  client: WebClient;
  logger: Logger;
  teamId: string;
  /** The bot as a mention, e.g. <@U0BOT>. */
  botMention: string;
}

function info(session: StoredSession): SessionInfo {
  return { id: session.id, title: session.title, lang: session.lang };
}

/** The stored state validated by core's schema and brought in line with the current walkthrough. */
export function stateOf(ctx: SlackCtx, session: StoredSession): SessionState | null {
  const parsed = sessionStateSchema.safeParse(session.state);
  return parsed.success ? reconcile(ctx.deps.walkthrough, parsed.data) : null;
}

/** Tells one user something, in a thread, visible only to them. Never throws. */
export async function tellUser(
  ctx: SlackCtx,
  where: { channel: string; user: string; threadTs?: string | undefined },
  text: string,
): Promise<void> {
  try {
    await ctx.client.chat.postEphemeral({
      channel: where.channel,
      user: where.user,
      text,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    });
  } catch (err) {
    ctx.logger.warn(`Could not tell ${where.user} in ${where.channel}: ${describeError(err)}`);
  }
}

export interface StartInput {
  channelId: string;
  /** An existing thread (a mention in a thread, a revisit); absent → a new root message. */
  threadTs?: string | undefined;
  userId: string;
  title: string;
  lang: Lang;
  prefill?: Record<string, string>;
  revisit?: boolean;
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
  if (input.threadTs) {
    const existing = await deps.store.findSessionByThread(
      ctx.teamId,
      input.channelId,
      input.threadTs,
    );
    if (existing && existing.status === "active") {
      return { ok: false, reason: "already-running", session: existing };
    }
  }
  const prefill = Object.fromEntries(
    Object.entries(input.prefill ?? {}).filter(([q, o]) =>
      def.byId.get(q)?.options.some((opt) => opt.id === o),
    ),
  );
  const state = revisit(def, prefill, input.userId, deps.now());

  const root = renderRoot(def, {
    title: input.title,
    startedBy: input.userId,
    lang: input.lang,
    botMention: ctx.botMention,
  });
  const intro = await client.chat.postMessage({
    channel: input.channelId,
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    ...root,
  });
  const threadTs = input.threadTs ?? (intro.ts as string);
  // The question's buttons name the session, so its id is chosen here; the session is saved once,
  // with both messages, after the question is posted (one write instead of a create and an update).
  const sessionId = randomUUID();
  const notice = input.revisit
    ? t(input.lang, "wtRevisit", { user: mentionUser(input.userId) })
    : undefined;
  const newSession = {
    id: sessionId,
    teamId: ctx.teamId,
    channelId: input.channelId,
    threadTs,
    title: input.title,
    startedBy: input.userId,
    lang: input.lang,
    state,
  };
  let questionTs: string | undefined;
  let session: StoredSession;
  try {
    const question = await client.chat.postMessage({
      channel: input.channelId,
      thread_ts: threadTs,
      ...renderQuestion(
        def,
        { id: sessionId, title: input.title, lang: input.lang },
        state,
        notice,
      ),
    });
    questionTs = question.ts as string;
    session = await deps.store.createSession({
      ...newSession,
      messages: { rootTs: threadTs, questionTs },
    });
  } catch (err) {
    // No session (the database is down) or no question: the messages just posted would announce a
    // walkthrough that does not exist. Take them back; the caller tells the user to try again.
    const posted = [questionTs, intro.ts].filter((ts): ts is string => typeof ts === "string");
    for (const ts of posted) {
      await client.chat
        .delete({ channel: input.channelId, ts })
        .catch((e: unknown) =>
          ctx.logger.warn(`Could not remove the walkthrough's intro: ${describeError(e)}`),
        );
    }
    throw err;
  }
  return { ok: true, session, threadTs };
}

export type Transition =
  | { kind: "option"; question: string; option: string }
  | { kind: "back"; question: string | null }
  | { kind: "skip"; question: string | null }
  | { kind: "restart"; question: string | null }
  | { kind: "jump"; question: string }
  | { kind: "finish"; question: string | null };

function optionLabel(ctx: SlackCtx, lang: Lang, q: string, o: string): string {
  return ctx.deps.walkthrough.byId.get(q)?.options.find((x) => x.id === o)?.label[lang] ?? o;
}

function topicOf(ctx: SlackCtx, lang: Lang, q: string): string {
  return ctx.deps.walkthrough.byId.get(q)?.topic[lang] ?? q;
}

/**
 * Applies a click to a walkthrough: loads the session, runs the core transition, saves it with the
 * optimistic version, and updates the question message in place (or finishes with the summary).
 */
export async function applyTransition(
  ctx: SlackCtx,
  click: {
    sessionId: string;
    userId: string;
    channelId: string | undefined;
    transition: Transition;
  },
): Promise<void> {
  const { deps } = ctx;
  const def = deps.walkthrough;
  const session = await deps.store.getSession(click.sessionId);
  const fallbackLang = session?.lang ?? deps.defaultLang;
  const tell = (text: string) =>
    click.channelId
      ? tellUser(
          ctx,
          { channel: click.channelId, user: click.userId, threadTs: session?.threadTs },
          text,
        )
      : Promise.resolve();
  if (
    session?.status !== "active" ||
    session.channelId !== (click.channelId ?? session.channelId)
  ) {
    await tell(t(fallbackLang, "wtStale"));
    return;
  }
  const lang = session.lang;
  const state = stateOf(ctx, session);
  if (!state) {
    await tell(t(lang, "wtStale"));
    return;
  }
  const user = mentionUser(click.userId);
  const tr = click.transition;
  /** Someone else changed the walkthrough first: tell who answered the question, if anyone did. */
  const tellConflict = (current: SessionState | null, q: string | null) => {
    const other = q && current ? current.answers[q] : undefined;
    if (q && other?.by && other.by !== click.userId) {
      return tell(
        t(lang, "wtConflict", {
          user: mentionUser(other.by),
          option: escapeText(optionLabel(ctx, lang, q, other.option)),
        }),
      );
    }
    return tell(t(lang, "wtConflictGeneric"));
  };
  let next: SessionState;
  let notice: string | undefined;
  try {
    switch (tr.kind) {
      case "option": {
        if (tr.question !== state.current) {
          // The button was drawn for a question that is no longer the one shown: another click
          // (possibly on another replica) moved the walkthrough on before this one was read.
          // Applying it would silently replace that answer and redraw the question a second time.
          const mine = state.answers[tr.question];
          if (mine?.by === click.userId && mine.option === tr.option) return; // a double click
          await tellConflict(state, tr.question);
          return;
        }
        const result = answer(def, state, tr.question, tr.option, click.userId, deps.now());
        next = result.state;
        const label = escapeText(optionLabel(ctx, lang, tr.question, tr.option));
        if (result.replaced && result.replaced.option !== tr.option) {
          notice = t(lang, "wtReplaced", {
            user,
            option: label,
            prevOption: escapeText(optionLabel(ctx, lang, tr.question, result.replaced.option)),
            prevUser: result.replaced.by ? mentionUser(result.replaced.by) : t(lang, "wtSomeone"),
          });
        } else {
          notice = t(lang, "wtAnswered", {
            user,
            question: escapeText(topicOf(ctx, lang, tr.question)),
            option: label,
          });
        }
        break;
      }
      case "skip":
        if (tr.question !== state.current) {
          await tell(t(lang, "wtConflictGeneric"));
          return;
        }
        next = skip(def, state);
        notice = t(lang, "wtSkippedBy", {
          user,
          question: escapeText(topicOf(ctx, lang, tr.question ?? "")),
        });
        break;
      case "back":
        next = back(def, state);
        notice = t(lang, "wtBackBy", { user });
        break;
      case "restart":
        next = restart(def, state);
        notice = t(lang, "wtRestartedBy", { user });
        break;
      case "jump":
        next = jump(def, state, tr.question);
        break;
      case "finish":
        next = finish(def, state);
        break;
    }
  } catch (err) {
    if (err instanceof WalkthroughError) {
      if (err.code === "questions-open") await tell(t(lang, "wtConflictGeneric"));
      else
        await tell(t(lang, err.code === "nothing-to-go-back-to" ? "wtNothingToGoBack" : "wtStale"));
      return;
    }
    throw err;
  }

  const finished = isFinished(def, next);
  const saved = await deps.store.updateSession(session.id, session.version, {
    state: next,
    ...(finished ? { status: "finished" as const } : {}),
  });
  if (!saved.ok) {
    const current = saved.current ? stateOf(ctx, saved.current) : null;
    await tellConflict(current, tr.kind === "option" ? tr.question : null);
    return;
  }

  if (!finished) {
    await showQuestion(ctx, saved.session, next, notice);
    return;
  }
  await finishWalkthrough(ctx, saved.session, next, notice);
}

async function showQuestion(
  ctx: SlackCtx,
  session: StoredSession,
  state: SessionState,
  notice?: string,
) {
  const message = renderQuestion(ctx.deps.walkthrough, info(session), state, notice);
  if (session.messages.questionTs) {
    await ctx.client.chat.update({
      channel: session.channelId,
      ts: session.messages.questionTs,
      ...message,
    });
  } else {
    await ctx.client.chat.postMessage({
      channel: session.channelId,
      thread_ts: session.threadTs,
      ...message,
    });
  }
}

function participantsOf(session: StoredSession, state: SessionState): string[] {
  const people = [session.startedBy];
  for (const a of Object.values(state.answers)) if (a.by) people.push(a.by);
  return [...new Set(people)];
}

/** The walkthrough is over: summary in the thread (and DECISIONS_CHANNEL), decision saved. */
async function finishWalkthrough(
  ctx: SlackCtx,
  session: StoredSession,
  state: SessionState,
  notice?: string,
) {
  const { deps, client, logger } = ctx;
  const def = deps.walkthrough;
  const lang = session.lang;
  if (session.messages.questionTs) {
    await client.chat
      .update({
        channel: session.channelId,
        ts: session.messages.questionTs,
        ...renderQuestionsDone(def, info(session), state, notice),
      })
      .catch((err: unknown) =>
        logger.warn(`Could not update the question message: ${describeError(err)}`),
      );
  }
  const decision = decide(def, deps.matrix, answersOf(state));
  const view = describeDecision(def, deps.matrix, decision, lang);
  const participants = participantsOf(session, state);
  const threadLink = await permalink(ctx, session.channelId, session.threadTs);
  const recordMarkdown = buildRecord(deps, decision, {
    title: session.title,
    date: deps.now(),
    participants,
    threadLink,
    lang,
  });
  const saved = await deps.store.saveDecision({
    teamId: session.teamId,
    channelId: session.channelId,
    threadTs: session.threadTs,
    ...(threadLink ? { threadLink } : {}),
    sessionId: session.id,
    title: session.title,
    recommendation: decision.recommendation,
    lang,
    summary: decision,
    recordMarkdown,
    participants,
    matrixVersion: decision.matrixVersion,
  });
  const summary = renderSummary(view, { title: session.title, participants, decisionId: saved.id });
  const posted = await client.chat.postMessage({
    channel: session.channelId,
    thread_ts: session.threadTs,
    ...summary,
  });
  await deps.store
    .updateSession(session.id, session.version, {
      messages: { ...session.messages, summaryTs: posted.ts as string },
    })
    .catch((err: unknown) => logger.warn(`Could not save the summary's ts: ${describeError(err)}`));
  if (deps.decisionsChannel && deps.decisionsChannel !== session.channelId) {
    await client.chat
      .postMessage({
        channel: deps.decisionsChannel,
        ...renderSummary(view, {
          title: session.title,
          participants,
          ...(threadLink ? { threadLink } : {}),
        }),
      })
      .catch((err: unknown) =>
        logger.warn(
          `Could not post to DECISIONS_CHANNEL ${deps.decisionsChannel}: ${describeError(err)}`,
        ),
      );
  }
}

export async function permalink(
  ctx: SlackCtx,
  channel: string,
  ts: string,
): Promise<string | undefined> {
  try {
    const res = await ctx.client.chat.getPermalink({ channel, message_ts: ts });
    return typeof res.permalink === "string" ? res.permalink : undefined;
  } catch (err) {
    ctx.logger.warn(`chat.getPermalink failed: ${describeError(err)}`);
    return undefined;
  }
}

/** `@bot summary`: the state of the thread's walkthrough, posted in the thread. */
export async function postState(
  ctx: SlackCtx,
  where: { channel: string; threadTs: string; user: string; lang: Lang },
): Promise<void> {
  const session = await ctx.deps.store.findSessionByThread(
    ctx.teamId,
    where.channel,
    where.threadTs,
  );
  const state = session && session.status === "active" ? stateOf(ctx, session) : null;
  if (!session || !state) {
    await ctx.client.chat.postMessage({
      channel: where.channel,
      thread_ts: where.threadTs,
      text: t(where.lang, "wtNoneHere"),
    });
    return;
  }
  const def = ctx.deps.walkthrough;
  const view = describeDecision(
    def,
    ctx.deps.matrix,
    decide(def, ctx.deps.matrix, answersOf(state)),
    session.lang,
  );
  await ctx.client.chat.postMessage({
    channel: where.channel,
    thread_ts: where.threadTs,
    ...renderState(def, info(session), state, view),
  });
}

export { answersOfDecision } from "./stored-decision.js";
