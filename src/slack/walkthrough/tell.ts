import { describeError } from "../errors.js";
import type { SlackCtx } from "./ctx.js";

/** Where to tell one user something: a channel, and the thread when there is one. */
export interface Where {
  channel: string;
  user: string;
  threadTs?: string | undefined;
}

/** Tells one user something, in a thread, visible only to them. Never throws. */
export async function tellUser(ctx: SlackCtx, where: Where, text: string): Promise<void> {
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
