import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { renderAnswer } from "../../blocks/answer.js";
import { renderAnswerModal } from "../../blocks/home-modals.js";
import { sections } from "../../blocks/limits.js";
import type { RenderedMessage } from "../../blocks/message.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, slackErrorCode, userErrorMessage } from "../../errors.js";
import { botMention, mentionUser } from "../../escape.js";
import { stripBotMention } from "../../intents.js";
import { resolveLang } from "../../lang.js";
import { t } from "../../messages/shortcuts-home.js";

export const ASK_ABOUT_MESSAGE_CALLBACK = "ask_about_message";

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

const USER_ID = /^[UW][A-Z0-9]{2,30}$/;

/** Where postEphemeral cannot reach the user because the bot is not there (a channel, a DM). */
const NOT_THERE = new Set(["not_in_channel", "channel_not_found"]);

/**
 * The "Ask ECS vs EKS" message shortcut: the message's text answered as a question to the bot would
 * be (the answer card with Share, the choice, or the polite no-match), only to the person who used
 * the shortcut, in the message's thread. Nothing is ever posted for everyone: sharing is the card's
 * own Share button. Where the bot is not a member, the answer goes through the shortcut's
 * response_url, and failing that into a modal.
 */
export function askAboutMessage(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { ack, shortcut, client, context, logger } = args;
    await ack();
    const user = shortcut.user.id;
    const channel = shortcut.channel.id;
    const teamId = context.teamId ?? shortcut.team?.id ?? shortcut.user.team_id;
    const author = shortcut.message.user;
    const threadTs = shortcut.message.thread_ts ?? shortcut.message.ts;
    const question = stripBotMention(shortcut.message.text ?? "", context.botUserId);
    const lang = await resolveLang(deps, { teamId, channelId: channel }, question);
    const bot = botMention(context.botUserId);

    let reply: RenderedMessage | { text: string };
    if (question === "") {
      reply = { text: t(lang, "shortcutNoText", { cmd: deps.command, bot }) };
    } else {
      const model = deps.answerer.answer(question, lang).model;
      reply = renderAnswer(model, {
        question,
        shareable: true,
        // The card says whose words it answers, unless they are the reader's own.
        ...(author && author !== user ? { askedBy: mentionUser(author) } : {}),
        // Credited with what a "should we use ECS or EKS?" message gives away, if it starts a walkthrough.
        askerId: author && USER_ID.test(author) ? author : user,
      });
    }

    try {
      await client.chat.postEphemeral({ channel, user, thread_ts: threadTs, ...reply });
      return;
    } catch (err) {
      const code = slackErrorCode(err);
      logger.warn(`ask_about_message in ${channel}: postEphemeral failed: ${describeError(err)}`);
      if (!code || !NOT_THERE.has(code)) {
        await respondQuietly(args, { text: userErrorMessage(err, lang, bot) });
        return;
      }
    }
    // The bot is not in the conversation: the response_url still reaches the user there.
    if (await respondQuietly(args, reply)) return;
    try {
      const shown = "blocks" in reply ? reply : { text: reply.text, blocks: sections(reply.text) };
      await client.views.open({
        trigger_id: shortcut.trigger_id,
        view: renderAnswerModal(shown, lang, {
          command: deps.command,
          title: t(lang, "shortcutModalTitle"),
          note: t(lang, "shortcutModalNote", { bot }),
        }),
      });
    } catch (err) {
      logger.error(`ask_about_message: no way to answer ${user}: ${describeError(err)}`);
    }
  };
}

/** An ephemeral reply through the shortcut's response_url; false when there is none or it failed. */
async function respondQuietly(
  { respond, logger }: Args,
  message: RenderedMessage | { text: string },
): Promise<boolean> {
  if (!respond) return false;
  try {
    await respond({ response_type: "ephemeral", ...message });
    return true;
  } catch (err) {
    logger.warn(`ask_about_message: response_url failed: ${describeError(err)}`);
    return false;
  }
}
