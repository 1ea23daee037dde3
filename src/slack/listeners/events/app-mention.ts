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
import { slackCtx } from "../../walkthrough/ctx.js";
import { postState } from "../../walkthrough/post-state.js";
import { startWalkthrough } from "../../walkthrough/start.js";
import { tellUser } from "../../walkthrough/tell.js";

type Args = SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs;

/**
 * @bot in a channel or thread: a question (answer card in the thread), decide / 決めたい (walkthrough
 * in the thread), summary (its state), or nothing in a thread (answers the thread's first message).
 */
export function appMention(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { event, client, context, logger, body } = args;
    const channel = event.channel;
    const threadTs = event.thread_ts ?? event.ts;
    const user = event.user ?? "";
    const teamId = context.teamId ?? body.team_id;
    const ctx = slackCtx(deps, args, teamId);
    const { botMention } = ctx;
    const where = { channel, user, threadTs };
    const langOf = (text: string) => resolveLang(deps, { teamId, channelId: channel }, text);
    let text = stripBotMention(event.text ?? "", context.botUserId);
    let lang = await langOf(text);
    /** The answer card for `question`, in the thread, saying who asked it. */
    const postAnswer = (question: string, asker: string | undefined) =>
      client.chat.postMessage({
        channel,
        thread_ts: threadTs,
        ...renderAnswer(deps.answerer.answer(question, lang).model, {
          question,
          ...(asker ? { askedBy: mentionUser(asker), askerId: asker } : {}),
        }),
      });
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
          await tellUser(ctx, where, t(lang, parent ? "errEmptyThreadParent" : "errNoParent"));
          return;
        }
        text = parentText;
        lang = await langOf(text);
        // A thread that is not about ECS or EKS is one person's business: only they see the
        // polite no-match.
        const model = deps.answerer.answer(text, lang).model;
        if (model.kind === "no-match") {
          await tellUser(ctx, where, renderAnswer(model, { question: text }));
          return;
        }
        await postAnswer(text, parent.user);
        return;
      }
      const intent = parseIntent(text);
      switch (intent.kind) {
        case "help": {
          // Help is for the one who asked: ephemeral, like /ecs-vs-eks help.
          await tellUser(
            ctx,
            where,
            renderHelp(deps.matrix, lang, { command: deps.command, botMention }),
          );
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
          await postState(ctx, { channel, threadTs, lang, user });
          return;
        case "decide": {
          const result = await startWalkthrough(ctx, {
            channelId: channel,
            threadTs,
            userId: user,
            title: intent.title || t(lang, "wtDefaultTitle"),
            lang,
          });
          if (!result.ok) await tellUser(ctx, where, t(lang, "wtAlreadyRunning"));
          return;
        }
        default: {
          // history and lang are channel commands; in a mention they read as questions too.
          await postAnswer(text, user || undefined);
        }
      }
    } catch (err) {
      logger.error(`app_mention in ${channel} failed: ${describeError(err)}`);
      await tellUser(ctx, where, userErrorMessage(err, lang, botMention));
    }
  };
}
