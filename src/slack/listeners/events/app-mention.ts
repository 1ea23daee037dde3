import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { renderAnswer } from "../../blocks/answer.js";
import { renderHelp } from "../../blocks/help.js";
import { renderMatrix } from "../../blocks/matrix.js";
import type { SlackDeps } from "../../deps.js";
import { describeError, userErrorMessage } from "../../errors.js";
import { mentionUser } from "../../escape.js";
import { parseIntent, stripBotMention } from "../../intents.js";
import { resolveLang } from "../../lang.js";
import { t } from "../../messages.js";
import { postState, type SlackCtx, startWalkthrough, tellUser } from "../../walkthrough/service.js";

type Args = SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs;

/**
 * @bot in a channel or thread: a question (answer card in the thread), decide / 決めたい (walkthrough
 * in the thread), summary (its state), or nothing in a thread (answers the thread's first message).
 */
export function appMention(deps: SlackDeps) {
  return async ({ event, client, context, logger, body }: Args): Promise<void> => {
    const channel = event.channel;
    const threadTs = event.thread_ts ?? event.ts;
    const user = event.user ?? "";
    const teamId = context.teamId ?? body.team_id;
    const botMention = context.botUserId ? `<@${context.botUserId}>` : "@ecs-vs-eks";
    const ctx: SlackCtx = { deps, client, logger, teamId, botMention };
    let text = stripBotMention(event.text ?? "", context.botUserId);
    let lang = await resolveLang(deps.store, teamId, channel, text, deps.defaultLang);
    try {
      if (text === "" && event.thread_ts) {
        // "@bot" alone in a thread: answer the thread's first message.
        const replies = await client.conversations.replies({
          channel,
          ts: event.thread_ts,
          limit: 1,
          inclusive: true,
        });
        const parent = replies.messages?.[0];
        const parentText = stripBotMention(parent?.text ?? "", context.botUserId);
        if (!parent || parentText === "") {
          await tellUser(
            ctx,
            { channel, user, threadTs },
            t(lang, parent ? "errEmptyThreadParent" : "errNoParent"),
          );
          return;
        }
        text = parentText;
        lang = await resolveLang(deps.store, teamId, channel, text, deps.defaultLang);
        const result = deps.answerer.answer(text, lang);
        await client.chat.postMessage({
          channel,
          thread_ts: threadTs,
          ...renderAnswer(result.model, {
            question: text,
            ...(parent.user ? { askedBy: mentionUser(parent.user) } : {}),
          }),
        });
        return;
      }
      const intent = parseIntent(text);
      switch (intent.kind) {
        case "help": {
          const help = renderHelp(deps.matrix, lang, { command: deps.command, botMention });
          await client.chat.postMessage({ channel, thread_ts: threadTs, ...help });
          return;
        }
        case "matrix":
          await client.chat.postMessage({
            channel,
            thread_ts: threadTs,
            ...renderMatrix(deps.matrix, lang, { command: deps.command }),
          });
          return;
        case "summary":
          await postState(ctx, { channel, threadTs, user, lang });
          return;
        case "decide": {
          const result = await startWalkthrough(ctx, {
            channelId: channel,
            threadTs,
            userId: user,
            title: intent.title || t(lang, "wtDefaultTitle"),
            lang,
          });
          if (!result.ok)
            await tellUser(ctx, { channel, user, threadTs }, t(lang, "wtAlreadyRunning"));
          return;
        }
        default: {
          // history and lang are channel commands; in a mention they read as questions too.
          const result = deps.answerer.answer(text, lang);
          await client.chat.postMessage({
            channel,
            thread_ts: threadTs,
            ...renderAnswer(result.model, { question: text, askedBy: mentionUser(user) }),
          });
        }
      }
    } catch (err) {
      logger.error(`app_mention in ${channel} failed: ${describeError(err)}`);
      await tellUser(ctx, { channel, user, threadTs }, userErrorMessage(err, lang, botMention));
    }
  };
}
