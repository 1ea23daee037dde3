import { describeError } from "../errors.js";
import type { SlackCtx } from "./ctx.js";

/** A link to a message, or undefined when Slack will not give one (logged, never thrown). */
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
