import type { Lang } from "../../core/i18n/lang.js";
import { remindWindow, waitingOn } from "../../core/walkthrough/index.js";
import { joinMentions } from "../blocks/participation.js";
import { escapeText } from "../escape.js";
import { t } from "../messages/participation.js";
import { once } from "../schedule/sweeper.js";
import type { SlackCtx } from "./ctx.js";
import { clickableSession } from "./session.js";
import { tellClicker } from "./tell.js";

export interface RemindInput {
  sessionId: string;
  /** The language the button was drawn in, for replies when the session cannot be read. */
  lang: Lang;
  channelId: string | undefined;
  threadTs: string | undefined;
  by: string;
}

/** A time as Slack shows it in the reader's own time zone (UTC in the fallback). */
function slackTime(at: Date, lang: Lang): string {
  const fallback = t(lang, "timeUtc", { time: at.toISOString().slice(11, 16) });
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
  const found = await deps.store.getSession(input.sessionId);
  const lang = found?.lang ?? input.lang;
  const tell = tellClicker(ctx, { ...input, user: input.by }, found);
  const clickable = await clickableSession(ctx, found, input.channelId, tell, {
    refusal: lang,
    stale: lang,
  });
  if (!clickable) return;
  const { session, state } = clickable;
  const waiting = waitingOn(deps.walkthrough, state, session.plan.invitees);
  if (waiting.length === 0) return tell(t(lang, "remindNobody"));

  const window = remindWindow(deps.now());
  if (!(await once(deps, `remind:${session.id}:${window.index}`))) {
    return tell(
      t(lang, "remindTooSoon", {
        from: slackTime(window.from, lang),
        until: slackTime(window.until, lang),
      }),
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
