import { refusal } from "../../core/access.js";
import type { Lang } from "../../core/i18n/lang.js";
import { remindWindow, waitingOn } from "../../core/walkthrough/index.js";
import { joinMentions } from "../blocks/participation.js";
import { escapeText } from "../escape.js";
import { t } from "../messages/participation.js";
import { t as tm } from "../messages.js";
import { once } from "../schedule/sweeper.js";
import type { SlackCtx } from "./ctx.js";
import { runningState } from "./session.js";
import { tellUser } from "./tell.js";

export interface RemindInput {
  sessionId: string;
  /** The language the button was drawn in, for replies when the session cannot be read. */
  lang: Lang;
  channelId: string | undefined;
  threadTs: string | undefined;
  by: string;
}

/** A time as Slack shows it in the reader's own time zone (UTC in the fallback). */
function slackTime(at: Date): string {
  const fallback = `${at.toISOString().slice(11, 16)} UTC`;
  return `<!date^${Math.floor(at.getTime() / 1000)}^{time}|${fallback}>`;
}

/**
 * Remind on the question message: one thread reply mentioning the invitees who have not answered
 * (an edited message notifies nobody; a new reply does), and a private word to the clicker. At most
 * one reminder per session in each 10-minute window, across replicas: the window's claim decides,
 * so two people clicking at once, or one person clicking twice, post one reply between them.
 */
export async function remindInvitees(ctx: SlackCtx, input: RemindInput): Promise<void> {
  const { deps } = ctx;
  const session = await deps.store.getSession(input.sessionId);
  const lang = session?.lang ?? input.lang;
  const tell = async (text: string) => {
    if (!input.channelId) return;
    const threadTs = session?.threadTs ?? input.threadTs;
    await tellUser(ctx, { channel: input.channelId, user: input.by, threadTs }, text);
  };
  if (session && refusal({ teamId: ctx.teamId, channelId: input.channelId }, session)) {
    return tell(tm(lang, "accessElsewhere"));
  }
  const state = runningState(deps.walkthrough, session);
  if (!session || !state) return tell(tm(lang, "wtStale"));
  const waiting = waitingOn(deps.walkthrough, state, session.plan.invitees);
  if (waiting.length === 0) return tell(t(lang, "remindNobody"));

  const window = remindWindow(deps.now());
  if (!(await once(deps, `remind:${session.id}:${window.index}`))) {
    return tell(
      t(lang, "remindTooSoon", { from: slackTime(window.from), until: slackTime(window.until) }),
    );
  }
  const users = joinMentions(lang, waiting);
  await ctx.client.chat.postMessage({
    channel: session.channelId,
    thread_ts: session.threadTs,
    text: t(lang, "remindReply", { users, title: escapeText(session.title) }),
  });
  await tell(t(lang, "remindSent", { users }));
}
