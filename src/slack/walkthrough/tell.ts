import type { StoredSession } from "../../store/index.js";
import type { RenderedMessage } from "../blocks/message.js";
import { describeError } from "../errors.js";
import type { SlackCtx } from "./ctx.js";

/** Where to tell one user something: a channel, and the thread when there is one. */
export interface Where {
  channel: string;
  user: string;
  threadTs?: string | undefined;
}

/**
 * Tells one user something, in a thread, visible only to them: a sentence, or a whole message (help,
 * a no-match answer). Never throws: a failure is logged, and false says the user was not told.
 */
export async function tellUser(
  ctx: SlackCtx,
  where: Where,
  message: string | RenderedMessage,
): Promise<boolean> {
  try {
    await ctx.client.chat.postEphemeral({
      channel: where.channel,
      user: where.user,
      ...(typeof message === "string" ? { text: message } : message),
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    });
    return true;
  } catch (err) {
    ctx.logger.warn(`Could not tell ${where.user} in ${where.channel}: ${describeError(err)}`);
    return false;
  }
}

/**
 * Tells one user something only they see: as tellUser in the channel (and thread) when there is
 * one, else, or when that fails (the bot is not in the channel), a direct message. Never throws,
 * never drops the message silently: the last failure is logged.
 */
export async function tellPrivately(
  ctx: SlackCtx,
  where: { user: string; channel?: string | undefined; threadTs?: string | undefined },
  text: string,
): Promise<void> {
  if (where.channel && (await tellUser(ctx, { ...where, channel: where.channel }, text))) return;
  try {
    await ctx.client.chat.postMessage({ channel: where.user, text });
  } catch (err) {
    ctx.logger.error(`Could not tell ${where.user} anything: ${describeError(err)}`);
  }
}

/**
 * How a walkthrough button answers its clicker: privately, in the session's thread (or the clicked
 * message's, when the session cannot be read). Nothing without a channel or a text.
 */
export function tellClicker(
  ctx: SlackCtx,
  click: { channelId: string | undefined; threadTs?: string | undefined; user: string },
  session: StoredSession | null,
): (text: string | undefined) => Promise<void> {
  return async (text) => {
    if (!text || !click.channelId) return;
    // The thread the person clicked in; the session's own only when the click came from its channel
    // (a click forged from elsewhere must not be answered in a thread of another channel).
    const own = session && session.channelId === click.channelId ? session.threadTs : undefined;
    const threadTs = click.threadTs ?? own;
    await tellUser(ctx, { channel: click.channelId, user: click.user, threadTs }, text);
  };
}
