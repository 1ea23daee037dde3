import { renderStartModal, type StartModalMetadata } from "../blocks/start-modal.js";
import { describeError } from "../errors.js";
import { t } from "../messages.js";
import type { SlackCtx } from "./ctx.js";

/** Where the start modal was opened from: what its metadata carries, minus the version. */
export type StartPlace = Omit<StartModalMetadata, "v" | "k">;

/** Opens the start modal on a click's or shortcut's trigger_id. Web API errors propagate. */
export async function openStartModal(
  ctx: SlackCtx,
  o: { triggerId: string; place: StartPlace; title?: string; owner: string },
): Promise<void> {
  await ctx.client.views.open({
    trigger_id: o.triggerId,
    view: renderStartModal(o.place, {
      title: o.title ?? defaultTitle(o.place.lang),
      owner: o.owner,
    }),
  });
}

function defaultTitle(lang: StartPlace["lang"]): string {
  return t(lang, "wtDefaultTitle");
}

/**
 * Whether a walkthrough is already running in a thread, so the modal is not offered for a second
 * one. A store that cannot answer says no: startWalkthrough checks again when the modal is submitted.
 */
export async function isRunningIn(ctx: SlackCtx, channel: string, threadTs: string) {
  const found = await ctx.deps.store
    .findSessionByThread(ctx.teamId, channel, threadTs)
    .catch(() => null);
  return found?.status === "active";
}

/**
 * Tells one user something only they see: an ephemeral in the channel (and thread) when there is
 * one, else, or when that fails (the bot is not in the channel), a direct message. Never throws,
 * never drops the message silently: the last failure is logged.
 */
export async function tellPrivately(
  ctx: SlackCtx,
  where: { user: string; channel?: string | undefined; threadTs?: string | undefined },
  text: string,
): Promise<void> {
  if (where.channel) {
    try {
      await ctx.client.chat.postEphemeral({
        channel: where.channel,
        user: where.user,
        text,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      });
      return;
    } catch (err) {
      ctx.logger.warn(`Could not tell ${where.user} in ${where.channel}: ${describeError(err)}`);
    }
  }
  try {
    await ctx.client.chat.postMessage({ channel: where.user, text });
  } catch (err) {
    ctx.logger.error(`Could not tell ${where.user} anything: ${describeError(err)}`);
  }
}
