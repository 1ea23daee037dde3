import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { titleFromText } from "../../blocks/start-modal.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { stripBotMention } from "../../intents.js";
import { resolveLang } from "../../lang.js";
import { t } from "../../messages.js";
import { plainText } from "../../plain-text.js";
import { slackCtx } from "../../walkthrough/ctx.js";
import { isRunningIn, openStartModal } from "../../walkthrough/start-modal.js";
import { tellPrivately } from "../../walkthrough/tell.js";

export const DECIDE_FROM_THREAD_CALLBACK = "decide_from_thread";

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * The "Decide ECS vs EKS" message shortcut: the start modal for the message's thread (the thread it is
 * in, or the one it starts), titled with the message's words. A thread whose walkthrough is still
 * running is told so, privately, instead.
 */
export function decideFromThread(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { ack, shortcut, context, logger } = args;
    await ack();
    const user = shortcut.user.id;
    const channel = shortcut.channel.id;
    const threadTs = shortcut.message.thread_ts ?? shortcut.message.ts;
    const ctx = slackCtx(
      deps,
      args,
      context.teamId ?? shortcut.team?.id ?? shortcut.user.team_id ?? "",
    );
    const words = plainText(stripBotMention(shortcut.message.text ?? "", context.botUserId));
    const lang = await resolveLang(deps, { teamId: ctx.teamId, channelId: channel }, words);
    const where = { user, channel, threadTs };
    try {
      if (await isRunningIn(ctx, channel, threadTs)) {
        await tellPrivately(ctx, where, t(lang, "wtAlreadyRunning"));
        return;
      }
      const title = titleFromText(words);
      await openStartModal(ctx, {
        triggerId: shortcut.trigger_id,
        owner: user,
        place: { lang, c: channel, t: threadTs },
        ...(title ? { title } : {}),
      });
    } catch (err) {
      logger.warn(`decide_from_thread in ${channel} failed: ${describeError(err)}`);
      await tellPrivately(ctx, where, userErrorMessage(err, lang, ctx.botMention));
    }
  };
}
