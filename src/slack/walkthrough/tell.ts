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
 * a no-match answer). Never throws.
 */
export async function tellUser(
  ctx: SlackCtx,
  where: Where,
  message: string | RenderedMessage,
): Promise<void> {
  try {
    await ctx.client.chat.postEphemeral({
      channel: where.channel,
      user: where.user,
      ...(typeof message === "string" ? { text: message } : message),
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    });
  } catch (err) {
    ctx.logger.warn(`Could not tell ${where.user} in ${where.channel}: ${describeError(err)}`);
  }
}
