import type { Visibility } from "../../core/access.js";
import { describeError } from "../errors.js";
import type { SlackCtx } from "./ctx.js";

/**
 * Whether a channel is public, asked of Slack when a decision is saved (conversations.info, with
 * the channels:read and groups:read scopes). Private channels, DMs and group DMs are private; so is
 * any channel Slack will not describe: when in doubt, the decision is kept to its own channel.
 */
export async function channelVisibility(ctx: SlackCtx, channel: string): Promise<Visibility> {
  try {
    const res = await ctx.client.conversations.info({ channel });
    const c = res.channel;
    if (!c || c.is_private || c.is_im || c.is_mpim) return "private";
    return c.is_channel === true || c.is_private === false ? "public" : "private";
  } catch (err) {
    ctx.logger.warn(`conversations.info failed: ${describeError(err)}`);
    return "private";
  }
}
